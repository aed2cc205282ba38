/**
 * The booking operations for the fixture server (../support/fixture-server.ts answers the others):
 * availability computed from the opening hours and the bookings, quotes, bookings with
 * Idempotency-Key replays and conflicts, guest tokens, cancellation with If-Match, iCalendar.
 *
 * Exports:
 * - `bookingServer(options?)`: a FixtureServer with these routes, a pooled hot desk with a photo
 *   added to the fixture resources, and no bookings unless given.
 * - `bookingDay(offset?)`: a Paris date a few days ahead that the space is open (a weekday).
 * - `mountBooking(server, { lang, attrs })`: `<cowork-booking>` inside `<cowork-space>` (or alone with
 *   `standalone: true`), waiting until the first step shows.
 * - `$`, `$$`, `text`, `deep(el, selector)` (across the checkout's shadow root), `settle(el)`.
 */
import { fixture, html as testHtml, waitUntil } from '@open-wc/testing';
import { unsafeStatic, html } from 'lit/static-html.js';
import type { components } from '@coworking-commons/client';
import { createFixtureServer, problemResponse, type FixtureRequest, type FixtureServer, type FixtureServerOptions } from '../support/fixture-server.ts';
import { api, atParis, parisDate, resources as baseResources, spaceId } from '../support/fixtures.ts';
import { instantOf, localDate } from '../../src/localization/format.ts';
import type { CoworkBooking } from '../../src/booking/booking.ts';

type Resource = components['schemas']['Resource'];
type Booking = components['schemas']['Booking'];

const tz = 'Europe/Paris';
const weekdays = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** A Paris weekday (Tuesday to Friday) at least `offset` days ahead. */
export function bookingDay(offset = 3): string {
  for (let d = offset; ; d++) {
    const date = parisDate(d);
    const day = new Date(`${date}T12:00:00Z`).getUTCDay();
    if (day >= 2 && day <= 5) return date;
  }
}

export const photoUrl = () => new URL('/packages/elements/test/booking/photo.svg', location.href).href;

export function openSpace(): Resource {
  return {
    id: 'rs_open_space',
    type: 'hot_desk',
    name: 'Open space',
    description: 'Douze postes nomades face aux baies vitrées. Le café est compris.',
    capacity: 1,
    quantity: 12,
    amenities: ['wifi', 'natural_light', 'standing_desk', 'lockers'],
    images: [{ url: photoUrl(), alt: 'Des bureaux partagés baignés de lumière', width: 1200, height: 800 }],
    bookableBy: ['guest', 'member'],
    rules: { minDuration: 'PT1H', maxDuration: 'PT11H', granularity: 'PT30M', leadTime: 'PT0S', horizon: 'P60D', bufferBefore: 'PT0S', bufferAfter: 'PT0S', approvalRequired: false },
    offers: [
      { id: 'of_os_h_g', unit: 'hour', price: { amount: 500, currency: 'EUR' }, audience: 'guest' },
      { id: 'of_os_d_g', unit: 'day', price: { amount: 2500, currency: 'EUR' }, audience: 'guest' },
      { id: 'of_os_h_m', unit: 'hour', price: { amount: 300, currency: 'EUR' }, audience: 'member', label: 'Tarif membre' },
    ],
    translations: { en: { description: 'Twelve hot desks facing the glass front. Coffee included.' } },
    status: 'active',
  };
}

interface Stored {
  body: string;
  booking: Booking;
}

export interface BookingServer extends FixtureServer {
  /** Idempotency-Key → what it created. */
  keys: Map<string, Stored>;
  /** booking id → guest token. */
  guestTokens: Map<string, string>;
  /** Books a time as someone else would (for conflicts). */
  bookElsewhere(resourceId: string, start: string, end: string, quantity?: number): Booking;
}

const overlaps = (b: { start: string; end: string }, s: number, e: number) => Date.parse(b.start) < e && Date.parse(b.end) > s;

