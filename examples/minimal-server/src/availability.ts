// When a resource is open and how many of its units are free: the base of getAvailability, of the
// booking rules and of the no-double-booking guarantee.
import type { Booking, OpeningRange, Resource, Space } from './store.ts';
import { addDays, addDuration, instantAt, minutesOf, parseDuration, wallClock, weekdayOf } from './time.ts';

export type Interval = [start: number, end: number];

const day = 86_400_000;

/** The local dates the interval touches, in the space's zone. */
export function datesOf(start: number, end: number, zone: string): string[] {
  const dates: string[] = [];
  const last = wallClock(Math.max(start, end - 1), zone).date;
  for (let date = wallClock(start, zone).date; date <= last; date = addDays(date, 1)) dates.push(date);
  return dates;
}

export function isClosure(space: Space, date: string): boolean {
  return space.closures.some((closure) => closure.from <= date && date <= closure.to);
}

function weekly(ranges: OpeningRange[], start: number, end: number, space: Space): Interval[] {
  const intervals: Interval[] = [];
  for (const date of datesOf(start - day, end + day, space.timeZone)) {
    if (isClosure(space, date)) continue;
    for (const range of ranges.filter((r) => r.day === weekdayOf(date))) {
      intervals.push([instantAt(date, minutesOf(range.opens), space.timeZone), instantAt(date, minutesOf(range.closes), space.timeZone)]);
    }
  }
  return merge(intervals);
}

/** When the resource is open within [start, end): its own hours within the space's, closures removed. */
export function openIntervals(space: Space, resource: Resource, start: number, end: number): Interval[] {
  let open = weekly(space.openingHours, start, end, space);
  if (resource.openingHours) open = intersect(open, weekly(resource.openingHours, start, end, space));
  return intersect(open, [[start, end]]);
}

export function merge(intervals: Interval[]): Interval[] {
  const sorted = intervals.filter(([a, b]) => b > a).toSorted((x, y) => x[0] - y[0]);
  const merged: Interval[] = [];
  for (const [a, b] of sorted) {
    const last = merged.at(-1);
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else merged.push([a, b]);
  }
  return merged;
}

export function intersect(left: Interval[], right: Interval[]): Interval[] {
  const result: Interval[] = [];
  for (const [a, b] of left) for (const [c, d] of right) if (Math.max(a, c) < Math.min(b, d)) result.push([Math.max(a, c), Math.min(b, d)]);
  return merge(result);
}

interface Block {
  start: number;
  end: number;
  quantity: number;
}

/**
 * How many units stay free for a new booking, given the bookings that hold the resource (pending
 * and confirmed, with their buffers). A new booking occupying instant t blocks [t - bufferBefore,
 * t + bufferAfter]; units are interchangeable, so it fits where the busiest moment of that window
 * leaves enough units.
 */
export class Occupancy {
  private readonly blocks: Block[];
  private readonly before: number;
  private readonly after: number;
  private readonly quantity: number;

  constructor(resource: Resource, bookings: Iterable<Booking>, exceptId?: string) {
    this.before = parseDuration(resource.rules.bufferBefore).elapsedMs;
    this.after = parseDuration(resource.rules.bufferAfter).elapsedMs;
    this.quantity = resource.quantity;
    this.blocks = [];
    for (const booking of bookings) {
      if (booking.resourceId !== resource.id || booking.status === 'cancelled' || booking.id === exceptId) continue;
      this.blocks.push({ start: booking.start - this.before, end: booking.end + this.after, quantity: booking.quantity });
    }
  }

  private used(at: number): number {
    let used = 0;
    for (const block of this.blocks) if (block.start <= at && at < block.end) used += block.quantity;
    return used;
  }

  /** Free units for a booking that occupies instant t. */
  remainingAt(t: number): number {
    const from = t - this.before;
    const to = t + this.after + 1;
    let busiest = this.used(from);
    for (const block of this.blocks) if (block.start > from && block.start < to) busiest = Math.max(busiest, this.used(block.start));
    return Math.max(0, this.quantity - busiest);
  }

  /** The instants in (start, end) where remainingAt may change. */
  breakpoints(start: number, end: number): number[] {
    const points = new Set<number>();
    for (const block of this.blocks) {
      for (const point of [block.start - this.after, block.end + this.before]) if (point > start && point < end) points.add(point);
    }
    return [...points].toSorted((a, b) => a - b);
  }

  /** The fewest free units over [start, end). */
  minimumOver(start: number, end: number): number {
    return Math.min(this.remainingAt(start), ...this.breakpoints(start, end).map((point) => this.remainingAt(point)));
  }
}

export interface Slot {
  start: number;
  end: number;
  remaining: number;
}

/** The intervals of [from, to) in which a new booking of `quantity` units fits, earliest first. */
export function freeSlots(space: Space, resource: Resource, bookings: Iterable<Booking>, from: number, to: number, quantity: number, now: number): Slot[] {
  const earliest = addDuration(now, parseDuration(resource.rules.leadTime), space.timeZone);
  const latest = addDuration(now, parseDuration(resource.rules.horizon), space.timeZone);
  const window: Interval = [Math.max(from, earliest), Math.min(to, latest)];
  if (window[1] <= window[0]) return [];
  const occupancy = new Occupancy(resource, bookings);
  const slots: Slot[] = [];
  for (const [a, b] of openIntervals(space, resource, window[0], window[1])) {
    const points = [a, ...occupancy.breakpoints(a, b), b];
    for (let index = 0; index < points.length - 1; index++) {
      const start = points[index]!;
      const end = points[index + 1]!;
      const remaining = occupancy.remainingAt(start);
      if (remaining < quantity) continue;
      const last = slots.at(-1);
      if (last && last.end === start && last.remaining === remaining) last.end = end;
      else slots.push({ start, end, remaining });
    }
  }
  return slots;
}
