// A first taste of the mutation run (issue 15): the reference server with one rule broken by a
// Fastify hook. The suite must fail each mutant, and the failing checks must name the fault.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { runConformance } from '../src/index.ts';
import { startReferenceServer } from './support/reference-server.ts';

interface Mutant {
  name: string;
  /** The checks that must fail: they name the fault. */
  caughtBy: string[];
  mutate(app: FastifyInstance): void;
}

const mutants: Mutant[] = [
  {
    name: 'a 404 problem document sent as application/json',
    caughtBy: ['problems.not-found', 'responses.schema'],
    mutate: (app) =>
      app.addHook('onSend', async (_request, reply, payload) => {
        if (reply.statusCode === 404) reply.header('content-type', 'application/json; charset=utf-8');
        return payload;
      }),
  },
  {
    name: 'no ETag header on any answer',
    caughtBy: ['etag.present', 'etag.if-match-412'],
    mutate: (app) =>
      app.addHook('onSend', async (_request, reply, payload) => {
        reply.removeHeader('etag');
        return payload;
      }),
  },
  {
    name: 'Access-Control-Allow-Origin: * on every answer',
    caughtBy: ['cors.other-origin'],
    mutate: (app) =>
      app.addHook('onSend', async (_request, reply, payload) => {
        reply.header('access-control-allow-origin', '*');
        return payload;
      }),
  },
  {
    name: 'If-Match ignored (every change applied, outdated or not)',
    caughtBy: ['etag.if-match-412'],
    mutate: (app) =>
      app.addHook('onRequest', async (request) => {
        if (request.headers['if-match']) request.headers['if-match'] = '*';
      }),
  },
  {
    name: 'Idempotency-Key not honoured (each request is new)',
    caughtBy: ['idempotency.replay', 'idempotency.key-reused'],
    mutate: (app) =>
      app.addHook('onRequest', async (request) => {
        if (request.headers['idempotency-key']) request.headers['idempotency-key'] = randomUUID();
      }),
  },
  {
    name: 'a malformed query answered 422 instead of 400',
    caughtBy: ['problems.validation', 'responses.schema'],
    mutate: (app) =>
      app.addHook('onSend', async (_request, reply, payload) => {
        if (reply.statusCode === 400) {
          reply.code(422);
          return String(payload).replace('"status":400', '"status":422');
        }
        return payload;
      }),
  },
  {
    name: 'limit ignored in list pages (limit=1 answers two items)',
    caughtBy: ['resources.pagination'],
    mutate: (app) =>
      app.addHook('preValidation', async (request) => {
        const query = request.query as Record<string, unknown>;
        if (String(query.limit) === '1') query.limit = '2';
      }),
  },
  {
    name: 'a quote cheaper than the booking it prices',
    caughtBy: ['quotes.price-matches-booking'],
    mutate: (app) =>
      app.addHook('onSend', async (request, _reply, payload) => {
        if (request.method !== 'POST' || !request.url.endsWith('/quotes')) return payload;
        const quote = JSON.parse(String(payload));
        quote.total.amount -= 100;
        return JSON.stringify(quote);
      }),
  },
  {
    name: 'the event feed served as text/plain',
    caughtBy: ['ical.event-feed', 'responses.schema'],
    mutate: (app) =>
      app.addHook('onSend', async (request, reply, payload) => {
        if (request.url.endsWith('/events.ics')) reply.header('content-type', 'text/plain; charset=utf-8');
        return payload;
      }),
  },
  {
    name: 'missing credentials answered 403 instead of 401',
    caughtBy: ['problems.unauthorized'],
    mutate: (app) =>
      app.addHook('onSend', async (_request, reply, payload) => {
        if (reply.statusCode !== 401) return payload;
        reply.code(403);
        return JSON.stringify({ ...JSON.parse(String(payload)), status: 403, type: 'urn:coworking-commons:problem:forbidden', title: 'Forbidden' });
      }),
  },
  {
    name: 'CORS never granted, not even to an allowed origin',
    caughtBy: ['cors.allowed-origin'],
    mutate: (app) =>
      app.addHook('onSend', async (_request, reply, payload) => {
        reply.removeHeader('access-control-allow-origin');
        return payload;
      }),
  },
  {
    name: 'a broken booking rule answered 400 validation-error instead of 422 rule-violation',
    caughtBy: ['bookings.end-before-start'],
    mutate: (app) =>
      app.addHook('onSend', async (request, reply, payload) => {
        if (reply.statusCode !== 422 || !request.url.endsWith('/bookings') || !String(payload).includes('rule-violation')) return payload;
        reply.code(400);
        return JSON.stringify({ type: 'urn:coworking-commons:problem:validation-error', title: 'Validation error', status: 400, errors: [{ pointer: '/end', detail: 'before start' }] });
      }),
  },
  {
    name: 'cancelling a cancelled booking answered 200',
    caughtBy: ['bookings.cancel-twice'],
    mutate: (app) =>
      app.addHook('onSend', async (request, reply, payload) => {
        if (reply.statusCode === 409 && request.url.endsWith('/cancel')) reply.code(200);
        return payload;
      }),
  },
  {
    name: 'availability answered with +00:00 offsets instead of Z',
    caughtBy: ['instants.utc'],
    mutate: (app) =>
      app.addHook('onSend', async (request, _reply, payload) => {
        if (!request.url.includes('/availability')) return payload;
        return String(payload).replace(/(\d\d:\d\d:\d\d(\.\d+)?)Z"/g, '$1+00:00"');
      }),
  },
];

describe('mutants of the reference server (SQLite): the suite fails each, naming the fault', () => {
  for (const mutant of mutants) {
    test(mutant.name, async () => {
      const server = await startReferenceServer('sqlite', mutant.mutate);
      try {
        const run = await runConformance({ apiUrl: server.url, spaceId: server.spaceId, staffKey: server.staffKey, burst: 10 });
        assert.equal(run.passed, false, 'the suite passed a faulty server');
        const failed = run.results.filter((result) => result.status === 'fail').map((result) => result.id);
        for (const id of mutant.caughtBy) assert.ok(failed.includes(id), `${id} should fail; failed: ${failed.join(', ') || 'none'}`);
        for (const result of run.results.filter((r) => r.status === 'fail')) {
          for (const failure of result.failures) assert.ok(failure.expected && failure.got, `${result.id} says what it expected and got`);
        }
      } finally {
        await server.close();
      }
    });
  }
});
