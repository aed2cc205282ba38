// The console's events section in Chromium against a real server with the demo space: a staff
// person creates an event (mistakes caught on their fields, the calendar's preview following the
// form), edits it, reads an event's registrations and waiting list, and cancels an event; the
// API says each change happened. An edit or a cancellation of an event changed meanwhile by
// someone else is refused by the server (412); the console shows the event as it is now.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { createEvent, getEvent, listEvents, listRegistrations, updateEvent } from '@coworking-commons/client';
import { click, clickButton, overflowsSideways, pierce, shoot, signIn, startConsoleServer, textOf, waitForText, type ConsoleServer } from './support/console-page.ts';

let app: ConsoleServer;
before(async () => {
  app = await startConsoleServer();
});
after(() => app?.close());

const staff = () => app.server.client(app.demo.staffKey!);

/** A Thursday about three weeks ahead, away from the demo space's end-of-year closure. */
function aDay(): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + 21 + ((4 - d.getUTCDay() + 7) % 7));
  if ((d.getUTCMonth() === 11 && d.getUTCDate() >= 20) || (d.getUTCMonth() === 0 && d.getUTCDate() <= 3)) d.setUTCDate(d.getUTCDate() + 21);
  return d.toISOString().slice(0, 10);
}

async function setValue(page: import('puppeteer-core').Page, selector: string, value: string) {
  const input = await pierce(page, selector);
  await input.evaluate((el, v) => {
    (el as HTMLInputElement).value = v;
    el.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  }, value);
}

test('a staff person creates an event with a preview, edits it and cancels it (French)', async () => {
  const day = aDay();
  const opened = await app.open(['fr-FR', 'fr'], '/console/?space=la-ruche#events');
  const { page } = opened;
  try {
    await signIn(app, page, app.demo.staffEmail);
    await waitForText(page, 'Nouvel événement');
    await shoot(page, 'events-fr');
    await page.setViewport({ width: 360, height: 900 });
    assert.equal(await overflowsSideways(page), false);
    await page.setViewport({ width: 1280, height: 900 });

    await clickButton(page, 'Nouvel événement');
    await pierce(page, '#event-title');
    await clickButton(page, 'Créer l’événement');
    await waitForText(page, 'Donnez un titre à l’événement');
    await (await pierce(page, '#event-title')).type('Atelier compta pour indépendants');
    await setValue(page, '#event-date', day);
    await setValue(page, '#event-start-time', '18:30');
    await setValue(page, '#event-end', '20:00');
    await (await pierce(page, '#event-capacity')).type('beaucoup');
    await page.evaluate(() => {
      const find = (root: Document | ShadowRoot): HTMLSelectElement | null => root.querySelector<HTMLSelectElement>('#event-location') ?? [...root.querySelectorAll('*')].reduce<HTMLSelectElement | null>((f, el) => f ?? (el.shadowRoot ? find(el.shadowRoot) : null), null);
      const select = find(document)!;
      select.value = 'text';
      select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    });
    await (await pierce(page, '#event-place')).type('La terrasse du 3e');
    await (await pierce(page, '#event-tags')).type('atelier, gestion');
    await clickButton(page, 'Créer l’événement');
    await waitForText(page, 'Un nombre entier de places');
    assert.equal(await (await pierce(page, '#event-title')).evaluate((el) => (el as HTMLInputElement).value), 'Atelier compta pour indépendants', 'what was typed stays');
    // The preview, the space's calendar given the draft, shows it.
    const preview = await pierce(page, 'cowork-event-calendar');
    await page.waitForFunction((el) => el.shadowRoot?.textContent?.includes('Atelier compta pour indépendants'), { timeout: 10_000 }, preview);
    await shoot(page, 'event-form-fr');
    await setValue(page, '#event-capacity', '12');
    await clickButton(page, 'Créer l’événement');
    await waitForText(page, 'Enregistré : Atelier compta pour indépendants');

    const events = (await listEvents(staff(), { path: { spaceId: 'la-ruche' }, query: { from: `${day}T00:00:00Z`, to: `${day}T23:59:59Z` } })).data.items;
    const created = events.find((event) => event.title === 'Atelier compta pour indépendants');
    assert.ok(created, 'the event was created');
    const parisOffset = new Intl.DateTimeFormat('en', { timeZone: 'Europe/Paris', timeZoneName: 'longOffset' }).format(new Date(`${day}T12:00:00Z`)).includes('+02') ? 2 : 1;
    assert.equal(created.start, new Date(Date.parse(`${day}T18:30:00Z`) - parisOffset * 3_600_000).toISOString(), '18:30 in Paris');
    assert.equal(created.capacity, 12);
    assert.deepEqual(created.location, { kind: 'text', text: 'La terrasse du 3e' });
    assert.deepEqual(created.tags, ['atelier', 'gestion']);

    // Edit: unlimited seats, members only.
    await click(page, `[data-event="${created.id}"] .edit`);
    await setValue(page, '#event-capacity', '');
    await page.evaluate(() => {
      const find = (root: Document | ShadowRoot): HTMLSelectElement | null => root.querySelector<HTMLSelectElement>('#event-visibility') ?? [...root.querySelectorAll('*')].reduce<HTMLSelectElement | null>((f, el) => f ?? (el.shadowRoot ? find(el.shadowRoot) : null), null);
      const select = find(document)!;
      select.value = 'members';
      select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    });
    await clickButton(page, 'Enregistrer');
    await page.waitForFunction(
      (id) => {
        const find = (root: Document | ShadowRoot): Element | null => root.querySelector(`[data-event="${id}"]`) ?? [...root.querySelectorAll('*')].reduce<Element | null>((f, el) => f ?? (el.shadowRoot ? find(el.shadowRoot) : null), null);
        return find(document)?.textContent?.includes('Réservé aux membres');
      },
      { timeout: 10_000 },
      created.id,
    );
    const edited = (await getEvent(staff(), { path: { spaceId: 'la-ruche', eventId: created.id } })).data;
    assert.equal(edited.capacity, undefined);
    assert.equal(edited.visibility, 'members');

    // Cancel it, after saying yes.
    await click(page, `[data-event="${created.id}"] .button.danger`);
    await waitForText(page, 'Toutes les personnes inscrites sont prévenues');
    await click(page, `[data-event="${created.id}"] .confirm .button.danger`);
    await waitForText(page, 'Annulé : Atelier compta pour indépendants');
    assert.equal((await getEvent(staff(), { path: { spaceId: 'la-ruche', eventId: created.id } })).data.status, 'cancelled');
    assert.deepEqual(opened.problems, []);
  } finally {
    await opened.close();
  }
});

