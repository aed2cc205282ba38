/**
 * Events read once into calendar items: instants parsed, wall-clock days and minutes computed in
 * the space's time zone. Every view (month, week, list) lays out items, so switching views,
 * navigating or filtering never parses or converts an event again.
 */
import type { components } from '@coworking-commons/client';
import { DAY, MINUTE, MINUTES_PER_DAY, offsetsIn, type DayNumber } from './zoned-date.ts';

export type CalendarEvent = components['schemas']['Event'];

/** What the layouts need of an event; the spec's `Event` has it all. */
export interface EventLike {
  readonly id: string;
  readonly title?: string;
  readonly start: string;
  readonly end: string;
  readonly allDay: boolean;
  readonly status?: string;
}

/** An event placed on the wall calendar of the space's zone. */
export interface CalendarItem<E extends EventLike = CalendarEvent> {
  readonly event: E;
  readonly id: string;
  /** Start and end instants (ms); `end` ≥ `start`, exclusive. */
  readonly start: number;
  readonly end: number;
  /** The event's `allDay` (whole days from local midnight to local midnight, end exclusive). */
  readonly allDay: boolean;
  /** The event's status is `cancelled`: shown, marked as such. */
  readonly cancelled: boolean;
  /** The local day of the start. */
  readonly firstDay: DayNumber;
  /**
   * The last local day the event covers (inclusive): an end at local midnight, as every all-day
   * event's, does not cover the day it opens.
   */
  readonly lastDay: DayNumber;
  /** Wall-clock minutes after midnight of `firstDay` at the start (0 for all-day events). */
  readonly startMinute: number;
  /** Wall-clock minutes after midnight of `lastDay` at the end (1440 for an end at midnight). */
  readonly endMinute: number;
  /** Number of local days covered (`lastDay - firstDay + 1`). */
  readonly days: number;
}

/**
 * Reads events into items in `timeZone`, ordered for layout (`compareItems`). Events whose
 * `start` or `end` is not an instant are left out; an `end` before `start` is read as `start`.
 * No `Intl` call per event: offsets come from the zone cache (see `zoned-date.ts`).
 */
export function toCalendarItems<E extends EventLike>(events: readonly E[], timeZone: string): CalendarItem<E>[] {
  const offset = offsetsIn(timeZone);
  const items: CalendarItem<E>[] = [];
  for (const event of events) {
    const item = readItem(event, offset);
    if (item) items.push(item);
  }
  return items.sort(compareItems);
}

/** One event read into an item; `undefined` when its instants are not readable. */
export function toCalendarItem<E extends EventLike>(event: E, timeZone: string): CalendarItem<E> | undefined {
  return readItem(event, offsetsIn(timeZone));
}

function readItem<E extends EventLike>(event: E, offset: (instant: number) => number): CalendarItem<E> | undefined {
  const start = Date.parse(event.start);
  let end = Date.parse(event.end);
  if (Number.isNaN(start) || Number.isNaN(end)) return undefined;
  if (end < start) end = start;
  const wallStart = start + offset(start);
  const wallEnd = end + offset(end);
  const firstDay = Math.floor(wallStart / DAY);
  let lastDay = Math.floor(wallEnd / DAY);
  let endMinute = (wallEnd - lastDay * DAY) / MINUTE;
  if (endMinute === 0 && end > start && lastDay > firstDay) {
    lastDay -= 1;
    endMinute = MINUTES_PER_DAY;
  }
  const allDay = event.allDay === true;
  return {
    event,
    id: event.id,
    start,
    end,
    allDay,
    cancelled: event.status === 'cancelled',
    firstDay,
    lastDay,
    startMinute: allDay ? 0 : (wallStart - firstDay * DAY) / MINUTE,
    endMinute: allDay ? MINUTES_PER_DAY : endMinute,
    days: lastDay - firstDay + 1,
  };
}

/**
 * The layout order, FullCalendar's and most calendars': by first day, longer (more days) first,
 * all-day before timed, then by start instant, longer duration first, title, id.
 */
export function compareItems(a: CalendarItem<EventLike>, b: CalendarItem<EventLike>): number {
  return (
    a.firstDay - b.firstDay ||
    b.days - a.days ||
    (a.allDay === b.allDay ? 0 : a.allDay ? -1 : 1) ||
    a.start - b.start ||
    b.end - a.end ||
    compareText(a.event.title, b.event.title) ||
    compareText(a.id, b.id)
  );
}

function compareText(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  return a < b ? -1 : 1;
}

/** The items covering at least one day of `[from, to)` (day numbers), in the given order. */
export function itemsBetween<I extends CalendarItem<EventLike>>(items: readonly I[], from: DayNumber, to: DayNumber): I[] {
  const out: I[] = [];
  for (const item of items) if (item.lastDay >= from && item.firstDay < to) out.push(item);
  return out;
}

/**
 * The items covering a local day, in layout order: what a month cell's "+N more" opens, or the
 * day's agenda.
 */
export function itemsOnDay<I extends CalendarItem<EventLike>>(items: readonly I[], day: DayNumber): I[] {
  return itemsBetween(items, day, day + 1);
}
