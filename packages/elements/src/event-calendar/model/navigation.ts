/**
 * Navigation between periods (previous / next / today) for the month, week and list views, and
 * the window of events each view needs from the API.
 *
 * State is a view and an *anchor* date (a local day number): the month view shows the anchor's
 * month, the week view its week, the list view its month (or week, with `listPeriod: 'week'`).
 * Switching views keeps the anchor, so the week shown after the month view is the anchor's week.
 * Moving by months lands on the 1st of the month (no clamping of the 31st); moving by weeks keeps
 * the weekday.
 */
import { MONTH_WEEKS } from './month.ts';
import { dayFromParts, partsFromDay, dayStart, startOfWeek, today, type DayNumber, type Weekday } from './zoned-date.ts';

export type CalendarView = 'month' | 'week' | 'list';
export const CALENDAR_VIEWS: readonly CalendarView[] = ['month', 'week', 'list'];

export function isCalendarView(value: unknown): value is CalendarView {
  return value === 'month' || value === 'week' || value === 'list';
}

export interface NavigationOptions {
  /** First day of the week (`firstDayOfWeek(locale)`). */
  firstWeekday: Weekday;
  /** What the list view covers: the anchor's month (default) or its week. */
  listPeriod?: 'month' | 'week';
}

/** The days a view shows for an anchor. */
export interface Period {
  readonly view: CalendarView;
  readonly anchor: DayNumber;
  /** What one step moves by. */
  readonly unit: 'month' | 'week';
  /** The period proper: the month, or the week (`end` exclusive). */
  readonly start: DayNumber;
  readonly end: DayNumber;
  /** The days drawn: the month grid's 42 days for the month view, else the period. */
  readonly visibleStart: DayNumber;
  readonly visibleEnd: DayNumber;
}

function unitOf(view: CalendarView, options: NavigationOptions): 'month' | 'week' {
  return view === 'week' || (view === 'list' && options.listPeriod === 'week') ? 'week' : 'month';
}

/** The period a view shows around `anchor`. */
export function periodOf(view: CalendarView, anchor: DayNumber, options: NavigationOptions): Period {
  const unit = unitOf(view, options);
  const { year, month } = partsFromDay(anchor);
  const week = unit === 'week';
  const start = week ? startOfWeek(anchor, options.firstWeekday) : dayFromParts(year, month, 1);
  const end = week ? start + 7 : dayFromParts(year, month + 1, 1);
  // The month view draws its grid's six weeks (see `monthGrid`).
  const grid = view === 'month';
  const visibleStart = grid ? startOfWeek(start, options.firstWeekday) : start;
  return { view, anchor, unit, start, end, visibleStart, visibleEnd: grid ? visibleStart + MONTH_WEEKS * 7 : end };
}

/** The anchor one period before (`-1`) or after (`1`), or `steps` periods away. */
export function step(view: CalendarView, anchor: DayNumber, steps: number, options: NavigationOptions): DayNumber {
  if (unitOf(view, options) === 'week') return anchor + 7 * steps;
  const { year, month } = partsFromDay(anchor);
  return dayFromParts(year, month + steps, 1);
}

export const previous = (view: CalendarView, anchor: DayNumber, options: NavigationOptions): DayNumber => step(view, anchor, -1, options);
export const next = (view: CalendarView, anchor: DayNumber, options: NavigationOptions): DayNumber => step(view, anchor, 1, options);

/** The "today" anchor: today's date in the space's zone (not the browser's). */
export function todayAnchor(timeZone: string, now: number = Date.now()): DayNumber {
  return today(timeZone, now);
}

/** Whether a period shows a day (to disable "Today" when today is already shown). */
export function periodIncludes(period: Period, day: DayNumber): boolean {
  return day >= period.start && day < period.end;
}

/** The events a view needs: `listEvents` with `from` and `to` (overlap: ends after, starts before). */
export interface FetchWindow {
  /** RFC 3339 instants (UTC) for the `from` and `to` query parameters. */
  readonly from: string;
  readonly to: string;
  readonly fromMs: number;
  readonly toMs: number;
  /** The local days covered, `end` exclusive. */
  readonly start: DayNumber;
  readonly end: DayNumber;
}

/**
 * The instants bounding the days a view draws, in the space's zone: from the first drawn day's
 * start to the start of the day after the last. The API's `from` keeps what ends after it and `to`
 * what starts before it, so events overlapping the drawn days are exactly those listed.
 */
export function fetchWindow(view: CalendarView, anchor: DayNumber, options: NavigationOptions & { timeZone: string }): FetchWindow {
  const period = periodOf(view, anchor, options);
  return windowOfDays(period.visibleStart, period.visibleEnd, options.timeZone);
}

/** The fetch window of the local days `[start, end)`. */
export function windowOfDays(start: DayNumber, end: DayNumber, timeZone: string): FetchWindow {
  const fromMs = dayStart(start, timeZone);
  const toMs = dayStart(end, timeZone);
  return { from: instantString(fromMs), to: instantString(toMs), fromMs, toMs, start, end };
}

/** Whether events fetched for `outer` include all those `inner` needs (no new request needed). */
export function windowCovers(outer: FetchWindow, inner: FetchWindow): boolean {
  return outer.fromMs <= inner.fromMs && outer.toMs >= inner.toMs;
}

/** An instant as the spec writes them (`2026-03-01T09:00:00Z`, milliseconds only when there are some). */
export function instantString(instant: number): string {
  const iso = new Date(instant).toISOString();
  return iso.endsWith('.000Z') ? `${iso.slice(0, -5)}Z` : iso;
}
