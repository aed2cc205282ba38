/**
 * Turns the server's availability into what a visitor picks: the durations offered and the start
 * times of a day. The spec's rule (`ResourceAvailability`): a booking from `start` to `end` is
 * possible when `start` is on the granularity grid (counted from midnight in the space's zone),
 * its duration is a multiple of the granularity between `minDuration` and `maxDuration`, and it
 * lies within one slot, or within slots that follow each other without a gap, each with enough
 * `remaining` units for the quantity.
 */
import type { components } from '@coworking-commons/client';
import { addDays, addDuration, dateIn, durationMs, formatIsoDuration, parseDuration, startOfDay, type Duration } from './time.ts';

export type AvailabilitySlot = components['schemas']['AvailabilitySlot'];
export type AvailabilityRules = components['schemas']['AvailabilityRules'];
export type ResourceAvailability = components['schemas']['ResourceAvailability'];

/** A possible booking: instants in ms, `end` exclusive. */
export interface StartTime {
  start: number;
  end: number;
  /** The fewest units free over the booking (what `remaining` allows). */
  remaining: number;
}

/** Slots that follow each other without a gap, with enough units free, as one run. */
interface Run {
  start: number;
  end: number;
  parts: { start: number; end: number; remaining: number }[];
}

function runsOf(slots: readonly AvailabilitySlot[], quantity: number): Run[] {
  const runs: Run[] = [];
  const sorted = slots
    .map((s) => ({ start: Date.parse(s.start), end: Date.parse(s.end), remaining: s.remaining }))
    .filter((s) => s.end > s.start && s.remaining >= quantity)
    .sort((a, b) => a.start - b.start);
  for (const part of sorted) {
    const last = runs[runs.length - 1];
    if (last && part.start <= last.end) {
      last.parts.push(part);
      last.end = Math.max(last.end, part.end);
    } else {
      runs.push({ start: part.start, end: part.end, parts: [part] });
    }
  }
  return runs;
}

/** The fewest units free in `[start, end)` within a run. */
function remainingIn(run: Run, start: number, end: number): number {
  let min = Infinity;
  for (const p of run.parts) if (p.start < end && p.end > start) min = Math.min(min, p.remaining);
  return min;
}

/** Whether a granularity is whole calendar days (`P1D`, `P1W`): bookings then start at a local midnight. */
const isDayGrid = (g: Duration) => g.days > 0 && g.ms === 0;

/**
 * The durations the rules allow, shortest first: multiples of the granularity from `minDuration`
 * to `maxDuration`. At most `limit` of them (a very fine grid over a long range would be unusable).
 */
export function allowedDurations(rules: AvailabilityRules, limit = 96): string[] {
  const g = parseDuration(rules.granularity);
  const min = parseDuration(rules.minDuration);
  const max = parseDuration(rules.maxDuration);
  if (!g || !min || !max || durationMs(g) <= 0) return [];
  const out: string[] = [];
  const gMs = durationMs(g);
  // Start at the first multiple of the granularity that is not shorter than the minimum.
  for (let n = Math.max(1, Math.ceil(durationMs(min) / gMs)); out.length < limit; n++) {
    const d: Duration = isDayGrid(g) ? { days: g.days * n, ms: 0 } : splitDays(gMs * n, min, max);
    if (durationMs(d) > durationMs(max)) break;
    out.push(formatIsoDuration(d));
  }
  return out;
}

/**
 * A sub-day grid counts exact time, so a multiple is exact (`PT24H`, not `P1D`), except where the
 * rules themselves speak in days: `maxDuration` `P1D` with a `PT1H` grid offers `P1D` as its last
 * step, so that a whole day of a 23- or 25-hour DST day is allowed like the server allows it.
 */
function splitDays(ms: number, min: Duration, max: Duration): Duration {
  for (const bound of [min, max]) if (bound.days && !bound.ms && durationMs(bound) === ms) return bound;
  return { days: 0, ms };
}

/**
 * The start times on `date` (in `timeZone`) for a booking of `duration` and `quantity` units,
 * earliest first. `availability` should cover the day and, for bookings that run past midnight,
 * what follows it.
 */
export function startTimes(
  availability: Pick<ResourceAvailability, 'rules' | 'slots'>,
  date: string,
  timeZone: string,
  duration: string,
  quantity = 1,
): StartTime[] {
  const g = parseDuration(availability.rules.granularity);
  const d = parseDuration(duration);
  if (!g || !d || durationMs(g) <= 0 || durationMs(d) <= 0) return [];
  if (!allowedDurations(availability.rules, Infinity).includes(formatIsoDuration(d))) return [];
  const runs = runsOf(availability.slots, quantity);
  const dayStart = startOfDay(date, timeZone);
  const dayEnd = startOfDay(addDays(date, 1), timeZone);
  const out: StartTime[] = [];
  const gMs = durationMs(g);
  for (const run of runs) {
    if (run.end <= dayStart || run.start >= dayEnd) continue;
    // The first grid point at or after the run's start (and not before the day's midnight).
    let t = dayStart;
    if (isDayGrid(g)) {
      if (run.start > dayStart) continue;
    } else if (run.start > dayStart) {
      t = dayStart + Math.ceil((run.start - dayStart) / gMs) * gMs;
    }
    for (; t < dayEnd && t < run.end; t += gMs) {
      const end = addDuration(t, d, timeZone);
      if (end > run.end) break;
      const remaining = remainingIn(run, t, end);
      if (remaining >= quantity && dateIn(t, timeZone) === date) out.push({ start: t, end, remaining });
      if (isDayGrid(g)) break;
    }
  }
  return out;
}

/** The allowed durations for which `date` has at least one start time. */
export function offeredDurations(
  availability: Pick<ResourceAvailability, 'rules' | 'slots'>,
  date: string,
  timeZone: string,
  quantity = 1,
): string[] {
  return allowedDurations(availability.rules).filter((d) => startTimes(availability, date, timeZone, d, quantity).length > 0);
}

/**
 * The dates (in `timeZone`) on which a booking of at least the minimum duration fits, from the
 * availability of a longer window (a month, for the calendar).
 */
export function datesWithStartTimes(
  availability: Pick<ResourceAvailability, 'rules' | 'slots'>,
  timeZone: string,
  quantity = 1,
): Set<string> {
  const out = new Set<string>();
  const [shortest] = allowedDurations(availability.rules, 1);
  if (!shortest) return out;
  const dates = new Set<string>();
  for (const s of availability.slots) {
    // Every date a slot touches (a slot may span several days).
    const last = dateIn(Date.parse(s.end) - 1, timeZone);
    for (let day = dateIn(Date.parse(s.start), timeZone); day <= last; day = addDays(day, 1)) dates.add(day);
  }
  for (const day of dates) if (startTimes(availability, day, timeZone, shortest, quantity).length) out.add(day);
  return out;
}

/** The window to ask `getAvailability` for so that `date`'s start times of up to `maxDuration` can be found. */
export function dayWindow(date: string, timeZone: string, maxDuration?: string): { from: number; to: number } {
  const from = startOfDay(date, timeZone);
  let to = startOfDay(addDays(date, 1), timeZone);
  const max = parseDuration(maxDuration);
  // A booking starting late in the day may run past midnight; the API allows windows up to 31 days.
  if (max) to = Math.min(Math.max(to, addDuration(to, max, timeZone)), from + 31 * 86_400_000);
  return { from, to };
}
