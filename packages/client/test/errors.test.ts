// Error responses become ApiErrors carrying the RFC 9457 problem document.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { ApiError, createBooking, createClient, getSpace, isApiError, listBookings } from '../src/index.ts';
import { bookingCreate } from './support/fixtures.ts';
import { sendProblem, startTestServer, type TestServer } from './support/test-server.ts';

let server: TestServer;
before(async () => {
  server = await startTestServer();
});
after(() => server.close());
beforeEach(() => server.reset());

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => assert.fail('expected the call to fail'),
    (error: unknown) => error,
  );
}

describe('problem documents', () => {
  test('409 booking-conflict', async () => {
    const problem = {
      type: 'urn:coworking-commons:problem:booking-conflict',
      title: 'Booking conflict',
      status: 409,
      detail: 'The resource is no longer available for this time.',
      instance: '/spaces/la-ruche/bookings',
    };
    server.handle((_q, response) => sendProblem(response, problem));
    const client = createClient({ baseUrl: server.url });
    const error = await rejection(createBooking(client, { path: { spaceId: 'la-ruche' }, body: bookingCreate }));
    assert.ok(error instanceof ApiError);
    assert.ok(error instanceof Error);
    assert.equal(error.name, 'ApiError');
    assert.equal(error.status, 409);
    assert.equal(error.type, 'urn:coworking-commons:problem:booking-conflict');
    assert.deepEqual(error.problem, problem);
    assert.deepEqual(error.fieldErrors, []);
    assert.equal(error.message, 'The resource is no longer available for this time.');
    assert.equal(error.response.status, 409);
    assert.equal(isApiError(error), true);
    assert.equal(isApiError(error, 'urn:coworking-commons:problem:booking-conflict'), true);
    assert.equal(isApiError(error, 'urn:coworking-commons:problem:conflict'), false);
    // Not retried: 409 is no transient failure, and this was a POST.
    assert.equal(server.requests.length, 1);
  });

  test('400 validation-error names each bad field', async () => {
    const problem = {
      type: 'urn:coworking-commons:problem:validation-error',
      title: 'Validation failed',
      status: 400,
      detail: 'The request does not match the API description.',
      errors: [
        { pointer: '/end', detail: 'must be after start' },
        { pointer: '/query/limit', detail: 'must be <= 100' },
      ],
    };
    server.handle((_q, response) => sendProblem(response, problem));
    const client = createClient({ baseUrl: server.url });
    const error = await rejection(listBookings(client, { path: { spaceId: 'la-ruche' }, query: { limit: 100 } }));
    assert.ok(isApiError(error, 'urn:coworking-commons:problem:validation-error'));
    assert.equal(error.status, 400);
    assert.deepEqual(error.fieldErrors, problem.errors);
    assert.deepEqual(
      error.fieldErrors.map((f) => f.pointer),
      ['/end', '/query/limit'],
    );
  });

  test('422 rule-violation keeps its code', async () => {
    server.handle((_q, response) =>
      sendProblem(response, {
        type: 'urn:coworking-commons:problem:rule-violation',
        title: 'Rule violation',
        status: 422,
        detail: 'The space is closed at that time.',
        code: 'outside_opening_hours',
      }),
    );
    const error = await rejection(createBooking(createClient({ baseUrl: server.url }), { path: { spaceId: 'la-ruche' }, body: bookingCreate }));
    assert.ok(isApiError(error, 'urn:coworking-commons:problem:rule-violation'));
    assert.equal(error.problem.code, 'outside_opening_hours');
  });

  test('a problem document with extension members keeps them', async () => {
    server.handle((_q, response) =>
      sendProblem(response, { type: 'urn:coworking-commons:problem:not-found', title: 'Not found', status: 404, 'x-laruche-hint': 'see /spaces' } as never),
    );
    const error = await rejection(getSpace(createClient({ baseUrl: server.url }), { path: { spaceId: 'nowhere' } }));
    assert.ok(isApiError(error, 'urn:coworking-commons:problem:not-found'));
    assert.equal(error.problem['x-laruche-hint'], 'see /spaces');
  });
});

describe('other error bodies', () => {
  test('an HTML 502 from a proxy still becomes an ApiError, with a made-up problem', async () => {
    server.handle((_q, response) => {
      response.writeHead(502, 'Bad Gateway', { 'content-type': 'text/html' });
      response.end('<html><body><h1>502 Bad Gateway</h1></body></html>');
    });
    const client = createClient({ baseUrl: server.url, retry: { limit: 0 } });
    const error = await rejection(getSpace(client, { path: { spaceId: 'la-ruche' } }));
    assert.ok(error instanceof ApiError);
    assert.equal(error.status, 502);
    assert.equal(error.problem.status, 502);
    assert.equal(error.problem.title, 'Bad Gateway');
    assert.equal(error.type, 'about:blank');
    assert.deepEqual(error.fieldErrors, []);
    assert.equal(error.message, 'Bad Gateway');
    assert.equal(isApiError(error), true);
    assert.equal(isApiError(error, 'urn:coworking-commons:problem:internal'), false);
  });

  test('an error with an empty body', async () => {
    server.handle((_q, response) => {
      response.writeHead(500);
      response.end();
    });
    const client = createClient({ baseUrl: server.url, retry: { limit: 0 } });
    const error = await rejection(getSpace(client, { path: { spaceId: 'la-ruche' } }));
    assert.ok(isApiError(error));
    assert.equal(error.status, 500);
    assert.equal(error.problem.status, 500);
  });

  test('a JSON error body that is not a problem document', async () => {
    server.handle((_q, response) => {
      response.writeHead(401, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: 'invalid_token' }));
    });
    const error = await rejection(getSpace(createClient({ baseUrl: server.url }), { path: { spaceId: 'la-ruche' } }));
    assert.ok(isApiError(error));
    assert.equal(error.status, 401);
    assert.equal(error.type, 'about:blank');
  });

  test('isApiError is false for anything else', () => {
    assert.equal(isApiError(new Error('boom')), false);
    assert.equal(isApiError({ status: 409, type: 'urn:coworking-commons:problem:booking-conflict' }), false);
    assert.equal(isApiError(undefined), false);
  });
});
