/**
 * A resource's booking rules, checked against one prospective booking. No I/O: the caller gives
 * the opening hours (or a function computing them) and `now`.
 *
 * Instants are JS `Date`s; rule durations are `DurationInput`s (the spec's ISO 8601 strings), with
 * the RFC 5545 semantics of `time.ts`: days are calendar days in the space's zone (`maxDuration`
 * `P1D` allows 00:00 to 24:00 on a 25-hour day), hours and below are exact.
 *
 * The granularity grid is counted in elapsed time from the first instant of the local day the
 * booking starts on: with `PT15M`, a booking starts 0, 15, 30… minutes after local midnight and
 * lasts a multiple of 15 minutes. For grids that divide an hour this is the wall-clock grid (09:00,
 * 09:15…) on every day, DST days included. A granularity of whole days (`P1D`, `P7D`) is a calendar
 * grid: bookings start at a local midnight and end at a local midnight a multiple of that many
 * days later.
 */
import {
  addDuration,
  daysBetween,
  describeDuration,
  durationMillis,
  localDateOf,
  startOfLocalDay,
  toIsoDuration,
  type DurationInput,
} from './time.ts';
import { containsInterval, type Interval } from './intervals.ts';

export type Audience = 'guest' | 'member';

export type ViolationCode =
  | 'end_before_start'
  | 'in_the_past'
  | 'granularity'
  | 'min_duration'
  | 'max_duration'
  | 'lead_time'
  | 'horizon'
  | 'outside_opening_hours'
  | 'audience';

export interface Violation {
  code: ViolationCode;
  /** An English sentence for people, for a problem document's `detail`. */
  detail: string;
}

/** The timing rules of a resource (the spec's `ResourceRules`; other fields are ignored). */
export interface TimingRules {
  minDuration: DurationInput;
  maxDuration: DurationInput;
  granularity: DurationInput;
  leadTime: DurationInput;
  horizon: DurationInput;
}

export interface BookingRulesInput {
  start: Date;
  end: Date;
  now: Date;
  /** The space's IANA zone. */
  timeZone: string;
  rules: TimingRules;
  /** When the resource is open: intervals covering at least `[start, end)`, or a function giving them. */
  open: readonly Interval[] | ((from: Date, to: Date) => readonly Interval[]);
  /** The resource's `bookableBy`. */
  bookableBy: readonly Audience[];
  /** Who books: staff may book any resource. */
  audience: Audience | 'staff';
  /** The space's `policies.guestBookingAllowed`. Default true. */
  guestBookingAllowed?: boolean;
}

/** Whether `start` lies on the granularity grid of its local day (see the top of this module). */
export function isOnGrid(start: Date, granularity: DurationInput, timeZone: string): boolean {
  const g = toIsoDuration(granularity);
  const midnight = startOfLocalDay(localDateOf(start, timeZone), timeZone).getTime();
  if (g.days > 0 && g.millis === 0) return start.getTime() === midnight;
  const ms = durationMillis(g);
  return ms === 0 || (start.getTime() - midnight) % ms === 0;
}

/** Whether `[start, end)` lasts a (positive) multiple of the granularity (calendar days for a whole-day granularity). */
export function lastsMultipleOf(start: Date, end: Date, granularity: DurationInput, timeZone: string): boolean {
  const g = toIsoDuration(granularity);
  if (end.getTime() <= start.getTime()) return false;
  if (g.days > 0 && g.millis === 0) {
    // The same wall time (a local midnight, if the start is on the grid) a multiple of g.days calendar days later.
    const n = daysBetween(localDateOf(start, timeZone), localDateOf(end, timeZone));
    return n > 0 && n % g.days === 0 && addDuration(start, { days: n, millis: 0 }, timeZone).getTime() === end.getTime();
  }
  const ms = durationMillis(g);
  return ms === 0 || (end.getTime() - start.getTime()) % ms === 0;
}

