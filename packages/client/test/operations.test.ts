// The generated per-operation functions, the typed request by route and the REST client:
// URLs, parameters, bodies, automatic Idempotency-Keys and the shapes of what they return.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import {
  createBooking,
  createClient,
  createRegistration,
  deleteEvent,
  getBooking,
  getBookingIcal,
  getSpace,
  listBookings,
  listEvents,
  rescheduleBooking,
} from '../src/index.ts';
import { createRestClient } from '../src/rest.ts';
import { booking, bookingCreate, ical, registration, space, uuidLike } from './support/fixtures.ts';
import { header, sendJson, startTestServer, type TestServer } from './support/test-server.ts';

let server: TestServer;
before(async () => {
  server = await startTestServer();
});
after(() => server.close());
beforeEach(() => server.reset());

describe('URLs and parameters', () => {
  test('getSpace builds the path from its parameter', async () => {
    server.handle((_q, response) => sendJson(response, 200, space));
    const client = createClient({ baseUrl: server.url });
    const { data } = await getSpace(client, { path: { spaceId: 'la-ruche' } });
    assert.equal(data.name, 'La Ruche');
    assert.equal(server.requests[0]?.method, 'GET');
    assert.equal(server.requests[0]?.url, '/spaces/la-ruche');
    assert.equal(server.requests[0]?.body, '');
  });

  test('path parameters are percent-encoded, one segment each', async () => {
    server.handle((_q, response) => sendJson(response, 200, booking('bk/1 ?#é')));
    const client = createClient({ baseUrl: `${server.url}/api` });
    await getBooking(client, { path: { spaceId: 'la ruche', bookingId: 'bk/1 ?#é' } });
    assert.equal(server.requests[0]?.url, '/api/spaces/la%20ruche/bookings/bk%2F1%20%3F%23%C3%A9');
  });

  test('a missing path parameter is refused before any request', async () => {
    const client = createClient({ baseUrl: server.url });
    await assert.rejects(client.call({ route: 'GET /spaces/{spaceId}', path: {} }), TypeError);
    assert.equal(server.requests.length, 0);
  });

  test('query parameters are sent, undefined ones left out', async () => {
    server.handle((_q, response) => sendJson(response, 200, { items: [] }));
    const client = createClient({ baseUrl: server.url });
    const { data } = await listBookings(client, {
      path: { spaceId: 'la-ruche' },
      query: { from: '2026-12-01T00:00:00+01:00', status: 'confirmed', limit: 10, resourceId: undefined },
    });
    assert.deepEqual(data.items, []);
    const request = server.requests[0]!;
    assert.equal(request.pathname, '/spaces/la-ruche/bookings');
    assert.deepEqual([...request.query], [
      ['from', '2026-12-01T00:00:00+01:00'],
      ['status', 'confirmed'],
      ['limit', '10'],
    ]);
    // `+` in an offset must reach the server as a plus, not as a space.
    assert.match(request.url, /from=2026-12-01T00%3A00%3A00%2B01%3A00/);
  });

  test('array query parameters are repeated (form, explode)', async () => {
    server.handle((_q, response) => sendJson(response, 200, { items: [] }));
    const client = createClient({ baseUrl: server.url });
    await client.call({ route: 'GET /spaces/{spaceId}/events', path: { spaceId: 'la-ruche' }, query: { tag: ['atelier', 'accessibilité'], limit: 5 } });
    const request = server.requests[0]!;
    assert.deepEqual(request.query.getAll('tag'), ['atelier', 'accessibilité']);
    assert.equal(request.query.get('limit'), '5');
    assert.match(request.url, /tag=atelier&tag=accessibilit%C3%A9/);
  });

  test('listEvents with no options at all', async () => {
    server.handle((_q, response) => sendJson(response, 200, { items: [] }));
    const client = createClient({ baseUrl: server.url });
    await listEvents(client, { path: { spaceId: 'la-ruche' } });
    assert.equal(server.requests[0]?.url, '/spaces/la-ruche/events');
  });

  test('the typed request by route', async () => {
    server.handle((_q, response) => sendJson(response, 200, space));
    const client = createClient({ baseUrl: server.url });
    const { data } = await client.request('GET /spaces/{spaceId}', { path: { spaceId: 'la-ruche' } });
    assert.equal(data.id, 'la-ruche');
    assert.equal(server.requests[0]?.url, '/spaces/la-ruche');
  });
});

