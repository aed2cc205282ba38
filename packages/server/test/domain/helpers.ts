// Test helpers: wall-clock times in a zone → Date, and readable assertions on intervals.
import { DateTime } from 'luxon';

export const PARIS = 'Europe/Paris';

/** `local('2026-03-29T01:30')` → the instant of that wall time in Paris (throws if it does not exist). */
export function local(iso: string, zone: string = PARIS): Date {
  const dt = DateTime.fromISO(iso, { zone });
  if (!dt.isValid) throw new Error(`bad local time ${iso}`);
  return dt.toJSDate();
}

export function utc(iso: string): Date {
  return new Date(iso.endsWith('Z') ? iso : iso + 'Z');
}

export const hours = (ms: number) => ms / 3_600_000;

/** Intervals as `[startISO, endISO]` pairs in UTC without milliseconds, for deepEqual. */
export function iso(intervals: readonly { start: Date; end: Date }[]): [string, string][] {
  return intervals.map((i) => [i.start.toISOString().replace('.000Z', 'Z'), i.end.toISOString().replace('.000Z', 'Z')]);
}

/** Slots as `[start, end, remaining]` in Paris wall time, for readable deepEqual. */
export function wall(slots: readonly { start: Date; end: Date; remaining?: number }[], zone: string = PARIS): (string | number)[][] {
  const f = (d: Date) => DateTime.fromJSDate(d, { zone }).toFormat("yyyy-MM-dd'T'HH:mm");
  return slots.map((s) => (s.remaining === undefined ? [f(s.start), f(s.end)] : [f(s.start), f(s.end), s.remaining]));
}
