/**
 * Which events the calendar shows: by tag, by visibility, with cancelled events kept (flagged
 * `cancelled` on their items, shown as such) unless asked otherwise.
 *
 * The server lists members-only events only with a member token, but the model does not rely on
 * it: an event with `visibility: members` is shown only when a member is signed in (a page may
 * hand events over itself, a token may have just been revoked, a cache may be stale).
 */
import type { CalendarItem, EventLike } from './items.ts';

/** What a filter reads of an event (the spec's `Event` has it). */
export interface FilterableEvent extends EventLike {
  readonly tags?: readonly string[];
  readonly visibility?: string;
}

export interface EventFilter {
  /** Show only events with at least one of these tags; none (or empty) means every event. */
  tags?: Iterable<string>;
  /** Whether a member is signed in: members-only events are hidden otherwise. */
  signedIn?: boolean;
  /** Whether cancelled events are shown (default `true`, flagged `cancelled`). */
  includeCancelled?: boolean;
}

/** A filter compiled once for many events. */
export type EventPredicate = (event: FilterableEvent) => boolean;

/** Compiles a filter into a predicate. */
export function eventPredicate(filter: EventFilter = {}): EventPredicate {
  const tags = filter.tags ? new Set(filter.tags) : undefined;
  const anyTag = tags !== undefined && tags.size > 0;
  const signedIn = filter.signedIn === true;
  const includeCancelled = filter.includeCancelled !== false;
  return (event) => {
    if (event.visibility === 'members' && !signedIn) return false;
    if (!includeCancelled && event.status === 'cancelled') return false;
    if (anyTag) {
      const own = event.tags;
      if (!own) return false;
      for (const tag of own) if (tags.has(tag)) return true;
      return false;
    }
    return true;
  };
}

/** Whether the filter shows the event. */
export function isShown(event: FilterableEvent, filter: EventFilter = {}): boolean {
  return eventPredicate(filter)(event);
}

/** The items the filter shows, in their order (layout order is kept). */
export function filterItems<E extends FilterableEvent>(items: readonly CalendarItem<E>[], filter: EventFilter = {}): CalendarItem<E>[] {
  const shown = eventPredicate(filter);
  return items.filter((item) => shown(item.event));
}

/** The events the filter shows, in their order. */
export function filterEvents<E extends FilterableEvent>(events: readonly E[], filter: EventFilter = {}): E[] {
  return events.filter(eventPredicate(filter));
}

export interface TagCount {
  readonly tag: string;
  readonly count: number;
}

/**
 * The tags of the given events (or items) with how many events carry each, sorted by tag: the
 * choices of a tag filter. Pass the events visible before the tag filter (visibility applied).
 */
export function tagCounts(events: Iterable<FilterableEvent | CalendarItem<FilterableEvent>>): TagCount[] {
  const counts = new Map<string, number>();
  for (const entry of events) {
    const event = 'event' in entry ? entry.event : entry;
    for (const tag of event.tags ?? []) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  }
  return [...counts].map(([tag, count]) => ({ tag, count })).sort((a, b) => (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0));
}
