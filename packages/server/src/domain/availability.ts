/**
 * Availability of one resource: when a new booking may take place, and how many units stay free.
 *
 * Instants are JS `Date`s; intervals are half-open `[start, end)`. Durations are `DurationInput`s
 * (ISO 8601 strings or exact ms, see `time.ts`). Buffers shift instants by a fixed length
 * (`durationMillis`: a day counts 24 h) so that a booking's blocked interval is the same wherever
 * it is computed; lead time and horizon are added to `now` in the space's zone (`timeZone`, calendar
 * days for `P…D`).
 *
 * Model. Each existing booking blocks `quantity` units over `[start − bufferBefore, end +
 * bufferAfter)` (see `blockedInterval`). A new booking of `q` units occupying `[s, e)` blocks
 * `[s − bb, e + ba)` with its own buffers, and fits when, at every instant of that interval, the
 * blocked units plus `q` stay within the capacity. Let `free(t)` be the capacity minus the units
 * blocked at `t`, and `remaining(t)` the minimum of `free` over `[t − bb, t + ba]`: the most units
 * a booking occupying `t` could take. A booking `[s, e)` of `q` units fits iff `min remaining ≥ q`
 * over `[s, e)`. Slots are the maximal pieces of constant `remaining ≥ q` inside the open
 * intervals, after `now + leadTime`, before `now + horizon` and within `[from, to)`; so a booking
 * fits exactly when it lies within one slot or slots that touch, and its quantity is at most the
 * smallest `remaining` among them.
 */
import { addDuration, durationMillis, type DurationInput } from './time.ts';
import { containsInterval, mergeIntervals, type Interval } from './intervals.ts';

/** Units of the resource blocked over `[start, end)` by an existing booking (buffers included). */
export interface Block {
  start: Date;
  end: Date;
  quantity: number;
}

/** A `Block` in epoch ms, as the database holds it (the functions below take either). */
export interface BlockMillis {
  start: number;
  end: number;
  quantity: number;
}

const millis = (t: Date | number) => (typeof t === 'number' ? t : t.getTime());

export interface Slot {
  start: Date;
  end: Date;
  /** Units free over the whole slot for a booking occupying it; at least the requested quantity. */
  remaining: number;
}

export interface AvailabilityInput {
  /** When the resource is open (see `openIntervals`). */
  open: readonly Interval[];
  /** The resource's quantity: how many units exist. */
  capacity: number;
  /**
   * Blocked intervals of the existing bookings that hold units (pending and confirmed), at least
   * those overlapping `[from − bufferBefore, to + bufferAfter)`. Leave out the booking being
   * rescheduled, if any.
   */
  blocks: readonly (Block | BlockMillis)[];
  /** Units the new booking needs. Default 1. */
  quantity?: number;
  /** The resource's buffers, which the new booking needs too. Default none. */
  bufferBefore?: DurationInput;
  bufferAfter?: DurationInput;
  /** No booking may start before `now + leadTime`. Default `PT0S`. */
  leadTime?: DurationInput;
  /** No booking may end after `now + horizon`. Default unlimited. */
  horizon?: DurationInput | null;
  now: Date;
  /** The window asked for, `to` exclusive. */
  from: Date;
  to: Date;
  /** The space's zone, for calendar days in `leadTime` and `horizon`. Default `UTC`. */
  timeZone?: string;
}

/** The interval a booking blocks: `[start − bufferBefore, end + bufferAfter)`, with its quantity. */
export function blockedInterval(
  booking: { start: Date; end: Date; quantity?: number },
  bufferBefore: DurationInput = 0,
  bufferAfter: DurationInput = 0,
): Block {
  return {
    start: new Date(booking.start.getTime() - durationMillis(bufferBefore)),
    end: new Date(booking.end.getTime() + durationMillis(bufferAfter)),
    quantity: booking.quantity ?? 1,
  };
}

/** The step function of blocked units: `usage[k]` units over `[points[k], points[k + 1])`, 0 elsewhere. */
function usageSteps(blocks: readonly (Block | BlockMillis)[]): { points: number[]; usage: number[] } {
  return uniformUsageSteps(blocks) ?? mixedUsageSteps(blocks);
}

