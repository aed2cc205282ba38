// The console's plans section in Chromium against a real server with the demo space: a staff
// person creates a plan (a wrong price is caught on its field before anything is sent, and what
// was typed stays), edits it, translates it, and deletes it; the API says each change happened.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { listPlans } from '@coworking-commons/client';
import { click, clickButton, overflowsSideways, pierce, shoot, signIn, startConsoleServer, textOf, waitForText, type ConsoleServer } from './support/console-page.ts';

let app: ConsoleServer;
before(async () => {
  app = await startConsoleServer();
});
after(() => app?.close());

const plans = async () => (await listPlans(app.server.client(app.demo.staffKey!), { path: { spaceId: 'la-ruche' }, query: { limit: 100 } })).data.items;

test('a staff person creates, edits, translates and deletes a plan (French)', async () => {
  const before = await plans();
  assert.ok(before.length > 0, 'the demo space has plans');
  const opened = await app.open(['fr-FR', 'fr'], '/console/?space=la-ruche#plans');
  const { page } = opened;
  try {
    await signIn(app, page, app.demo.staffEmail);
    await waitForText(page, 'Formules d’abonnement');
    for (const plan of before) await waitForText(page, plan.name);
    await shoot(page, 'plans-fr');
    await page.setViewport({ width: 360, height: 900 });
    assert.equal(await overflowsSideways(page), false);
    await page.setViewport({ width: 1280, height: 900 });

    await clickButton(page, 'Nouvelle formule');
    const name = await pierce(page, '#plan-name');
    await name.type('Mi-temps');
    await (await pierce(page, '#plan-price')).type('douze');
    await (await pierce(page, '#plan-includes')).type('Accès du lundi au vendredi, 9 h – 13 h\n4 heures de salle par mois');
    await (await pierce(page, '#plan-en-name')).type('Half-time');
    await clickButton(page, 'Créer la formule');
    await waitForText(page, 'Indiquez le prix en chiffres');
    assert.equal(await page.evaluate(() => document.querySelector('cowork-console')!.shadowRoot!.querySelector('cowork-console-plans')!.shadowRoot!.activeElement?.id), 'plan-price', 'the wrong field has the focus');
    assert.equal(await name.evaluate((el) => (el as HTMLInputElement).value), 'Mi-temps', 'what was typed stays');
    assert.equal((await plans()).length, before.length, 'nothing was sent');
    await shoot(page, 'plan-form-fr');
    const price = await pierce(page, '#plan-price');
    await price.evaluate((el) => ((el as HTMLInputElement).value = ''));
    await price.type('149,50');
    await clickButton(page, 'Créer la formule');
    await waitForText(page, '149,50');
    const created = (await plans()).find((plan) => plan.name === 'Mi-temps');
    assert.ok(created, 'the plan was created');
    assert.deepEqual(created.price, { amount: 14950, currency: 'EUR' });
    assert.equal(created.period, 'month');
    assert.deepEqual(created.includes, ['Accès du lundi au vendredi, 9 h – 13 h', '4 heures de salle par mois']);
    assert.equal(created.translations?.en?.name, 'Half-time');

    // Edit it: a new price, highlighted.
    await click(page, `[data-plan="${created.id}"] .edit`);
    const edit = await pierce(page, '#plan-price');
    await edit.evaluate((el) => ((el as HTMLInputElement).value = ''));
    await edit.type('159');
    await click(page, '#plan-featured');
    await clickButton(page, 'Enregistrer');
    await waitForText(page, 'Nouvelle formule', 10_000);
    await waitForText(page, '159');
    const edited = (await plans()).find((plan) => plan.id === created.id)!;
    assert.equal(edited.price.amount, 15900);
    assert.equal(edited.featured, true);

    // Delete it, after saying yes.
    await click(page, `[data-plan="${created.id}"] .button.danger`);
    await waitForText(page, 'Supprimer la formule « Mi-temps »');
    await clickButton(page, 'Supprimer la formule');
    await waitForText(page, 'Supprimée : Mi-temps');
    assert.equal((await plans()).some((plan) => plan.id === created.id), false);
    assert.equal((await textOf(page)).includes('Mi-temps Mise en avant'), false);
    assert.deepEqual(opened.problems, []);
  } finally {
    await opened.close();
  }
});

test('the plans in English, with their English names', async () => {
  const opened = await app.open(['en-GB', 'en'], '/console/?space=la-ruche#plans');
  const { page } = opened;
  try {
    await signIn(app, page, app.demo.adminEmail);
    await waitForText(page, 'Membership plans');
    const translatedName = (await plans()).find((plan) => plan.translations?.en?.name)?.translations?.en?.name;
    assert.ok(translatedName, 'a demo plan has an English name');
    await waitForText(page, translatedName);
    await shoot(page, 'plans-en');
    assert.deepEqual(opened.problems, []);
  } finally {
    await opened.close();
  }
});
