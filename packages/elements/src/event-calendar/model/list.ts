/**
 * The list view (agenda): events grouped by local day, days in order, only days with events.
 *
 * A multi-day event is listed on every day it covers within the range (as Google Calendar's and
 * FullCalendar's list views do), so that each day's group tells what happens that day and the
 * list can start on any day; each entry says which day of the event it is (`dayIndex` of
 * `dayCount`) and how to show its time:
 * - `all-day`: an all-day event (every day of it);
 * - `timed`: a timed event within one day, from `startMinute` to `endMinute`;
 * - `starts`: the first day of a timed event running past midnight, from `startMinute`;
 * - `continues`: a day in the middle of a timed event, all day long;
 * - `ends`: the last day of a timed event that began earlier, until `endMinute`.
 *
 * Within a day: all-day and continuing entries first (in layout order), then the others by their
 * time on that day (an `ends` entry has run since midnight), longer first.
 */
import { compareItems, type CalendarEvent, type CalendarItem, type EventLike } from './items.ts';
import { dayCell, inLayoutOrder, type DayCell } from './month.ts';
import { MINUTES_PER_DAY, type DayNumber } from './zoned-date.ts';

export type ListEntryKind = 'all-day' | 'timed' | 'starts' | 'continues' | 'ends';

export interface ListEntry<E extends EventLike = CalendarEvent> {
  readonly item: CalendarItem<E>;
  readonly kind: ListEntryKind;
  /** Wall-clock minutes on this day: 0 … 1440 (0 and 1440 for all-day and continuing entries). */
  readonly startMinute: number;
  readonly endMinute: number;
  /** Which day of the event this is (1-based), and how many days it covers. */
  readonly dayIndex: number;
  readonly dayCount: number;
}

export interface ListDay<E extends EventLike = CalendarEvent> extends DayCell {
  readonly entries: readonly ListEntry<E>[];
}

export interface ListOptions {
  /** Today's local date, flagged `isToday`. */
  today?: DayNumber;
}

/**
 * The agenda of the local days `[from, to)`. `items` should be in layout order (sorted otherwise).
 * O(n + days + n log n within days).
 */
export function layoutList<E extends EventLike>(items: readonly CalendarItem<E>[], from: DayNumber, to: DayNumber, options: ListOptions = {}): ListDay<E>[] {
  const length = Math.max(0, to - from);
  const buckets: (ListEntry<E>[] | undefined)[] = new Array(length);
  for (const item of inLayoutOrder(items)) {
    if (item.lastDay < from || item.firstDay >= to) continue;
    const first = Math.max(item.firstDay, from);
    const last = Math.min(item.lastDay, to - 1);
    for (let d = first; d <= last; d++) {
      const entry = entryOn(item, d);
      (buckets[d - from] ??= []).push(entry);
    }
  }
  const days: ListDay<E>[] = [];
  for (let i = 0; i < length; i++) {
    const entries = buckets[i];
    if (!entries) continue;
    if (entries.length > 1) entries.sort(compareEntries);
    days.push({ ...dayCell(from + i, true, options.today), entries });
  }
  return days;
}

function entryOn<E extends EventLike>(item: CalendarItem<E>, day: DayNumber): ListEntry<E> {
  const dayIndex = day - item.firstDay + 1;
  const dayCount = item.days;
  if (item.allDay) return { item, kind: 'all-day', startMinute: 0, endMinute: MINUTES_PER_DAY, dayIndex, dayCount };
  const isFirst = day === item.firstDay;
  const isLast = day === item.lastDay;
  const kind: ListEntryKind = isFirst && isLast ? 'timed' : isFirst ? 'starts' : isLast ? 'ends' : 'continues';
  return {
    item,
    kind,
    startMinute: isFirst ? item.startMinute : 0,
    endMinute: isLast ? item.endMinute : MINUTES_PER_DAY,
    dayIndex,
    dayCount,
  };
}

const wholeDay = (kind: ListEntryKind) => kind === 'all-day' || kind === 'continues';

function compareEntries(a: ListEntry<EventLike>, b: ListEntry<EventLike>): number {
  const wa = wholeDay(a.kind);
  const wb = wholeDay(b.kind);
  if (wa !== wb) return wa ? -1 : 1;
  if (wa) return compareItems(a.item, b.item);
  return a.startMinute - b.startMinute || b.endMinute - a.endMinute || compareItems(a.item, b.item);
}
