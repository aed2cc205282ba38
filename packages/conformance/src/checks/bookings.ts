import { randomUUID } from 'node:crypto';
import type { Check, Context } from '../context.ts';
import { describeResponse, expect, expectProblem, expectStatus } from '../failure.ts';
import { fixturePrefix, poolSize, type Slot } from '../fixtures.ts';
import type { Exchange } from '../types.ts';

/**
 * What the server holds after a burst, whatever it answered: listBookings of the slot (as staff)
 * must show exactly `expected` bookings that are not cancelled, the ones answered 201.
 */
async function expectHeldBookings(context: Context, resourceId: string, slot: Slot, expected: number, created: Exchange[]): Promise<void> {
  const listed = await context.http.request('GET', `/spaces/${encodeURIComponent(context.spaceId)}/bookings`, { staff: true, query: { resourceId, from: slot.start, to: slot.end, limit: 100 } });
  expectStatus(listed, 200, 'listBookings of the burst\'s slot, as staff');
  const held = (listed.json?.items ?? []).filter((booking: any) => booking.status !== 'cancelled');
  for (const booking of held) context.fixtures.trackId(booking.id);
  const ids = held.map((booking: any) => booking.id).toSorted();
  const answered = created.map((answer) => answer.json?.id).toSorted();
  expect(
    held.length === expected && JSON.stringify(ids) === JSON.stringify(answered),
    `after the burst the slot must hold exactly ${expected} booking(s), the one(s) answered 201`,
    `${expected} booking(s) not cancelled: ${answered.join(', ')}`,
    `${held.length} listed: ${ids.join(', ') || 'none'}`,
    [listed],
  );
}

const bookingPath = (spaceId: string, id: string) => `/spaces/${encodeURIComponent(spaceId)}/bookings/${encodeURIComponent(id)}`;

export const guestBooking: Check = {
  id: 'bookings.guest',
  title: 'A guest books the resource without credentials, gets a guest token, and reads the booking with it',
  feature: 'guest-bookings',
  specSection: 'createBooking',
  needsStaffKey: true,
  async run(context) {
    const resource = await context.fixtures.resource();
    const slot = await context.fixtures.slot();
    const created = await context.fixtures.book(slot, { staff: false, guestEmail: `conformance+guest-${context.fixtures.runId}@example.org` });
    expectStatus(created, 201, 'createBooking by a guest (no credentials) of a free slot');
    expect(created.json?.booker?.kind === 'guest' && created.json?.resourceId === resource.id, 'the booking must be the guest\'s, of the resource', 'booker.kind guest', describeResponse(created), [created]);
    const token = created.json?.guestToken;
    expect(typeof token === 'string', 'a guest booking\'s answer must carry the guestToken', 'guestToken', describeResponse(created), [created]);
    const read = await context.http.request('GET', bookingPath(context.spaceId, created.json.id), { query: { guestToken: token } });
    expectStatus(read, 200, 'getBooking with the guest token');
  },
};

export const idempotentReplay: Check = {
  id: 'idempotency.replay',
  title: 'The same Idempotency-Key and body answer the first response and create nothing new',
  feature: 'core',
  specSection: '/components/parameters/IdempotencyKey',
  needsStaffKey: true,
  async run(context) {
    const slot = await context.fixtures.slot();
    const key = `${fixturePrefix}${randomUUID()}`;
    const first = await context.fixtures.book(slot, { key });
    expectStatus(first, 201, 'createBooking of a free slot');
    const replay = await context.fixtures.book(slot, { key });
    expect(replay.status === first.status && replay.json?.id === first.json?.id, 'a replay must answer the first response (same status, same booking)', `${first.status} booking ${first.json?.id}`, describeResponse(replay), [first, replay]);
  },
};

export const idempotencyKeyReused: Check = {
  id: 'idempotency.key-reused',
  title: 'The same Idempotency-Key with a different body is refused with 422 idempotency-key-reused',
  feature: 'core',
  specSection: '/components/parameters/IdempotencyKey',
  needsStaffKey: true,
  async run(context) {
    const resource = await context.fixtures.resource();
    const slot = await context.fixtures.slot();
    const key = `${fixturePrefix}${randomUUID()}`;
    const first = await context.fixtures.book(slot, { key });
    expectStatus(first, 201, 'createBooking of a free slot');
    const other = await context.http.request('POST', `/spaces/${encodeURIComponent(context.spaceId)}/bookings`, {
      staff: true,
      headers: { 'idempotency-key': key },
      body: context.fixtures.bookingBody(resource.id, slot, undefined, `${fixturePrefix}another title`),
    });
    context.fixtures.track(other);
    expectProblem(other, 422, 'urn:coworking-commons:problem:idempotency-key-reused', 'createBooking with a used Idempotency-Key and another body');
  },
};

