/**
 * iCalendar (RFC 5545) documents of bookings and events, built with ical-generator.
 *
 * Instants come in as the API's RFC 3339 strings (the objects are the spec's `Booking`, `Event`,
 * `Space`, `Resource`) and are written in UTC (`DTSTART:20261201T090000Z`); all-day events are
 * written as `DATE` values of their dates in the space's zone (`DTEND` exclusive). The calendar
 * carries `X-WR-TIMEZONE` (the space's zone) only as a display hint; no `TZID` is used, so no
 * `VTIMEZONE` is needed. User text is escaped by ical-generator (TEXT escaping of `\ ; ,` and line
 * breaks) and lines are folded on UTF-8 octets. `DTSTAMP` is the object's `updatedAt`, so the same
 * object always gives the same bytes (good for ETags).
 */
import ical, { ICalCalendarMethod, ICalEventStatus, type ICalCalendar, type ICalEventData, type ICalLocation } from 'ical-generator';
import { DateTime } from 'luxon';
import type { components } from '@coworking-commons/client';

type Schemas = components['schemas'];
export type IcalSpace = Pick<Schemas['Space'], 'id' | 'name' | 'timeZone'> & Partial<Pick<Schemas['Space'], 'address' | 'geo' | 'description'>>;
export type IcalResource = Pick<Schemas['Resource'], 'id' | 'name'>;
export type IcalBooking = Pick<Schemas['Booking'], 'id' | 'start' | 'end' | 'status' | 'createdAt' | 'updatedAt'> &
  Partial<Pick<Schemas['Booking'], 'title' | 'notes' | 'version' | 'quantity'>>;
export type IcalEvent = Pick<Schemas['Event'], 'id' | 'title' | 'start' | 'end' | 'allDay' | 'status' | 'createdAt' | 'updatedAt'> &
  Partial<Pick<Schemas['Event'], 'summary' | 'description' | 'location' | 'tags'>>;

/** The media type of the documents. */
export const ICAL_CONTENT_TYPE = 'text/calendar; charset=utf-8';

const PRODID = { company: 'Coworking Commons', product: 'Reference server', language: 'EN' };

/** The UID of a booking's or an event's VEVENT: `<id>@<spaceId>.coworking-commons`. */
export function icalUid(id: string, spaceId: string): string {
  return `${id}@${spaceId}.coworking-commons`;
}

/** The space's address on one line (`12 rue des Lilas, 69001 Lyon, FR`), or `undefined`. */
export function formatAddress(address: Schemas['Address'] | undefined): string | undefined {
  if (!address) return undefined;
  const city = [address.postalCode, address.locality].filter(Boolean).join(' ');
  return [address.street, city, address.region, address.country].filter((p) => p && String(p).trim()).join(', ');
}

function spaceLocation(space: IcalSpace, title?: string): ICalLocation {
  const address = formatAddress(space.address);
  const location: ICalLocation = address
    ? title
      ? { title, address }
      : { title: address }
    : { title: title ?? space.name };
  if (space.geo) location.geo = { lat: space.geo.latitude, lon: space.geo.longitude };
  return location;
}

/**
 * The calendar's text with every content line ended by CRLF, the last one included (RFC 5545
 * §3.1): ical-generator leaves the final `END:VCALENDAR` bare.
 */
function calendarText(cal: ICalCalendar): string {
  const text = cal.toString();
  return text.endsWith('\r\n') ? text : `${text}\r\n`;
}

function newCalendar(space: IcalSpace, name: string): ICalCalendar {
  const cal = ical({ prodId: PRODID, method: ICalCalendarMethod.PUBLISH });
  // Set through x() rather than name()/timezone(): x() escapes the text, and timezone() would
  // switch every date to TZID form.
  cal.x('X-WR-CALNAME', name);
  cal.x('X-WR-TIMEZONE', space.timeZone);
  return cal;
}

