/**
 * Support for the event calendar's browser tests: spec-shaped events and a fixture server that
 * answers the events and registrations operations like the reference server (seats, waitlist and
 * its promotions, guest tokens, members-only visibility, pagination by 100).
 *
 * Exports:
 * - `calendarServer(options)`: `createFixtureServer()` plus `events` (change them freely),
 *   `registrations`, routes for listEvents, getEvent, getEventIcal, getEventFeed,
 *   createRegistration, listRegistrations, cancelRegistration, getResource (built in).
 * - `ev(fields)`: an Event with the required fields (ids `ev_1`, `ev_2`… unless given).
 * - `timedAt(date, start, end, fields?)`, `allDayFrom(first, last, fields?)`: Paris wall clock.
 * - `futureDate(days)`: the Paris date `days` from today (registration is open for future events).
 * - `nextFrame()`, `settle(element)`: wait for rendering.
 */
import type { components } from '@coworking-commons/client';
import { createFixtureServer, problemResponse, type FixtureServer, type FixtureServerOptions } from '../support/fixture-server.ts';
import { atParis, parisDate } from '../support/fixtures.ts';

export type Event = components['schemas']['Event'];
export type Registration = components['schemas']['Registration'];

let counter = 0;

export function ev(fields: Partial<Event> & Pick<Event, 'start' | 'end'>): Event {
  counter++;
  return {
    id: `ev_${counter}`,
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

/** A timed event on a Paris date, `start`–`end` wall clock ("09:00"); `endDate` for overnight ones. */
export function timedAt(date: string, start: string, end: string, fields: Partial<Event> = {}, endDate = date): Event {
  return ev({ start: atParis(date, start), end: atParis(endDate, end), ...fields });
}

/** An all-day event from `first` to `last` inclusive (Paris). */
export function allDayFrom(first: string, last: string, fields: Partial<Event> = {}): Event {
  const next = new Date(Date.parse(`${last}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return ev({ start: atParis(first, '00:00'), end: atParis(next, '00:00'), allDay: true, ...fields });
}

export const futureDate = (days: number) => parisDate(days);

export interface CalendarServer extends FixtureServer {
  events: Event[];
  registrations: (Registration & { guestToken?: string })[];
}

export function calendarServer(options: FixtureServerOptions & { events?: Event[] } = {}): CalendarServer {
  const server = createFixtureServer(options) as CalendarServer;
  server.events = options.events ?? [];
  server.registrations = [];
  let regCounter = 0;
  const json = (body: unknown, status = 200, headers: Record<string, string> = {}) => ({ status, body, headers });
  const find = (id: string, member: unknown) => server.events.find((e) => e.id === id && (e.visibility === 'public' || member));
  const seated = (eventId: string) => server.registrations.filter((r) => r.eventId === eventId && r.status === 'registered').length;
  const withSeats = (e: Event): Event => (e.capacity === undefined ? e : { ...e, seatsLeft: Math.max(0, e.capacity - seated(e.id)) });
  const renumber = (eventId: string) => {
    let position = 0;
    for (const r of [...server.registrations].reverse()) {
      if (r.eventId !== eventId) continue;
      if (r.status === 'waitlisted') r.waitlistPosition = ++position;
      else delete r.waitlistPosition;
    }
  };
  const visible = ({ guestToken: _, ...r }: Registration & { guestToken?: string }) => r;

  server.route('GET /spaces/{spaceId}/events', (r) => {
    const from = r.query.get('from');
    const to = r.query.get('to');
    const limit = Number(r.query.get('limit') ?? 20);
    const offset = Number(r.query.get('cursor') ?? 0);
    const all = server.events
      .filter((e) => e.visibility === 'public' || r.member)
      .filter((e) => (!from || Date.parse(e.end) > Date.parse(from)) && (!to || Date.parse(e.start) < Date.parse(to)))
      .sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
    const items = all.slice(offset, offset + limit).map(withSeats);
    return json(offset + limit < all.length ? { items, nextCursor: String(offset + limit) } : { items });
  });
  server.route('GET /spaces/{spaceId}/events/{eventId}', (r) => {
    const e = find(r.params.eventId!, r.member);
    return e ? json(withSeats(e)) : problemResponse(404, 'not-found', 'Not Found');
  });
  server.route('GET /spaces/{spaceId}/events/{eventId}/event.ics', (r) => {
    const e = find(r.params.eventId!, r.member);
    if (!e) return problemResponse(404, 'not-found', 'Not Found');
    return new Response(`BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:${e.id}@la-ruche\r\nSUMMARY:${e.title}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n`, { headers: { 'content-type': 'text/calendar' } });
  });
  server.route('GET /spaces/{spaceId}/resources/{resourceId}', (r) => {
    const resource = server.state.resources.find((x) => x.id === r.params.resourceId);
    return resource ? json(resource) : problemResponse(404, 'not-found', 'Not Found');
  });
  server.route('POST /spaces/{spaceId}/events/{eventId}/registrations', (r) => {
    const e = find(r.params.eventId!, r.member);
    if (!e) return problemResponse(404, 'not-found', 'Not Found');
    const kind = r.member ? 'member' : 'guest';
    const rule = (code: string) => problemResponse(422, 'rule-violation', 'Unprocessable Content', { code });
    if (e.status === 'cancelled') return rule('event_cancelled');
    if (!e.registration.audience.includes(kind)) return rule('audience_not_allowed');
    if (Date.now() >= Date.parse(e.registration.closesAt ?? e.start)) return rule('registration_closed');
    if (!r.member && !r.body?.guest) return problemResponse(400, 'validation-error', 'Bad Request', { errors: [{ pointer: '/guest', detail: 'required' }] });
    const same = server.registrations.find(
      (x) => x.eventId === e.id && x.status !== 'cancelled' && (r.member ? x.registrant.memberId === r.member.id : x.registrant.email === r.body.guest.email),
    );
    if (same) return problemResponse(409, 'conflict', 'Conflict');
    const full = e.capacity !== undefined && seated(e.id) >= e.capacity;
    if (full && !e.waitlistEnabled) return rule('event_full');
    const registration: Registration & { guestToken?: string } = {
      id: `rg_${++regCounter}`,
      eventId: e.id,
      spaceId: 'la-ruche',
      registrant: r.member ? { kind: 'member', memberId: r.member.id, name: r.member.displayName, email: r.member.email } : { kind: 'guest', name: r.body.guest.name, email: r.body.guest.email },
      status: full ? 'waitlisted' : 'registered',
      ...(r.body?.note ? { note: r.body.note } : {}),
      createdAt: new Date().toISOString(),
      ...(r.member ? {} : { guestToken: `gt_${regCounter}_${'x'.repeat(32)}` }),
    };
    server.registrations.unshift(registration);
    renumber(e.id);
    return json(registration, 201);
  });
  server.route('GET /spaces/{spaceId}/registrations', (r) => {
    if (!r.member) return problemResponse(401, 'unauthorized', 'Unauthorized');
    const eventId = r.query.get('eventId');
    const items = server.registrations.filter((x) => x.registrant.memberId === r.member!.id && (!eventId || x.eventId === eventId)).map(visible);
    return json({ items });
  });
  server.route('POST /spaces/{spaceId}/registrations/{registrationId}/cancel', (r) => {
    const registration = server.registrations.find((x) => x.id === r.params.registrationId);
    const guestToken = r.query.get('guestToken');
    const mine = registration && (r.member ? registration.registrant.memberId === r.member.id : registration.guestToken && registration.guestToken === guestToken);
    if (!registration || !mine) return problemResponse(404, 'not-found', 'Not Found');
    if (registration.status === 'cancelled') return problemResponse(409, 'conflict', 'Conflict');
    const wasSeated = registration.status === 'registered';
    Object.assign(registration, { status: 'cancelled', cancelledAt: new Date().toISOString() });
    if (wasSeated) {
      const next = server.registrations.filter((x) => x.eventId === registration.eventId && x.status === 'waitlisted').at(-1);
      if (next) next.status = 'registered';
    }
    renumber(registration.eventId);
    return json(visible(registration));
  });
  return server;
}

export const nextFrame = () => new Promise((wake) => requestAnimationFrame(() => requestAnimationFrame(wake)));

/** Waits until the element has rendered and nothing is loading. */
export async function settle(element: HTMLElement & { updateComplete: Promise<unknown> }): Promise<void> {
  for (let i = 0; i < 50; i++) {
    await element.updateComplete;
    await new Promise((wake) => setTimeout(wake, 10));
    const root = element.shadowRoot!;
    if (!root.querySelector('[aria-busy="true"], .state.loading')) break;
  }
  await element.updateComplete;
}

export type Calendar = import('../../src/event-calendar/event-calendar.ts').CoworkEventCalendar;

export const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector);
export const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<T>(selector)];
/** The visible text of the element's shadow root, whitespace collapsed. */
export const textOf = (el: Element) => (el.shadowRoot!.textContent ?? '').replace(/\s+/g, ' ');
/** The text announced by the live region (it sets it 100 ms after `announce`). */
export async function announced(el: Element): Promise<string> {
  await new Promise((wake) => setTimeout(wake, 150));
  return $(el, '[role="status"][aria-live="polite"][aria-atomic="true"]')?.textContent?.trim() ?? '';
}
/** The segments (month), blocks (week) or entries (list) drawn for an event. */
export const drawn = (el: Element, id: string) => $$(el, `.view [data-id="${id}"]`);
/** The open dialog, once open. */
export const openDialog = (el: Element) => $<HTMLDialogElement>(el, 'dialog[open]');
