/**
 * What the booking widget shows of calendar dates and times, with `Intl` only: times in the
 * space's zone, on a 24-hour clock with two-digit hours where the locale uses one (so that lists
 * of times line up), and calendar dates without any zone shift. Money, durations and the
 * visitor's own zone come from `../localization/format.ts`.
 */
import { clock, dateTimeFormat as dtf } from '../localization/format.ts';
import { utcOfDate } from './time.ts';

/** Hours and minutes as the locale writes them: `09:00` on a 24-hour clock (aligned in lists), `9:00 AM` on a 12-hour one. */
const timeOptions = (locale: string, timeZone: string): Intl.DateTimeFormatOptions => ({ ...clock(locale), timeZone });

/** `09:00` / `9:00 AM`: the wall-clock time of an instant in `timeZone`. */
export const formatTime = (instant: number, locale: string, timeZone: string): string => dtf(locale, timeOptions(locale, timeZone)).format(instant);

/** `09:00 – 10:30`: a range of instants in `timeZone`, as the locale writes ranges. */
export const formatTimeRange = (start: number, end: number, locale: string, timeZone: string): string =>
  dtf(locale, timeOptions(locale, timeZone)).formatRange(start, end);

/** `mardi 1 décembre 2026`: a calendar date (`YYYY-MM-DD`), zone-free. */
export const formatDate = (date: string, locale: string, options: Intl.DateTimeFormatOptions = { dateStyle: 'full' }): string =>
  dtf(locale, { ...options, timeZone: 'UTC' }).format(utcOfDate(date));

/** `décembre 2026`: the month of a date. */
export const formatMonth = (date: string, locale: string): string => formatDate(date, locale, { month: 'long', year: 'numeric' });

/** The weekday names of ISO weekdays (1 = Monday), `short` (`lun.`) or `long` (`lundi`). */
export function weekdayName(isoWeekday: number, locale: string, width: 'narrow' | 'short' | 'long' = 'short'): string {
  // 2024-01-01 was a Monday.
  return dtf(locale, { weekday: width, timeZone: 'UTC' }).format(Date.UTC(2024, 0, isoWeekday));
}
