/**
 * The week view: a time grid of 7 local days (or `days`), timed events placed by wall-clock minutes
 * from local midnight, side by side where they overlap; all-day and long events in an all-day row
 * above (lanes as in the month view).
 *
 * Which events go to the all-day row: all-day events, and timed events lasting 24 hours or more
 * (`allDayRowFrom`), as Google Calendar does; a shorter event crossing midnight (22:00–02:00) stays
 * in the time grid, split into one segment per day.
 *
 * Days with a clock change: every column is drawn 24 wall-clock hours tall (00:00–24:00) so the
 * hour lines match the hour labels across the week, and events sit where the wall clock shows
 * them. On the day the clocks go forward (Paris, 2026-03-29: 02:00 → 03:00) the hour 02:00–03:00
 * exists on no clock and stays empty; an event from 01:30 to 03:30 is drawn 2 h tall for 1 h of
 * time. On the day they go back (2026-10-25: 03:00 → 02:00) the hour 02:00–03:00 happens twice and
 * events in either occurrence are drawn in the same band (they are placed side by side if they
 * overlap on the wall clock). An event whose wall-clock end comes before its start (02:40 CEST to
 * 02:10 CET) is drawn from its start for its real duration. Each column gives its real length in
 * minutes (1380 / 1440 / 1500) and its `clockChange`, so the element can mark the change.
 *
 * Overlaps: segments of a day are swept by start; a cluster is a run of segments overlapping
 * one another transitively; each takes the lowest free column (first fit, with heaps: O(n log n))
 * and is drawn `1 / columns` of the day's width, `columns` being its cluster's column count.
 * Segments shorter than `minMinutes` count as that long for overlapping, since they are drawn at
 * least that tall.
 */
import { compareItems, type CalendarEvent, type CalendarItem, type EventLike } from './items.ts';
import { MinHeap } from './heap.ts';
import { dayCell, inLayoutOrder, layoutRows, type DayCell, type RowLayout } from './month.ts';
import { clockChangeOn, dayLengthMinutes, DAY, MINUTE, MINUTES_PER_DAY, startOfWeek, type ClockChange, type DayNumber, type Weekday } from './zoned-date.ts';

/** A timed event's piece in one day column. */
export interface TimedSegment<E extends EventLike = CalendarEvent> {
  readonly item: CalendarItem<E>;
  /** The day column index. */
  readonly dayIndex: number;
  /** Wall-clock minutes from the day's midnight: top and bottom edges (0–1440). */
  readonly startMinute: number;
  readonly endMinute: number;
  /** Column within the cluster of overlapping segments (0 = left) and the cluster's column count. */
  readonly column: number;
  readonly columns: number;
  /** The event began on an earlier day / goes on the next day. */
  readonly continuesBefore: boolean;
  readonly continuesAfter: boolean;
}

/** A day column of the time grid. */
export interface WeekDay<E extends EventLike = CalendarEvent> extends DayCell {
  /** The day's real length in minutes: 1440, or 1380 / 1500 on a clock change. */
  readonly minutes: number;
  /** The clock change during the day, if any. */
  readonly clockChange?: ClockChange;
  /** Timed segments, by start, then longer first. */
  readonly segments: readonly TimedSegment<E>[];
}

export interface WeekLayout<E extends EventLike = CalendarEvent> {
  /** First day shown, and the day after the last. */
  readonly start: DayNumber;
  readonly end: DayNumber;
  readonly days: readonly WeekDay<E>[];
  /** The all-day row: one row of lanes over the days. */
  readonly allDay: RowLayout<E>;
}

export interface WeekLayoutOptions {
  /** The space's IANA time zone (for the days' lengths and clock changes). */
  timeZone: string;
  /** First day of the week (`firstDayOfWeek(locale)`). */
  firstWeekday: Weekday;
  /** Days shown (default 7); the range starts on the week's first day. */
  days?: number;
  /** Lanes drawn in the all-day row before "+N more" (default: no limit). */
  maxAllDayLanes?: number;
  /** Timed events lasting this long (ms) or longer go to the all-day row (default: 24 h). */
  allDayRowFrom?: number;
  /** Shortest height (minutes) a segment is drawn, counted when finding overlaps (default 15). */
  minMinutes?: number;
  /** Today's local date, flagged `isToday`. */
  today?: DayNumber;
}

/** The first day of the week containing `date`. */
export function weekStart(date: DayNumber, firstWeekday: Weekday): DayNumber {
  return startOfWeek(date, firstWeekday);
}

/** The 7 local days of the week containing `date`. */
export function weekDays(date: DayNumber, firstWeekday: Weekday): DayNumber[] {
  const start = startOfWeek(date, firstWeekday);
  return [start, start + 1, start + 2, start + 3, start + 4, start + 5, start + 6];
}

