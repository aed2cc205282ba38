import type { FastifyRequest } from 'fastify';
import { toResource } from '../services/resources.ts';
import { acceptsCalendar } from '../http/accept.ts';
import { bookingCalendar, ICAL_CONTENT_TYPE } from '../domain/ical.ts';
import { hashSecret } from '../domain/secrets.ts';
import { checkIfMatch, etagOf, setEtag } from '../http/etag.ts';
import { guestTokenOf } from '../http/guest-token.ts';
import { runIdempotent } from '../http/idempotency.ts';
import { forbidden, notAcceptable } from '../http/problem.ts';
import { spaceOf } from '../http/request-context.ts';
import {
  cancelBooking,
  confirmBooking,
  createBookingIn,
  rescheduleBooking,
  retryTransient,
  selectBookings,
  toBooking,
  visibleBooking,
  type BookingAccess,
  type CreatingCaller,
} from '../services/bookings.ts';
import { decodeCursor, page } from '../services/pagination.ts';
import type { HandlerGroup } from './types.ts';
import { emitEvent } from '../webhooks/emit.ts';

/**
 * Who may see a booking: staff any of the space, a member their own, and whoever holds a guest
 * token (`?guestToken=`) the one booking it opens. `withGuestToken` is false for the operations a
 * guest token does not open (changing a booking).
 */
function accessOf(request: FastifyRequest, withGuestToken = true): BookingAccess {
  const { caller } = request;
  const guestToken = withGuestToken ? guestTokenOf(request) : undefined;
  return {
    staff: caller.kind === 'staff',
    memberId: caller.kind === 'member' ? caller.memberId : undefined,
    guestTokenHash: guestToken === undefined ? undefined : hashSecret(guestToken),
  };
}

const bookingUrl = (publicUrl: string, spaceId: string, bookingId: string) =>
  `${publicUrl}/spaces/${encodeURIComponent(spaceId)}/bookings/${encodeURIComponent(bookingId)}`;

export const bookingsHandlers: HandlerGroup = (deps) => ({
  async listBookings(request) {
    const { space } = spaceOf(request);
    const { caller } = request;
    const query = request.query;
    const limit = query.limit ?? 20;
    if (caller.kind === 'member' && query.memberId !== undefined && query.memberId !== caller.memberId) {
      throw forbidden("A member sees only their own bookings; memberId is for staff.");
    }
    const after = decodeCursor(query.cursor, ['number', 'string']);
    let select = selectBookings(deps.store.db).where('bookings.space_id', '=', space.id);
    // Security let only members and staff through; a member is always limited to their own.
    if (caller.kind === 'member') select = select.where('bookings.member_id', '=', caller.memberId);
    else if (query.memberId !== undefined) select = select.where('bookings.member_id', '=', query.memberId);
    if (query.from !== undefined) select = select.where('bookings.end_at', '>', Date.parse(query.from));
    if (query.to !== undefined) select = select.where('bookings.start_at', '<', Date.parse(query.to));
    if (query.resourceId !== undefined) select = select.where('bookings.resource_id', '=', query.resourceId);
    if (query.status !== undefined) select = select.where('bookings.status', '=', query.status);
    if (after) {
      const [startAt, id] = after as [number, string];
      select = select.where((eb) =>
        eb.or([eb('bookings.start_at', '>', startAt), eb.and([eb('bookings.start_at', '=', startAt), eb('bookings.id', '>', id)])]),
      );
    }
    const rows = await select.orderBy('bookings.start_at').orderBy('bookings.id').limit(limit + 1).execute();
    return page(rows, limit, toBooking, (row) => [Number(row.start_at), row.id]);
  },

  async createBooking(request, reply) {
    const { space } = spaceOf(request);
    const { caller } = request;
    const creating: CreatingCaller = caller.kind === 'member' ? { kind: 'member', memberId: caller.memberId } : { kind: caller.kind };
    return retryTransient(() =>
      runIdempotent(deps, request, reply, 'createBooking', async (trx) => {
        const { booking, guestToken } = await createBookingIn(trx, deps, space, creating, request.body);
        await emitEvent(deps, trx, space.id, 'booking.created', booking);
        return {
          status: 201,
          body: guestToken === undefined ? booking : { ...booking, guestToken },
          headers: { etag: etagOf(booking.version), location: bookingUrl(deps.config.publicUrl, space.id, booking.id) },
        };
      }),
    ) as never;
  },

  async getBooking(request, reply) {
    const { space } = spaceOf(request);
    const row = await visibleBooking(deps.store.db, space.id, request.params.bookingId, accessOf(request));
    setEtag(reply, row.version);
    return toBooking(row);
  },

  async rescheduleBooking(request, reply) {
    const { space } = spaceOf(request);
    const booking = await rescheduleBooking(
      deps,
      space,
      { spaceId: space.id, bookingId: request.params.bookingId, access: accessOf(request, false), checkVersion: (v) => checkIfMatch(request, v) },
      request.body,
    );
    await emitEvent(deps, deps.store.db, space.id, 'booking.rescheduled', booking);
    setEtag(reply, booking.version);
    return booking;
  },

  async cancelBooking(request, reply) {
    const { space } = spaceOf(request);
    const booking = await cancelBooking(
      deps,
      space,
      { spaceId: space.id, bookingId: request.params.bookingId, access: accessOf(request), checkVersion: (v) => checkIfMatch(request, v) },
      request.body?.reason,
    );
    await emitEvent(deps, deps.store.db, space.id, 'booking.cancelled', booking);
    setEtag(reply, booking.version);
    return booking;
  },

  async confirmBooking(request, reply) {
    const { space } = spaceOf(request);
    const booking = await confirmBooking(deps, {
      spaceId: space.id,
      bookingId: request.params.bookingId,
      access: accessOf(request, false),
      checkVersion: (v) => checkIfMatch(request, v),
    });
    await emitEvent(deps, deps.store.db, space.id, 'booking.confirmed', booking);
    setEtag(reply, booking.version);
    return booking;
  },

  async getBookingIcal(request, reply) {
    const { space } = spaceOf(request);
    const row = await visibleBooking(deps.store.db, space.id, request.params.bookingId, accessOf(request));
    if (!acceptsCalendar(request.headers.accept)) throw notAcceptable('This booking is offered as text/calendar only.');
    // Deleted resources too: a past booking still names what it was for.
    const resource = await deps.store.db.selectFrom('resources').selectAll().where('space_id', '=', space.id).where('id', '=', row.resource_id).executeTakeFirst();
    const name = resource ? toResource(resource).name : 'Booking';
    reply.type(ICAL_CONTENT_TYPE);
    return bookingCalendar({ booking: toBooking(row), resource: { id: row.resource_id, name }, space });
  },
});
