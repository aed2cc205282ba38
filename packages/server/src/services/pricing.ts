import type { Audience } from '../domain/booking-rules.ts';
import { quote, type QuoteResult } from '../domain/pricing.ts';
import type { Resource } from './resources.ts';
import type { Space } from './spaces.ts';

/**
 * The price of a booking of the resource for an audience: what `createQuote` answers and what a
 * booking created (or changed) with the same inputs records. Both call this function and nothing
 * else, so they cannot disagree.
 */
export function priceBooking(
  space: Space,
  resource: Resource,
  booking: { start: Date; end: Date; quantity?: number | undefined; audience: Audience },
): QuoteResult {
  return quote({
    offers: resource.offers,
    audience: booking.audience,
    start: booking.start,
    end: booking.end,
    quantity: booking.quantity ?? 1,
    timeZone: space.timeZone,
    halfDays: space.policies.halfDays,
    currency: space.currency,
  });
}

/**
 * The audience whose offers price a caller's booking: a member's are the member offers; anyone
 * else (a guest, or staff quoting without saying for whom) gets the guest offers. Staff booking
 * for someone price for that someone: `member` with a `memberId`, `guest` with a `guest`.
 */
export function audienceOf(caller: { kind: 'anonymous' | 'member' | 'staff' }): Audience {
  return caller.kind === 'member' ? 'member' : 'guest';
}