export function bookingServer(options: FixtureServerOptions = {}): BookingServer {
  let n = 0;
  const keys = new Map<string, Stored>();
  const guestTokens = new Map<string, string>();
  const server = createFixtureServer({ resources: [...baseResources(), openSpace()], bookings: [], ...options }) as BookingServer;
  const { state } = server;
  const live = (resourceId: string) => state.bookings.filter((b) => b.resourceId === resourceId && b.status !== 'cancelled');
  const used = (resourceId: string, s: number, e: number) => live(resourceId).filter((b) => overlaps(b, s, e)).reduce((sum, b) => sum + b.quantity, 0);
  const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
  const mayRead = (r: FixtureRequest, b: Booking) => (r.member && b.booker.memberId === r.member.id) || (r.query.get('guestToken') && guestTokens.get(b.id) === r.query.get('guestToken'));

  function make(r: { resourceId: string; start: string; end: string; quantity?: number; notes?: string; guest?: { name: string; email: string } }, member: FixtureRequest['member']): Booking {
    const resource = state.resources.find((x) => x.id === r.resourceId)!;
    const quantity = r.quantity ?? 1;
    const at = new Date().toISOString();
    return {
      id: `bk_test_${++n}`,
      spaceId,
      resourceId: r.resourceId,
      start: new Date(r.start).toISOString().replace('.000Z', 'Z'),
      end: new Date(r.end).toISOString().replace('.000Z', 'Z'),
      quantity,
      attendees: quantity,
      ...(r.notes ? { notes: r.notes } : {}),
      booker: member ? { kind: 'member', memberId: member.id, name: member.displayName, email: member.email } : { kind: 'guest', name: r.guest!.name, email: r.guest!.email },
      price: { amount: price(resource, member ? 'member' : 'guest', Date.parse(r.start), Date.parse(r.end), quantity), currency: 'EUR' },
      status: resource.rules.approvalRequired ? 'pending' : 'confirmed',
      createdAt: at,
      updatedAt: at,
      version: 1,
    };
  }

  server.keys = keys;
  server.guestTokens = guestTokens;
  server.bookElsewhere = (resourceId, start, end, quantity = 1) => {
    const b = make({ resourceId, start, end, quantity, guest: { name: 'Someone Else', email: 'else@example.org' } }, null);
    state.bookings.push(b);
    return b;
  };

  server.route('GET /spaces/{spaceId}/availability', (r) => {
    const from = Date.parse(r.query.get('from')!);
    const to = Date.parse(r.query.get('to')!);
    const quantity = Number(r.query.get('quantity') ?? 1);
    const id = r.query.get('resourceId');
    const audience = r.member ? 'member' : 'guest';
    if (id) {
      const resource = state.resources.find((x) => x.id === id);
      if (!resource) return problemResponse(404, 'not-found', 'Not Found');
      if (!resource.bookableBy.includes(audience)) return problemResponse(401, 'unauthorized', 'Unauthorized');
    }
    const list = state.resources.filter((x) => x.status === 'active' && (!id || x.id === id) && x.bookableBy.includes(audience) && x.quantity >= quantity);
    return {
      body: {
        spaceId,
        timeZone: tz,
        from: new Date(from).toISOString(),
        to: new Date(to).toISOString(),
        quantity,
        resources: list.map((x) => ({
          resourceId: x.id,
          quantity: x.quantity,
          rules: { granularity: x.rules.granularity, minDuration: x.rules.minDuration, maxDuration: x.rules.maxDuration },
          slots: slotsOf(x, from, to, quantity),
        })),
      },
    };
  });

  function slotsOf(x: Resource, from: number, to: number, quantity: number) {
    const slots: { start: string; end: string; remaining: number }[] = [];
    const now = Date.now();
    for (let date = localDate(from, tz); instantOf(date, '00:00', tz).getTime() < to; date = localDate(instantOf(date, '12:00', tz).getTime() + 86_400_000, tz)) {
      const day = weekdays[new Date(`${date}T12:00:00Z`).getUTCDay()];
      if (state.space.closures.some((c) => c.from <= date && date <= c.to)) continue;
      for (const range of (x.openingHours ?? state.space.openingHours).filter((o) => o.day === day)) {
        const s = Math.max(from, now, instantOf(date, range.opens, tz).getTime());
        const e = Math.min(to, instantOf(date, range.closes, tz).getTime());
        if (e <= s) continue;
        const points = [...new Set([s, e, ...live(x.id).flatMap((b) => [Date.parse(b.start), Date.parse(b.end)]).filter((p) => p > s && p < e)])].sort((a, b) => a - b);
        for (let i = 0; i < points.length - 1; i++) {
          const remaining = x.quantity - used(x.id, points[i]!, points[i + 1]!);
          if (remaining < quantity) continue;
          const last = slots.at(-1);
          const start = new Date(points[i]!).toISOString();
          if (last && last.end === start && last.remaining === remaining) last.end = new Date(points[i + 1]!).toISOString();
          else slots.push({ start, end: new Date(points[i + 1]!).toISOString(), remaining });
        }
      }
    }
    return slots;
  }

  function price(resource: Resource, audience: 'guest' | 'member', s: number, e: number, quantity: number): number {
    const offer = resource.offers.find((o) => o.audience === audience && o.unit === 'hour');
    return offer ? Math.round((offer.price.amount * (e - s) * quantity) / 3_600_000) : 0;
  }

  server.route('POST /spaces/{spaceId}/quotes', (r) => {
    const resource = state.resources.find((x) => x.id === r.body.resourceId);
    if (!resource) return problemResponse(404, 'not-found', 'Not Found');
    const audience = r.member ? 'member' : 'guest';
    const s = Date.parse(r.body.start);
    const e = Date.parse(r.body.end);
    const quantity = r.body.quantity ?? 1;
    const offer = resource.offers.find((o) => o.audience === audience && o.unit === 'hour');
    const total = price(resource, audience, s, e, quantity);
    const count = Math.ceil(((e - s) * quantity) / 3_600_000);
    return {
      body: {
        resourceId: resource.id,
        start: r.body.start,
        end: r.body.end,
        quantity,
        audience,
        lines: offer && total ? [{ offerId: offer.id, unit: 'hour', ...(offer.label ? { label: offer.label } : {}), count, unitPrice: offer.price, subtotal: { amount: total, currency: 'EUR' } }] : [],
        total: { amount: total, currency: 'EUR' },
      },
    };
  });

  server.route('POST /spaces/{spaceId}/bookings', (r) => {
    const key = r.headers.get('idempotency-key');
    if (!key) return problemResponse(400, 'validation-error', 'Bad Request', { errors: [{ pointer: '/header/Idempotency-Key', detail: 'required' }] });
    const text = JSON.stringify(r.body);
    const earlier = keys.get(key);
    if (earlier) {
      if (earlier.body !== text) return problemResponse(422, 'idempotency-key-reused', 'Unprocessable Content');
      return json(earlier.booking, 201, { etag: `"${earlier.booking.version}"`, 'idempotent-replayed': 'true' });
    }
    const resource = state.resources.find((x) => x.id === r.body.resourceId);
    if (!resource) return problemResponse(422, 'rule-violation', 'Unprocessable Content', { code: 'unknown_resource' });
    if (!r.member && !r.body.guest) return problemResponse(400, 'validation-error', 'Bad Request', { errors: [{ pointer: '/guest', detail: 'required' }] });
    if (r.member && r.body.guest) return problemResponse(400, 'validation-error', 'Bad Request', { errors: [{ pointer: '/guest', detail: 'not allowed' }] });
    if (r.body.guest && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(r.body.guest.email)) {
      return problemResponse(400, 'validation-error', 'Bad Request', { errors: [{ pointer: '/guest/email', detail: 'must be an email' }] });
    }
    if (!resource.bookableBy.includes(r.member ? 'member' : 'guest')) return problemResponse(422, 'rule-violation', 'Unprocessable Content', { code: 'audience' });
    const s = Date.parse(r.body.start);
    const e = Date.parse(r.body.end);
    if (used(resource.id, s, e) + (r.body.quantity ?? 1) > resource.quantity) {
      return problemResponse(409, 'booking-conflict', 'Conflict', { detail: 'The slot is no longer available.' });
    }
    const booking = make(r.body, r.member);
    state.bookings.push(booking);
    keys.set(key, { body: text, booking: structuredClone(booking) });
    let reply: Booking = booking;
    if (!r.member) {
      const token = `gt_${Array.from(crypto.getRandomValues(new Uint8Array(24)), (b) => b.toString(16).padStart(2, '0')).join('')}`;
      guestTokens.set(booking.id, token);
      reply = { ...booking, guestToken: token };
      keys.get(key)!.booking = structuredClone(reply);
    }
    return json(reply, 201, { etag: `"${booking.version}"`, location: `/spaces/${spaceId}/bookings/${booking.id}` });
  });

  server.route('GET /spaces/{spaceId}/bookings/{bookingId}', (r) => {
    const b = state.bookings.find((x) => x.id === r.params.bookingId);
    if (!b || !mayRead(r, b)) return problemResponse(404, 'not-found', 'Not Found');
    return json(b, 200, { etag: `"${b.version}"` });
  });

  server.route('POST /spaces/{spaceId}/bookings/{bookingId}/cancel', (r) => {
    const b = state.bookings.find((x) => x.id === r.params.bookingId);
    if (!b || !mayRead(r, b)) return problemResponse(404, 'not-found', 'Not Found');
    const ifMatch = r.headers.get('if-match');
    if (!ifMatch) return problemResponse(428, 'precondition-required', 'Precondition Required');
    if (ifMatch !== `"${b.version}"` && ifMatch !== '*') return problemResponse(412, 'precondition-failed', 'Precondition Failed');
    if (b.status === 'cancelled') return problemResponse(409, 'conflict', 'Conflict');
    const at = new Date().toISOString();
    Object.assign(b, { status: 'cancelled', updatedAt: at, version: b.version + 1, cancellation: { at, by: b.booker.kind } });
    return json(b, 200, { etag: `"${b.version}"` });
  });

  server.route('GET /spaces/{spaceId}/bookings/{bookingId}/booking.ics', (r) => {
    const b = state.bookings.find((x) => x.id === r.params.bookingId);
    if (!b || !mayRead(r, b)) return problemResponse(404, 'not-found', 'Not Found');
    const stamp = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d+/, '');
    const body = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'BEGIN:VEVENT', `UID:${b.id}@${spaceId}`, `DTSTART:${stamp(b.start)}`, `DTEND:${stamp(b.end)}`, 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');
    return new Response(body, { status: 200, headers: { 'content-type': 'text/calendar; charset=utf-8' } });
  });

  return server;
}

