// The booking rules of a resource, checked alike by createQuote, createBooking and rescheduleBooking.
import { datesOf, isClosure, openIntervals } from './availability.ts';
import { ruleViolation } from './problem.ts';
import type { Resource, Space } from './store.ts';
import { addDuration, elapsedOf, instantAt, parseDuration, wallClock } from './time.ts';

export interface Request {
  start: number;
  end: number;
  quantity: number;
  attendees: number;
}

/** Throws the first broken rule as a `422 rule-violation` with its code. */
export function checkRules(space: Space, resource: Resource, request: Request, booker: { audience: 'guest' | 'member'; staff: boolean }, now: number): void {
  const { start, end, quantity, attendees } = request;
  const zone = space.timeZone;
  const rules = resource.rules;
  if (end <= start) throw ruleViolation('end_before_start', 'The booking must end after it starts.');
  if (start < now) throw ruleViolation('in_the_past', 'The booking starts in the past.');
  if (!booker.staff && !resource.bookableBy.includes(booker.audience)) throw ruleViolation('audience', `This resource cannot be booked by a ${booker.audience}.`);
  if (quantity > resource.quantity) throw ruleViolation('capacity', `This resource has ${resource.quantity} unit(s).`);
  if (attendees > resource.capacity * quantity) throw ruleViolation('capacity', `At most ${resource.capacity * quantity} people fit.`);
  const granularity = elapsedOf(parseDuration(rules.granularity));
  const midnight = instantAt(wallClock(start, zone).date, 0, zone);
  if ((start - midnight) % granularity !== 0 || (end - start) % granularity !== 0) throw ruleViolation('granularity', `Bookings start and last on a grid of ${rules.granularity}.`);
  if (end < addDuration(start, parseDuration(rules.minDuration), zone)) throw ruleViolation('min_duration', `Bookings last at least ${rules.minDuration}.`);
  if (end > addDuration(start, parseDuration(rules.maxDuration), zone)) throw ruleViolation('max_duration', `Bookings last at most ${rules.maxDuration}.`);
  if (start < addDuration(now, parseDuration(rules.leadTime), zone)) throw ruleViolation('lead_time', `Bookings are made at least ${rules.leadTime} ahead.`);
  if (end > addDuration(now, parseDuration(rules.horizon), zone)) throw ruleViolation('horizon', `Bookings end at most ${rules.horizon} from now.`);
  if (datesOf(start, end, zone).some((date) => isClosure(space, date))) throw ruleViolation('closed', 'The space is closed on that day.');
  const open = openIntervals(space, resource, start, end);
  if (open.length !== 1 || open[0]![0] !== start || open[0]![1] !== end) throw ruleViolation('outside_opening_hours', 'The booking is outside the opening hours.');
}
