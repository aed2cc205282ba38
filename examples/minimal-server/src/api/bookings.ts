// createBooking, listBookings, getBooking, rescheduleBooking, cancelBooking, confirmBooking.
import { createHash, randomBytes } from 'node:crypto';
import { Occupancy } from '../availability.ts';
import { bodyOf, checkIdParams, checkIfMatch, pageQuery, page, queryOf, requireStaff, spaceOf, type Answer, type Call } from '../call.ts';
import { invalid, notFound, Problem, ruleViolation, unauthorized } from '../problem.ts';
import { priceOf } from '../pricing.ts';
import { checkRules } from '../rules.ts';
import { bookingCancel, bookingCreate, bookingStatuses, bookingUpdate, id } from '../schemas.ts';
import { newId, type Booking, type Space } from '../store.ts';
import { addDuration, iso, parseDuration, parseInstant } from '../time.ts';
import { check, oneOf, string } from '../validate.ts';
import { resourcesOf } from './resources.ts';
import { bookingView, etag } from './views.ts';
import { idempotent } from './idempotency.ts';

const idempotencyKey = string({ min: 8, max: 255, pattern: /^[\x21-\x7e]+$/ });
const hash = (token: string) => createHash('sha256').update(token).digest('hex');

function bookingsOf(call: Call): Map<string, Booking> {
  return call.store.bookings.get(spaceOf(call).id)!;
}

function extensionsOf(input: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(input).filter(([name]) => name.startsWith('x-')));
}

export function createBooking(call: Call): Answer {
  const space = spaceOf(call);
  if (call.caller.kind === 'unknown') throw unauthorized('These credentials are not valid here.');
  const key = call.headers['idempotency-key'];
  const keyErrors = typeof key === 'string' ? check(idempotencyKey, key, '/header/Idempotency-Key') : [{ pointer: '/header/Idempotency-Key', detail: 'is required' }];
  if (keyErrors.length) throw invalid(keyErrors);
  const input = bodyOf(call, bookingCreate, { required: true });
  const staff = call.caller.kind === 'staff';
  if (!staff && input.memberId !== undefined) throw invalid([{ pointer: '/memberId', detail: 'only staff book for a member' }]);
  if (!staff && input.guest === undefined) throw invalid([{ pointer: '/guest', detail: 'is required without credentials' }]);
  if (staff && (input.guest === undefined) === (input.memberId === undefined)) throw invalid([{ pointer: '/guest', detail: 'staff give exactly one of guest and memberId' }]);
  // Keys are scoped to the caller: the staff, or a guest by their email and address.
  const scope = staff ? 'staff' : `guest ${String(input.guest.email).toLowerCase()} ${call.clientAddress}`;
  return idempotent(call, `${space.id} ${scope} ${key}`, input, () => book(call, space, input, staff));
}

function book(call: Call, space: Space, input: any, staff: boolean): Answer {
  if (!staff && !space.policies.guestBookingAllowed) throw new Problem(403, 'forbidden', 'This space takes bookings from its members only.');
  if (input.memberId !== undefined) throw ruleViolation('unknown_member', `No active member ${input.memberId} in this space.`);
  const resource = resourcesOf(call).get(input.resourceId);
  if (!resource || resource.status !== 'active') throw ruleViolation('unknown_resource', `No active resource ${input.resourceId} in this space.`);
  const start = parseInstant(input.start)!;
  const end = parseInstant(input.end)!;
  const quantity: number = input.quantity ?? 1;
  const attendees: number = input.attendees ?? quantity;
  checkRules(space, resource, { start, end, quantity, attendees }, { audience: 'guest', staff }, call.now);
  const bookings = bookingsOf(call);
  // From here to the insert nothing awaits: no other request can take the slot in between.
  if (new Occupancy(resource, bookings.values()).minimumOver(start, end) < quantity) throw new Problem(409, 'booking-conflict', 'The resource is no longer available for this time.');
  const token = `gt_${randomBytes(24).toString('base64url')}`;
  const now = iso(call.now);
  const booking: Booking = {
    id: newId('bk'),
    spaceId: space.id,
    resourceId: resource.id,
    start,
    end,
    quantity,
    attendees,
    ...(input.title !== undefined ? { title: input.title } : {}),
    ...(input.notes !== undefined ? { notes: input.notes } : {}),
    booker: { kind: 'guest', name: input.guest.name, email: input.guest.email },
    price: priceOf(space, resource, 'guest', start, end, quantity).total,
    status: resource.rules.approvalRequired && !staff ? 'pending' : 'confirmed',
    createdAt: now,
    updatedAt: now,
    version: 1,
    guestTokenHash: hash(token),
    extensions: extensionsOf(input),
  };
  bookings.set(booking.id, booking);
  return { status: 201, headers: { ...etag(1), location: `${call.publicUrl}/spaces/${space.id}/bookings/${booking.id}` }, body: bookingView(booking, token) };
}

