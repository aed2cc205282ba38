/**
 * Formatting with `Intl` only (no date library): dates, times, ranges, durations and money, in the
 * space's time zone, plus the visitor's own zone when it differs.
 *
 * Exports:
 * - `FormatOptions`: `{ locale, timeZone }` (a BCP 47 tag and an IANA zone).
 * - `formatDate(instant, o, style?)`: "Tuesday 1 December 2026" (`full`, default), `long`, `medium`.
 * - `formatTime(instant, o)`: "10:00" / "10:00 AM".
 * - `formatTimeRange(start, end, o)`: "10:00 – 12:00".
 * - `formatDateTimeRange(start, end, o)`: "Tue 1 Dec 2026, 10:00 – 12:00" (ranges over days too).
 * - `formatZonedRange(start, end, o)`: `{ space, visitor }`: the range in the space's zone, and the
 *   same range in the visitor's zone with its name ("09:00 – 11:00 GMT") when the offsets differ
 *   at that time (otherwise `visitor` is undefined).
 * - `visitorTimeZone()`, `timeZoneOffset(instant, timeZone)` (minutes east of UTC),
 *   `localDate(instant, timeZone)` ("YYYY-MM-DD"), `instantOf(date, time, timeZone)` (the instant of
 *   a wall-clock date and "HH:MM" time in a zone, DST-aware).
 * - `formatDuration(durationOrMinutes, locale)`: "1 hour, 30 minutes" / "1 heure et 30 minutes"
 *   (an ISO duration keeps its units: `PT24H` is "24 hours", `P1D` "1 day").
 * - `formatMoney({ amount, currency }, locale)`: amount in minor units → "€50.00" / "50,00 €".
 * - `dateTimeFormat(locale, options)`: a cached `Intl.DateTimeFormat`; `clock(locale)`: the hour and
 *   minute options of the locale's clock ("09:00" / "9:00 AM"), for other formatters to share.
 */
import { parseDuration } from './duration.ts';

export interface FormatOptions {
  /** A BCP 47 language tag, such as `fr` or `en-GB`. */
  locale: string;
  /** An IANA time zone, such as `Europe/Paris`. */
  timeZone: string;
}

type Instant = Date | string | number;
const toDate = (instant: Instant) => (instant instanceof Date ? instant : new Date(instant));

const cache = new Map<string, Intl.DateTimeFormat>();
export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = locale + JSON.stringify(options);
  let format = cache.get(key);
  if (!format) cache.set(key, (format = new Intl.DateTimeFormat(locale, options)));
  return format;
}

const dateStyles = {
  full: { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' },
  long: { day: 'numeric', month: 'long', year: 'numeric' },
  medium: { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' },
} as const;

export function formatDate(instant: Instant, o: FormatOptions, style: keyof typeof dateStyles = 'full'): string {
  return dateTimeFormat(o.locale, { ...dateStyles[style], timeZone: o.timeZone }).format(toDate(instant));
}

/** Two-digit hours on a 24-hour clock ("09:00"), as such locales write them; "9:00 AM" otherwise. */
export function clock(locale: string): Intl.DateTimeFormatOptions {
  const cycle = dateTimeFormat(locale, { hour: 'numeric' }).resolvedOptions().hourCycle;
  return { hour: cycle === 'h11' || cycle === 'h12' ? 'numeric' : '2-digit', minute: '2-digit' };
}

export function formatTime(instant: Instant, o: FormatOptions): string {
  return dateTimeFormat(o.locale, { ...clock(o.locale), timeZone: o.timeZone }).format(toDate(instant));
}

export function formatTimeRange(start: Instant, end: Instant, o: FormatOptions): string {
  return dateTimeFormat(o.locale, { ...clock(o.locale), timeZone: o.timeZone }).formatRange(toDate(start), toDate(end));
}

export function formatDateTimeRange(start: Instant, end: Instant, o: FormatOptions): string {
  return dateTimeFormat(o.locale, { ...dateStyles.medium, ...clock(o.locale), timeZone: o.timeZone }).formatRange(toDate(start), toDate(end));
}

export function visitorTimeZone(): string {
  return new Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** Minutes east of UTC of `timeZone` at `instant`. */
export function timeZoneOffset(instant: Instant, timeZone: string): number {
  const date = toDate(instant);
  const parts = dateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' }).formatToParts(date);
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - Math.floor(date.getTime() / 1000) * 1000) / 60_000);
}

/** The calendar date ("YYYY-MM-DD") of `instant` in `timeZone`. */
export function localDate(instant: Instant, timeZone: string): string {
  return dateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(toDate(instant));
}

/** The instant of wall-clock `date` ("YYYY-MM-DD") and `time` ("HH:MM") in `timeZone`. */
export function instantOf(date: string, time: string, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const guess = Date.UTC(y, m - 1, d, hh, mm);
  // Two passes settle the offset on either side of a daylight-saving change.
  let instant = guess - timeZoneOffset(guess, timeZone) * 60_000;
  instant = guess - timeZoneOffset(instant, timeZone) * 60_000;
  return new Date(instant);
}

export interface ZonedRange {
  /** In the space's zone. */
  space: string;
  /** In the visitor's zone with its name, when it differs from the space's at that time. */
  visitor: string | undefined;
}

export function formatZonedRange(start: Instant, end: Instant, o: FormatOptions, visitorZone = visitorTimeZone()): ZonedRange {
  const space = formatTimeRange(start, end, o);
  if (timeZoneOffset(start, visitorZone) === timeZoneOffset(start, o.timeZone)) return { space, visitor: undefined };
  const visitor = dateTimeFormat(o.locale, { ...clock(o.locale), timeZone: visitorZone, timeZoneName: 'short' }).formatRange(toDate(start), toDate(end));
  return { space, visitor };
}

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = locale + JSON.stringify(options);
  let format = numberFormats.get(key);
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(locale, options)));
  return format;
}

const listFormats = new Map<string, Intl.ListFormat>();
function listFormat(locale: string): Intl.ListFormat {
  let format = listFormats.get(locale);
  if (!format) listFormats.set(locale, (format = new Intl.ListFormat(locale, { type: 'unit', style: 'long' })));
  return format;
}

/**
 * "2 hours, 30 minutes" / "2 heures et 30 minutes". An ISO duration keeps its units (`PT24H` is
 * 24 hours, `P1D` one day); minutes are shown in hours and minutes.
 */
export function formatDuration(duration: string | number, locale: string): string {
  const unit = (value: number, name: string) => numberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'long' }).format(value);
  let days = 0;
  let minutes: number;
  if (typeof duration === 'number') {
    minutes = duration;
  } else {
    const parsed = parseDuration(duration);
    if (!parsed) return duration;
    days = parsed.days;
    minutes = Math.round(parsed.ms / 60_000);
  }
  const parts: string[] = [];
  if (days) parts.push(unit(days, 'day'));
  if (minutes >= 60) parts.push(unit(Math.floor(minutes / 60), 'hour'));
  if (minutes % 60 || parts.length === 0) parts.push(unit(minutes % 60, 'minute'));
  return listFormat(locale).format(parts);
}

/** A price given in minor units (cents), in its currency's usual form. */
export function formatMoney(money: { amount: number; currency: string }, locale: string): string {
  const format = numberFormat(locale, { style: 'currency', currency: money.currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  const value = money.amount / 10 ** digits;
  // Whole amounts without ",00" ("50 €"), as price lists show them.
  return Number.isInteger(value) ? numberFormat(locale, { style: 'currency', currency: money.currency, minimumFractionDigits: 0 }).format(value) : format.format(value);
}