export const etagPresent: Check = {
  id: 'etag.present',
  title: 'A created or read booking carries its ETag',
  feature: 'core',
  specSection: '/paths/~1spaces~1{spaceId}~1bookings~1{bookingId}/get/responses/200/headers/ETag',
  needsStaffKey: true,
  async run(context) {
    const created = await context.fixtures.book(await context.fixtures.slot());
    expectStatus(created, 201, 'createBooking of a free slot');
    expect(created.responseHeaders.etag, 'createBooking\'s 201 must carry the ETag', 'an ETag header', describeResponse(created) + ` headers: ${Object.keys(created.responseHeaders).join(', ')}`, [created]);
    const read = await context.http.request('GET', bookingPath(context.spaceId, created.json.id), { staff: true });
    expectStatus(read, 200, 'getBooking as staff');
    expect(read.responseHeaders.etag, 'getBooking\'s 200 must carry the ETag', 'an ETag header', `headers: ${Object.keys(read.responseHeaders).join(', ')}`, [read]);
  },
};

export const ifMatchStale: Check = {
  id: 'etag.if-match-412',
  title: 'A change with an outdated If-Match is refused with 412 precondition-failed',
  feature: 'core',
  specSection: '/components/parameters/IfMatch',
  needsStaffKey: true,
  async run(context) {
    const created = await context.fixtures.book(await context.fixtures.slot());
    expectStatus(created, 201, 'createBooking of a free slot');
    const path = bookingPath(context.spaceId, created.json.id);
    const read = await context.http.request('GET', path, { staff: true });
    expectStatus(read, 200, 'getBooking as staff');
    const stale = read.responseHeaders.etag;
    expect(stale, 'getBooking must carry the ETag to send back', 'an ETag header', 'none', [read]);
    const target = await context.fixtures.slot();
    const moved = await context.http.request('PATCH', path, { staff: true, headers: { 'if-match': stale }, body: { start: target.start, end: target.end } });
    expectStatus(moved, 200, 'rescheduleBooking with the current ETag in If-Match');
    const refused = await context.http.request('PATCH', path, { staff: true, headers: { 'if-match': stale }, body: { title: `${fixturePrefix}stale change` } });
    expectProblem(refused, 412, 'urn:coworking-commons:problem:precondition-failed', 'rescheduleBooking with the ETag of before the last change');
    const cancel = await context.http.request('POST', `${path}/cancel`, { staff: true, headers: { 'if-match': stale }, body: {} });
    expectProblem(cancel, 412, 'urn:coworking-commons:problem:precondition-failed', 'cancelBooking with the ETag of before the last change');
  },
};

export const ifMatchMissing: Check = {
  id: 'etag.if-match-428',
  title: 'Rescheduling or cancelling a booking without If-Match is refused with 428 precondition-required',
  feature: 'core',
  specSection: '/components/parameters/IfMatch',
  needsStaffKey: true,
  async run(context) {
    const created = await context.fixtures.book(await context.fixtures.slot());
    expectStatus(created, 201, 'createBooking of a free slot');
    const path = bookingPath(context.spaceId, created.json.id);
    const patch = await context.http.request('PATCH', path, { staff: true, body: { title: `${fixturePrefix}no If-Match` } });
    expectProblem(patch, 428, 'urn:coworking-commons:problem:precondition-required', 'rescheduleBooking without If-Match');
    const cancel = await context.http.request('POST', `${path}/cancel`, { staff: true, body: {} });
    expectProblem(cancel, 428, 'urn:coworking-commons:problem:precondition-required', 'cancelBooking without If-Match');
  },
};

export const noDoubleBooking: Check = {
  id: 'bookings.no-double-booking',
  title: 'A burst of concurrent bookings of one single-unit slot: exactly one 201, the others 409 booking-conflict',
  feature: 'core',
  specSection: 'createBooking',
  needsStaffKey: true,
  async run(context) {
    const resource = await context.fixtures.resource();
    const slot = await context.fixtures.slot();
    const answers = await Promise.all(
      Array.from({ length: context.burst }, (_, index) => context.fixtures.book(slot, { guestEmail: `conformance+burst-${index}-${context.fixtures.runId}@example.org` })),
    );
    const created = answers.filter((answer) => answer.status === 201);
    expect(created.length === 1, `exactly one of ${context.burst} concurrent bookings of the same slot must succeed`, 'one 201', `${created.length} × 201; statuses ${answers.map((answer) => answer.status).join(', ')}`, created.length > 1 ? created : answers.slice(0, 2));
    for (const answer of answers.filter((answer) => answer.status !== 201)) {
      expectProblem(answer, 409, 'urn:coworking-commons:problem:booking-conflict', 'the loser of a concurrent booking of the same slot');
    }
    await expectHeldBookings(context, resource.id, slot, 1, created);
  },
};