/**
 * `usageSteps` when every block holds the same number of units (the database's blocks are one
 * unit each): the starts and the ends sorted apart as numbers, then merged. Undefined otherwise.
 */
function uniformUsageSteps(blocks: readonly (Block | BlockMillis)[]): { points: number[]; usage: number[] } | undefined {
  const starts = new Float64Array(blocks.length);
  const ends = new Float64Array(blocks.length);
  let n = 0;
  let q = 0;
  for (const b of blocks) {
    const s = millis(b.start);
    const e = millis(b.end);
    if (e <= s || b.quantity <= 0) continue;
    if (q === 0) q = b.quantity;
    else if (b.quantity !== q) return undefined;
    starts[n] = s;
    ends[n] = e;
    n++;
  }
  const sortedStarts = starts.subarray(0, n).sort();
  const sortedEnds = ends.subarray(0, n).sort();
  const points: number[] = [];
  const usage: number[] = [];
  let level = 0;
  let i = 0;
  let j = 0;
  while (i < n || j < n) {
    const p = i < n && sortedStarts[i]! <= (j < n ? sortedEnds[j]! : Infinity) ? sortedStarts[i]! : sortedEnds[j]!;
    while (i < n && sortedStarts[i] === p) {
      level += q;
      i++;
    }
    while (j < n && sortedEnds[j] === p) {
      level -= q;
      j++;
    }
    points.push(p);
    usage.push(level);
  }
  return { points, usage };
}

function mixedUsageSteps(blocks: readonly (Block | BlockMillis)[]): { points: number[]; usage: number[] } {
  const delta = new Map<number, number>();
  for (const b of blocks) {
    const s = millis(b.start);
    const e = millis(b.end);
    if (e <= s || b.quantity <= 0) continue;
    delta.set(s, (delta.get(s) ?? 0) + b.quantity);
    delta.set(e, (delta.get(e) ?? 0) - b.quantity);
  }
  const points = [...delta.keys()].sort((a, b) => a - b);
  const usage: number[] = [];
  let level = 0;
  for (const p of points) {
    level += delta.get(p)!;
    usage.push(level);
  }
  return { points, usage };
}

/** The most units blocked at any instant of the closed range `[lo, hi]` (`hi` may equal `lo`). */
function maxUsageClosed(steps: { points: number[]; usage: number[] }, lo: number, hi: number): number {
  const { points, usage } = steps;
  // Last point ≤ lo: the step containing lo.
  let a = 0;
  let b = points.length;
  while (a < b) {
    const mid = (a + b) >> 1;
    if (points[mid]! <= lo) a = mid + 1;
    else b = mid;
  }
  let k = a - 1;
  let max = k >= 0 ? usage[k]! : 0;
  for (k = k + 1; k < points.length && points[k]! <= hi; k++) max = Math.max(max, usage[k]!);
  return max;
}

/** The most units blocked at any instant of `[from, to)`. */
export function peakUsage(blocks: readonly (Block | BlockMillis)[], from: Date, to: Date): number {
  const lo = from.getTime();
  const hi = to.getTime();
  if (hi <= lo) return 0;
  const steps = usageSteps(blocks);
  const { points, usage } = steps;
  let max = 0;
  for (let k = -1; k < points.length; k++) {
    const s = k < 0 ? -Infinity : points[k]!;
    const e = k + 1 < points.length ? points[k + 1]! : Infinity;
    if (s < hi && e > lo) max = Math.max(max, k < 0 ? 0 : usage[k]!);
  }
  return max;
}

/**
 * The slots in which a new booking of `quantity` units may take place, earliest first. Two
 * consecutive slots with different `remaining` touch; slots never overlap.
 */
export function computeAvailability(input: AvailabilityInput): Slot[] {
  return availableSlots(input).map((s) => ({ start: new Date(s.start), end: new Date(s.end), remaining: s.remaining }));
}

/** A slot of `availableSlots`, in epoch ms. */
export interface SlotMillis {
  start: number;
  end: number;
  remaining: number;
}

