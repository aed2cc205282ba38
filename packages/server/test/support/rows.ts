// Rows written straight into the test database, for states the API under test does not create
// itself: a signed-in member's token, or existing bookings holding units of a resource.
import { newId } from '../../src/domain/ids.ts';
import { hashSecret, newSecret } from '../../src/domain/secrets.ts';
import { createMember } from '../../src/services/members.ts';
import type { TestServer } from './test-server.ts';

/** A new active member of the space and a member token (valid 30 days from the server's clock). */
export async function memberWithToken(server: TestServer, spaceId: string, email = `${newId('m').toLowerCase()}@example.org`): Promise<{ memberId: string; token: string }> {
  const member = await createMember(server.deps, spaceId, { email, displayName: 'Test Member' } as never);
  const token = newSecret('cct');
  const now = server.clock.now.getTime();
  await server.store.db
    .insertInto('member_tokens')
    .values({ token_hash: hashSecret(token), space_id: spaceId, member_id: member.id, expires_at: now + 30 * 86_400_000, created_at: now })
    .execute();
  return { memberId: member.id, token };
}

export interface ExistingBooking {
  spaceId: string;
  resourceId: string;
  start: string;
  end: string;
  /** Units held; default 1. */
  quantity?: number;
  /** The unit numbers held; default 1…quantity. */
  units?: number[];
  bufferBefore?: number;
  bufferAfter?: number;
  status?: 'pending' | 'confirmed' | 'cancelled';
}

/**
 * A booking as the bookings operations would store it: a `bookings` row and, unless cancelled,
 * one `booking_units` row per unit with its blocked interval (buffers in ms included).
 */
export async function insertBooking(server: TestServer, booking: ExistingBooking): Promise<string> {
  const id = newId('bk');
  const quantity = booking.quantity ?? 1;
  const start = Date.parse(booking.start);
  const end = Date.parse(booking.end);
  const now = server.clock.now.getTime();
  const status = booking.status ?? 'confirmed';
  await server.store.db
    .insertInto('bookings')
    .values({
      id,
      space_id: booking.spaceId,
      resource_id: booking.resourceId,
      member_id: null,
      guest_name: 'Test Guest',
      guest_email: 'guest@example.org',
      guest_token_hash: null,
      start_at: start,
      end_at: end,
      quantity,
      attendees: 1,
      title: null,
      notes: null,
      price_amount: 0,
      price_currency: 'EUR',
      status,
      version: 1,
      extensions: '{}',
      created_at: now,
      updated_at: now,
      cancelled_at: status === 'cancelled' ? now : null,
      cancelled_by: status === 'cancelled' ? 'staff' : null,
      cancellation_reason: null,
    })
    .execute();
  if (status !== 'cancelled') {
    const units = booking.units ?? Array.from({ length: quantity }, (_, i) => i + 1);
    await server.store.db
      .insertInto('booking_units')
      .values(
        units.map((unit) => ({
          booking_id: id,
          resource_id: booking.resourceId,
          unit,
          block_start: start - (booking.bufferBefore ?? 0),
          block_end: end + (booking.bufferAfter ?? 0),
        })),
      )
      .execute();
  }
  return id;
}

/** Cancels a booking inserted by `insertBooking`, freeing its units. */
export async function cancelBooking(server: TestServer, bookingId: string): Promise<void> {
  await server.store.db.deleteFrom('booking_units').where('booking_id', '=', bookingId).execute();
  await server.store.db.updateTable('bookings').set({ status: 'cancelled', cancelled_at: server.clock.now.getTime() }).where('id', '=', bookingId).execute();
}
