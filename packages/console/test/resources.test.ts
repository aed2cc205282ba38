// The console's resources section in Chromium against a real server with the demo space: a staff
// person creates a resource with its rules, audiences and a price (a longest booking shorter than
// the shortest is caught on its field before anything is sent, what was typed stays), sees it in
// the booking widget's preview, edits it, meets a change saved meanwhile by someone else (shown,
// not overwritten), archives it and deletes it; the API says each change happened.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { listResources, updateResource } from '@coworking-commons/client';
import type { Page } from 'puppeteer-core';
import { click, clickButton, overflowsSideways, pierce, shoot, signIn, startConsoleServer, waitForText, type ConsoleServer } from './support/console-page.ts';

let app: ConsoleServer;
before(async () => {
  app = await startConsoleServer();
});
after(() => app?.close());

const staff = () => app.server.client(app.demo.staffKey!);
const resources = async () => (await listResources(staff(), { path: { spaceId: 'la-ruche' }, query: { limit: 100 } })).data.items;
const activeId = (page: Page) =>
  page.evaluate(() => document.querySelector('cowork-console')!.shadowRoot!.querySelector('cowork-console-resources')!.shadowRoot!.activeElement?.id);

async function retype(page: Page, selector: string, text: string): Promise<void> {
  const input = await pierce(page, selector);
  await input.evaluate((el) => ((el as HTMLInputElement).value = ''));
  await input.type(text);
}

/** Chooses `value` in the section's select matching `selector`. */
async function choose(page: Page, selector: string, value: string): Promise<void> {
  await pierce(page, selector);
  await page.evaluate(
    (css: string, chosen: string) => {
      const select = document.querySelector('cowork-console')!.shadowRoot!.querySelector('cowork-console-resources')!.shadowRoot!.querySelector<HTMLSelectElement>(css)!;
      select.value = chosen;
      select.dispatchEvent(new Event('change'));
    },
    selector,
    value,
  );
}

