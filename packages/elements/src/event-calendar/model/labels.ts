/**
 * Cached labels for times of day and dates, so rendering 1,000 events does not cost 1,000 `Intl`
 * calls: a time label depends only on the wall-clock minute (at most 1,440 per locale), a day
 * label only on the date. Both format zone-free values (minutes, day numbers) read as UTC, so no
 * zone arithmetic happens here: the model has already placed everything in the space's zone.
 */
import { DAY, MINUTE, MINUTES_PER_DAY, type DayNumber } from './zoned-date.ts';

const formatters = new Map<string, Map<number, string>>();

function cached(kind: string, locale: string | undefined, options: Intl.DateTimeFormatOptions, toDate: (key: number) => number): (key: number) => string {
  const id = `${kind}|${locale ?? ''}|${JSON.stringify(options)}`;
  let labels = formatters.get(id);
  if (!labels) {
    labels = new Map();
    formatters.set(id, labels);
  }
  const cache = labels;
  let format: Intl.DateTimeFormat | undefined;
  return (key) => {
    let label = cache.get(key);
    if (label === undefined) {
      format ??= new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
      label = format.format(toDate(key));
      cache.set(key, label);
    }
    return label;
  };
}

/**
 * A function giving the label of a wall-clock minute of the day (`600` → `10:00`, `10 AM`), in
 * `locale`. Minutes are rounded down to the minute; 1440 reads as the next midnight.
 */
export function timeLabels(locale: string | undefined, options: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit' }): (minuteOfDay: number) => string {
  const label = cached('time', locale, options, (minute) => minute * MINUTE);
  return (minuteOfDay) => label(Math.floor(minuteOfDay) % MINUTES_PER_DAY);
}

/** A function giving the label of a local date (a day number), in `locale`. */
export function dayLabels(locale: string | undefined, options: Intl.DateTimeFormatOptions = { dateStyle: 'full' }): (day: DayNumber) => string {
  return cached('day', locale, options, (day) => day * DAY);
}
