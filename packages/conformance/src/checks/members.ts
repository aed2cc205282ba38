// What one member may not reach of another's: with the tokens of two members (`--member-tokens`),
// a booking one of them makes is, for the other, a booking that does not exist (404), whatever
// they try on it, and never in their list.
import { randomUUID } from 'node:crypto';
import type { Check } from '../context.ts';
import { describeResponse, expect, expectProblem, expectStatus } from '../failure.ts';
import { fixturePrefix } from '../fixtures.ts';

const notFound = 'urn:coworking-commons:problem:not-found';
const forbidden = 'urn:coworking-commons:problem:forbidden';
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

export const memberIsolation: Check = {
  id: 'members.isolation',
  title: "A member cannot read, change, cancel or list another member's booking (404), nor ask for another member's bookings (403)",
  feature: 'core',
  specSection: 'getBooking',
  needsStaffKey: true,
  needsMemberTokens: true,
  async run(context) {
    const [tokenA, tokenB] = context.memberTokens!;
    const base = context.fixtures.base;
    const meA = await context.http.request('GET', `${base}/me`, { headers: bearer(tokenA) });
    const meB = await context.http.request('GET', `${base}/me`, { headers: bearer(tokenB) });
    expectStatus(meA, 200, 'getMe with the first of --member-tokens');
    expectStatus(meB, 200, 'getMe with the second of --member-tokens');
    expect(meA.json?.id && meA.json.id !== meB.json?.id, 'the two --member-tokens must be of two different members', 'two members with different ids', `${meA.json?.id} and ${meB.json?.id}`, [meA, meB]);

    const resource = await context.fixtures.resource();
    const slot = await context.fixtures.slot();
    const made = await context.http.request('POST', `${base}/bookings`, {
      headers: { ...bearer(tokenA), 'idempotency-key': `${fixturePrefix}${randomUUID()}` },
      body: { resourceId: resource.id, start: slot.start, end: slot.end, title: `${fixturePrefix}member-booking` },
    });
    context.fixtures.track(made);
    expectStatus(made, 201, "createBooking with the first member's token, of the fixture room (bookable by members)");
    const booking = `${base}/bookings/${encodeURIComponent(made.json.id)}`;
    const etag = made.responseHeaders.etag ?? '*';

    const read = await context.http.request('GET', booking, { headers: bearer(tokenB) });
    expectProblem(read, 404, notFound, "getBooking of the first member's booking with the second member's token");
    const calendar = await context.http.request('GET', `${booking}/booking.ics`, { headers: { ...bearer(tokenB), accept: 'text/calendar, application/problem+json' } });
    expectProblem(calendar, 404, notFound, "getBookingIcal of the first member's booking with the second member's token");
    const moved = await context.http.request('PATCH', booking, { headers: { ...bearer(tokenB), 'if-match': etag }, body: { title: `${fixturePrefix}taken-over` } });
    expectProblem(moved, 404, notFound, "rescheduleBooking of the first member's booking with the second member's token (and its ETag)");
    const cancelled = await context.http.request('POST', `${booking}/cancel`, { headers: { ...bearer(tokenB), 'if-match': etag }, body: {} });
    expectProblem(cancelled, 404, notFound, "cancelBooking of the first member's booking with the second member's token (and its ETag)");

    const listed = await context.http.request('GET', `${base}/bookings`, { headers: bearer(tokenB), query: { limit: 100, from: slot.start, to: slot.end } });
    expectStatus(listed, 200, "listBookings with the second member's token, over the booking's hour");
    const items: any[] = listed.json?.items ?? [];
    expect(!items.some((item) => item.id === made.json.id), "listBookings with the second member's token must not list the first member's booking", `no booking ${made.json.id}`, describeResponse(listed), [listed]);
    const others = items.filter((item) => item.booker?.memberId !== meB.json.id);
    expect(others.length === 0, "listBookings with a member's token must list only that member's bookings", `only bookings of ${meB.json.id}`, `${others.length} of others: ${others.map((item) => item.id).join(', ')}`, [listed]);
    const asked = await context.http.request('GET', `${base}/bookings`, { headers: bearer(tokenB), query: { memberId: meA.json.id } });
    expectProblem(asked, 403, forbidden, "listBookings?memberId=<the first member> with the second member's token");

    const still = await context.http.request('GET', booking, { headers: bearer(tokenA) });
    expectStatus(still, 200, "getBooking of the first member's booking with their own token");
    expect(
      still.json?.status === made.json.status && still.json?.version === made.json.version && still.json?.title === made.json.title,
      "the second member's attempts must have left the first member's booking as it was",
      `status ${made.json.status}, version ${made.json.version}, title ${made.json.title}`,
      `status ${still.json?.status}, version ${still.json?.version}, title ${still.json?.title}`,
      [still],
    );
  },
};
