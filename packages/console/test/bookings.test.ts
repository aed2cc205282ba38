// The console's bookings section, beyond confirming (console.test.ts): a staff person books a room
// for a member found by name and for a guest, moves a booking with the keyboard and another by
// dragging it to another day, and cancels one with a reason; the API says each change happened.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { getBooking, listBookings } from '@coworking-commons/client';
import type { Page } from 'puppeteer-core';
import { click, clickButton, overflowsSideways, pierce, shoot, signIn, startConsoleServer, waitForText, type ConsoleServer } from './support/console-page.ts';

let app: ConsoleServer;
before(async () => {
  app = await startConsoleServer();
});
after(() => app?.close());

const staff = () => app.server.client(app.demo.staffKey!);

/** The Monday, Tuesday and Wednesday of a week at least two weeks ahead, away from the demo space's end-of-year closure. */
function weekDays(): [string, string, string] {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + 14 - ((d.getUTCDay() + 6) % 7));
  const closed = (date: Date) => (date.getUTCMonth() === 11 && date.getUTCDate() >= 24) || (date.getUTCMonth() === 0 && date.getUTCDate() === 1);
  while ([0, 1, 2].some((i) => closed(new Date(d.getTime() + i * 86_400_000)))) d.setUTCDate(d.getUTCDate() + 7);
  return [0, 1, 2].map((i) => new Date(d.getTime() + i * 86_400_000).toISOString().slice(0, 10)) as [string, string, string];
}

async function setValue(page: Page, selector: string, value: string, event = 'input') {
  await pierce(page, selector);
  await page.evaluate(
    (css, v, type) => {
      const find = (root: Document | ShadowRoot): HTMLInputElement | null => root.querySelector<HTMLInputElement>(css) ?? [...root.querySelectorAll('*')].reduce<HTMLInputElement | null>((f, el) => f ?? (el.shadowRoot ? find(el.shadowRoot) : null), null);
      const input = find(document)!;
      input.value = v;
      input.dispatchEvent(new Event(type, { bubbles: true, composed: true }));
    },
    selector,
    value,
    event,
  );
}

/** Goes forward week by week until the grid shows `day`. */
async function toWeekOf(page: Page, day: string, next: string) {
  for (let i = 0; i < 8; i++) {
    const shown = await page.evaluate((d) => {
      const bookings = document.querySelector('cowork-console')!.shadowRoot!.querySelector('cowork-console-bookings')!;
      return bookings.shadowRoot!.querySelector('thead')?.textContent?.includes(String(Number(d.slice(8, 10)))) && (bookings as unknown as { _week?: { days: string[] } })._week?.days.includes(d);
    }, day);
    if (shown) return;
    await clickButton(page, next);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`never reached the week of ${day}`);
}

async function bookingsOn(day: string) {
  return (await listBookings(staff(), { path: { spaceId: 'la-ruche' }, query: { from: `${day}T00:00:00Z`, to: `${day}T23:59:59Z`, limit: 100 } })).data.items;
}

