/**
 * Half-open intervals of instants `[start, end)`, and the few set operations the domain needs.
 * Instants are JS `Date`s; every function returns new objects and never mutates its input.
 */

export interface Interval {
  start: Date;
  end: Date;
}

/** Sorts, drops empty intervals and merges overlapping or touching ones. */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals
    .filter((i) => i.end.getTime() > i.start.getTime())
    .map((i) => ({ s: i.start.getTime(), e: i.end.getTime() }))
    .sort((a, b) => a.s - b.s || a.e - b.e);
  const out: { s: number; e: number }[] = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last && i.s <= last.e) last.e = Math.max(last.e, i.e);
    else out.push({ ...i });
  }
  return out.map((i) => ({ start: new Date(i.s), end: new Date(i.e) }));
}

/** The parts of `intervals` inside `[from, to)`, merged. */
export function clipIntervals(intervals: readonly Interval[], from: Date, to: Date): Interval[] {
  const f = from.getTime();
  const t = to.getTime();
  return mergeIntervals(
    intervals.map((i) => ({ start: new Date(Math.max(i.start.getTime(), f)), end: new Date(Math.min(i.end.getTime(), t)) })),
  );
}

/** The intersection of two unions of intervals, merged. */
export function intersectIntervals(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const ma = mergeIntervals(a);
  const mb = mergeIntervals(b);
  const out: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < ma.length && j < mb.length) {
    const x = ma[i]!;
    const y = mb[j]!;
    const s = Math.max(x.start.getTime(), y.start.getTime());
    const e = Math.min(x.end.getTime(), y.end.getTime());
    if (s < e) out.push({ start: new Date(s), end: new Date(e) });
    if (x.end.getTime() < y.end.getTime()) i++;
    else j++;
  }
  return out;
}

/** `a` minus `b`, merged. */
export function subtractIntervals(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const mb = mergeIntervals(b);
  const out: Interval[] = [];
  for (const x of mergeIntervals(a)) {
    let cursor = x.start.getTime();
    const end = x.end.getTime();
    for (const y of mb) {
      if (y.end.getTime() <= cursor || y.start.getTime() >= end) continue;
      if (y.start.getTime() > cursor) out.push({ start: new Date(cursor), end: new Date(y.start.getTime()) });
      cursor = Math.max(cursor, y.end.getTime());
    }
    if (cursor < end) out.push({ start: new Date(cursor), end: new Date(end) });
  }
  return out;
}

/** Whether `[start, end)` lies inside one interval of the (merged) union `intervals`. */
export function containsInterval(intervals: readonly Interval[], start: Date, end: Date): boolean {
  const s = start.getTime();
  const e = end.getTime();
  if (e <= s) return false;
  return mergeIntervals(intervals).some((i) => i.start.getTime() <= s && e <= i.end.getTime());
}

/** Whether two half-open intervals share at least one instant. */
export function overlaps(a: Interval, b: Interval): boolean {
  return a.start.getTime() < b.end.getTime() && b.start.getTime() < a.end.getTime();
}

/** Total length in ms of a union of intervals. */
export function totalMillis(intervals: readonly Interval[]): number {
  return mergeIntervals(intervals).reduce((sum, i) => sum + (i.end.getTime() - i.start.getTime()), 0);
}