test('the registrations of an event: those with a seat, then the waiting list in order (English)', async () => {
  const upcoming = (await listEvents(staff(), { path: { spaceId: 'la-ruche' }, query: { from: new Date().toISOString(), limit: 100 } })).data.items;
  let chosen: { id: string; title: string; count: number } | undefined;
  for (const event of upcoming) {
    const registrations = (await listRegistrations(staff(), { path: { spaceId: 'la-ruche' }, query: { eventId: event.id, limit: 100 } })).data.items;
    if (registrations.length > 0 && (!chosen || registrations.length > chosen.count)) chosen = { id: event.id, title: event.translations?.en?.title ?? event.title, count: registrations.length };
  }
  assert.ok(chosen, 'the demo space has an upcoming event with registrations');
  const opened = await app.open(['en-GB', 'en'], '/console/?space=la-ruche#events');
  const { page } = opened;
  try {
    await signIn(app, page, app.demo.staffEmail);
    await click(page, `[data-event="${chosen.id}"] .registrations`);
    await waitForText(page, `Registrations to “${chosen.title}”`);
    const rows = await page.waitForFunction(
      (count) => {
        const find = (root: Document | ShadowRoot): Element[] => [...root.querySelectorAll('[data-registration]'), ...[...root.querySelectorAll('*')].flatMap((el) => (el.shadowRoot ? find(el.shadowRoot) : []))];
        const found = find(document);
        return found.length === count ? found.length : false;
      },
      { timeout: 10_000 },
      chosen.count,
    );
    assert.equal(await rows.jsonValue(), chosen.count);
    await shoot(page, 'event-registrations-en');

    // The CSV the server exports, downloaded as a file a spreadsheet opens.
    const downloads = mkdtempSync(join(tmpdir(), 'cowork-downloads-'));
    try {
      const cdp = await page.browser().target().createCDPSession();
      await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads, eventsEnabled: true, browserContextId: page.browserContext().id });
      const done = new Promise<void>((resolve, reject) => {
        cdp.on('Browser.downloadProgress', (e) => (e.state === 'completed' ? resolve() : e.state === 'canceled' && reject(new Error('the download was cancelled'))));
        setTimeout(() => reject(new Error('no download in 10 s')), 10_000);
      });
      await clickButton(page, 'Download as CSV');
      await done;
      await cdp.detach();
      const file = join(downloads, `registrations-${chosen.id}.csv`);
      const csv = readFileSync(file, 'utf8');
      assert.ok(csv.startsWith('\ufeffregistrationId,status,'), 'UTF-8 with a byte order mark, the header first');
      assert.equal(csv.trimEnd().split('\r\n').length, chosen.count + 1, 'one line per registration');
    } finally {
      rmSync(downloads, { recursive: true, force: true });
    }

    await clickButton(page, 'Back to the events');
    await waitForText(page, 'New event');
    assert.ok((await textOf(page)).includes(chosen.title));
    assert.deepEqual(opened.problems, []);
  } finally {
    await opened.close();
  }
});