// ---------------------------------------------------------------------------------------------
// Mounting and reading the element

export interface MountOptions {
  lang?: string;
  /** Attributes of <cowork-booking> (resource, type, date, duration, theme). */
  attrs?: Record<string, string>;
  /** Without <cowork-space>: the element's own api and space attributes. */
  standalone?: boolean;
  /** Wait for this text before returning (default: the first step's heading). */
  until?: (el: CoworkBooking) => boolean;
}

export async function mountBooking(server: FixtureServer, options: MountOptions = {}): Promise<CoworkBooking> {
  const attrs = Object.entries(options.attrs ?? {})
    .map(([k, v]) => `${k}="${v}"`)
    .join(' ');
  const tag = unsafeStatic(`cowork-booking ${attrs}${options.standalone ? ` api="${api}" space="${spaceId}" storage="memory"` : ''}`);
  const booking = html`<${tag} .fetch=${options.standalone ? server.fetch : undefined}></cowork-booking>`;
  const root = await fixture<HTMLElement>(
    options.standalone
      ? testHtml`<div lang=${options.lang ?? 'en'}>${booking}</div>`
      : testHtml`<div lang=${options.lang ?? 'en'}><cowork-space api=${api} space=${spaceId} storage="memory" .fetch=${server.fetch}>${booking}</cowork-space></div>`,
  );
  const el = root.querySelector('cowork-booking')!;
  await waitUntil(options.until ? () => options.until!(el) : () => el.shadowRoot?.querySelector('.step-heading'), 'the booking widget shows its first step', { timeout: 5000 });
  await el.updateComplete;
  return el;
}

