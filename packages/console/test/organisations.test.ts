// The console's organisations section in Chromium against a real server with the demo space: a
// staff person creates an organisation (a wrong billing email caught on its field before anything
// is sent, what was typed kept), edits it, meets a change saved meanwhile by someone else (refused
// by the server, 412, and shown as it is now), and deletes it; the API says each change happened.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { getOrganisation, listOrganisations, updateOrganisation } from '@coworking-commons/client';
import type { Page } from 'puppeteer-core';
import { click, clickButton, overflowsSideways, pierce, shoot, signIn, startConsoleServer, waitForText, type ConsoleServer } from './support/console-page.ts';

let app: ConsoleServer;
before(async () => {
  app = await startConsoleServer();
});
after(() => app?.close());

const spaceId = 'la-ruche';
const staff = () => app.server.client(app.demo.staffKey!);
const organisations = async () => (await listOrganisations(staff(), { path: { spaceId }, query: { limit: 100 } })).data.items;
const activeId = (page: Page) =>
  page.evaluate(() => document.querySelector('cowork-console')!.shadowRoot!.querySelector('cowork-console-organisations')!.shadowRoot!.activeElement?.id);

async function retype(page: Page, selector: string, text: string): Promise<void> {
  const input = await pierce(page, selector);
  await input.evaluate((el) => ((el as HTMLInputElement).value = ''));
  await input.type(text);
}

test('a staff person creates, edits and deletes an organisation; a stale edit is refused and shown (French)', async () => {
  const before = await organisations();
  const opened = await app.open(['fr-FR', 'fr'], `/console/?space=${spaceId}#organisations`);
  const { page } = opened;
  try {
    await signIn(app, page, app.demo.staffEmail);
    await waitForText(page, 'Nouvelle organisation');
    await clickButton(page, 'Nouvelle organisation');
    await pierce(page, '#organisation-name');
    assert.equal(await activeId(page), 'organisation-name', 'the form has the focus');
    await page.keyboard.type('Atelier Nord');
    await retype(page, '#organisation-legal-name', 'Atelier Nord SCOP SARL');
    await retype(page, '#organisation-registration', '812 345 678 00021');
    await retype(page, '#organisation-email', 'factures chez atelier-nord');
    await clickButton(page, 'Créer l’organisation');
    await waitForText(page, 'Indiquez une adresse e-mail');
    assert.equal(await activeId(page), 'organisation-email', 'the wrong field has the focus');
    assert.equal(await (await pierce(page, '#organisation-name')).evaluate((el) => (el as HTMLInputElement).value), 'Atelier Nord', 'what was typed stays');
    assert.equal((await organisations()).length, before.length, 'nothing was sent');
    await shoot(page, 'organisation-form-fr');
    await page.setViewport({ width: 360, height: 900 });
    assert.equal(await overflowsSideways(page), false);
    await page.setViewport({ width: 1280, height: 900 });
    await retype(page, '#organisation-email', 'factures@atelier-nord.example');
    await retype(page, '#organisation-street', '5 rue Lamoricière');
    await retype(page, '#organisation-postal-code', '44100');
    await retype(page, '#organisation-locality', 'Nantes');
    await retype(page, '#organisation-country', 'fr');
    await clickButton(page, 'Créer l’organisation');
    await waitForText(page, 'Enregistrée : Atelier Nord.');
    const created = (await organisations()).find((o) => o.name === 'Atelier Nord');
    assert.ok(created, 'the organisation was created');
    assert.equal(created.legalName, 'Atelier Nord SCOP SARL');
    assert.equal(created.billingEmail, 'factures@atelier-nord.example');
    assert.deepEqual(created.address, { street: '5 rue Lamoricière', postalCode: '44100', locality: 'Nantes', country: 'FR' });

    // Edit: the registered name emptied is removed.
    await click(page, `[data-organisation="${created.id}"] .edit`);
    await retype(page, '#organisation-name', 'Atelier Nord (Île de Nantes)');
    await (await pierce(page, '#organisation-legal-name')).evaluate((el) => {
      (el as HTMLInputElement).value = '';
      el.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    });
    await clickButton(page, 'Enregistrer');
    await waitForText(page, 'Enregistrée : Atelier Nord (Île de Nantes).');
    const edited = (await getOrganisation(staff(), { path: { spaceId, organisationId: created.id } })).data;
    assert.equal(edited.name, 'Atelier Nord (Île de Nantes)');
    assert.equal(edited.legalName, undefined);

    // Someone else renames it meanwhile: the console's change is refused by the server and the form shows theirs.
    await click(page, `[data-organisation="${created.id}"] .edit`);
    await updateOrganisation(staff(), { path: { spaceId, organisationId: created.id }, body: { name: 'Atelier Nord & Cie' } });
    await retype(page, '#organisation-name', 'Mon nom à moi');
    await clickButton(page, 'Enregistrer');
    await waitForText(page, 'Quelqu’un a modifié cette organisation');
    assert.equal(await (await pierce(page, '#organisation-name')).evaluate((el) => (el as HTMLInputElement).value), 'Atelier Nord & Cie', 'shown as it is now');
    assert.equal((await getOrganisation(staff(), { path: { spaceId, organisationId: created.id } })).data.name, 'Atelier Nord & Cie', 'not overwritten');
    assert.ok(opened.problems.some((problem) => problem.includes('412')), `the server refused the stale change itself: ${opened.problems.join(' | ')}`);
    await shoot(page, 'organisation-stale-fr');
    await clickButton(page, 'Annuler');

    // Delete, after saying yes.
    await click(page, `[data-organisation="${created.id}"] .button.danger`);
    await waitForText(page, 'Ses membres restent membres de l’espace.');
    await clickButton(page, 'Oui, la supprimer');
    await waitForText(page, 'Supprimée : Atelier Nord & Cie.');
    assert.equal((await organisations()).some((o) => o.id === created.id), false, 'deleted');
    assert.deepEqual(
      opened.problems.filter((problem) => !/status of 412|^HTTP 412: PATCH/.test(problem)),
      [],
    );
  } finally {
    await opened.close();
  }
});
