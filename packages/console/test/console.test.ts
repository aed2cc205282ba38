// The staff console in Debian's Chromium against a real reference server (SQLite, the demo
// space), as `npm start` serves it at /console/: a staff person signs in with the code the server
// mails, finds every pending booking first, whatever its week, and confirms it; another is refused with a
// reason; a booking changed by someone else meanwhile is refused by the server (412) and shown
// as it is now; a member is told the console is not for them. Screenshots at 360 and 1280 px, in
// French and English, under packages/console/screenshots/.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { cancelBooking, createBooking, createClient, getBooking, listBookings } from '@coworking-commons/client';
import { clickButton, overflowsSideways, pierce, shoot, signIn, startConsoleServer, textOf, waitForText, type ConsoleServer } from './support/console-page.ts';

let app: ConsoleServer;

/**
 * A Monday at least two weeks ahead (La Serre takes two days of notice) whose Monday to Wednesday
 * miss the demo space's closure at the end of the year (24 December to 1 January).
 */
function weekAhead(): { monday: string; at: (day: number, hour: number) => string } {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + 14 - ((d.getUTCDay() + 6) % 7));
  const closed = (date: Date) => (date.getUTCMonth() === 11 && date.getUTCDate() >= 24) || (date.getUTCMonth() === 0 && date.getUTCDate() === 1);
  const touchesClosure = () => [0, 1, 2].some((day) => closed(new Date(d.getTime() + day * 86_400_000)));
  while (touchesClosure()) d.setUTCDate(d.getUTCDate() + 7);
  const monday = d.toISOString().slice(0, 10);
  return {
    monday,
    at: (day, hour) => {
      const date = new Date(`${monday}T00:00:00Z`);
      date.setUTCDate(date.getUTCDate() + day);
      // Paris is UTC+1 in winter and UTC+2 in summer; hours well inside the opening hours either way.
      return `${date.toISOString().slice(0, 10)}T${String(hour).padStart(2, '0')}:00:00Z`;
    },
  };
}

async function pendingBooking(start: string, end: string, name: string) {
  const guest = createClient({ baseUrl: app.server.url });
  const { data } = await createBooking(guest, { path: { spaceId: 'la-ruche' }, body: { resourceId: 'rs_la_serre', start, end, guest: { name, email: `${name.toLowerCase().replace(/\W+/g, '.')}@example.org` } } });
  assert.equal(data.status, 'pending');
  return data;
}

before(async () => {
  app = await startConsoleServer();
});
after(() => app?.close());

