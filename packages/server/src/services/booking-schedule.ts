import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { addDays, startOfLocalDay, WEEKDAYS, weekdayOf } from '../domain/time.ts';
import { selectBookings, type BookingRow } from './bookings.ts';

/** The day of `date`, or its week (Monday to Sunday), as instants in the space's time zone: `[from, to)`. */
export function scheduleWindow(date: string, span: 'day' | 'week', timeZone: string): { from: Date; to: Date } {
  const first = span === 'day' ? date : addDays(date, -WEEKDAYS.indexOf(weekdayOf(date)));
  return { from: startOfLocalDay(first, timeZone), to: startOfLocalDay(addDays(first, span === 'day' ? 1 : 7), timeZone) };
}

/** Pending first (they wait for staff), then confirmed, then cancelled. */
const rank = sql<number>`case bookings.status when 'pending' then 0 when 'confirmed' then 1 else 2 end`;

export interface ScheduleQuery {
  spaceId: string;
  from: number;
  to: number;
  resourceId?: string;
  includeCancelled: boolean;
}

function overlapping(db: Kysely<Database>, query: ScheduleQuery) {
  let select = selectBookings(db).where('bookings.space_id', '=', query.spaceId).where('bookings.end_at', '>', query.from).where('bookings.start_at', '<', query.to);
  if (query.resourceId !== undefined) select = select.where('bookings.resource_id', '=', query.resourceId);
  if (!query.includeCancelled) select = select.where('bookings.status', '<>', 'cancelled');
  return select;
}

/** A page of the window's bookings in schedule order, keyset on (rank, start, id). */
export async function scheduleBookings(db: Kysely<Database>, query: ScheduleQuery, limit: number, after: [number, number, string] | undefined): Promise<(BookingRow & { rank: number })[]> {
  let select = overlapping(db, query).select(rank.as('rank'));
  if (after) {
    const [r, start, id] = after;
    select = select.where((eb) =>
      eb.or([
        eb(rank, '>', r),
        eb.and([eb(rank, '=', r), eb('bookings.start_at', '>', start)]),
        eb.and([eb(rank, '=', r), eb('bookings.start_at', '=', start), eb('bookings.id', '>', id)]),
      ]),
    );
  }
  return select.orderBy(rank).orderBy('bookings.start_at').orderBy('bookings.id').limit(limit + 1).execute() as Promise<(BookingRow & { rank: number })[]>;
}

/** How many pending bookings the window holds. */
export async function pendingCount(db: Kysely<Database>, query: ScheduleQuery): Promise<number> {
  const row = await db
    .selectFrom('bookings')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('space_id', '=', query.spaceId)
    .where('end_at', '>', query.from)
    .where('start_at', '<', query.to)
    .where('status', '=', 'pending')
    .$if(query.resourceId !== undefined, (q) => q.where('resource_id', '=', query.resourceId!))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
