// The console's plans section in Chromium against a real server with the demo space: a staff
// person creates a plan (a wrong price is caught on its field before anything is sent, and what
// was typed stays), edits it, translates it, and deletes it; the API says each change happened. A
// plan changed meanwhile by someone else is refused by the server (412), shown as it is now, and
// not overwritten. What a plan grants (credits, days, resource types, access hours) is set in the
// form, checked there before sending, and said in plain words on each plan's card.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createPlan, deletePlan, getPlan, listPlans, updatePlan } from '@coworking-commons/client';
import type { Page } from 'puppeteer-core';
import { click, clickButton, overflowsSideways, pierce, shoot, signIn, startConsoleServer, textOf, waitForText, type ConsoleServer } from './support/console-page.ts';

let app: ConsoleServer;
before(async () => {
  app = await startConsoleServer();
});
after(() => app?.close());

const staff = () => app.server.client(app.demo.staffKey!);
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
    // What each demo plan grants, in plain French.
    await waitForText(page, '10 crédits et 8 jours par mois · postes en open space, salles de réunion et cabines téléphoniques');
    await waitForText(page, '30 crédits par mois, jours illimités · bureaux attitrés, salles de réunion et cabines téléphoniques');
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

test('the form sets what a plan grants: credits, days, resource types, access hours; a wrong number is caught on its field before sending (English)', async () => {
  const spaceId = 'la-ruche';
  const before = await plans();
  const opened = await app.open(['en-GB', 'en'], `/console/?space=${spaceId}#plans`);
  const { page } = opened;
  let created: Awaited<ReturnType<typeof plans>>[number] | undefined;
  try {
    await signIn(app, page, app.demo.staffEmail);
    await waitForText(page, 'Membership plans');
    // The demo plans say what they grant, in plain words.
    await waitForText(page, '10 credits and 8 days per month · hot desks, meeting rooms, and phone booths');
    await waitForText(page, '20 credits per month, unlimited days');

    await clickButton(page, 'New plan');
    await (await pierce(page, '#plan-name')).type('Flex');
    await (await pierce(page, '#plan-price')).type('90');
    await (await pierce(page, '#plan-credits')).type('12');
    await (await pierce(page, '#plan-included-days')).type('four');
    await click(page, '#plan-type-hot_desk');
    await click(page, '#plan-type-phone_booth');
    await clickButton(page, 'Add access hours');
    await setValue(page, '#plan-hours-0-opens', '08:00');
    await setValue(page, '#plan-hours-0-closes', '13:00');
    await clickButton(page, 'Create the plan');
    await waitForText(page, 'A whole number of days from 0 to 366, or empty for unlimited.');
    assert.equal(await page.evaluate(() => document.querySelector('cowork-console')!.shadowRoot!.querySelector('cowork-console-plans')!.shadowRoot!.activeElement?.id), 'plan-included-days', 'the wrong field has the focus');
    assert.equal(await valueOf(page, '#plan-credits'), '12', 'what was typed stays');
    assert.equal((await plans()).length, before.length, 'nothing was sent');
    await page.setViewport({ width: 360, height: 900 });
    assert.equal(await overflowsSideways(page), false, 'the form fits 360 px');
    await shoot(page, 'plan-grants-form-en');

    await retype(page, '#plan-included-days', '4');
    await clickButton(page, 'Create the plan');
    await waitForText(page, 'Saved: Flex.');
    created = (await plans()).find((plan) => plan.name === 'Flex');
    assert.ok(created, 'the plan was created');
    assert.deepEqual(created.grants, { credits: 12, includedDays: 4, resourceTypes: ['hot_desk', 'phone_booth'], accessHours: [{ day: 'monday', opens: '08:00', closes: '13:00' }] });
    await waitForText(page, '12 credits and 4 days per month · hot desks and phone booths · Mon 08:00–13:00');

    // Edit it: unlimited days (the field emptied), every resource type (none ticked), the space's hours (the range removed).
    await click(page, `[data-plan="${created.id}"] .edit`);
    await setValue(page, '#plan-included-days', '');
    await click(page, '#plan-type-hot_desk');
    await click(page, '#plan-type-phone_booth');
    await click(page, '[data-hours="0"] .button');
    await clickButton(page, 'Save');
    await waitForText(page, '12 credits per month, unlimited days · every resource');
    const edited = (await getPlan(staff(), { path: { spaceId, planId: created.id } })).data;
    assert.deepEqual(edited.grants, { credits: 12 });
    assert.deepEqual(opened.problems, []);
  } finally {
    await opened.close();
    if (created) await deletePlan(staff(), { path: { spaceId, planId: created.id } });
  }
});