describe('bodies and responses', () => {
  test('createBooking sends its body as JSON and returns the booking with its ETag', async () => {
    server.handle((_q, response) => sendJson(response, 201, booking('bk_01J9Z3K8Q2'), { etag: '"v1"', location: '/spaces/la-ruche/bookings/bk_01J9Z3K8Q2' }));
    const client = createClient({ baseUrl: server.url });
    const result = await createBooking(client, { path: { spaceId: 'la-ruche' }, body: bookingCreate });
    assert.equal(result.status, 201);
    assert.equal(result.data.status, 'confirmed');
    assert.equal(result.etag, '"v1"');
    assert.equal(result.headers.get('location'), '/spaces/la-ruche/bookings/bk_01J9Z3K8Q2');
    const request = server.requests[0]!;
    assert.equal(request.method, 'POST');
    assert.equal(request.url, '/spaces/la-ruche/bookings');
    assert.match(header(request, 'content-type') ?? '', /^application\/json/);
    assert.deepEqual(JSON.parse(request.body), bookingCreate);
  });

  test('getBooking exposes the ETag, which goes back in If-Match', async () => {
    server.handle((request, response) =>
      request.method === 'GET'
        ? sendJson(response, 200, booking('bk_1'), { etag: 'W/"bk_1-1"' })
        : sendJson(response, 200, booking('bk_1', { title: 'Reporté', version: 2 }), { etag: 'W/"bk_1-2"' }),
    );
    const client = createClient({ baseUrl: server.url });
    const { etag } = await getBooking(client, { path: { spaceId: 'la-ruche', bookingId: 'bk_1' } });
    assert.equal(etag, 'W/"bk_1-1"');
    const changed = await rescheduleBooking(client, {
      path: { spaceId: 'la-ruche', bookingId: 'bk_1' },
      header: { 'If-Match': etag },
      body: { title: 'Reporté' },
    });
    assert.equal(changed.etag, 'W/"bk_1-2"');
    assert.equal(changed.data.version, 2);
    assert.equal(server.requests[1]?.method, 'PATCH');
    assert.equal(header(server.requests[1], 'if-match'), 'W/"bk_1-1"');
    assert.deepEqual(JSON.parse(server.requests[1]!.body), { title: 'Reporté' });
  });

  test('no ETag: etag is undefined', async () => {
    server.handle((_q, response) => sendJson(response, 200, space));
    const { etag } = await getSpace(createClient({ baseUrl: server.url }), { path: { spaceId: 'la-ruche' } });
    assert.equal(etag, undefined);
  });

  test('204 No Content: data is undefined', async () => {
    server.handle((_q, response) => {
      response.writeHead(204);
      response.end();
    });
    const client = createClient({ baseUrl: server.url, token: 'sk_staff' });
    const result = await deleteEvent(client, { path: { spaceId: 'la-ruche', eventId: 'ev_1' } });
    assert.equal(result.status, 204);
    assert.equal(result.data, undefined);
    assert.equal(server.requests[0]?.method, 'DELETE');
    assert.equal(server.requests[0]?.url, '/spaces/la-ruche/events/ev_1');
  });

  test('text/calendar: data is the iCalendar text', async () => {
    server.handle((_q, response) => {
      response.writeHead(200, { 'content-type': 'text/calendar; charset=utf-8' });
      response.end(ical);
    });
    const client = createClient({ baseUrl: server.url });
    const { data } = await getBookingIcal(client, { path: { spaceId: 'la-ruche', bookingId: 'bk_01J9Z3K8Q2' } });
    assert.equal(typeof data, 'string');
    assert.equal(data, ical);
    assert.equal(server.requests[0]?.url, '/spaces/la-ruche/bookings/bk_01J9Z3K8Q2/booking.ics');
  });
});

describe('automatic Idempotency-Key', () => {
  test('createBooking sends a fresh UUID-like key', async () => {
    server.handle((_q, response) => sendJson(response, 201, booking('bk_1')));
    await createBooking(createClient({ baseUrl: server.url }), { path: { spaceId: 'la-ruche' }, body: bookingCreate });
    assert.match(header(server.requests[0], 'idempotency-key') ?? '', uuidLike);
  });

  test('createRegistration sends a fresh UUID-like key', async () => {
    server.handle((_q, response) => sendJson(response, 201, registration));
    const { data } = await createRegistration(createClient({ baseUrl: server.url }), {
      path: { spaceId: 'la-ruche', eventId: 'ev_01JB8X2N6Q' },
      body: { guest: { name: 'Sophie Leroy', email: 'sophie.leroy@example.net' } },
    });
    assert.equal(data.status, 'registered');
    assert.equal(server.requests[0]?.url, '/spaces/la-ruche/events/ev_01JB8X2N6Q/registrations');
    assert.match(header(server.requests[0], 'idempotency-key') ?? '', uuidLike);
  });

  test('a key given by the caller replaces the generated one', async () => {
    server.handle((_q, response) => sendJson(response, 201, booking('bk_1')));
    await createBooking(createClient({ baseUrl: server.url }), {
      path: { spaceId: 'la-ruche' },
      header: { 'Idempotency-Key': 'mine-123456789' },
      body: bookingCreate,
    });
    assert.equal(header(server.requests[0], 'idempotency-key'), 'mine-123456789');
  });

  test('a caller key in another letter case is still the only key sent', async () => {
    server.handle((_q, response) => sendJson(response, 201, booking('bk_1')));
    await createClient({ baseUrl: server.url }).call({
      route: 'POST /spaces/{spaceId}/bookings',
      idempotent: true,
      path: { spaceId: 'la-ruche' },
      header: { 'idempotency-key': 'mine-lowercase-1' },
      body: bookingCreate,
    });
    assert.equal(header(server.requests[0], 'idempotency-key'), 'mine-lowercase-1');
  });

  test('reads send no Idempotency-Key', async () => {
    server.handle((_q, response) => sendJson(response, 200, space));
    await getSpace(createClient({ baseUrl: server.url }), { path: { spaceId: 'la-ruche' } });
    assert.equal(header(server.requests[0], 'idempotency-key'), undefined);
  });
});

describe('createRestClient', () => {
  test('getSpace as a method', async () => {
    server.handle((_q, response) => sendJson(response, 200, space));
    const rest = createRestClient(createClient({ baseUrl: `${server.url}/api`, token: 'mt_token' }));
    const { data, status } = await rest.getSpace({ path: { spaceId: 'la-ruche' } });
    assert.equal(status, 200);
    assert.deepEqual(data, space);
    assert.equal(server.requests[0]?.url, '/api/spaces/la-ruche');
    assert.equal(header(server.requests[0], 'authorization'), 'Bearer mt_token');
  });

  test('createBooking as a method still sends an Idempotency-Key', async () => {
    server.handle((_q, response) => sendJson(response, 201, booking('bk_1')));
    const rest = createRestClient(createClient({ baseUrl: server.url }));
    await rest.createBooking({ path: { spaceId: 'la-ruche' }, body: bookingCreate });
    assert.match(header(server.requests[0], 'idempotency-key') ?? '', uuidLike);
  });
});
