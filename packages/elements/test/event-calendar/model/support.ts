// Events as the API returns them, for the model's tests.
import type { components } from '@coworking-commons/client';
import { instantOf, dayFromIso, DAY } from '../../../src/event-calendar/model/zoned-date.ts';
import { instantString } from '../../../src/event-calendar/model/navigation.ts';

export type Event = components['schemas']['Event'];

export const PARIS = 'Europe/Paris';

let counter = 0;

/** An event with the required fields; `start`/`end` are instants. */
export function event(fields: Partial<Event> & Pick<Event, 'start' | 'end'>): Event {
  counter++;
  return {
    id: `ev_${String(counter).padStart(4, '0')}`,
    spaceId: 'la-ruche',
    title: `Event ${counter}`,
    allDay: false,
    tags: [],
    waitlistEnabled: false,
    visibility: 'public',
    status: 'scheduled',
    registration: { required: false, audience: ['guest', 'member'] },
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    ...fields,
  };
}

/** The instant string of a wall-clock `YYYY-MM-DD` + `HH:MM` in a zone (Paris by default). */
export function at(date: string, time: string, timeZone = PARIS): string {
  const [h, m] = time.split(':').map(Number);
  return instantString(instantOf(date, h! * 60 + m!, timeZone));
}

/** A timed event from `date startTime` to `endDate endTime` (wall clock, Paris by default). */
export function timed(date: string, startTime: string, endTime: string, fields: Partial<Event> = {}, endDate = date, timeZone = PARIS): Event {
  return event({ start: at(date, startTime, timeZone), end: at(endDate, endTime, timeZone), ...fields });
}

/** An all-day event covering `first`…`last` inclusive (its end is the midnight after `last`). */
export function allDay(first: string, last: string, fields: Partial<Event> = {}, timeZone = PARIS): Event {
  const end = dayFromIso(last) + 1;
  return event({ start: at(first, '00:00', timeZone), end: instantString(instantOf(end, 0, timeZone)), allDay: true, ...fields });
}

export const day = dayFromIso;
export { DAY };
