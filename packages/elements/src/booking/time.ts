/**
 * Wall-clock time in a space's IANA zone, with `Intl` only (no date library ships to browsers),
 * on top of the zone offsets of `../localization/format.ts`.
 *
 * Conventions, the same as the reference server's and the spec's:
 * - an instant is a number of milliseconds since the epoch (UTC);
 * - a calendar date is a `YYYY-MM-DD` string read in the space's zone;
 * - ISO 8601 durations follow RFC 5545: weeks and days are calendar days in the space's zone,
 *   hours, minutes and seconds are exact time.
 */

import { localDate, timeZoneOffset } from '../localization/format.ts';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

import type { Duration } from '../localization/duration.ts';

export { durationMs, parseDuration, type Duration } from '../localization/duration.ts';

/** Formats a duration as ISO 8601 (`{days: 0, ms: 5400000}` → `PT1H30M`). */
export function formatIsoDuration(d: Duration): string {
  let out = d.days ? `P${d.days}D` : 'P';
  const h = Math.floor(d.ms / HOUR);
  const m = Math.floor((d.ms % HOUR) / MINUTE);
  const s = Math.floor((d.ms % MINUTE) / 1000);
  if (h || m || s) out += 'T' + (h ? `${h}H` : '') + (m ? `${m}M` : '') + (s ? `${s}S` : '');
  return out === 'P' ? 'PT0S' : out;
}

// ---------------------------------------------------------------------------------------------
// Calendar dates (zone-free arithmetic on YYYY-MM-DD)

/** `YYYY-MM-DD` of a UTC calendar day given as a `Date.UTC` timestamp. */
const isoOfUtc = (t: number): string => new Date(t).toISOString().slice(0, 10);

/** The `Date.UTC` midnight of a `YYYY-MM-DD` date. */
export const utcOfDate = (date: string): number => Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10));

/** Whether `date` is a real `YYYY-MM-DD` calendar date. */
export function isLocalDate(date: string | null | undefined): date is string {
  return !!date && /^\d{4}-\d{2}-\d{2}$/.test(date) && isoOfUtc(utcOfDate(date)) === date;
}

export const addDays = (date: string, n: number): string => isoOfUtc(utcOfDate(date) + n * DAY);

/** Adds calendar months, clamping the day to the target month's length (Jan 31 + 1 → Feb 28/29). */
export function addMonths(date: string, n: number): string {
  const y = +date.slice(0, 4);
  const m = +date.slice(5, 7) - 1 + n;
  const first = Date.UTC(y, m, 1);
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return isoOfUtc(first + (Math.min(+date.slice(8, 10), last) - 1) * DAY);
}

/** ISO weekday of a date: 1 = Monday … 7 = Sunday. */
export const isoWeekday = (date: string): number => new Date(utcOfDate(date)).getUTCDay() || 7;

/** The first day of the date's month (`2026-12-15` → `2026-12-01`). */
export const startOfMonth = (date: string): string => `${date.slice(0, 8)}01`;

/** How many days the date's month has. */
export const daysInMonth = (date: string): number => new Date(Date.UTC(+date.slice(0, 4), +date.slice(5, 7), 0)).getUTCDate();

// ---------------------------------------------------------------------------------------------
// Zones

/** The wall-clock reading of an instant in `timeZone`: its date and the ms elapsed on the clock since midnight. */
export function wallClock(instant: number, timeZone: string): { date: string; wallMs: number } {
  const date = localDate(instant, timeZone);
  return { date, wallMs: instant + zoneOffset(instant, timeZone) - utcOfDate(date) };
}

/** The zone's offset from UTC at an instant, in ms (Paris in winter: 3 600 000). */
export const zoneOffset = (instant: number, timeZone: string): number => timeZoneOffset(instant, timeZone) * MINUTE;

/** The calendar date of an instant in `timeZone`. */
export const dateIn = (instant: number, timeZone: string): string => wallClock(instant, timeZone).date;

/**
 * The instant the clock in `timeZone` reads `wallMs` after midnight on `date`. A wall time that
 * happens twice (clocks going back) gives the earlier instant; one that does not exist (clocks
 * going forward) gives the instant the clocks jump, so that a day's first instant is always found.
 */
export function wallToInstant(date: string, wallMs: number, timeZone: string): number {
  const asUtc = utcOfDate(date) + wallMs;
  const candidates: number[] = [];
  for (const probe of [asUtc - DAY, asUtc, asUtc + DAY]) {
    const t = asUtc - zoneOffset(probe, timeZone);
    const w = wallClock(t, timeZone);
    if (w.date === date && w.wallMs === wallMs && !candidates.includes(t)) candidates.push(t);
  }
  if (candidates.length) return Math.min(...candidates);
  // In a gap: search the first instant after it (the offsets before and after bound it).
  let lo = asUtc - zoneOffset(asUtc + DAY, timeZone);
  let hi = asUtc - zoneOffset(asUtc - DAY, timeZone);
  const before = zoneOffset(asUtc - DAY, timeZone);
  while (hi - lo > 1000) {
    const mid = Math.floor((lo + hi) / 2 / 1000) * 1000;
    if (zoneOffset(mid, timeZone) === before) lo = mid;
    else hi = mid;
  }
  return hi;
}

/** The first instant of `date` in `timeZone` (its midnight, or the end of a gap at midnight). */
export const startOfDay = (date: string, timeZone: string): number => wallToInstant(date, 0, timeZone);

/** Adds an ISO duration to an instant: its days as calendar days in `timeZone` (same wall time), then its exact part. */
export function addDuration(instant: number, d: Duration, timeZone: string): number {
  let t = instant;
  if (d.days) {
    const w = wallClock(instant, timeZone);
    t = wallToInstant(addDays(w.date, d.days), w.wallMs, timeZone);
  }
  return t + d.ms;
}

/** Today's date in `timeZone`. */
export const today = (timeZone: string, now = Date.now()): string => dateIn(now, timeZone);

/** `2026-12-01T09:00:00Z` for an instant, without milliseconds when there are none. */
export function toInstantString(instant: number): string {
  const iso = new Date(instant).toISOString();
  return iso.endsWith('.000Z') ? `${iso.slice(0, -5)}Z` : iso;
}