/** `computeAvailability` in epoch ms, for callers that format the slots themselves. */
export function availableSlots(input: AvailabilityInput): SlotMillis[] {
  const quantity = input.quantity ?? 1;
  if (!Number.isInteger(quantity) || quantity < 1) throw new RangeError('The quantity must be a positive integer.');
  const zone = input.timeZone ?? 'UTC';
  const bb = durationMillis(input.bufferBefore ?? 0);
  const ba = durationMillis(input.bufferAfter ?? 0);
  const earliest = Math.max(input.from.getTime(), addDuration(input.now, input.leadTime ?? 0, zone).getTime());
  const latest = input.horizon == null ? input.to.getTime() : Math.min(input.to.getTime(), addDuration(input.now, input.horizon, zone).getTime());
  if (latest <= earliest || quantity > input.capacity) return [];

  const steps = usageSteps(input.blocks);
  // remaining(t) only changes where t − bb or t + ba crosses a step boundary.
  const changes = bb === 0 && ba === 0 ? steps.points : [...new Set(steps.points.flatMap((p) => [p - ba, p + bb]))].sort((a, b) => a - b);
  const remainingAt = (t: number) => input.capacity - maxUsageClosed(steps, t - bb, t + ba);

  const slots: SlotMillis[] = [];
  const push = (s: number, e: number, remaining: number) => {
    if (e <= s || remaining < quantity) return;
    const last = slots[slots.length - 1];
    if (last && last.end === s && last.remaining === remaining) last.end = e;
    else slots.push({ start: s, end: e, remaining });
  };

  for (const o of mergedMillis(input.open)) {
    const s = Math.max(o.start, earliest);
    const e = Math.min(o.end, latest);
    if (e <= s) continue;
    let cursor = s;
    // The first change after the cursor (changes are sorted).
    let a = 0;
    let b = changes.length;
    while (a < b) {
      const mid = (a + b) >> 1;
      if (changes[mid]! <= cursor) a = mid + 1;
      else b = mid;
    }
    for (let k = a; k < changes.length; k++) {
      const c = changes[k]!;
      if (c >= e) break;
      push(cursor, c, remainingAt(cursor));
      cursor = c;
    }
    push(cursor, e, remainingAt(cursor));
  }
  return slots;
}

/** The intervals in epoch ms, sorted and merged (they usually come merged, as `openIntervals` gives them). */
function mergedMillis(intervals: readonly Interval[]): { start: number; end: number }[] {
  const out = intervals.map((i) => ({ start: i.start.getTime(), end: i.end.getTime() }));
  for (let k = 0; k < out.length; k++) {
    if (!(out[k]!.end > out[k]!.start) || (k > 0 && out[k]!.start <= out[k - 1]!.end)) {
      return mergeIntervals(intervals).map((i) => ({ start: i.start.getTime(), end: i.end.getTime() }));
    }
  }
  return out;
}

export interface FitsInput {
  capacity: number;
  blocks: readonly Block[];
  start: Date;
  end: Date;
  /** Default 1. */
  quantity?: number;
  bufferBefore?: DurationInput;
  bufferAfter?: DurationInput;
  /** When given, the booking must also lie within one of these (merged) intervals. */
  open?: readonly Interval[];
}

/**
 * Whether one prospective booking `[start, end)` × `quantity` fits: its blocked interval (with the
 * buffers) never needs more than `capacity` units together with the existing `blocks`, and, if
 * `open` is given, the booking itself lies within the opening hours. Lead time, horizon and the
 * other rules are `checkBookingRules`'s job.
 */
export function fits(input: FitsInput): boolean {
  const quantity = input.quantity ?? 1;
  if (input.end.getTime() <= input.start.getTime() || quantity < 1) return false;
  if (input.open && !containsInterval(input.open, input.start, input.end)) return false;
  const blocked = blockedInterval({ start: input.start, end: input.end, quantity }, input.bufferBefore ?? 0, input.bufferAfter ?? 0);
  return peakUsage(input.blocks, blocked.start, blocked.end) + quantity <= input.capacity;
}