export function listBookings(call: Call): Answer {
  const bookings = bookingsOf(call);
  requireStaff(call);
  const query = queryOf(call, {
    from: { kind: 'instant' },
    to: { kind: 'instant' },
    resourceId: { kind: 'string', schema: id },
    status: { kind: 'string', schema: oneOf(bookingStatuses) },
    memberId: { kind: 'string', schema: id },
    ...pageQuery,
  });
  const matching = [...bookings.values()].filter(
    (booking) =>
      (query.from === undefined || booking.end > query.from) &&
      (query.to === undefined || booking.start < query.to) &&
      (query.resourceId === undefined || booking.resourceId === query.resourceId) &&
      (query.status === undefined || booking.status === query.status) &&
      (query.memberId === undefined || booking.booker.memberId === query.memberId),
  );
  const result = page(matching, (booking) => [booking.start, booking.id], 2, query);
  return { status: 200, body: { ...result, items: result.items.map((booking) => bookingView(booking)) } };
}

/** The booking of the path as the caller may see it: staff any, a guest the one their token opens. */
function visibleBooking(call: Call, options: { guests: boolean }): { booking: Booking; by: 'staff' | 'guest' } {
  const bookings = bookingsOf(call);
  checkIdParams(call);
  if (call.caller.kind === 'unknown') throw unauthorized('These credentials are not valid here.');
  const booking = bookings.get(call.params.bookingId!);
  if (call.caller.kind === 'staff') {
    if (!booking) throw notFound(`No booking ${call.params.bookingId} in this space.`);
    return { booking, by: 'staff' };
  }
  const token = call.query.get('guestToken');
  if (!options.guests || token === null) throw unauthorized();
  const tokenHash = hash(token);
  if (![...bookings.values()].some((b) => b.guestTokenHash === tokenHash)) throw unauthorized('This guest token opens no booking.');
  if (!booking || booking.guestTokenHash !== tokenHash) throw notFound(`No booking ${call.params.bookingId} for this guest token.`);
  return { booking, by: 'guest' };
}

export function getBooking(call: Call): Answer {
  const { booking } = visibleBooking(call, { guests: true });
  return { status: 200, headers: etag(booking.version), body: bookingView(booking) };
}

function changed(call: Call, booking: Booking): Answer {
  booking.version += 1;
  booking.updatedAt = iso(call.now);
  return { status: 200, headers: etag(booking.version), body: bookingView(booking) };
}

export function rescheduleBooking(call: Call): Answer {
  const space = spaceOf(call);
  const input = bodyOf(call, bookingUpdate, { required: true });
  const { booking } = visibleBooking(call, { guests: false });
  checkIfMatch(call, booking.version, true);
  if (booking.status === 'cancelled') throw new Problem(409, 'conflict', 'A cancelled booking cannot be changed.');
  if (booking.start <= call.now) throw ruleViolation('already_started', 'A booking that has started cannot be changed.');
  const resource = resourcesOf(call).get(booking.resourceId);
  const start = input.start !== undefined ? parseInstant(input.start)! : booking.start;
  const end = input.end !== undefined ? parseInstant(input.end)! : booking.end;
  const quantity: number = input.quantity ?? booking.quantity;
  const moves = start !== booking.start || end !== booking.end || quantity !== booking.quantity;
  if (!resource && moves) throw ruleViolation('unknown_resource', 'The booked resource no longer exists.');
  const most = (resource?.capacity ?? booking.attendees) * quantity;
  const attendees: number = input.attendees ?? (booking.attendees <= most ? booking.attendees : most);
  if (resource && (moves || input.attendees !== undefined)) {
    checkRules(space, resource, { start, end, quantity, attendees }, { audience: 'guest', staff: true }, call.now);
  }
  if (resource && moves) {
    if (new Occupancy(resource, bookingsOf(call).values(), booking.id).minimumOver(start, end) < quantity) throw new Problem(409, 'booking-conflict', 'The resource is not available for the new time.');
    booking.price = priceOf(space, resource, booking.booker.kind, start, end, quantity).total;
  }
  Object.assign(booking, { start, end, quantity, attendees });
  for (const field of ['title', 'notes'] as const) {
    if (input[field] === null) delete booking[field];
    else if (input[field] !== undefined) booking[field] = input[field];
  }
  Object.assign(booking.extensions, extensionsOf(input));
  return changed(call, booking);
}

export function cancelBooking(call: Call): Answer {
  const space = spaceOf(call);
  const input = bodyOf(call, bookingCancel, { required: false });
  const { booking, by } = visibleBooking(call, { guests: true });
  checkIfMatch(call, booking.version, true);
  if (booking.status === 'cancelled') throw new Problem(409, 'conflict', 'This booking is already cancelled.');
  if (by === 'guest' && addDuration(call.now, parseDuration(space.policies.cancellationNotice), space.timeZone) > booking.start) {
    throw ruleViolation('cancellation_notice', `Bookings are cancelled at least ${space.policies.cancellationNotice} before they start; ask the staff.`);
  }
  booking.status = 'cancelled';
  booking.cancellation = { at: iso(call.now), by, ...(input?.reason !== undefined ? { reason: input.reason } : {}) };
  return changed(call, booking);
}

export function confirmBooking(call: Call): Answer {
  requireStaff(call);
  const { booking } = visibleBooking(call, { guests: false });
  checkIfMatch(call, booking.version, true);
  if (booking.status !== 'pending') throw new Problem(409, 'conflict', `Only a pending booking can be confirmed; this one is ${booking.status}.`);
  booking.status = 'confirmed';
  return changed(call, booking);
}