test('a staff person books for a member and for a guest, moves bookings by keyboard and by drag, and cancels one with a reason (French)', { timeout: 90_000 }, async () => {
  const [monday, , wednesday] = weekDays();
  const opened = await app.open(['fr-FR', 'fr']);
  const { page } = opened;
  try {
    await signIn(app, page, app.demo.staffEmail);
    await pierce(page, 'cowork-console-bookings');
    await toWeekOf(page, monday, 'Semaine suivante');

    // For a member found by name, in La Salle Verte on Monday 10:00–11:00.
    await clickButton(page, 'Nouvelle réservation');
    await pierce(page, '#new-resource');
    await clickButton(page, 'Réserver');
    await waitForText(page, 'Choisissez une ressource.');
    await setValue(page, '#new-resource', 'rs_salle_verte', 'change');
    await setValue(page, '#new-date', monday);
    await setValue(page, '#new-start', '10:00');
    await setValue(page, '#new-end', '11:00');
    await (await pierce(page, '#new-member-search')).type('camille');
    await waitForText(page, 'camille.durand@example.org');
    await shoot(page, 'new-booking-fr');
    await page.setViewport({ width: 360, height: 900 });
    assert.equal(await overflowsSideways(page), false);
    await page.setViewport({ width: 1280, height: 900 });
    await click(page, 'input[name="member"]');
    await (await pierce(page, '#new-title')).type('Point client');
    await clickButton(page, 'Réserver');
    await waitForText(page, 'Réservée : ');
    const forMember = (await bookingsOn(monday)).find((b) => b.title === 'Point client');
    assert.ok(forMember, 'the booking was made');
    assert.equal(forMember.resourceId, 'rs_salle_verte');
    assert.equal(forMember.booker.kind, 'member');
    assert.equal(forMember.booker.email, 'camille.durand@example.org');

    // Move it with the keyboard: to 14:00–15:30 the same day.
    await clickButton(page, 'Déplacer');
    const date = await pierce(page, '#move-date');
    assert.equal(await page.evaluate(() => document.querySelector('cowork-console')!.shadowRoot!.querySelector('cowork-console-bookings')!.shadowRoot!.querySelector('cowork-console-booking-details')!.shadowRoot!.activeElement?.id), 'move-date', 'the form has the focus');
    assert.equal(await date.evaluate((el) => (el as HTMLInputElement).value), monday);
    await setValue(page, '#move-start', '14:00');
    await setValue(page, '#move-end', '15:30');
    await page.keyboard.press('Enter');
    await waitForText(page, 'Déplacée : ');
    const moved = (await getBooking(staff(), { path: { spaceId: 'la-ruche', bookingId: forMember.id } })).data;
    assert.equal(new Date(moved.end).getTime() - new Date(moved.start).getTime(), 90 * 60_000);
    assert.notEqual(moved.start, forMember.start);

    // For a guest, then drag it from Monday to Wednesday.
    await clickButton(page, 'Fermer');
    await clickButton(page, 'Nouvelle réservation');
    await setValue(page, '#new-resource', 'rs_salle_verte', 'change');
    await setValue(page, '#new-date', monday);
    await setValue(page, '#new-start', '09:00');
    await setValue(page, '#new-end', '10:00');
    await click(page, '#new-for-guest');
    await (await pierce(page, '#new-guest-name')).type('Nora Benali');
    await (await pierce(page, '#new-guest-email')).type('nora.benali@example.org');
    await clickButton(page, 'Réserver');
    await waitForText(page, 'Réservée : ');
    const forGuest = (await bookingsOn(monday)).find((b) => b.booker.name === 'Nora Benali');
    assert.ok(forGuest, 'the guest booking was made');
    await clickButton(page, 'Fermer');
    await pierce(page, `.grid [data-booking="${forGuest.id}"]`);
    // A drag from the chip to Wednesday's cell of the same row, as the browser dispatches it.
    await page.evaluate(
      (id, target) => {
        const bookings = document.querySelector('cowork-console')!.shadowRoot!.querySelector('cowork-console-bookings')! as HTMLElement & { _week: { days: string[] } };
        const chip = bookings.shadowRoot!.querySelector<HTMLElement>(`.grid [data-booking="${id}"]`)!;
        const cell = chip.closest('tr')!.querySelectorAll('td')[bookings._week.days.indexOf(target)]!;
        const dataTransfer = new DataTransfer();
        chip.dispatchEvent(new DragEvent('dragstart', { bubbles: true, composed: true, dataTransfer }));
        cell.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, composed: true, dataTransfer }));
        cell.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, composed: true, dataTransfer }));
      },
      forGuest.id,
      wednesday,
    );
    for (let i = 0; i < 50 && (await getBooking(staff(), { path: { spaceId: 'la-ruche', bookingId: forGuest.id } })).data.start.slice(0, 10) !== wednesday; i++) await new Promise((resolve) => setTimeout(resolve, 100));
    const dragged = (await getBooking(staff(), { path: { spaceId: 'la-ruche', bookingId: forGuest.id } })).data;
    assert.equal(dragged.start.slice(0, 10), wednesday, 'moved to Wednesday');
    assert.equal(new Date(dragged.end).getTime() - new Date(dragged.start).getTime(), 60 * 60_000, 'at the same times');

    // Cancel the member's booking with a reason.
    await click(page, `.grid [data-booking="${forMember.id}"]`);
    await clickButton(page, 'Annuler la réservation');
    await (await pierce(page, '#cancel-reason')).type('Salle indisponible (travaux).');
    await clickButton(page, 'Oui, l’annuler');
    await waitForText(page, 'Annulée : ');
    const cancelled = (await getBooking(staff(), { path: { spaceId: 'la-ruche', bookingId: forMember.id } })).data;
    assert.equal(cancelled.status, 'cancelled');
    assert.equal(cancelled.cancellation?.reason, 'Salle indisponible (travaux).');
    await shoot(page, 'booking-details-fr');
    assert.deepEqual(opened.problems, []);
  } finally {
    await opened.close();
  }
});
