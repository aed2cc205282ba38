/**
 * Wall-clock dates and times in an IANA time zone, with `Intl` only (no date library ships to
 * browsers), fast enough to place thousands of events.
 *
 * Conventions of the event calendar's model:
 * - An instant is a number of milliseconds since the epoch (`Date.parse` of the spec's RFC 3339
 *   strings).
 * - A local calendar date is a *day number*: the number of days from 1970-01-01 to that date on
 *   the wall calendar, zone-free (`dayFromIso('2026-03-29')` is 20541). Day numbers make date
 *   arithmetic plain integer arithmetic; `isoFromDay` gives the `YYYY-MM-DD` string back.
 * - A *wall-clock ms* (`toWallMs`) is an instant shifted by the zone's offset: the number whose
 *   UTC reading shows the local date and time. `Math.floor(wall / DAY)` is the local day number,
 *   the remainder the time of day as the wall clock shows it.
 * - Weekdays are numbered as in JavaScript: 0 = Sunday … 6 = Saturday.
 *
 * Offsets come from `Intl.DateTimeFormat` (its `longOffset` zone name), cached per zone and per
 * UTC day: a day asks `Intl` for the offsets at its two midnights (a known neighbour's answers one
 * of them), and a day holding an offset change stores the instant of the change (found once by
 * bisection). Looking up the offset of an instant is then a `Map` lookup and a comparison, with
 * no `Intl` call. Calendar dates use `Date`'s UTC methods, zone-free.
 */
import type { Weekday } from '../../localization/week-start.ts';

// The first day of the week (0 = Sunday … 6 = Saturday) is shared with the booking widget's date grid.
export { firstDayOfWeek, type Weekday } from '../../localization/week-start.ts';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
/** Minutes in a day on the wall clock (the height of a day column, DST days included). */
export const MINUTES_PER_DAY = 1440;

/** A local calendar date as days since 1970-01-01 (see the module's conventions). */
export type DayNumber = number;

/** A local date's parts: `month` is 1–12. */
export interface DateParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** An instant's wall-clock reading in a zone. */
export interface ZonedParts extends DateParts {
  /** The local date as a day number. */
  readonly dayNumber: DayNumber;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly millisecond: number;
  readonly weekday: Weekday;
  /** Minutes since local midnight as the wall clock shows them (0–1439.99…). */
  readonly minuteOfDay: number;
  /** The zone's offset from UTC at that instant, in minutes (Paris in summer: 120). */
  readonly offset: number;
}

// ---------------------------------------------------------------------------------------------
// Calendar dates, zone-free

/**
 * The day number of a proleptic Gregorian date (`month` 1–12; out-of-range months and days roll
 * over as with `Date.UTC`, without its reading of years 0–99 as 1900–1999).
 */
export function dayFromParts(year: number, month: number, day: number): DayNumber {
  return new Date(0).setUTCFullYear(year, month - 1, day) / DAY;
}

