// End to end: <cowork-booking> against a real reference server (a temporary SQLite database seeded
// with the demo space "La Ruche"), started by the test runner. A guest books, meets a conflict when
// someone else takes the time between choosing and confirming, books another time, downloads the
// calendar file and cancels.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { cancelBooking, createBooking, createClient, getBooking } from '@coworking-commons/client';
import '../../src/booking/define.ts';
import type { CoworkBooking } from '../../src/booking/booking.ts';
import { expectNoAxeViolations } from '../support/axe.ts';
import { e2eServer, specViolations } from '../support/e2e.ts';
import { bookingDay, deep, deepAll, settle, text } from './support.ts';

const times = (el: CoworkBooking) => deepAll<HTMLInputElement>(el, '.times input');
const labelOf = (input: HTMLInputElement) => input.closest('label')!.textContent!.trim();

async function pickTime(el: CoworkBooking, label: string): Promise<HTMLInputElement> {
  const input = times(el).find((i) => labelOf(i) === label);
  if (!input) throw new Error(`no ${label} in ${times(el).map(labelOf).join(', ')}`);
  input.click();
  await settle(el);
  return input;
}

async function toReview(el: CoworkBooking): Promise<void> {
  deepAll(el, 'button').find((b) => b.textContent!.trim() === 'Continue')!.click();
  await waitUntil(() => deep(el, '[part~="price"]'), 'the quoted price shows', { timeout: 8000 });
  await settle(el);
}

function fillGuest(el: CoworkBooking): void {
  for (const [id, value] of [
    ['name', 'Jonas Weber'],
    ['email', 'jonas.weber@example.com'],
  ] as const) {
    const input = deep<HTMLInputElement>(el, `#${id}`)!;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }
}

describe('<cowork-booking> end to end, against the reference server', () => {

  it('books as a guest, meets a conflict, books another time, and cancels', async () => {
    const { url, spaceId } = await e2eServer();
    const date = bookingDay(4);
    const el = await fixture<CoworkBooking>(html`<cowork-booking api=${url} space=${spaceId} storage="memory" resource="rs_petit_salon" date=${date} lang="en"></cowork-booking>`);
    await waitUntil(() => times(el).length > 0, 'the free times load from the server', { timeout: 15_000 });
    expect(text(el)).to.contain('The Small Parlour');
    await expectNoAxeViolations(el);

    // The visitor chooses the first free time and reviews the booking: the server quotes the guest price.
    const first = labelOf(times(el)[0]!);
    const later = labelOf(times(el).at(-1)!);
    const chosen = await pickTime(el, first);
    const start = new Date(Number(chosen.value)).toISOString();
    const end = new Date(Number(chosen.value) + 3_600_000).toISOString();
    await toReview(el);
    expect(text(el)).to.contain('Total €20');
    fillGuest(el);

    // Meanwhile someone else books the same time from another client.
    const other = createClient({ baseUrl: url });
    const taken = await createBooking(other, { path: { spaceId }, body: { resourceId: 'rs_petit_salon', start, end, guest: { name: 'Someone Else', email: 'someone@example.org' } } });
    expect(taken.status).to.equal(201);

    let confirmed = false;
    el.addEventListener('cowork-booking-confirmed', () => (confirmed = true), { once: true });
    deep(el, '[part~="submit-button"]')!.click();
    await waitUntil(() => text(el).includes('just booked by someone else'), 'the conflict is explained', { timeout: 8000 });
    await waitUntil(() => times(el).length > 0, 'the fresh times load');
    expect(confirmed, 'no success event for the refused booking').to.equal(false);
    expect(times(el).map(labelOf)).not.to.include(first);
    await expectNoAxeViolations(el);

    // Another time books fine.
    await pickTime(el, later);
    await toReview(el);
    fillGuest(el);
    const event = oneEvent(el, 'cowork-booking-confirmed');
    deep(el, '[part~="submit-button"]')!.click();
    const { booking } = (await event).detail;
    expect(booking.status).to.equal('confirmed');
    expect(booking.guestToken, 'the guest gets the token that opens the booking').to.be.a('string');
    await waitUntil(() => text(el).includes('Booking confirmed'));
    expect(text(el)).to.contain(booking.id);
    await expectNoAxeViolations(el);

    // The calendar file comes from the server with the guest's token.
    const blobs: Blob[] = [];
    const createObjectURL = URL.createObjectURL;
    const click = HTMLAnchorElement.prototype.click;
    URL.createObjectURL = (blob: Blob) => (blobs.push(blob), 'blob:e2e');
    HTMLAnchorElement.prototype.click = () => {};
    try {
      deep(el, '[part~="calendar-button"]')!.click();
      await waitUntil(() => blobs.length === 1, 'the calendar file downloads');
    } finally {
      URL.createObjectURL = createObjectURL;
      HTMLAnchorElement.prototype.click = click;
    }
    const ics = await blobs[0]!.text();
    expect(ics).to.contain('BEGIN:VEVENT');
    expect(ics).to.contain(`UID:${booking.id}`);

    // Cancel it, and the server agrees.
    deep(el, '#cancel')!.click();
    await settle(el);
    const cancelled = oneEvent(el, 'cowork-booking-cancelled');
    deep(el, '#cancel-yes')!.click();
    expect((await cancelled).detail.booking.status).to.equal('cancelled');
    await waitUntil(() => text(el).includes('Booking cancelled'));
    const fresh = await getBooking(other, { path: { spaceId, bookingId: booking.id }, guestToken: booking.guestToken! });
    expect(fresh.data.status).to.equal('cancelled');

    // Leave the demo as it was for other tests: the other booking is cancelled too.
    await cancelBooking(other, { path: { spaceId, bookingId: taken.data.id }, guestToken: taken.data.guestToken!, header: { 'If-Match': taken.etag! } });
    expect(await specViolations(), 'every response matches the spec').to.deep.equal([]);
  });
});