/** Finds `selector` in the widget's shadow root, then in the checkout's. */
export function deep<T extends Element = HTMLElement>(el: Element, selector: string): T | null {
  const root = el.shadowRoot!;
  return root.querySelector<T>(selector) ?? root.querySelector('cowork-booking-checkout')?.shadowRoot?.querySelector<T>(selector) ?? null;
}

export function deepAll<T extends Element = HTMLElement>(el: Element, selector: string): T[] {
  const root = el.shadowRoot!;
  return [...root.querySelectorAll<T>(selector), ...(root.querySelector('cowork-booking-checkout')?.shadowRoot?.querySelectorAll<T>(selector) ?? [])];
}

/** The visible text of the widget and its checkout, spaces collapsed. */
export function text(el: Element): string {
  const root = el.shadowRoot!;
  const inner = root.querySelector('cowork-booking-checkout')?.shadowRoot?.textContent ?? '';
  return `${root.textContent} ${inner}`.replace(/\s+/g, ' ');
}

/** Waits for the widget (and its checkout) to finish rendering. */
export async function settle(el: CoworkBooking): Promise<void> {
  await el.updateComplete;
  const checkout = el.shadowRoot!.querySelector('cowork-booking-checkout') as (HTMLElement & { updateComplete?: Promise<unknown> }) | null;
  await checkout?.updateComplete;
}

export { atParis, instantOf };