function gridExample(granularity: DurationInput): string {
  const ms = durationMillis(granularity);
  if (ms <= 0 || ms >= 24 * 3_600_000) return '';
  const base = 9 * 60;
  const next = base + ms / 60_000;
  if (!Number.isInteger(next) || next >= 24 * 60) return '';
  const fmt = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  return ` (for example ${fmt(base)} or ${fmt(next)})`;
}

/** Every rule the booking breaks, in a stable order; an empty list when it may be made. */
export function checkBookingRules(input: BookingRulesInput): Violation[] {
  const { start, end, now, timeZone, rules } = input;
  const s = start.getTime();
  const e = end.getTime();
  const violations: Violation[] = [];

  if (input.audience !== 'staff') {
    if (input.audience === 'guest' && input.guestBookingAllowed === false) {
      violations.push({ code: 'audience', detail: 'This space does not take bookings from guests; members can book after signing in.' });
    } else if (!input.bookableBy.includes(input.audience)) {
      const detail =
        input.bookableBy.length === 0
          ? 'Only the staff of the space can book this resource.'
          : input.audience === 'guest'
            ? 'This resource can be booked by members only; sign in to book it.'
            : 'This resource cannot be booked by members.';
      violations.push({ code: 'audience', detail });
    }
  }

  if (e <= s) {
    violations.push({ code: 'end_before_start', detail: 'The booking must end after it starts.' });
    return violations;
  }

  if (s < now.getTime()) {
    violations.push({ code: 'in_the_past', detail: 'The booking cannot start in the past.' });
  } else if (s < addDuration(now, rules.leadTime, timeZone).getTime()) {
    violations.push({
      code: 'lead_time',
      detail: `Bookings of this resource must be made at least ${describeDuration(rules.leadTime)} before they start.`,
    });
  }

  if (e > addDuration(now, rules.horizon, timeZone).getTime()) {
    violations.push({
      code: 'horizon',
      detail: `Bookings of this resource must end within ${describeDuration(rules.horizon)} from now.`,
    });
  }

  const onGrid = isOnGrid(start, rules.granularity, timeZone);
  const multiple = lastsMultipleOf(start, end, rules.granularity, timeZone);
  if (!onGrid || !multiple) {
    const g = toIsoDuration(rules.granularity);
    const sentences: string[] = [];
    if (g.days > 0 && g.millis === 0) {
      if (!onGrid) sentences.push('Bookings of this resource must start at midnight.');
      if (!multiple) sentences.push(`Bookings of this resource must last a whole multiple of ${describeDuration(g)}, from midnight to midnight.`);
    } else {
      if (!onGrid) sentences.push(`Bookings of this resource must start a multiple of ${describeDuration(g)} after midnight${gridExample(g)}.`);
      if (!multiple) sentences.push(`Bookings of this resource must last a multiple of ${describeDuration(g)}.`);
    }
    violations.push({ code: 'granularity', detail: sentences.join(' ') });
  }

  if (e < addDuration(start, rules.minDuration, timeZone).getTime()) {
    violations.push({ code: 'min_duration', detail: `Bookings of this resource must last at least ${describeDuration(rules.minDuration)}.` });
  }
  if (e > addDuration(start, rules.maxDuration, timeZone).getTime()) {
    violations.push({ code: 'max_duration', detail: `Bookings of this resource may last at most ${describeDuration(rules.maxDuration)}.` });
  }

  const open = typeof input.open === 'function' ? input.open(start, end) : input.open;
  if (!containsInterval(open, start, end)) {
    violations.push({
      code: 'outside_opening_hours',
      detail: 'The booking must take place while the resource is open, without running into a closed period or a closure.',
    });
  }

  return violations;
}

/** Convenience for tests and callers: the violation codes only. */
export function violationCodes(violations: readonly Violation[]): ViolationCode[] {
  return violations.map((v) => v.code);
}
