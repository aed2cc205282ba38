/**
 * Words and formats of the event calendar, in the active language (`msg()`), shared by its views
 * and its dialog.
 *
 * Exports:
 * - `CalendarEvent`, `Registration`, `RegistrationCreated` (spec types).
 * - `Texts`: what a view needs to write an event: `title(event)` (translated), `time(minute)`
 *   (cached wall-clock labels), `day(dayNumber)` (cached "Tuesday 3 March 2026").
 * - `makeTexts(locale, lang)`: a `Texts` for a locale (Intl) and a language tag (translations).
 * - `viewLabel(view)`: "Month" / "Week" / "List".
 * - `entryTime(entry, texts)`: how the list view tells an entry's time ("All day", "10:00 – 11:30",
 *   "From 22:00", "Until 02:00", "All day (day 2 of 3)").
 * - `safeUrl(url)`: the URL when it is http(s), else undefined (never a `javascript:` link).
 * - `tagLabel(tag)`: a tag slug for people ("open-house" → "open house").
 */
import { msg, str } from '@lit/localize';
import type { components } from '@coworking-commons/client';
import { translated } from '../localization/translated.ts';
import type { ListEntry } from './model/list.ts';
import { dayLabels, timeLabels } from './model/labels.ts';
import type { CalendarView } from './model/navigation.ts';
import type { DayNumber } from './model/zoned-date.ts';
import { useMessages } from '../localization/localization.ts';
import messages from '../localization/generated/event-calendar.ts';

useMessages(messages);

export type CalendarEvent = components['schemas']['Event'];
export type Registration = components['schemas']['Registration'];
export type RegistrationCreated = components['schemas']['RegistrationCreated'];

export interface Texts {
  locale: string;
  /** The event's title in the visitor's language when the space translated it. */
  title(event: CalendarEvent): string;
  /** "10:00" / "10 AM" of a wall-clock minute. */
  time(minute: number): string;
  /** "Tuesday 3 March 2026". */
  day(day: DayNumber): string;
}

export function makeTexts(locale: string, lang: string): Texts {
  const time = timeLabels(locale, { timeStyle: 'short' });
  const day = dayLabels(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  // A translation lookup per event and language, cached: the month view writes 1,000 titles.
  const titles = new WeakMap<CalendarEvent, string>();
  return {
    locale,
    title(event) {
      let title = titles.get(event);
      if (title === undefined) titles.set(event, (title = translated(event, 'title', lang)));
      return title;
    },
    time,
    day,
  };
}

export function viewLabel(view: CalendarView): string {
  return view === 'month' ? msg('Month') : view === 'week' ? msg('Week') : msg('List');
}

export function entryTime(entry: ListEntry<CalendarEvent>, texts: Texts): string {
  const part = entry.dayCount > 1 ? msg(str`day ${entry.dayIndex} of ${entry.dayCount}`) : '';
  switch (entry.kind) {
    case 'all-day':
      return part ? msg(str`All day (${part})`) : msg('All day');
    case 'continues':
      return msg(str`All day (${part})`);
    case 'starts':
      return msg(str`From ${texts.time(entry.startMinute)}`);
    case 'ends':
      return msg(str`Until ${texts.time(entry.endMinute)}`);
    default:
      return `${texts.time(entry.startMinute)} – ${texts.time(entry.endMinute)}`;
  }
}

export function safeUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

export function tagLabel(tag: string): string {
  return tag.replace(/[-_]+/g, ' ');
}
