import { localDateOf } from '../domain/time.ts';
import { spaceOf } from '../http/request-context.ts';
import { scheduleBookings, pendingCount, scheduleWindow } from '../services/booking-schedule.ts';
import { toBooking } from '../services/bookings.ts';
import { iso } from '../services/json.ts';
import { decodeCursor, page } from '../services/pagination.ts';
import type { HandlerGroup } from './types.ts';

export const scheduleHandlers: HandlerGroup = (deps) => ({
  async listBookingSchedule(request) {
    const { space } = spaceOf(request);
    const { date, span, resourceId, includeCancelled, cursor } = request.query;
    const limit = request.query.limit ?? 20;
    const after = decodeCursor(cursor, ['number', 'number', 'string']);
    const { from, to } = scheduleWindow(date ?? localDateOf(deps.now(), space.timeZone), span ?? 'day', space.timeZone);
    const query = { spaceId: space.id, from: from.getTime(), to: to.getTime(), includeCancelled: includeCancelled === true, ...(resourceId === undefined ? {} : { resourceId }) };
    const rows = await scheduleBookings(deps.store.db, query, limit, after);
    const listed = page(rows, limit, toBooking, (row) => [Number(row.rank), Number(row.start_at), row.id]);
    return { from: iso(from.getTime()), to: iso(to.getTime()), pending: await pendingCount(deps.store.db, query), ...listed };
  },
});