const BOOKING_STATUS: Record<Schemas['BookingStatus'], ICalEventStatus> = {
  confirmed: ICalEventStatus.CONFIRMED,
  pending: ICalEventStatus.TENTATIVE,
  cancelled: ICalEventStatus.CANCELLED,
};

/** One booking as a calendar with one VEVENT (downloadable `.ics`). */
export function bookingCalendar({ booking, resource, space }: { booking: IcalBooking; resource: IcalResource; space: IcalSpace }): string {
  const cal = newCalendar(space, `${space.name}: ${resource.name}`);
  const data: ICalEventData = {
    id: icalUid(booking.id, space.id),
    sequence: Math.max(0, (booking.version ?? 1) - 1),
    stamp: new Date(booking.updatedAt),
    created: new Date(booking.createdAt),
    lastModified: new Date(booking.updatedAt),
    start: new Date(booking.start),
    end: new Date(booking.end),
    summary: booking.title ? `${resource.name}: ${booking.title}` : resource.name,
    location: spaceLocation(space),
    status: BOOKING_STATUS[booking.status],
  };
  if (booking.notes) data.description = booking.notes;
  cal.createEvent(data);
  return calendarText(cal);
}

function eventData(event: IcalEvent, space: IcalSpace, resourceName: (id: string) => string | undefined): ICalEventData {
  const created = Date.parse(event.createdAt);
  const updated = Date.parse(event.updatedAt);
  const data: ICalEventData = {
    id: icalUid(event.id, space.id),
    // Events carry no version: seconds since creation only grow with each change.
    sequence: Math.max(0, Math.floor((updated - created) / 1000)),
    stamp: new Date(updated),
    created: new Date(created),
    lastModified: new Date(updated),
    summary: event.title,
    status: event.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    start: new Date(event.start),
    end: new Date(event.end),
  };
  if (event.allDay) {
    data.allDay = true;
    // DATE values: the dates in the space's zone (a luxon DateTime keeps its zone in ical-generator).
    data.start = DateTime.fromISO(event.start, { zone: space.timeZone });
    data.end = DateTime.fromISO(event.end, { zone: space.timeZone });
  }
  const text = [event.summary, event.description].filter((t): t is string => !!t && t.trim() !== '').join('\n\n');
  if (text) data.description = text;
  const loc = event.location;
  if (loc?.kind === 'text') data.location = { title: loc.text };
  else if (loc?.kind === 'online') {
    data.location = { title: loc.url };
    // ical-generator TEXT-escapes URL values; only emit URL when escaping leaves it intact.
    if (!/[\\;,]/.test(loc.url)) data.url = loc.url;
  } else if (loc?.kind === 'resource') data.location = spaceLocation(space, resourceName(loc.resourceId) ?? space.name);
  else data.location = spaceLocation(space);
  if (event.tags?.length) data.categories = event.tags.map((name) => ({ name }));
  return data;
}

export interface EventsCalendarInput {
  space: IcalSpace;
  events: readonly IcalEvent[];
  /** Names of the space's resources, for events located in one. */
  resources?: readonly IcalResource[];
  /** The feed's name. Default: "<space name>: events". */
  name?: string;
}

/** The space's events as a feed to subscribe to: one VEVENT per event, cancelled ones kept with `STATUS:CANCELLED`. */
export function eventsCalendar({ space, events, resources = [], name }: EventsCalendarInput): string {
  const cal = newCalendar(space, name ?? `${space.name}: events`);
  const names = new Map(resources.map((r) => [r.id, r.name]));
  for (const event of events) cal.createEvent(eventData(event, space, (id) => names.get(id)));
  return calendarText(cal);
}

/** One event as a calendar with one VEVENT (downloadable `.ics`). */
export function eventCalendar({ space, event, resources = [] }: { space: IcalSpace; event: IcalEvent; resources?: readonly IcalResource[] }): string {
  const cal = newCalendar(space, `${space.name}: ${event.title}`);
  const names = new Map(resources.map((r) => [r.id, r.name]));
  cal.createEvent(eventData(event, space, (id) => names.get(id)));
  return calendarText(cal);
}
