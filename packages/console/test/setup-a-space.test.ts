// From nothing to a first booking, as an operator and a space's admin would do it, in Chromium
// against a real server (SQLite) that serves the console and the elements' CDN files as `npm start`
// does. The operator creates an empty space with its first admin (create-space); the admin signs in
// to the console with the code the server mails and, without any other tool, describes the space
// (address, a Saturday, the space's website as a site allowed to show the widgets), adds a room
// with a price whose bookings wait for confirmation, a plan and an event, and invites a staff
// person; then copies the booking widget's snippet. The snippet, pasted into a page of the space's
// website (another origin), lets a guest book the room; the staff person signs in and confirms it.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { createToken, getBooking, getMe, getSpace, listEvents, listPlans, listResources, requestSignInCode, type CoworkClient } from '@coworking-commons/client';
import type { Page } from 'puppeteer-core';
import { createSpaceCommand } from '../../server/src/cli/create-space.ts';
import { startStaticSite, type StaticSite } from '../../../tools/embed/static-site.ts';
import { click, clickButton, pierce, shoot, signIn, startConsoleServer, waitFor, waitForText, type ConsoleServer } from './support/console-page.ts';

const spaceId = 'le-phare';
const adminEmail = 'anne.leroux@example.org';
const staffEmail = 'karim.benali@example.org';

let app: ConsoleServer;
let website: StaticSite;
const websiteDir = mkdtempSync(join(tmpdir(), 'cowork-le-phare-site-'));

before(async () => {
  app = await startConsoleServer({ cdn: true });
  website = await startStaticSite();
  website.mount('/', { dir: websiteDir });
});
after(async () => {
  await website?.close();
  await app?.close();
  rmSync(websiteDir, { recursive: true, force: true });
});

/** A Tuesday two to three weeks ahead, clear of the end of the year. */
function aTuesday(): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + 14 + ((2 - d.getUTCDay() + 7) % 7));
  if ((d.getUTCMonth() === 11 && d.getUTCDate() >= 20) || (d.getUTCMonth() === 0 && d.getUTCDate() <= 3)) d.setUTCDate(d.getUTCDate() + 21);
  return d.toISOString().slice(0, 10);
}

async function retype(page: Page, selector: string, text: string): Promise<void> {
  const input = await pierce(page, selector);
  await input.evaluate((el) => ((el as HTMLInputElement).value = ''));
  await input.type(text);
}

/** Sets an input's or a select's value as a person's choice would (date and time inputs included). */
async function setValue(page: Page, selector: string, value: string): Promise<void> {
  const control = await pierce(page, selector);
  await control.evaluate((el, v) => {
    (el as HTMLInputElement).value = v;
    el.dispatchEvent(new Event(el instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true, composed: true }));
  }, value);
}

async function go(page: Page, section: string, ready: string): Promise<void> {
  await page.evaluate((id) => (location.hash = id), section);
  await waitForText(page, ready);
}

/** A client signed in through the API with the code the server mails to `email`. */
async function signedInClient(email: string): Promise<CoworkClient> {
  const anonymous = app.server.client();
  const sent = app.server.mails.length;
  await requestSignInCode(anonymous, { path: { spaceId }, body: { email } });
  const mail = await waitFor(() => app.server.mails.slice(sent).find((m) => m.to === email));
  const { data } = await createToken(anonymous, { path: { spaceId }, body: { email, code: /\b(\d{6})\b/.exec(mail.text)![1]! } });
  return app.server.client(data.token);
}

