/**
 * Opening hours: turns a space's (or resource's) weekly wall-clock ranges and its closures into the
 * instants it is open.
 *
 * Instants are JS `Date`s; intervals are half-open `[start, end)` and merged. Wall-clock times are
 * read in the space's IANA zone, day by day, so a DST change makes an `00:00`–`24:00` day 23 or
 * 25 hours long. Boundaries that fall in a DST gap move to the instant the clocks jump (an
 * `02:30` opening on 2026-03-29 in Paris opens at 03:00 CEST); in an overlap, an opening takes the
 * earlier instant and a closing the later one (the range covers every instant whose wall time lies
 * in it, without holes). A range whose `closes` is before its `opens` runs past midnight into the
 * next day (it belongs to the day it opens, for closures too); `opens` = `closes` is an empty range.
 */
import { addDays, localDateOf, localToInstant, parseLocalTime, weekdayOf, type Weekday } from './time.ts';
import { clipIntervals, mergeIntervals, type Interval } from './intervals.ts';

export interface OpeningRange {
  day: Weekday;
  /** `HH:MM` */
  opens: string;
  /** `HH:MM`, `24:00` = end of the day. */
  closes: string;
}

export interface Closure {
  /** First closed date `YYYY-MM-DD`, inclusive. */
  from: string;
  /** Last closed date `YYYY-MM-DD`, inclusive. */
  to: string;
  reason?: string;
}

export interface OpeningSchedule {
  openingHours: readonly OpeningRange[];
  closures?: readonly Closure[] | undefined;
  /** IANA zone the hours and closure dates are in. */
  timeZone: string;
}

/** Whether `date` falls in one of the closures. */
export function isClosedOn(date: string, closures: readonly Closure[] | undefined): boolean {
  return (closures ?? []).some((c) => c.from <= date && date <= c.to);
}

/**
 * The instants covered by the wall-clock range `startTime`–`endTime` (`HH:MM` or minutes after
 * midnight) of `date` in `timeZone`, with the DST policy described at the top of this module.
 * `null` when the range is empty (equal times, or wholly inside a DST gap).
 */
export function wallRangeToInterval(date: string, startTime: string | number, endTime: string | number, timeZone: string): Interval | null {
  const s = typeof startTime === 'number' ? startTime : parseLocalTime(startTime);
  const e = typeof endTime === 'number' ? endTime : parseLocalTime(endTime);
  if (s === e) return null;
  const endDate = e < s ? addDays(date, 1) : date;
  const start = localToInstant(date, s, timeZone, { gap: 'transition', overlap: 'earlier' });
  const end = localToInstant(endDate, e, timeZone, { gap: 'transition', overlap: 'later' });
  return end.getTime() > start.getTime() ? { start, end } : null;
}

/**
 * The open intervals between `from` and `to` (UTC instants, merged, half-open, clipped to
 * `[from, to)`), given weekly ranges and closures.
 */
export function openIntervals(schedule: OpeningSchedule, from: Date, to: Date): Interval[] {
  if (to.getTime() <= from.getTime()) return [];
  const { openingHours, closures, timeZone } = schedule;
  const byDay = new Map<Weekday, OpeningRange[]>();
  for (const r of openingHours) byDay.set(r.day, [...(byDay.get(r.day) ?? []), r]);
  const intervals: Interval[] = [];
  // Start a day early: a range of the previous day may run past midnight.
  const last = localDateOf(to, timeZone);
  for (let date = addDays(localDateOf(from, timeZone), -1); date <= last; date = addDays(date, 1)) {
    if (isClosedOn(date, closures)) continue;
    for (const r of byDay.get(weekdayOf(date)) ?? []) {
      const i = wallRangeToInterval(date, r.opens, r.closes, timeZone);
      if (i) intervals.push(i);
    }
  }
  return clipIntervals(mergeIntervals(intervals), from, to);
}