test('an event changed by someone else meanwhile: the server refuses the stale save and the stale cancellation (412), the console shows it as it is now (English)', async () => {
  const spaceId = 'la-ruche';
  const day = aDay();
  const { data: event } = await createEvent(staff(), {
    path: { spaceId },
    body: { title: 'Repair café', start: `${day}T16:00:00Z`, end: `${day}T18:00:00Z`, capacity: 20, location: { kind: 'text', text: 'The workshop' } },
  });
  assert.equal(typeof event.version, 'number', 'the server sends versions');
  const opened = await app.open(['en-GB', 'en'], `/console/?space=${spaceId}#events`);
  const { page } = opened;
  const valueOf = async (selector: string) => (await pierce(page, selector)).evaluate((el) => (el as HTMLInputElement).value);
  const now = async () => (await getEvent(staff(), { path: { spaceId, eventId: event.id } })).data;
  try {
    await signIn(app, page, app.demo.staffEmail);
    await click(page, `[data-event="${event.id}"] .edit`);
    await pierce(page, '#event-capacity');
    // Meanwhile, another staff person renames it and gives it more seats through the API.
    const { data: theirs } = await updateEvent(staff(), { path: { spaceId, eventId: event.id }, header: { 'If-Match': `"${event.version}"` }, body: { title: 'Repair café (bikes too)', capacity: 30 } });
    await setValue(page, '#event-capacity', '12');
    await clickButton(page, 'Save');
    await waitForText(page, 'Someone changed this event while you were editing it');
    assert.ok(opened.problems.some((p) => /HTTP 412: PATCH .*\/events\//.test(p)), 'the server refused the stale save');
    assert.equal(await valueOf('#event-title'), 'Repair café (bikes too)', 'shown as it is now');
    assert.equal(await valueOf('#event-capacity'), '30', 'shown as it is now');
    const meanwhile = await now();
    assert.equal(meanwhile.title, 'Repair café (bikes too)');
    assert.equal(meanwhile.capacity, 30, 'not overwritten');
    assert.equal(meanwhile.version, theirs.version, 'nothing changed after their save');
    await shoot(page, 'event-stale-en');

    // Saving again, on the event as it is now, works; and once more in a row.
    await setValue(page, '#event-capacity', '25');
    await clickButton(page, 'Save');
    await waitForText(page, 'Saved: Repair café (bikes too).');
    assert.equal((await now()).capacity, 25);
    assert.equal((await now()).title, 'Repair café (bikes too)', 'their change kept');
    await click(page, `[data-event="${event.id}"] .edit`);
    await setValue(page, '#event-capacity', '24');
    await clickButton(page, 'Save');
    await page.waitForFunction(
      (id) => {
        const find = (root: Document | ShadowRoot): Element | null => root.querySelector(`[data-event="${id}"]`) ?? [...root.querySelectorAll('*')].reduce<Element | null>((f, el) => f ?? (el.shadowRoot ? find(el.shadowRoot) : null), null);
        return find(document)?.textContent?.includes('of 24 seats');
      },
      { timeout: 10_000 },
      event.id,
    );
    assert.equal((await now()).capacity, 24);

    // Changed meanwhile, then cancelled from the list: refused, nothing cancelled, the list read again.
    await updateEvent(staff(), { path: { spaceId, eventId: event.id }, body: { summary: 'Bring what is broken' } });
    await click(page, `[data-event="${event.id}"] .button.danger`);
    await waitForText(page, 'Everyone registered is told');
    await click(page, `[data-event="${event.id}"] .confirm .button.danger`);
    await waitForText(page, 'Someone changed “Repair café (bikes too)” meanwhile, so it was not cancelled');
    assert.equal((await now()).status, 'scheduled', 'not cancelled');
    assert.equal(opened.problems.filter((p) => /HTTP 412: PATCH .*\/events\//.test(p)).length, 2, 'the server refused the stale cancellation');
    await shoot(page, 'event-stale-cancel-en');
    // Cancelling again, now on the event as it is, works.
    await click(page, `[data-event="${event.id}"] .button.danger`);
    await click(page, `[data-event="${event.id}"] .confirm .button.danger`);
    await waitForText(page, 'Cancelled: Repair café (bikes too).');
    assert.equal((await now()).status, 'cancelled');
    assert.deepEqual(
      opened.problems.filter((p) => !/\b412\b/.test(p)),
      [],
    );
  } finally {
    await opened.close();
  }
});