/** Waits until `check` says yes (a read through the API, say). */
async function until(check: () => Promise<boolean>, timeout = 10_000): Promise<void> {
  const end = Date.now() + timeout;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Waits until the booking widget of the preview says `text`. */
async function waitForPreview(page: Page, text: string, timeout = 15_000): Promise<void> {
  await page.waitForFunction(
    (wanted: string) => {
      const walk = (root: Element | ShadowRoot): string => [...root.childNodes].map((node) => (node.nodeType === 3 ? node.textContent : node instanceof Element ? (node.shadowRoot ? walk(node.shadowRoot) : '') + walk(node) : '')).join(' ');
      const booking = document.querySelector('cowork-console')?.shadowRoot?.querySelector('cowork-console-resources')?.shadowRoot?.querySelector('cowork-booking');
      return booking?.shadowRoot ? walk(booking.shadowRoot).replace(/\s+/g, ' ').includes(wanted) : false;
    },
    { timeout },
    text,
  );
}

test('a staff person creates, previews, edits, archives and deletes a resource (French)', async () => {
  const before = await resources();
  const opened = await app.open(['fr-FR', 'fr'], '/console/?space=la-ruche#resources');
  const { page } = opened;
  try {
    await signIn(app, page, app.demo.staffEmail);
    await waitForText(page, 'Ce que l’on réserve');
    for (const resource of before) await waitForText(page, resource.name);
    await shoot(page, 'resources-fr');
    await page.setViewport({ width: 360, height: 900 });
    assert.equal(await overflowsSideways(page), false);
    await page.setViewport({ width: 1280, height: 900 });

    await clickButton(page, 'Nouvelle ressource');
    await choose(page, '#resource-type', 'phone_booth');
    await retype(page, '#resource-name', 'Cabine Zénith');
    await retype(page, '#resource-en-name', 'Zenith booth');
    await click(page, '#bookable-guest');
    await retype(page, '#rule-minDuration', '60');
    await retype(page, '#rule-maxDuration', '30');
    await choose(page, '#rule-maxDuration + select', 'minutes');
    await clickButton(page, 'Ajouter un prix');
    await retype(page, '#offer-0-price', '12,50');
    await clickButton(page, 'Créer la ressource');
    await waitForText(page, 'Pas plus courte que la réservation la plus courte');
    assert.equal(await activeId(page), 'rule-maxDuration', 'the wrong field has the focus');
    assert.equal(await (await pierce(page, '#resource-name')).evaluate((el) => (el as HTMLInputElement).value), 'Cabine Zénith', 'what was typed stays');
    assert.equal((await resources()).length, before.length, 'nothing was sent');
    await shoot(page, 'resource-form-error-fr');

    await retype(page, '#rule-maxDuration', '2');
    await choose(page, '#rule-maxDuration + select', 'hours');
    await clickButton(page, 'Créer la ressource');
    await waitForText(page, 'Modifier « Cabine Zénith »');
    const created = (await resources()).find((r) => r.name === 'Cabine Zénith');
    assert.ok(created, 'the resource was created');
    assert.equal(created.type, 'phone_booth');
    assert.deepEqual(created.bookableBy, ['guest', 'member']);
    assert.equal(created.rules.minDuration, 'PT60M');
    assert.equal(created.rules.maxDuration, 'PT2H');
    assert.deepEqual(created.offers.map((o) => ({ audience: o.audience, unit: o.unit, price: o.price })), [{ audience: 'guest', unit: 'hour', price: { amount: 1250, currency: 'EUR' } }]);
    assert.equal(created.translations?.en?.name, 'Zenith booth');
    // The preview is the booking widget, showing the new resource.
    await waitForPreview(page, 'Cabine Zénith');
    await shoot(page, 'resource-form-fr');

    // Edit it: more people, approval required.
    await retype(page, '#resource-capacity', '2');
    await click(page, '#rule-approval');
    await clickButton(page, 'Enregistrer');
    await waitForText(page, 'Enregistrée : Cabine Zénith');
    const edited = (await resources()).find((r) => r.id === created.id)!;
    assert.equal(edited.capacity, 2);
    assert.equal(edited.rules.approvalRequired, true);
    assert.equal(edited.offers[0]!.id, created.offers[0]!.id, 'the offer keeps its id');

    // Someone else saves meanwhile: the server refuses the stale save (412), the console shows the
    // resource as it is now, the other person's change is not overwritten; saving again works.
    assert.equal(typeof edited.version, 'number', 'the server sends versions');
    const { data: theirs } = await updateResource(staff(), { path: { spaceId: 'la-ruche', resourceId: created.id }, body: { name: 'Cabine Zénith (autre onglet)' } });
    assert.ok(theirs.version! > edited.version!);
    await retype(page, '#resource-capacity', '3');
    await clickButton(page, 'Enregistrer');
    await waitForText(page, 'Quelqu’un a modifié cette ressource');
    const meanwhile = (await resources()).find((r) => r.id === created.id)!;
    assert.equal(meanwhile.name, 'Cabine Zénith (autre onglet)');
    assert.equal(meanwhile.capacity, 2, 'not overwritten');
    assert.equal(meanwhile.version, theirs.version, 'nothing changed after their save');
    assert.ok(opened.problems.some((p) => /HTTP 412: PATCH .*\/resources\//.test(p)), 'the server refused the stale save');
    assert.equal(await (await pierce(page, '#resource-name')).evaluate((el) => (el as HTMLInputElement).value), 'Cabine Zénith (autre onglet)', 'shown as it is now');
    assert.equal(await (await pierce(page, '#resource-capacity')).evaluate((el) => (el as HTMLInputElement).value), '2', 'shown as it is now');
    await shoot(page, 'resource-stale-fr');
    await retype(page, '#resource-capacity', '3');
    await clickButton(page, 'Enregistrer');
    await waitForText(page, 'Enregistrée : Cabine Zénith (autre onglet)');
    const again = (await resources()).find((r) => r.id === created.id)!;
    assert.equal(again.capacity, 3, 'saved again on the current version');
    assert.equal(again.name, 'Cabine Zénith (autre onglet)', 'their change kept');
    // And once more in a row: the form holds the server's answer, with its new version.
    await retype(page, '#resource-quantity', '2');
    await clickButton(page, 'Enregistrer');
    await until(async () => (await resources()).find((r) => r.id === created.id)!.quantity === 2);
    await clickButton(page, 'Annuler');

    // Changed meanwhile, then archived from the list: refused (412), shown as it is now.
    await updateResource(staff(), { path: { spaceId: 'la-ruche', resourceId: created.id }, body: { capacity: 4 } });
    await click(page, `[data-resource="${created.id}"] .status`);
    await waitForText(page, 'Quelqu’un a modifié « Cabine Zénith (autre onglet) » entre-temps');
    await waitForText(page, '4 personnes');
    assert.equal((await resources()).find((r) => r.id === created.id)!.status, 'active', 'not archived');

    // Archive it, then delete it after saying yes.
    await click(page, `[data-resource="${created.id}"] .status`);
    await waitForText(page, 'Rendre réservable');
    assert.equal((await resources()).find((r) => r.id === created.id)!.status, 'archived');
    await click(page, `[data-resource="${created.id}"] .remove`);
    await waitForText(page, 'définitivement');
    await click(page, `[data-resource="${created.id}"] .confirm-remove`);
    await waitForText(page, 'Supprimée : Cabine Zénith');
    assert.equal((await resources()).some((r) => r.id === created.id), false);
    // The refused requests are the only problems the page reports.
    assert.deepEqual(
      opened.problems.filter((p) => !/\b412\b/.test(p)),
      [],
    );
  } finally {
    await opened.close();
  }
});

test('the resources in English, a resource opened with its preview', async () => {
  const first = (await resources()).find((r) => r.status === 'active' && r.bookableBy.includes('guest'))!;
  const opened = await app.open(['en-GB', 'en'], '/console/?space=la-ruche#resources');
  const { page } = opened;
  try {
    await signIn(app, page, app.demo.adminEmail);
    await waitForText(page, 'What people book in the space');
    await shoot(page, 'resources-en');
    // By keyboard: the new resource's form opens with the focus on its first field, and Cancel gives it back.
    await (await pierce(page, '.add')).focus();
    await page.keyboard.press('Enter');
    await pierce(page, '#resource-type');
    assert.equal(await activeId(page), 'resource-type');
    assert.equal(await (await pierce(page, '#resource-name')).evaluate((el) => (el.getRootNode() as ShadowRoot).querySelector(`label[for="${el.id}"]`)?.textContent), 'Name', 'the field has its label');
    await clickButton(page, 'Cancel');
    await page.waitForFunction(() => document.querySelector('cowork-console')!.shadowRoot!.querySelector('cowork-console-resources')!.shadowRoot!.activeElement?.classList.contains('add'));
    await click(page, `[data-resource="${first.id}"] .edit`);
    await waitForText(page, 'Booking rules');
    await waitForPreview(page, first.translations?.en?.name ?? first.name);
    await shoot(page, 'resource-form-en');
    await page.setViewport({ width: 360, height: 900 });
    assert.equal(await overflowsSideways(page), false);
    assert.deepEqual(opened.problems, []);
  } finally {
    await opened.close();
  }
});