describe('the staff console', () => {
  test('/console redirects to /console/, whose page has the console and its policy; its chunks are immutable', async () => {
    const redirect = await fetch(`${app.server.url}/console`, { redirect: 'manual' });
    assert.equal(redirect.status, 301);
    assert.equal(redirect.headers.get('location'), '/console/');
    const page = await fetch(`${app.server.url}/console/`);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-security-policy') ?? '', /script-src 'self'/);
    assert.equal(page.headers.get('cache-control'), 'no-cache');
    assert.match(await page.text(), /<cowork-console><\/cowork-console>/);
    const entry = await fetch(`${app.server.url}/console/console.js`);
    assert.equal(entry.status, 200);
    assert.equal(entry.headers.get('cache-control'), 'no-cache');
    const chunk = /\.\/(chunks\/[\w.-]+\.js)/.exec(await entry.text())?.[1];
    assert.ok(chunk, 'the entry loads hashed chunks');
    assert.equal((await fetch(`${app.server.url}/console/${chunk}`)).headers.get('cache-control'), 'public, max-age=31536000, immutable');
  });

  test('staff sign in with the mailed code, see every pending booking first, whatever its week, confirm one and refuse another with a reason (French)', async () => {
    const week = weekAhead();
    const first = await pendingBooking(week.at(1, 9), week.at(1, 12), 'Maëlle Robin');
    const second = await pendingBooking(week.at(0, 13), week.at(0, 16), 'Jules Moreau');
    const opened = await app.open(['fr-FR', 'fr']);
    const { page } = opened;
    try {
      await pierce(page, 'cowork-sign-in');
      assert.match(await textOf(page), /Connexion de l’équipe/);
      await shoot(page, 'sign-in-fr');
      await signIn(app, page, app.demo.staffEmail);
      await pierce(page, 'cowork-console-bookings');
      // Every booking waiting for an answer shows on this week's page, the later weeks' ones too.
      const waiting = (await listBookings(app.server.client(app.demo.staffKey!), { path: { spaceId: 'la-ruche' }, query: { status: 'pending', from: new Date().toISOString(), limit: 100 } })).data.items;
      assert.ok(waiting.length >= 2);
      await waitForText(page, `${waiting.length} réservations à confirmer`);
      await waitForText(page, 'Maëlle Robin');
      await waitForText(page, 'Jules Moreau');
      assert.match(await textOf(page), /Équipe/, 'the role is shown');
      await shoot(page, 'bookings-fr');
      await page.setViewport({ width: 360, height: 900 });
      assert.equal(await overflowsSideways(page), false, 'at 360 px, only the grid scrolls sideways, not the page');
      // Confirm the first one with the keyboard.
      const confirmButton = await pierce(page, `li[data-booking="${first.id}"] button.primary`);
      await confirmButton.focus();
      await page.keyboard.press('Enter');
      await page.waitForFunction((id) => !document.querySelector('cowork-console')!.shadowRoot!.querySelector('cowork-console-bookings')!.shadowRoot!.querySelector(`li[data-booking="${id}"]`), { timeout: 10_000 }, first.id);
      assert.equal((await getBooking(app.server.client(app.demo.staffKey!), { path: { spaceId: 'la-ruche', bookingId: first.id } })).data.status, 'confirmed');
      // Refuse the second one, with a reason.
      (await pierce(page, `li[data-booking="${second.id}"] button.danger`)).click();
      const reason = await pierce(page, `#reason-${second.id}`);
      await reason.type('La salle est réservée pour un événement de l’espace.');
      (await pierce(page, `li[data-booking="${second.id}"] button[type="submit"]`)).click();
      await page.waitForFunction((id) => !document.querySelector('cowork-console')!.shadowRoot!.querySelector('cowork-console-bookings')!.shadowRoot!.querySelector(`li[data-booking="${id}"]`), { timeout: 10_000 }, second.id);
      await waitForText(page, waiting.length === 2 ? 'Aucune réservation n’attend' : waiting.length === 3 ? '1 réservation à confirmer' : `${waiting.length - 2} réservations à confirmer`);
      const refused = (await getBooking(app.server.client(app.demo.staffKey!), { path: { spaceId: 'la-ruche', bookingId: second.id } })).data;
      assert.equal(refused.status, 'cancelled');
      assert.equal(refused.cancellation?.reason, 'La salle est réservée pour un événement de l’espace.');
      assert.deepEqual(opened.problems, []);
    } finally {
      await opened.close();
    }
  });

  test('a booking changed by someone else meanwhile: the server refuses the stale confirmation (412) and the console shows it as it is now (English)', async () => {
    const week = weekAhead();
    const booking = await pendingBooking(week.at(2, 9), week.at(2, 12), 'Inès Petit');
    const opened = await app.open(['en-GB', 'en']);
    const { page } = opened;
    try {
      await signIn(app, page, app.demo.staffEmail);
      await pierce(page, 'cowork-console-bookings');
      for (let i = 0; i < 3 && !(await textOf(page)).includes('Inès Petit'); i++) {
        await clickButton(page, 'Next week');
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
      await pierce(page, `li[data-booking="${booking.id}"] button.primary`);
      await shoot(page, 'bookings-en');
      // Meanwhile another staff person cancels it through the API.
      await cancelBooking(app.server.client(app.demo.staffKey!), { path: { spaceId: 'la-ruche', bookingId: booking.id }, header: { 'If-Match': `"${booking.version}"` }, body: { reason: 'Doublon' } });
      (await pierce(page, `li[data-booking="${booking.id}"] button.primary`)).click();
      await waitForText(page, 'Someone changed this booking meanwhile');
      const text = await textOf(page);
      assert.match(text, /Cancelled/, 'shown as it is now');
      assert.equal((await getBooking(app.server.client(app.demo.staffKey!), { path: { spaceId: 'la-ruche', bookingId: booking.id } })).data.status, 'cancelled', 'not overwritten');
      assert.deepEqual(
        opened.problems.filter((p) => !/\b412\b/.test(p)),
        [],
      );
    } finally {
      await opened.close();
    }
  });

  test('a member who signs in is told the console is for staff, and shown no booking', async () => {
    const opened = await app.open(['en-US']);
    const { page } = opened;
    try {
      await signIn(app, page, app.demo.sampleMemberEmail);
      await waitForText(page, 'the console is for the space');
      assert.equal(await page.evaluate(() => document.querySelector('cowork-console')!.shadowRoot!.querySelector('cowork-console-bookings')), null);
      await shoot(page, 'member-en');
      assert.deepEqual(opened.problems, []);
    } finally {
      await opened.close();
    }
  });

  test('without a space, the console asks for the server and the space, and says what is wrong field by field', async () => {
    const opened = await app.open(['en-US'], '/console/');
    const { page } = opened;
    try {
      const api = await pierce(page, '#api');
      assert.equal(await api.evaluate((el) => (el as HTMLInputElement).value), app.origin);
      await api.evaluate((el) => ((el as HTMLInputElement).value = 'not a url'));
      (await pierce(page, 'button[type="submit"]')).click();
      await page.waitForFunction(() => document.querySelector('cowork-console')!.shadowRoot!.querySelector('#api-error') && document.querySelector('cowork-console')!.shadowRoot!.querySelector('#space-error'));
      assert.equal(await page.evaluate(() => document.querySelector('cowork-console')!.shadowRoot!.activeElement?.id), 'api', 'the first wrong field has the focus');
      await shoot(page, 'settings-en');
      await api.evaluate((el) => ((el as HTMLInputElement).value = ''));
      await api.type(app.origin);
      await (await pierce(page, '#space')).type('la-ruche');
      (await pierce(page, 'button[type="submit"]')).click();
      await pierce(page, 'cowork-sign-in');
      assert.deepEqual(opened.problems, []);
    } finally {
      await opened.close();
    }
  });
});