test('an admin sets up a new space in the console alone; a guest books it through the snippet on the space’s website; staff confirm it', async () => {
  // The operator: an empty space and its first admin.
  const said: string[] = [];
  const log = console.log;
  console.log = (...words: unknown[]) => void said.push(words.join(' '));
  try {
    assert.equal(await createSpaceCommand.run({ id: spaceId, name: 'Le Phare', 'admin-email': adminEmail, 'admin-name': 'Anne Leroux', database: app.server.store.file! }), 0);
  } finally {
    console.log = log;
  }
  assert.match(said.join('\n'), new RegExp(`admin ${adminEmail} signs in`));
  assert.deepEqual((await listResources(app.server.client(), { path: { spaceId } })).data.items, [], 'the space starts empty');

  const opened = await app.open(['en-GB', 'en'], `/console/?space=${spaceId}#space`);
  const { page } = opened;
  let snippet = '';
  try {
    await signIn(app, page, adminEmail);
    await waitForText(page, 'Add opening hours');
    await waitForText(page, 'Le Phare');
    const admin = await signedInClient(adminEmail);
    assert.equal((await getMe(admin, { path: { spaceId } })).data.role, 'admin');

    // The space: its address, a Saturday morning, and its website allowed to show the widgets.
    await retype(page, '#space-street', '3 quai de la Fosse');
    await retype(page, '#space-postal-code', '44000');
    await retype(page, '#space-locality', 'Nantes');
    await retype(page, '#space-country', 'FR');
    await click(page, '.add-hours');
    await pierce(page, '#hours-5-day');
    await setValue(page, '#hours-5-day', 'saturday');
    await setValue(page, '#hours-5-closes', '13:00');
    await clickButton(page, 'Add a site');
    await (await pierce(page, '#origin-0')).type(`${website.origin}/`);
    await clickButton(page, 'Save the space');
    await waitForText(page, 'Saved.');
    const space = (await getSpace(admin, { path: { spaceId } })).data;
    assert.equal(space.address?.locality, 'Nantes');
    assert.ok(space.openingHours.some((r) => r.day === 'saturday' && r.opens === '09:00' && r.closes === '13:00'), JSON.stringify(space.openingHours));
    assert.deepEqual(space.allowedOrigins, [website.origin], 'saved as the origin, without the slash');

    // A room guests may book, €20 an hour, whose bookings wait for the staff's confirmation.
    await go(page, 'resources', 'New resource');
    await clickButton(page, 'New resource');
    await setValue(page, '#resource-type', 'meeting_room');
    await retype(page, '#resource-name', 'Salle de la Vigie');
    await retype(page, '#resource-en-name', 'The Lookout room');
    await retype(page, '#resource-capacity', '8');
    await click(page, '#bookable-guest');
    await click(page, '#rule-approval');
    await clickButton(page, 'Add a price');
    await retype(page, '#offer-0-price', '20');
    await clickButton(page, 'Create the resource');
    await waitForText(page, 'Saved: Salle de la Vigie.');
    const [room] = (await listResources(admin, { path: { spaceId } })).data.items;
    assert.ok(room, 'the room was created');
    assert.equal(room.name, 'Salle de la Vigie');
    assert.equal(room.rules?.approvalRequired, true, JSON.stringify(room.rules));

    // A plan.
    await go(page, 'plans', 'New plan');
    await clickButton(page, 'New plan');
    await (await pierce(page, '#plan-name')).type('Résident');
    await (await pierce(page, '#plan-en-name')).type('Resident');
    await (await pierce(page, '#plan-price')).type('290');
    await clickButton(page, 'Create the plan');
    await waitForText(page, 'Saved: Résident.');
    assert.deepEqual((await listPlans(admin, { path: { spaceId } })).data.items.map((p) => [p.name, p.price.amount]), [['Résident', 29000]]);

    // An event.
    const day = aTuesday();
    await go(page, 'events', 'New event');
    await clickButton(page, 'New event');
    await (await pierce(page, '#event-title')).type('Petit-déjeuner d’accueil');
    await setValue(page, '#event-date', day);
    await setValue(page, '#event-start-time', '08:30');
    await setValue(page, '#event-end', '10:00');
    await clickButton(page, 'Create the event');
    await waitForText(page, 'Saved: Petit-déjeuner d’accueil.');
    assert.deepEqual((await listEvents(admin, { path: { spaceId } })).data.items.map((e) => e.title), ['Petit-déjeuner d’accueil']);

    // A staff person, invited: the server mails them how to sign in.
    await go(page, 'members', 'Invite a member');
    await clickButton(page, 'Invite a member');
    await retype(page, '#invite-displayName', 'Karim Benali');
    await retype(page, '#invite-email', staffEmail);
    await setValue(page, '#invite-role', 'staff');
    await page.keyboard.press('Enter');
    await waitForText(page, `Karim Benali is a member: an email telling them how to sign in was sent to ${staffEmail}.`);
    assert.ok(app.server.mails.some((m) => m.to === staffEmail), 'the staff person is mailed');

    // The booking widget's snippet, copied from the console.
    await go(page, 'embed', 'The widgets on your website');
    snippet = await (await pierce(page, '[data-snippet="cowork-booking"] pre')).evaluate((el) => el.textContent!);
    assert.match(snippet, new RegExp(`space="${spaceId}"`));
    await shoot(page, 'setup-embed-en');
    assert.deepEqual(opened.problems, []);
  } finally {
    await opened.close();
  }

  // The snippet pasted into a page of the space's website; a guest books the room there.
  writeFileSync(join(websiteDir, 'index.html'), `<!doctype html>\n<html lang="en">\n<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Le Phare – Book a room</title></head>\n<body>\n<h1>Book a room at Le Phare</h1>\n${snippet}\n</body>\n</html>\n`);
  const day = aTuesday();
  const visit = await app.chromium.open(`${website.origin}/`);
  try {
    const guest = visit.page;
    await waitForText(guest, 'The Lookout room', 20_000);
    // One resource: the widget goes straight to its calendar; with several, the guest chooses it first.
    if (await guest.$('pierce/[part~="choose-button"]')) await click(guest, '[part~="choose-button"]');
    await pierce(guest, 'td[data-date]', 15_000);
    for (let months = 0; !(await guest.$(`pierce/td[data-date="${day}"]`)) && months < 2; months++) {
      await pierce(guest, '[part~="month-button"][aria-label="Next month"]');
      await click(guest, '[part~="month-button"][aria-label="Next month"]');
    }
    await click(guest, `td[data-date="${day}"]`);
    await pierce(guest, '.times input');
    await click(guest, '.times input');
    await clickButton(guest, 'Continue');
    await waitForText(guest, '€20');
    await retype(guest, '#name', 'Jonas Weber');
    await retype(guest, '#email', 'jonas.weber@example.com');
    await click(guest, '[part~="submit-button"]');
    await pierce(guest, '[part~="confirmation"]', 10_000);
    await guest.setViewport({ width: 360, height: 900 });
    await guest.screenshot({ path: new URL('../screenshots/setup-guest-booked-360.png', import.meta.url).pathname, fullPage: true });
    assert.deepEqual(visit.problems, []);
  } finally {
    await visit.close();
  }
  const admin = await signedInClient(adminEmail);
  const [booking] = (await app.server.store.db.selectFrom('bookings').select(['id', 'status']).where('space_id', '=', spaceId).execute()) as { id: string; status: string }[];
  assert.ok(booking, 'the guest booked');
  assert.equal(booking.status, 'pending', 'the room’s bookings wait for confirmation');

  // The invited staff person signs in to the console and confirms it.
  const desk = await app.open(['en-GB', 'en'], `/console/?space=${spaceId}#bookings`);
  try {
    await signIn(app, desk.page, staffEmail);
    await waitForText(desk.page, '1 booking to confirm');
    await waitForText(desk.page, 'Jonas Weber');
    await clickButton(desk.page, 'Confirm');
    await waitForText(desk.page, 'Confirmed: The Lookout room');
    assert.equal((await getBooking(admin, { path: { spaceId, bookingId: booking.id } })).data.status, 'confirmed');
    assert.deepEqual(desk.problems, []);
  } finally {
    await desk.close();
  }
});