/** Types `text` into the field `selector` (in any shadow root) after emptying it. */
async function retype(page: Page, selector: string, text: string): Promise<void> {
  const input = await pierce(page, selector);
  await input.evaluate((el) => ((el as HTMLInputElement).value = ''));
  await input.type(text);
}

/** Sets an input's value as a person's choice would (time inputs included). */
async function setValue(page: Page, selector: string, value: string): Promise<void> {
  const control = await pierce(page, selector);
  await control.evaluate((el, v) => {
    (el as HTMLInputElement).value = v;
    el.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  }, value);
}

const valueOf = async (page: Page, selector: string) => (await pierce(page, selector)).evaluate((el) => (el as HTMLInputElement).value);

test('a plan changed by someone else meanwhile: the server refuses the stale save (412), the console shows it as it is now (English)', async () => {
  const spaceId = 'la-ruche';
  const { data: plan } = await createPlan(staff(), { path: { spaceId }, body: { name: 'Night owl', price: { amount: 9900, currency: 'EUR' }, period: 'month', includes: ['Access after 6 pm'] } });
  assert.equal(typeof plan.version, 'number', 'the server sends versions');
  const opened = await app.open(['en-GB', 'en'], `/console/?space=${spaceId}#plans`);
  const { page } = opened;
  try {
    await signIn(app, page, app.demo.staffEmail);
    await waitForText(page, 'Night owl');
    await click(page, `[data-plan="${plan.id}"] .edit`);
    await pierce(page, '#plan-price');
    // Meanwhile, another staff person renames it and changes its price through the API.
    const { data: theirs } = await updatePlan(staff(), { path: { spaceId, planId: plan.id }, header: { 'If-Match': `"${plan.version}"` }, body: { name: 'Night owl (evenings)', price: { amount: 10900, currency: 'EUR' } } });
    await retype(page, '#plan-price', '89');
    await clickButton(page, 'Save');
    await waitForText(page, 'Someone changed this plan while you were editing it');
    assert.ok(opened.problems.some((p) => /HTTP 412: PATCH .*\/plans\//.test(p)), 'the server refused the stale save');
    assert.equal(await valueOf(page, '#plan-name'), 'Night owl (evenings)', 'shown as it is now');
    assert.equal(await valueOf(page, '#plan-price'), '109', 'shown as it is now');
    const now = (await getPlan(staff(), { path: { spaceId, planId: plan.id } })).data;
    assert.equal(now.name, 'Night owl (evenings)');
    assert.equal(now.price.amount, 10900, 'not overwritten');
    assert.equal(now.version, theirs.version, 'nothing changed after their save');
    await shoot(page, 'plan-stale-en');

    // Saving again, on the plan as it is now, works.
    await retype(page, '#plan-price', '89');
    await clickButton(page, 'Save');
    await waitForText(page, 'Saved: Night owl (evenings).');
    const saved = (await getPlan(staff(), { path: { spaceId, planId: plan.id } })).data;
    assert.equal(saved.price.amount, 8900);
    assert.equal(saved.name, 'Night owl (evenings)', 'their change kept');
    // And again in a row: the list holds the server's answer, with its new version.
    await click(page, `[data-plan="${plan.id}"] .edit`);
    await click(page, '#plan-featured');
    await clickButton(page, 'Save');
    await waitFor(async () => ((await getPlan(staff(), { path: { spaceId, planId: plan.id } })).data.featured ? true : undefined));
    assert.equal((await textOf(page)).includes('Someone changed this plan'), false);
    assert.deepEqual(
      opened.problems.filter((p) => !/\b412\b/.test(p)),
      [],
    );
  } finally {
    await opened.close();
    await deletePlan(staff(), { path: { spaceId, planId: plan.id } });
  }
});

/** Waits until `check` gives something. */
async function waitFor<T>(check: () => Promise<T | undefined>, timeout = 10_000): Promise<T> {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