/** The date of a day number. */
export function partsFromDay(dayNumber: DayNumber): DateParts {
  const date = new Date(dayNumber * DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The day number of a `YYYY-MM-DD` date; `undefined` when it is not a real calendar date. */
export function parseIsoDate(date: string | null | undefined): DayNumber | undefined {
  const m = date ? ISO_DATE.exec(date) : null;
  if (!m) return undefined;
  const year = +m[1]!;
  const month = +m[2]!;
  const day = +m[3]!;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return dayFromParts(year, month, day);
}

/** The day number of a `YYYY-MM-DD` date; throws a `RangeError` when it is not one. */
export function dayFromIso(date: string): DayNumber {
  const n = parseIsoDate(date);
  if (n === undefined) throw new RangeError(`"${date}" is not a YYYY-MM-DD calendar date.`);
  return n;
}

/** The `YYYY-MM-DD` string of a day number (years 0–9999). */
export function isoFromDay(dayNumber: DayNumber): string {
  return new Date(dayNumber * DAY).toISOString().slice(0, 10);
}

/** Adds `n` calendar days to a local date (a day number, or a `YYYY-MM-DD` string kept a string). */
export function addDays(date: DayNumber, n: number): DayNumber;
export function addDays(date: string, n: number): string;
export function addDays(date: DayNumber | string, n: number): DayNumber | string {
  return typeof date === 'number' ? date + n : isoFromDay(dayFromIso(date) + n);
}

/** The weekday of a local date (0 = Sunday). 1970-01-01 was a Thursday. */
export function weekdayOf(dayNumber: DayNumber): Weekday {
  return ((((dayNumber + 4) % 7) + 7) % 7) as Weekday;
}

/** Days in a month (`month` 1–12). */
export function daysInMonth(year: number, month: number): number {
  return dayFromParts(year, month + 1, 1) - dayFromParts(year, month, 1);
}

/** The first day of the week, on or before `dayNumber`, for weeks starting on `firstWeekday`. */
export function startOfWeek(dayNumber: DayNumber, firstWeekday: Weekday): DayNumber {
  return dayNumber - ((weekdayOf(dayNumber) - firstWeekday + 7) % 7);
}

/**
 * A `Date` at UTC midnight of a local date, to hand to `Intl.DateTimeFormat` with
 * `timeZone: 'UTC'` when formatting day labels (no zone arithmetic involved).
 */
export function utcDateOfDay(dayNumber: DayNumber): Date {
  return new Date(dayNumber * DAY);
}

// ---------------------------------------------------------------------------------------------
// Zone offsets, cached

interface ZoneCache {
  readonly format: Intl.DateTimeFormat;
  /**
   * Per UTC day: `[offset at its start, offset at its end, instant of the change]` in ms; the
   * instant is `Infinity` when the offset does not change that day.
   */
  readonly days: Map<number, readonly [number, number, number]>;
}

const zones = new Map<string, ZoneCache>();

function zoneCache(timeZone: string): ZoneCache {
  let cache = zones.get(timeZone);
  if (!cache) {
    const format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    cache = { format, days: new Map() };
    zones.set(timeZone, cache);
  }
  return cache;
}

/** The offset (ms) at an instant, asked of `Intl` (one `format`). */
function intlOffset(format: Intl.DateTimeFormat, t: number): number {
  // "3/29/2026, GMT+02:00"; with seconds for old local mean times ("GMT-00:44:30"); "GMT" alone for UTC.
  const m = /([+-])(\d+):(\d+):?(\d*)$/.exec(format.format(t));
  return m ? (m[1] === '-' ? -1000 : 1000) * (+m[2]! * 3600 + +m[3]! * 60 + +m[4]!) : 0;
}

function dayEntry(cache: ZoneCache, utcDay: number): readonly [number, number, number] {
  let entry = cache.days.get(utcDay);
  if (entry) return entry;
  // The offsets at its midnights: a neighbour's when it is known, so a run of days asks one per day.
  const before = cache.days.get(utcDay - 1)?.[1] ?? intlOffset(cache.format, utcDay * DAY);
  const after = cache.days.get(utcDay + 1)?.[0] ?? intlOffset(cache.format, (utcDay + 1) * DAY);
  let at = Infinity;
  if (before !== after) {
    // Bisect to the second: the first instant showing the new offset.
    let lo = utcDay * DAY; // has `before`
    let hi = lo + DAY; // has `after`
    while (hi - lo > 1000) {
      const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
      if (intlOffset(cache.format, mid) === before) lo = mid;
      else hi = mid;
    }
    at = hi;
  }
  entry = [before, after, at];
  cache.days.set(utcDay, entry);
  return entry;
}

/**
 * The zone's offset from UTC at an instant, in ms (Paris: 3 600 000 in winter). Throws a
 * `RangeError` for an unknown time zone.
 */
export function offsetAt(instant: number, timeZone: string): number {
  const entry = dayEntry(zoneCache(timeZone), Math.floor(instant / DAY));
  return instant < entry[2] ? entry[0] : entry[1];
}

/**
 * `offsetAt` bound to one zone, for loops over many instants: the zone's cache is looked up once,
 * and the last day's entry is kept, so instants in order (events come ordered by start) mostly
 * cost a division and a comparison.
 */
export function offsetsIn(timeZone: string): (instant: number) => number {
  const cache = zoneCache(timeZone);
  let lastDay = NaN;
  let entry: readonly [number, number, number] = [0, 0, Infinity];
  return (instant) => {
    const utcDay = Math.floor(instant / DAY);
    if (utcDay !== lastDay) {
      entry = dayEntry(cache, utcDay);
      lastDay = utcDay;
    }
    return instant < entry[2] ? entry[0] : entry[1];
  };
}

/** Whether `timeZone` is an IANA zone this engine knows. */
export function isTimeZone(timeZone: string | null | undefined): timeZone is string {
  if (!timeZone) return false;
  try {
    zoneCache(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock ms of an instant in a zone (see the module's conventions). */
export function toWallMs(instant: number, timeZone: string): number {
  return instant + offsetAt(instant, timeZone);
}

/** The local date (day number) of an instant in a zone. */
export function localDayOf(instant: number, timeZone: string): DayNumber {
  return Math.floor(toWallMs(instant, timeZone) / DAY);
}

/** The local date and time parts of an instant in a zone. */
export function zonedParts(instant: number | Date, timeZone: string): ZonedParts {
  const t = typeof instant === 'number' ? instant : instant.getTime();
  const offset = offsetAt(t, timeZone);
  const wall = t + offset;
  const dayNumber = Math.floor(wall / DAY);
  const ms = wall - dayNumber * DAY;
  const { year, month, day } = partsFromDay(dayNumber);
  return {
    year,
    month,
    day,
    dayNumber,
    hour: Math.floor(ms / HOUR),
    minute: Math.floor((ms % HOUR) / MINUTE),
    second: Math.floor((ms % MINUTE) / 1000),
    millisecond: ms % 1000,
    weekday: weekdayOf(dayNumber),
    minuteOfDay: ms / MINUTE,
    offset: offset / MINUTE,
  };
}

/** How a wall time that does not exist (the clocks jump forward over it) is read. */
export type GapPolicy = 'forward' | 'transition';
/** How a wall time that exists twice (the clocks go back over it) is read. */
export type OverlapPolicy = 'earlier' | 'later';

export interface WallResolution {
  /**
   * `forward` (default): shifted by the length of the gap, as if the clocks had not changed yet
   * (02:30 on 2026-03-29 in Paris is 03:30 CEST). `transition`: the instant the clocks jump
   * (03:00 CEST). The reference server reads wall times the same way.
   */
  gap?: GapPolicy;
  /** `earlier` (default, the first occurrence, 02:30 CEST on 2026-10-25 in Paris) or `later` (02:30 CET). */
  overlap?: OverlapPolicy;
}

/**
 * The instant at which the wall clock in `timeZone` shows `minutes` after midnight of the local
 * date `date` (a day number or `YYYY-MM-DD`). `minutes` may be fractional or reach 1440 (the next
 * midnight). Gaps and overlaps follow `resolution` (see `WallResolution`).
 */
export function instantOf(date: DayNumber | string, minutes: number, timeZone: string, resolution?: WallResolution): number {
  return wallInstant((typeof date === 'number' ? date : dayFromIso(date)) * DAY + minutes * MINUTE, timeZone, resolution);
}

/** The instant at which the wall clock shows `wall` (a wall-clock ms), as `instantOf` reads it. */
function wallInstant(wall: number, timeZone: string, resolution?: WallResolution): number {
  // The true instant is within ±14 h of `wall`: the offsets a day either side bracket it.
  const before = offsetAt(wall - DAY, timeZone);
  const after = offsetAt(wall + DAY, timeZone);
  const early = wall - before;
  if (before === after) return early;
  const late = wall - after;
  const earlyOk = offsetAt(early, timeZone) === before;
  const lateOk = offsetAt(late, timeZone) === after;
  if (earlyOk && lateOk) {
    // An overlap: the wall time happens twice.
    const first = Math.min(early, late);
    const second = Math.max(early, late);
    return resolution?.overlap === 'later' ? second : first;
  }
  if (earlyOk) return early;
  if (lateOk) return late;
  // A gap: the wall time never shows. `late` < `early`, and the change lies between them.
  if (resolution?.gap === 'transition') return transitionBetween(Math.min(early, late), Math.max(early, late), timeZone) ?? early;
  return early;
}

/** The first instant in `[from, to]` at which the zone's offset changes, if any. */
export function transitionBetween(from: number, to: number, timeZone: string): number | undefined {
  const cache = zoneCache(timeZone);
  for (let d = Math.floor(from / DAY), last = Math.floor(to / DAY); d <= last; d++) {
    const at = dayEntry(cache, d)[2];
    if (at >= from && at <= to) return at;
  }
  return undefined;
}

/**
 * The first instant of a local day: its midnight, or the first instant after a gap that swallows
 * midnight (zones changing time at 00:00).
 */
export function startOfDay(date: DayNumber | string, timeZone: string): number {
  return dayStart(typeof date === 'number' ? date : dayFromIso(date), timeZone);
}

/** `startOfDay` of a day number. */
export function dayStart(day: DayNumber, timeZone: string): number {
  return wallInstant(day * DAY, timeZone, { gap: 'transition' });
}

/** The length of a local day in minutes: 1440, or 1380 / 1500 on a DST change (Paris). */
export function dayLengthMinutes(date: DayNumber, timeZone: string): number {
  return (dayStart(date + 1, timeZone) - dayStart(date, timeZone)) / MINUTE;
}

/** A change of the wall clock during a local day. */
export interface ClockChange {
  /** The instant of the change. */
  readonly instant: number;
  /** The wall-clock minute (after local midnight) the clocks show just before the change. */
  readonly minute: number;
  /** How far the clocks move, in minutes: +60 forward (spring), −60 back (autumn). */
  readonly shift: number;
}

/** The clock change during a local day, if there is one (Paris 2026-03-29: 02:00 → 03:00, +60). */
export function clockChangeOn(date: DayNumber, timeZone: string): ClockChange | undefined {
  const from = dayStart(date, timeZone);
  const to = dayStart(date + 1, timeZone);
  const at = transitionBetween(from + 1, to - 1, timeZone);
  if (at === undefined) return undefined;
  const before = offsetAt(at - 1, timeZone);
  const after = offsetAt(at, timeZone);
  return { instant: at, minute: (at + before - date * DAY) / MINUTE, shift: (after - before) / MINUTE };
}

/** Today's local date in a zone. */
export function today(timeZone: string, now: number = Date.now()): DayNumber {
  return localDayOf(now, timeZone);
}
