/**
 * The month view: a grid of 6 weeks × 7 days, and events drawn across it as horizontal segments,
 * one per week row, stacked into lanes.
 *
 * Lane assignment is the classic greedy one: segments in layout order (`compareItems`: by first
 * day, longer first, all-day before timed, by start) each take the lowest lane free on all the days
 * they cover. Within a row, segments come in order of their first column, so a lane is free for a
 * segment exactly when its last segment ended before that column: the free lanes are a min-heap and
 * the busy ones are released column by column, which makes the layout O(n log n).
 *
 * Cells show at most `maxLanes` lanes; segments in lanes from `maxLanes` on are `hidden`, and each
 * day counts its hidden events in `more` ("+3 more"). A multi-day event is either shown or hidden
 * on the whole of its segment in a row, never cut (FullCalendar does the same).
 */
import { compareItems, type CalendarEvent, type CalendarItem, type EventLike } from './items.ts';
import { MinHeap } from './heap.ts';
import { dayFromParts, isoFromDay, partsFromDay, startOfWeek, weekdayOf, type DayNumber, type Weekday } from './zoned-date.ts';

/** The number of week rows of a month grid: always six, so the grid keeps its height. */
export const MONTH_WEEKS = 6;

/** A day of a grid. */
export interface DayCell {
  readonly day: DayNumber;
  /** `YYYY-MM-DD`. */
  readonly date: string;
  readonly year: number;
  /** 1–12. */
  readonly month: number;
  readonly dayOfMonth: number;
  readonly weekday: Weekday;
  /** Whether the day belongs to the month shown (the grid's first and last rows show neighbours). */
  readonly inMonth: boolean;
  /** Whether it is the `today` given to the layout. */
  readonly isToday: boolean;
}

/** The days of a month grid, without events. */
export interface MonthGrid {
  readonly year: number;
  /** 1–12. */
  readonly month: number;
  readonly firstWeekday: Weekday;
  /** The first day of the month, and the first day after it. */
  readonly monthStart: DayNumber;
  readonly monthEnd: DayNumber;
  /** The grid's first day and the day after its last (`start + 42`). */
  readonly start: DayNumber;
  readonly end: DayNumber;
  /** Six rows of seven days. */
  readonly weeks: readonly (readonly DayCell[])[];
}

/** The year and month (1–12) of a local date. */
export function monthOf(day: DayNumber): { year: number; month: number } {
  const { year, month } = partsFromDay(day);
  return { year, month };
}

/** Builds a day cell. */
export function dayCell(day: DayNumber, inMonth = true, today?: DayNumber): DayCell {
  const parts = partsFromDay(day);
  return {
    day,
    date: isoFromDay(day),
    year: parts.year,
    month: parts.month,
    dayOfMonth: parts.day,
    weekday: weekdayOf(day),
    inMonth,
    isToday: day === today,
  };
}

/**
 * The 6 × 7 grid of a month (`month` 1–12) with weeks starting on `firstWeekday`: it starts on the
 * first `firstWeekday` on or before the 1st, and shows the days of the neighbouring months
 * flagged `inMonth: false`.
 */
export function monthGrid(year: number, month: number, firstWeekday: Weekday, today?: DayNumber): MonthGrid {
  const monthStart = dayFromParts(year, month, 1);
  const monthEnd = dayFromParts(year, month + 1, 1);
  const normalized = partsFromDay(monthStart);
  const start = startOfWeek(monthStart, firstWeekday);
  const weeks: DayCell[][] = [];
  for (let w = 0; w < MONTH_WEEKS; w++) {
    const row: DayCell[] = [];
    for (let d = 0; d < 7; d++) {
      const day = start + w * 7 + d;
      row.push(dayCell(day, day >= monthStart && day < monthEnd, today));
    }
    weeks.push(row);
  }
  return {
    year: normalized.year,
    month: normalized.month,
    firstWeekday,
    monthStart,
    monthEnd,
    start,
    end: start + MONTH_WEEKS * 7,
    weeks,
  };
}

// ---------------------------------------------------------------------------------------------
// Rows of days with lanes (shared with the week view's all-day row)

/** A piece of an event in one row of days. */
export interface RowSegment<E extends EventLike = CalendarEvent> {
  readonly item: CalendarItem<E>;
  /** The row (week) index. */
  readonly row: number;
  /** First and last column covered (0-based, inclusive). */
  readonly startColumn: number;
  readonly endColumn: number;
  /** Columns covered: `endColumn - startColumn + 1`. */
  readonly span: number;
  /** The lane (0 = top). */
  readonly lane: number;
  /** The event began before this segment (in an earlier row, or before the grid). */
  readonly continuesBefore: boolean;
  /** The event goes on after this segment (in a later row, or after the grid). */
  readonly continuesAfter: boolean;
  /** In a lane at or past the visible limit: counted in its days' `more`, not drawn. */
  readonly hidden: boolean;
}

/** One row of days with its segments. */
export interface RowLayout<E extends EventLike = CalendarEvent> {
  /** The row's first day. */
  readonly start: DayNumber;
  /** Its segments, in reading order (by first column, then lane order of placement). */
  readonly segments: readonly RowSegment<E>[];
  /** Lanes used by the row's busiest day. */
  readonly lanes: number;
  /** Lanes drawn: `min(lanes, maxLanes)`. */
  readonly visibleLanes: number;
  /** Per column: the events covering that day. */
  readonly totals: readonly number[];
  /** Per column: the hidden events covering that day ("+N more"), 0 when none. */
  readonly more: readonly number[];
}

