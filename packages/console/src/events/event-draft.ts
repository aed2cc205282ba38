import type { components } from '@coworking-commons/client';
import { instantOf, localDate } from '@coworking-commons/elements';
import { addDays } from '../bookings/week.ts';
import { timeIn } from '../forms/zoned-time.ts';
import type { EventsMessages } from './messages.ts';

type Event = components['schemas']['Event'];
type EventCreate = components['schemas']['EventCreate'];
type Audience = components['schemas']['Audience'];
export type LocationKind = 'none' | 'resource' | 'text' | 'online';

/** An event as its form holds it: dates and times in the space's zone, as typed. */
export interface EventDraft {
  title: string;
  summary: string;
  description: string;
  date: string;
  endDate: string;
  startTime: string;
  endTime: string;
  allDay: boolean;
  locationKind: LocationKind;
  resourceId: string;
  place: string;
  url: string;
  capacity: string;
  waitlistEnabled: boolean;
  visibility: Event['visibility'];
  registrationRequired: boolean;
  audience: Audience[];
  tags: string;
  translations: Record<string, { title: string; summary: string; description: string }>;
}


export function draftOf(event: Event | undefined, timeZone: string, otherLanguages: readonly string[], today: string): EventDraft {
  const location = event?.location;
  const lastDay = event ? localDate(new Date(Date.parse(event.end) - 1), timeZone) : today;
  return {
    title: event?.title ?? '',
    summary: event?.summary ?? '',
    description: event?.description ?? '',
    date: event ? localDate(event.start, timeZone) : today,
    endDate: lastDay,
    startTime: event && !event.allDay ? timeIn(event.start, timeZone) : '18:30',
    endTime: event && !event.allDay ? timeIn(event.end, timeZone) : '20:00',
    allDay: event?.allDay ?? false,
    locationKind: location?.kind ?? 'none',
    resourceId: location?.kind === 'resource' ? location.resourceId : '',
    place: location?.kind === 'text' ? location.text : '',
    url: location?.kind === 'online' ? location.url : '',
    capacity: event?.capacity === undefined ? '' : String(event.capacity),
    waitlistEnabled: event?.waitlistEnabled ?? false,
    visibility: event?.visibility ?? 'public',
    registrationRequired: event?.registration.required ?? true,
    audience: event?.registration.audience ?? ['guest', 'member'],
    tags: (event?.tags ?? []).join(', '),
    translations: Object.fromEntries(
      otherLanguages.map((lang) => [lang, { title: event?.translations?.[lang]?.title ?? '', summary: event?.translations?.[lang]?.summary ?? '', description: event?.translations?.[lang]?.description ?? '' }]),
    ),
  };
}

/** The draft's start and end instants, when its dates and times are readable. */
export function draftTimes(draft: EventDraft, timeZone: string): { start: Date; end: Date } | undefined {
  const date = /^\d{4}-\d{2}-\d{2}$/;
  const time = /^([01]\d|2[0-3]):[0-5]\d$/;
  if (!date.test(draft.date) || !date.test(draft.endDate || draft.date)) return undefined;
  if (draft.allDay) return { start: instantOf(draft.date, '00:00', timeZone), end: instantOf(addDays(draft.endDate || draft.date, 1), '00:00', timeZone) };
  if (!time.test(draft.startTime) || !time.test(draft.endTime)) return undefined;
  return { start: instantOf(draft.date, draft.startTime, timeZone), end: instantOf(draft.endDate || draft.date, draft.endTime, timeZone) };
}