export const noOverbookingPool: Check = {
  id: 'bookings.no-overbooking-pool',
  title: `A burst of concurrent bookings of one slot of a pool of ${poolSize}: exactly ${poolSize} × 201, the others 409 booking-conflict`,
  feature: 'core',
  specSection: 'createBooking',
  needsStaffKey: true,
  async run(context) {
    const resource = await context.fixtures.resource('pool');
    const slot = await context.fixtures.slot('pool');
    const answers = await Promise.all(
      Array.from({ length: Math.max(context.burst, poolSize + 2) }, (_, index) => context.fixtures.book(slot, { kind: 'pool', guestEmail: `conformance+pool-${index}-${context.fixtures.runId}@example.org` })),
    );
    const created = answers.filter((answer) => answer.status === 201);
    expect(created.length === poolSize, `exactly ${poolSize} of ${answers.length} concurrent bookings of a pool of ${poolSize} must succeed`, `${poolSize} × 201`, `${created.length} × 201; statuses ${answers.map((answer) => answer.status).join(', ')}`, created.length > poolSize ? created : answers.slice(0, 2));
    for (const answer of answers.filter((answer) => answer.status !== 201)) {
      expectProblem(answer, 409, 'urn:coworking-commons:problem:booking-conflict', 'a booking beyond the pool\'s remaining quantity');
    }
    await expectHeldBookings(context, resource.id, slot, poolSize, created);
  },
};

export const guestTokenScope: Check = {
  id: 'bookings.guest-token-scope',
  title: "A guest's token opens that guest's booking and no other (404)",
  feature: 'guest-bookings',
  specSection: 'getBooking',
  needsStaffKey: true,
  async run(context) {
    const mine = await context.fixtures.book(await context.fixtures.slot(), { staff: false, guestEmail: `conformance+scope-a-${context.fixtures.runId}@example.org` });
    expectStatus(mine, 201, 'createBooking by a guest');
    const other = await context.fixtures.book(await context.fixtures.slot(), { staff: false, guestEmail: `conformance+scope-b-${context.fixtures.runId}@example.org` });
    expectStatus(other, 201, 'createBooking by another guest');
    const token = mine.json?.guestToken;
    const own = await context.http.request('GET', bookingPath(context.spaceId, mine.json.id), { query: { guestToken: token } });
    expectStatus(own, 200, "getBooking of the guest's own booking with their token");
    const foreign = await context.http.request('GET', bookingPath(context.spaceId, other.json.id), { query: { guestToken: token } });
    expectProblem(foreign, 404, 'urn:coworking-commons:problem:not-found', "getBooking of another guest's booking with the first guest's token");
    const cancel = await context.http.request('POST', `${bookingPath(context.spaceId, other.json.id)}/cancel`, { query: { guestToken: token }, headers: { 'if-match': other.responseHeaders.etag ?? '"1"' }, body: {} });
    expectProblem(cancel, 404, 'urn:coworking-commons:problem:not-found', "cancelBooking of another guest's booking with the first guest's token");
  },
};

export const idempotencyScope: Check = {
  id: 'idempotency.scope',
  title: "An Idempotency-Key is scoped to its caller: a guest reusing staff's key gets their own booking",
  feature: 'guest-bookings',
  specSection: '/components/parameters/IdempotencyKey',
  needsStaffKey: true,
  async run(context) {
    const key = `${fixturePrefix}${randomUUID()}`;
    const staff = await context.fixtures.book(await context.fixtures.slot(), { key });
    expectStatus(staff, 201, 'createBooking as staff');
    const guest = await context.fixtures.book(await context.fixtures.slot(), { key, staff: false, guestEmail: `conformance+key-${context.fixtures.runId}@example.org` });
    expectStatus(guest, 201, "createBooking by a guest with the key staff used, another body: a new booking, since keys are scoped to the caller");
    expect(guest.json?.id !== staff.json?.id, "the guest must never get staff's answer", 'another booking id', describeResponse(guest), [staff, guest]);
  },
};