export interface RowsOptions {
  /** The number of rows. */
  rows: number;
  /** Days per row (7). */
  columns?: number;
  /** Lanes drawn per day; the others are hidden and counted (default: no limit). */
  maxLanes?: number;
}

function isSorted(items: readonly CalendarItem<EventLike>[]): boolean {
  for (let i = 1; i < items.length; i++) if (compareItems(items[i - 1]!, items[i]!) > 0) return false;
  return true;
}

/** The items in layout order (a copy sorted only when they are not already). */
export function inLayoutOrder<I extends CalendarItem<EventLike>>(items: readonly I[]): readonly I[] {
  return isSorted(items) ? items : [...items].sort(compareItems);
}

interface MutableSegment<E extends EventLike> {
  item: CalendarItem<E>;
  row: number;
  startColumn: number;
  endColumn: number;
  span: number;
  lane: number;
  continuesBefore: boolean;
  continuesAfter: boolean;
  hidden: boolean;
}

/**
 * Lays out items on `rows` consecutive rows of `columns` days from `start`: a segment per row an
 * item covers, lanes assigned greedily (see the module's comment). Items outside the rows are
 * skipped.
 */
export function layoutRows<E extends EventLike>(items: readonly CalendarItem<E>[], start: DayNumber, options: RowsOptions): RowLayout<E>[] {
  const columns = options.columns ?? 7;
  const rows = options.rows;
  const maxLanes = options.maxLanes ?? Infinity;
  const end = start + rows * columns;
  const buckets: MutableSegment<E>[][] = [];
  for (let r = 0; r < rows; r++) buckets.push([]);

  for (const item of inLayoutOrder(items)) {
    if (item.lastDay < start || item.firstDay >= end) continue;
    const a = Math.max(item.firstDay, start) - start;
    const b = Math.min(item.lastDay, end - 1) - start;
    const firstRow = Math.floor(a / columns);
    const lastRow = Math.floor(b / columns);
    for (let r = firstRow; r <= lastRow; r++) {
      const startColumn = r === firstRow ? a - r * columns : 0;
      const endColumn = r === lastRow ? b - r * columns : columns - 1;
      buckets[r]!.push({
        item,
        row: r,
        startColumn,
        endColumn,
        span: endColumn - startColumn + 1,
        lane: 0,
        continuesBefore: r > firstRow || item.firstDay < start,
        continuesAfter: r < lastRow || item.lastDay >= end,
        hidden: false,
      });
    }
  }

  const free = new MinHeap();
  const endingAt: number[][] = [];
  for (let c = 0; c < columns; c++) endingAt.push([]);
  const out: RowLayout<E>[] = [];
  for (let r = 0; r < rows; r++) {
    const segments = buckets[r]!;
    const totals = new Array<number>(columns).fill(0);
    const more = new Array<number>(columns).fill(0);
    free.clear();
    for (const list of endingAt) list.length = 0;
    let lanes = 0;
    let released = 0; // columns before this one have had their ending lanes freed
    for (const seg of segments) {
      // Segments come by first column: free the lanes whose last segment ended before it.
      while (released < seg.startColumn) {
        for (const lane of endingAt[released]!) free.push(lane);
        released++;
      }
      const lane = free.size > 0 ? free.pop()! : lanes++;
      endingAt[seg.endColumn]!.push(lane);
      seg.lane = lane;
      const hidden = lane >= maxLanes;
      seg.hidden = hidden;
      for (let c = seg.startColumn; c <= seg.endColumn; c++) {
        totals[c]!++;
        if (hidden) more[c]!++;
      }
    }
    out.push({ start: start + r * columns, segments, lanes, visibleLanes: Math.min(lanes, maxLanes), totals, more });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The month layout

/** A day of the month view, with its counts. */
export interface MonthDay extends DayCell {
  /** Events covering the day. */
  readonly total: number;
  /** Hidden events covering the day: the "+N more" number, 0 when all are shown. */
  readonly more: number;
}

/** A week row of the month view. */
export interface MonthWeek<E extends EventLike = CalendarEvent> {
  readonly start: DayNumber;
  readonly days: readonly MonthDay[];
  readonly segments: readonly RowSegment<E>[];
  readonly lanes: number;
  readonly visibleLanes: number;
}

export interface MonthLayout<E extends EventLike = CalendarEvent> extends Omit<MonthGrid, 'weeks'> {
  readonly weeks: readonly MonthWeek<E>[];
  readonly maxLanes: number;
}

export interface MonthLayoutOptions {
  /** Lanes drawn per day cell before "+N more" (default: no limit). */
  maxLanes?: number;
}

/**
 * Places items on a month grid. `items` should be in layout order (as `toCalendarItems` and
 * `filterItems` return them); they are sorted otherwise.
 */
export function layoutMonth<E extends EventLike>(grid: MonthGrid, items: readonly CalendarItem<E>[], options: MonthLayoutOptions = {}): MonthLayout<E> {
  const maxLanes = options.maxLanes ?? Infinity;
  const rows = layoutRows(items, grid.start, { rows: grid.weeks.length, columns: 7, maxLanes });
  const weeks = rows.map((row, r): MonthWeek<E> => ({
    start: row.start,
    days: grid.weeks[r]!.map((cell, c): MonthDay => ({ ...cell, total: row.totals[c]!, more: row.more[c]! })),
    segments: row.segments,
    lanes: row.lanes,
    visibleLanes: row.visibleLanes,
  }));
  const { weeks: _cells, ...rest } = grid;
  return { ...rest, weeks, maxLanes };
}
