// The stories' fixture API answers as the spec says: every answer of the flows the stories go
// through (reads, sign-in, booking, registration, the directory, failures) is checked against the
// bundled spec, so the stories show what a real server would send.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { openWeekday, atParis } from '../../stories/fixtures/clock.ts';
import { createFixtureApi, type FixtureApiOptions } from '../../stories/fixtures/fixture-api.ts';
import { api, spaceId } from '../../stories/fixtures/space.ts';
import { specValidator } from './spec-validator.ts';

const spec = specValidator();
const assets = 'https://storybook.example/assets/';

interface Call {
  query?: Record<string, string>;
  body?: unknown;
  token?: string;
  headers?: Record<string, string>;
  params?: Record<string, string>;
}

function client(options: Partial<FixtureApiOptions> = {}) {
  const fixture = createFixtureApi({ assets, ...options });
  async function call(route: string, { query, body, token, headers, params = {} }: Call = {}): Promise<{ status: number; body: any }> {
    const [method, template] = route.split(' ') as [string, string];
    const path = template.replace(/\{(\w+)\}/g, (_, name: string) => (name === 'spaceId' ? spaceId : params[name]!));
    const url = new URL(api + path);
    for (const [name, value] of Object.entries(query ?? {})) url.searchParams.set(name, value);
    const response = await fixture.fetch(url, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const violations = await spec.check(route, response.clone());
    assert.deepEqual(violations, [], `${route} → ${response.status}`);
    const type = response.headers.get('content-type') ?? '';
    return { status: response.status, body: /json/.test(type) ? await response.json() : await response.text() };
  }
  return { fixture, call };
}

describe('the stories’ fixture API', () => {
  it('answers the public reads as the spec says', async () => {
    const { call } = client();
    assert.equal((await call('GET /.well-known/coworking-commons')).status, 200);
    assert.equal((await call('GET /spaces/{spaceId}')).body.name, 'La Ruche');
    const resources = (await call('GET /spaces/{spaceId}/resources', { query: { limit: '100' } })).body.items;
    assert.equal(resources.length, 4);
    assert.equal((await call('GET /spaces/{spaceId}/resources/{resourceId}', { params: { resourceId: 'rs_atelier' } })).status, 200);
    assert.equal((await call('GET /spaces/{spaceId}/resources/{resourceId}', { params: { resourceId: 'rs_none' } })).status, 404);
    const events = (await call('GET /spaces/{spaceId}/events', { query: { limit: '100' } })).body.items;
    assert.ok(events.length >= 8);
    assert.ok(events.every((e: { visibility: string }) => e.visibility === 'public'));
    assert.equal((await call('GET /spaces/{spaceId}/events/{eventId}', { params: { eventId: 'ev_ecodesign' } })).status, 200);
    assert.equal((await call('GET /spaces/{spaceId}/events/{eventId}/event.ics', { params: { eventId: 'ev_ecodesign' } })).status, 200);
    const cards = await call('GET /spaces/{spaceId}/members', { query: { limit: '8' } });
    assert.equal(cards.body.items.length, 8);
    assert.ok(cards.body.nextCursor);
    assert.equal((await call('GET /spaces/{spaceId}/members', { query: { q: 'developpeur' } })).body.items[0].displayName, 'Yanis Benali');
    assert.equal((await call('GET /spaces/{spaceId}/members/{memberId}', { params: { memberId: 'mb_yanis' } })).status, 200);
    assert.equal((await call('GET /spaces/{spaceId}/members/{memberId}', { params: { memberId: 'mb_hugo' } })).status, 404);
  });

  it('books as a guest: availability, quote, booking (replayed with its key), iCalendar, cancellation', async () => {
    const { call } = client();
    const day = openWeekday(3);
    const window = { from: atParis(day, '00:00'), to: atParis(day, '23:59'), resourceId: 'rs_atelier' };
    const availability = (await call('GET /spaces/{spaceId}/availability', { query: window })).body;
    // Camille's workshop takes 10:00–12:00.
    const free = (start: string, end: string) => ({ start: atParis(day, start), end: atParis(day, end), remaining: 1 });
    assert.deepEqual(availability.resources[0].slots, [free('08:00', '10:00'), free('12:00', '19:00')]);
    const booking = { resourceId: 'rs_atelier', start: atParis(day, '14:00'), end: atParis(day, '15:00'), guest: { name: 'Alex Martin', email: 'alex@example.org' } };
    assert.equal((await call('POST /spaces/{spaceId}/quotes', { body: { resourceId: 'rs_atelier', start: booking.start, end: booking.end } })).body.total.amount, 3500);
    const made = await call('POST /spaces/{spaceId}/bookings', { body: booking, headers: { 'idempotency-key': 'key-1' } });
    assert.equal(made.status, 201);
    assert.equal((await call('POST /spaces/{spaceId}/bookings', { body: booking, headers: { 'idempotency-key': 'key-1' } })).body.id, made.body.id);
    assert.equal((await call('POST /spaces/{spaceId}/bookings', { body: booking, headers: { 'idempotency-key': 'key-2' } })).status, 409);
    const params = { bookingId: made.body.id };
    const guestToken = made.body.guestToken;
    assert.equal((await call('GET /spaces/{spaceId}/bookings/{bookingId}/booking.ics', { params, query: { guestToken } })).status, 200);
    const slots = (await call('GET /spaces/{spaceId}/availability', { query: window })).body.resources[0].slots;
    assert.deepEqual(slots, [free('08:00', '10:00'), free('12:00', '14:00'), free('15:00', '19:00')]);
    const cancelled = await call('POST /spaces/{spaceId}/bookings/{bookingId}/cancel', { params, query: { guestToken }, headers: { 'if-match': '"1"' }, body: {} });
    assert.equal(cancelled.body.status, 'cancelled');
  });

  it('signs a member in with the code, and answers their bookings, record and registrations', async () => {
    const { call } = client();
    const email = 'camille.durand@example.org';
    assert.equal((await call('POST /spaces/{spaceId}/auth/code', { body: { email } })).status, 202);
    assert.equal((await call('POST /spaces/{spaceId}/auth/token', { body: { email, code: '000000' } })).status, 401);
    assert.equal((await call('POST /spaces/{spaceId}/auth/code', { body: { email } })).status, 202);
    const token = (await call('POST /spaces/{spaceId}/auth/token', { body: { email, code: '123456' } })).body.token;
    const bookings = (await call('GET /spaces/{spaceId}/bookings', { token, query: { from: new Date().toISOString() } })).body.items;
    assert.deepEqual(bookings.map((b: { id: string }) => b.id), ['bk_soon', 'bk_workshop', 'bk_desk', 'bk_cancelled', 'bk_pending']);
    const soon = await call('POST /spaces/{spaceId}/bookings/{bookingId}/cancel', { token, params: { bookingId: 'bk_soon' }, headers: { 'if-match': '"1"' }, body: {} });
    assert.equal(soon.body.code, 'cancellation_notice');
    assert.equal((await call('GET /spaces/{spaceId}/me', { token })).body.email, email);
    assert.equal((await call('PATCH /spaces/{spaceId}/me', { token, body: { headline: 'Designer de services' } })).body.headline, 'Designer de services');
    assert.equal((await call('PATCH /spaces/{spaceId}/me', { token, body: { links: [{ url: 'ftp://x' }] } })).status, 400);
    const members = (await call('GET /spaces/{spaceId}/events', { token, query: { limit: '100' } })).body.items;
    assert.ok(members.some((e: { visibility: string }) => e.visibility === 'members'));
    const seat = await call('POST /spaces/{spaceId}/events/{eventId}/registrations', { token, params: { eventId: 'ev_ecodesign' }, body: {} });
    assert.equal(seat.body.status, 'registered');
    const waiting = await call('POST /spaces/{spaceId}/events/{eventId}/registrations', { token, params: { eventId: 'ev_invoicing' }, body: {} });
    assert.equal(waiting.body.status, 'waitlisted');
    assert.equal((await call('GET /spaces/{spaceId}/registrations', { token })).body.items.length, 2);
    assert.equal((await call('POST /spaces/{spaceId}/registrations/{registrationId}/cancel', { token, params: { registrationId: seat.body.id }, body: {} })).body.status, 'cancelled');
    assert.equal((await call('DELETE /spaces/{spaceId}/auth/token', { token })).status, 204);
    assert.equal((await call('GET /spaces/{spaceId}/me', { token })).status, 401);
  });

  it('follows the directory policy and the features, and fails as told', async () => {
    const staffOnly = client({ change: (data) => (data.space.policies.directoryVisibility = 'staff') });
    assert.equal((await staffOnly.call('GET /spaces/{spaceId}/members')).status, 401);
    const token = staffOnly.fixture.signIn().token;
    assert.equal((await staffOnly.call('GET /spaces/{spaceId}/members', { token })).status, 403);
    const noDirectory = client({ change: (data) => (data.features = data.features.filter((f) => f !== 'member-directory')) });
    assert.equal((await noDirectory.call('GET /spaces/{spaceId}/members')).status, 501);
    assert.ok(!(await noDirectory.call('GET /.well-known/coworking-commons')).body.features.includes('member-directory'));
    const failing = client({ fail: ['GET /spaces/{spaceId}'] });
    assert.equal((await failing.call('GET /spaces/{spaceId}')).status, 500);
    const offline = createFixtureApi({ assets, offline: true });
    await assert.rejects(offline.fetch(`${api}/spaces/${spaceId}`), TypeError);
  });
});