/** Whether an item goes to the all-day row rather than the time grid. */
export function inAllDayRow(item: CalendarItem<EventLike>, allDayRowFrom = DAY): boolean {
  return item.allDay || item.end - item.start >= allDayRowFrom;
}

interface MutableTimed<E extends EventLike> {
  item: CalendarItem<E>;
  dayIndex: number;
  startMinute: number;
  endMinute: number;
  column: number;
  columns: number;
  continuesBefore: boolean;
  continuesAfter: boolean;
  /** The bottom used for overlaps (at least `startMinute + minMinutes`). */
  bottom: number;
}

/** Lays out the week containing `date`. `items` should be in layout order (sorted otherwise). */
export function layoutWeek<E extends EventLike>(date: DayNumber, items: readonly CalendarItem<E>[], options: WeekLayoutOptions): WeekLayout<E> {
  const count = options.days ?? 7;
  const start = startOfWeek(date, options.firstWeekday);
  const end = start + count;
  const allDayRowFrom = options.allDayRowFrom ?? DAY;
  const minMinutes = options.minMinutes ?? 15;

  const allDayItems: CalendarItem<E>[] = [];
  const perDay: MutableTimed<E>[][] = [];
  for (let i = 0; i < count; i++) perDay.push([]);
  for (const item of inLayoutOrder(items)) {
    if (item.lastDay < start || item.firstDay >= end) continue;
    if (inAllDayRow(item, allDayRowFrom)) {
      allDayItems.push(item);
      continue;
    }
    const from = Math.max(item.firstDay, start);
    const to = Math.min(item.lastDay, end - 1);
    for (let d = from; d <= to; d++) {
      const top = d === item.firstDay ? item.startMinute : 0;
      let bottom = d === item.lastDay ? item.endMinute : MINUTES_PER_DAY;
      if (bottom < top) bottom = Math.min(MINUTES_PER_DAY, top + (item.end - item.start) / MINUTE);
      perDay[d - start]!.push({
        item,
        dayIndex: d - start,
        startMinute: top,
        endMinute: bottom,
        column: 0,
        columns: 1,
        continuesBefore: d > item.firstDay,
        continuesAfter: d < item.lastDay,
        bottom: Math.max(bottom, top + minMinutes),
      });
    }
  }

  const days: WeekDay<E>[] = [];
  for (let i = 0; i < count; i++) {
    const day = start + i;
    const segments = perDay[i]!;
    placeColumns(segments);
    const clockChange = clockChangeOn(day, options.timeZone);
    days.push({
      ...dayCell(day, true, options.today),
      minutes: clockChange ? dayLengthMinutes(day, options.timeZone) : MINUTES_PER_DAY,
      ...(clockChange ? { clockChange } : {}),
      segments,
    });
  }
  const allDay = layoutRows(allDayItems, start, { rows: 1, columns: count, maxLanes: options.maxAllDayLanes ?? Infinity })[0]!;
  return { start, end, days, allDay };
}

function compareTimed(a: MutableTimed<EventLike>, b: MutableTimed<EventLike>): number {
  return a.startMinute - b.startMinute || b.bottom - a.bottom || compareItems(a.item, b.item);
}

/**
 * Assigns columns to one day's segments (sorted in place by start, longer first): first fit
 * within clusters of overlapping segments; every segment of a cluster gets its column count.
 */
function placeColumns<E extends EventLike>(segments: MutableTimed<E>[]): void {
  if (segments.length === 0) return;
  segments.sort(compareTimed);
  // The segments holding a column, by bottom (the first to free its column on top).
  const busy = new MinHeap();
  const free = new MinHeap();
  let clusterStart = 0;
  let clusterColumns = 0;
  let clusterBottom = -Infinity;
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i]!;
    if (seg.startMinute >= clusterBottom) {
      // A new cluster: close the previous one.
      for (let j = clusterStart; j < i; j++) segments[j]!.columns = clusterColumns;
      clusterStart = i;
      clusterColumns = 0;
      clusterBottom = seg.bottom;
      busy.clear();
      free.clear();
    } else {
      if (seg.bottom > clusterBottom) clusterBottom = seg.bottom;
      while (busy.size > 0 && segments[busy.peek()!]!.bottom <= seg.startMinute) free.push(segments[busy.pop()!]!.column);
    }
    const column = free.size > 0 ? free.pop()! : clusterColumns++;
    seg.column = column;
    busy.push(i, seg.bottom);
  }
  for (let j = clusterStart; j < segments.length; j++) segments[j]!.columns = clusterColumns;
}