/** The draft as the spec's EventCreate (an update sends the same fields), or the fields to fix (by body path). */
export function eventBody(draft: EventDraft, timeZone: string, m: EventsMessages): { body: EventCreate } | { errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const title = draft.title.trim();
  if (title.length < 1 || title.length > 200) errors.title = m.errors.title;
  if (draft.summary.trim().length > 280) errors.summary = m.errors.summary;
  if (draft.description.length > 5000) errors.description = m.errors.description;
  const times = draftTimes(draft, timeZone);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.date)) errors.start = m.errors.date;
  else if (!times) errors.start = m.errors.time;
  else if (times.end.getTime() <= times.start.getTime()) errors.end = m.errors.order;
  let location: EventCreate['location'];
  if (draft.locationKind === 'resource') {
    if (draft.resourceId === '') errors.location = m.errors.room;
    else location = { kind: 'resource', resourceId: draft.resourceId };
  } else if (draft.locationKind === 'text') {
    const text = draft.place.trim();
    if (text.length < 1 || text.length > 300) errors.location = m.errors.place;
    else location = { kind: 'text', text };
  } else if (draft.locationKind === 'online') {
    const url = draft.url.trim();
    if (!/^https?:\/\/\S+$/.test(url) || url.length > 2048 || !URL.canParse(url)) errors.location = m.errors.link;
    else location = { kind: 'online', url };
  }
  let capacity: number | undefined;
  if (draft.capacity.trim() !== '') {
    capacity = Number(draft.capacity.trim());
    if (!Number.isInteger(capacity) || capacity < 1 || capacity > 100_000) errors.capacity = m.errors.capacity;
  }
  const tags = [...new Set(draft.tags.split(',').map((tag) => tag.trim().toLowerCase()).filter((tag) => tag !== ''))];
  if (tags.length > 20 || tags.some((tag) => tag.length > 40 || !/^[a-z0-9]+(?:[_-][a-z0-9]+)*$/.test(tag))) errors.tags = m.errors.tags;
  const translations: Record<string, Record<string, string>> = {};
  for (const [lang, texts] of Object.entries(draft.translations)) {
    const entry = Object.fromEntries(Object.entries(texts).map(([field, text]) => [field, text.trim()]).filter(([, text]) => text !== ''));
    if ((entry.title?.length ?? 0) > 200) errors[`translations/${lang}/title`] = m.errors.title;
    if ((entry.summary?.length ?? 0) > 280) errors[`translations/${lang}/summary`] = m.errors.summary;
    if (Object.keys(entry).length > 0) translations[lang] = entry;
  }
  if (Object.keys(errors).length > 0 || !times) return { errors };
  return {
    body: {
      title,
      summary: draft.summary.trim(),
      description: draft.description.trim(),
      start: times.start.toISOString(),
      end: times.end.toISOString(),
      allDay: draft.allDay,
      ...(location ? { location } : {}),
      ...(capacity !== undefined ? { capacity } : {}),
      waitlistEnabled: draft.waitlistEnabled,
      visibility: draft.visibility,
      registration: { required: draft.registrationRequired, audience: draft.audience },
      tags,
      translations,
    },
  };
}

/** What the calendar's preview shows: the draft as an event, as far as it reads. */
export function previewEvent(draft: EventDraft, timeZone: string, spaceId: string): Event | undefined {
  const times = draftTimes(draft, timeZone);
  if (!times || times.end.getTime() <= times.start.getTime()) return undefined;
  const capacity = Number(draft.capacity);
  const now = new Date().toISOString();
  return {
    id: 'ev_preview',
    spaceId,
    title: draft.title.trim() || '…',
    ...(draft.summary.trim() ? { summary: draft.summary.trim() } : {}),
    ...(draft.description.trim() ? { description: draft.description.trim() } : {}),
    start: times.start.toISOString(),
    end: times.end.toISOString(),
    allDay: draft.allDay,
    ...(draft.locationKind === 'text' && draft.place.trim() ? { location: { kind: 'text' as const, text: draft.place.trim() } } : {}),
    ...(draft.locationKind === 'online' && URL.canParse(draft.url.trim()) ? { location: { kind: 'online' as const, url: draft.url.trim() } } : {}),
    ...(draft.locationKind === 'resource' && draft.resourceId ? { location: { kind: 'resource' as const, resourceId: draft.resourceId } } : {}),
    ...(Number.isInteger(capacity) && capacity > 0 ? { capacity, seatsLeft: capacity } : {}),
    tags: draft.tags.split(',').map((tag) => tag.trim().toLowerCase()).filter((tag) => /^[a-z0-9]+(?:[_-][a-z0-9]+)*$/.test(tag)),
    waitlistEnabled: draft.waitlistEnabled,
    visibility: draft.visibility,
    status: 'scheduled',
    registration: { required: draft.registrationRequired, audience: draft.audience },
    createdAt: now,
    updatedAt: now,
  };
}
