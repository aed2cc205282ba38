// The mutation run (issue 15): faulty variants of the reference server, each breaking one rule
// the spec states, made with Fastify hooks around the real server (packages/server/src is never
// changed). The suite must fail each one, and `caughtBy` — the check that names the fault — must
// be among the failed checks. A mutant that survives is a bug in the suite.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../../server/src/deps.ts';
import { outsideRequestTransaction } from '../../../server/src/db/request-transaction.ts';
import { newId } from '../../../server/src/domain/ids.ts';
import { toBooking } from '../../../server/src/services/bookings.ts';
import { toMember, toMemberCard } from '../../../server/src/services/members.ts';
import { runConformance } from '../../src/index.ts';
import type { RunResult } from '../../src/types.ts';
import { startReferenceServer } from './reference-server.ts';

export interface Mutant {
  name: string;
  /** The check that must fail: it names the fault. */
  caughtBy: string;
  mutate(app: FastifyInstance, deps: AppDeps): void;
}

export interface MutantOutcome {
  mutant: Mutant;
  caught: boolean;
  failed: string[];
  /** Failed checks whose failures do not say what they expected and got. */
  unexplained: string[];
  durationMs: number;
  run: RunResult;
}

type Json = any;
const path = (request: FastifyRequest) => request.url.split('?')[0]!;
const query = (request: FastifyRequest) => new URL(request.url, 'http://x').searchParams;
const isJson = (reply: FastifyReply) => /json/.test(String(reply.getHeader('content-type') ?? ''));

/** An onSend hook that rewrites JSON answers the predicate picks. */
function editJson(app: FastifyInstance, picks: (request: FastifyRequest, reply: FastifyReply) => boolean, edit: (json: Json, request: FastifyRequest, reply: FastifyReply) => Json): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if (typeof payload !== 'string' || !isJson(reply) || !picks(request, reply)) return payload;
    const edited = await edit(JSON.parse(payload), request, reply);
    return JSON.stringify(edited);
  });
}

/** Answers a problem document from an onRequest hook, the handler never reached. */
function answerProblem(reply: FastifyReply, status: number, type: string, title: string): FastifyReply {
  return reply.code(status).header('content-type', 'application/problem+json').send(JSON.stringify({ type: `urn:coworking-commons:problem:${type}`, title, status }));
}

const bookingIdOf = (request: FastifyRequest) => /\/bookings\/([^/]+)/.exec(path(request))?.[1];

/**
 * A real double booking: when the server refuses a booking with 409 booking-conflict, this writes
 * it anyway, through the server's own database (outside the request's transaction), as a copy of
 * a booking already holding the slot, on a unit number the resource does not have (the database
 * refuses two bookings of one unit, not of a unit too many), and answers it 201 — or, `silently`,
 * still answers the 409.
 */
function doubleBookOnConflict(app: FastifyInstance, deps: AppDeps, resourceType: string, silently = false): void {
  let extraUnit = 1000;
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.method !== 'POST' || !path(request).endsWith('/bookings') || reply.statusCode !== 409 || typeof payload !== 'string' || !payload.includes('booking-conflict')) return payload;
    const body = request.body as Json;
    const db = outsideRequestTransaction(() => deps.store.db);
    const resource = await db.selectFrom('resources').select(['id', 'type']).where('id', '=', body.resourceId).executeTakeFirst();
    if (resource?.type !== resourceType) return payload;
    const holder = await db.selectFrom('bookings').selectAll().where('resource_id', '=', body.resourceId).where('start_at', '=', Date.parse(body.start)).where('status', '!=', 'cancelled').executeTakeFirst();
    if (!holder) return payload;
    const now = Date.now();
    const row = { ...holder, id: newId('bk', now), guest_name: body.guest?.name ?? null, guest_email: body.guest?.email ?? null, guest_token_hash: null, version: 1, created_at: now, updated_at: now };
    await db.insertInto('bookings').values(row).execute();
    const units = await db.selectFrom('booking_units').select(['block_start', 'block_end']).where('booking_id', '=', holder.id).executeTakeFirstOrThrow();
    await db.insertInto('booking_units').values({ booking_id: row.id, resource_id: row.resource_id, unit: ++extraUnit, block_start: units.block_start, block_end: units.block_end }).execute();
    if (silently) return payload;
    reply.code(201).header('content-type', 'application/json; charset=utf-8').header('etag', '"1"').header('location', `${path(request)}/${row.id}`);
    return JSON.stringify(toBooking({ ...row, member_name: null, member_email: null }));
  });
}

export const mutants: Mutant[] = [
  // --- problem documents and statuses
  {
    name: 'a 404 problem document sent as application/json',
    caughtBy: 'problems.not-found',
    mutate: (app) =>
      app.addHook('onSend', async (_request, reply, payload) => {
        if (reply.statusCode === 404) reply.header('content-type', 'application/json; charset=utf-8');
        return payload;
      }),
  },
  {
    name: 'an unknown space answered 200',
    caughtBy: 'problems.not-found',
    mutate: (app) =>
      editJson(app, (request, reply) => reply.statusCode === 404 && /^\/spaces\/[^/]+$/.test(path(request)), (_json, request, reply) => {
        reply.code(200).header('content-type', 'application/json; charset=utf-8');
        return { id: path(request).split('/')[2], name: 'Unknown' };
      }),
  },
  {
    name: 'an unknown resource answered 403 forbidden instead of 404',
    caughtBy: 'problems.not-found-resource',
    mutate: (app) =>
      editJson(app, (request, reply) => reply.statusCode === 404 && /\/resources\/[^/]+$/.test(path(request)), (json, _request, reply) => {
        reply.code(403);
        return { ...json, type: 'urn:coworking-commons:problem:forbidden', title: 'Forbidden', status: 403 };
      }),
  },
  {
    name: 'a malformed query answered 422 instead of 400',
    caughtBy: 'problems.validation',
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
    name: 'a validation error that does not name the bad field (no errors[].pointer)',
    caughtBy: 'problems.validation',
    mutate: (app) =>
      editJson(app, (_request, reply) => reply.statusCode === 400, (json) => {
        delete json.errors;
        return json;
      }),
  },
  {
    name: 'missing credentials answered 403 instead of 401',
    caughtBy: 'problems.unauthorized',
    mutate: (app) =>
      app.addHook('onSend', async (_request, reply, payload) => {
        if (reply.statusCode !== 401) return payload;
        reply.code(403);
        return JSON.stringify({ ...JSON.parse(String(payload)), status: 403, type: 'urn:coworking-commons:problem:forbidden', title: 'Forbidden' });
      }),
  },
  {
    name: 'a broken booking rule answered 400 validation-error instead of 422 rule-violation',
    caughtBy: 'bookings.end-before-start',
    mutate: (app) =>
      app.addHook('onSend', async (request, reply, payload) => {
        if (reply.statusCode !== 422 || !request.url.endsWith('/bookings') || !String(payload).includes('rule-violation')) return payload;
        reply.code(400);
        return JSON.stringify({ type: 'urn:coworking-commons:problem:validation-error', title: 'Validation error', status: 400, errors: [{ pointer: '/end', detail: 'before start' }] });
      }),
  },
  {
    name: 'a booking that ends before it starts accepted (start and end swapped)',
    caughtBy: 'bookings.end-before-start',
    mutate: (app) =>
      app.addHook('preValidation', async (request) => {
        const body = request.body as Json;
        if (request.method === 'POST' && path(request).endsWith('/bookings') && body?.start && body?.end && Date.parse(body.end) < Date.parse(body.start)) {
          [body.start, body.end] = [body.end, body.start];
        }
      }),
  },
  {
    name: 'cancelling a cancelled booking answered 200',
    caughtBy: 'bookings.cancel-twice',
    mutate: (app) =>
      app.addHook('onSend', async (request, reply, payload) => {
        if (reply.statusCode === 409 && request.url.endsWith('/cancel')) reply.code(200);
        return payload;
      }),
  },
  // --- discovery and public reads
  {
    name: 'the discovery document does not list the space',
    caughtBy: 'discovery.document',
    mutate: (app) =>
      editJson(app, (request) => path(request) === '/.well-known/coworking-commons', (json) => ({ ...json, spaces: [] })),
  },
  {
    name: 'the space readable only with credentials',
    caughtBy: 'spaces.get',
    mutate: (app) =>
      app.addHook('onRequest', async (request, reply) => {
        if (request.method === 'GET' && /^\/spaces\/[^/]+$/.test(path(request)) && !request.headers.authorization) return answerProblem(reply, 401, 'unauthorized', 'Unauthorized');
      }),
  },
  {
    name: 'members-only events listed to anonymous callers',
    caughtBy: 'events.list',
    mutate: (app) =>
      editJson(app, (request, reply) => reply.statusCode === 200 && request.method === 'GET' && path(request).endsWith('/events') && !request.headers.authorization, (json) => ({
        ...json,
        items: [...json.items, { ...json.items[0], id: 'ev_members_only_leak', visibility: 'members' }],
      })),
  },
  {
    name: 'getEvent answers another title than the list',
    caughtBy: 'events.get',
    mutate: (app) =>
      editJson(app, (request, reply) => reply.statusCode === 200 && request.method === 'GET' && /\/events\/[^/]+$/.test(path(request)), (json) => ({ ...json, title: `${json.title} (stale)` })),
  },
  {
    name: 'a resource read back without its offers',
    caughtBy: 'resources.create',
    mutate: (app) =>
      editJson(app, (request, reply) => reply.statusCode === 200 && request.method === 'GET' && /\/resources\/[^/]+$/.test(path(request)), (json) => ({ ...json, offers: [] })),
  },
  // --- pagination
  {
    name: 'limit ignored in list pages (limit=1 answers two items)',
    caughtBy: 'resources.pagination',
    mutate: (app) =>
      app.addHook('preValidation', async (request) => {
        const q = request.query as Record<string, unknown>;
        if (String(q.limit) === '1') q.limit = '2';
      }),
  },
  {
    name: 'a cursor that skips one item (the first item after the cursor dropped)',
    caughtBy: 'resources.pagination',
    mutate: (app) =>
      editJson(app, (request, reply) => reply.statusCode === 200 && query(request).has('cursor') && path(request).endsWith('/resources'), (json) => ({ ...json, items: json.items.slice(1) })),
  },
  {
    name: 'a nextCursor on the last page (it answers the same page again)',
    caughtBy: 'resources.pagination',
    mutate: (app) =>
      editJson(app, (request, reply) => reply.statusCode === 200 && query(request).has('cursor') && path(request).endsWith('/resources'), (json, request) => ({ ...json, nextCursor: json.nextCursor ?? query(request).get('cursor') })),
  },
  // --- availability and instants
  {
    name: 'availability answered with +00:00 offsets instead of Z',
    caughtBy: 'instants.utc',
    mutate: (app) =>
      app.addHook('onSend', async (request, _reply, payload) => {
        if (!request.url.includes('/availability')) return payload;
        return String(payload).replace(/(\d\d:\d\d:\d\d(\.\d+)?)Z"/g, '$1+00:00"');
      }),
  },
  {
    name: 'a time-zone slip: an offset in the query read as UTC (10:00+05:30 taken as 10:00Z)',
    caughtBy: 'instants.utc',
    mutate: (app) =>
      app.addHook('preValidation', async (request) => {
        if (!path(request).endsWith('/availability')) return;
        const q = request.query as Record<string, string>;
        for (const name of ['from', 'to']) if (typeof q[name] === 'string') q[name] = q[name].replace(/[+-]\d\d:\d\d$/, 'Z');
      }),
  },
  {
    name: 'availability slots shifted by an hour',
    caughtBy: 'availability.after-booking',
    mutate: (app) =>
      editJson(app, (request, reply) => reply.statusCode === 200 && path(request).endsWith('/availability'), (json) => {
        const shift = (instant: string) => new Date(Date.parse(instant) + 3_600_000).toISOString();
        for (const entry of json.resources ?? []) entry.slots = (entry.slots ?? []).map((slot: Json) => ({ ...slot, start: shift(slot.start), end: shift(slot.end) }));
        return json;
      }),
  },
  {
    name: 'availability slots latest first',
    caughtBy: 'availability.get',
    mutate: (app) =>
      editJson(app, (request, reply) => reply.statusCode === 200 && path(request).endsWith('/availability'), (json) => {
        for (const entry of json.resources ?? []) entry.slots = [...(entry.slots ?? [])].reverse();
        return json;
      }),
  },
  {
    name: 'availability ignores the resourceId filter (every resource answered)',
    caughtBy: 'availability.get',
    mutate: (app) =>
      app.addHook('preValidation', async (request) => {
        if (path(request).endsWith('/availability')) delete (request.query as Record<string, unknown>).resourceId;
      }),
  },
  {
    name: 'availability served from a stale cache (bookings made since not taken into account)',
    caughtBy: 'availability.after-booking',
    mutate: (app) => {
      const cache = new Map<string, string>();
      app.addHook('onSend', async (request, reply, payload) => {
        if (reply.statusCode !== 200 || !path(request).endsWith('/availability') || typeof payload !== 'string') return payload;
        if (!cache.has(request.url)) cache.set(request.url, payload);
        return cache.get(request.url)!;
      });
    },
  },
  // --- iCalendar
  {
    name: 'the event feed served as text/plain',
    caughtBy: 'ical.event-feed',
    mutate: (app) =>
      app.addHook('onSend', async (request, reply, payload) => {
        if (request.url.endsWith('/events.ics')) reply.header('content-type', 'text/plain; charset=utf-8');
        return payload;
      }),
  },
  {
    name: 'the event feed ends with a bare END:VCALENDAR (no final CRLF)',
    caughtBy: 'ical.event-feed',
    mutate: (app) =>
      app.addHook('onSend', async (request, _reply, payload) => {
        if (!path(request).endsWith('/events.ics')) return payload;
        return String(payload).replace(/\r\n$/, '');
      }),
  },
  // --- CORS
  {
    name: 'Access-Control-Allow-Origin: * on every answer',
    caughtBy: 'cors.other-origin',
    mutate: (app) =>
      app.addHook('onSend', async (_request, reply, payload) => {
        reply.header('access-control-allow-origin', '*');
        return payload;
      }),
  },
  {
    name: 'any Origin echoed back in Access-Control-Allow-Origin',
    caughtBy: 'cors.other-origin',
    mutate: (app) =>
      app.addHook('onSend', async (request, reply, payload) => {
        if (request.headers.origin) reply.header('access-control-allow-origin', request.headers.origin);
        return payload;
      }),
  },
  {
    name: 'CORS never granted, not even to an allowed origin',
    caughtBy: 'cors.allowed-origin',
    mutate: (app) =>
      app.addHook('onSend', async (_request, reply, payload) => {
        reply.removeHeader('access-control-allow-origin');
        return payload;
      }),
  },
  {
    name: 'a preflight that does not allow the Idempotency-Key header',
    caughtBy: 'cors.allowed-origin',
    mutate: (app) =>
      app.addHook('onSend', async (request, reply, payload) => {
        if (request.method !== 'OPTIONS') return payload;
        const allowed = String(reply.getHeader('access-control-allow-headers') ?? '');
        reply.header('access-control-allow-headers', allowed.split(',').map((h) => h.trim()).filter((h) => h && h.toLowerCase() !== 'idempotency-key').join(', ') || 'content-type');
        return payload;
      }),
  },
  // --- bookings, guests and idempotency
  {
    name: "a guest booking's answer without its guestToken",
    caughtBy: 'bookings.guest',
    mutate: (app) =>
      editJson(app, (request, reply) => reply.statusCode === 201 && path(request).endsWith('/bookings'), (json) => {
        delete json.guestToken;
        return json;
      }),
  },
  {
    name: "any guest token opens any guest's booking",
    caughtBy: 'bookings.guest-token-scope',
    mutate: (app) => {
      const tokens = new Map<string, string>();
      editJson(app, (request, reply) => reply.statusCode === 201 && path(request).endsWith('/bookings'), (json) => {
        if (json.guestToken) tokens.set(json.id, json.guestToken);
        return json;
      });
      app.addHook('preValidation', async (request) => {
        const q = request.query as Record<string, unknown>;
        const id = bookingIdOf(request);
        if (q?.guestToken && id && tokens.has(id)) q.guestToken = tokens.get(id);
      });
    },
  },
  {
    name: 'Idempotency-Key not honoured (each request is new)',
    caughtBy: 'idempotency.replay',
    mutate: (app) =>
      app.addHook('onRequest', async (request) => {
        if (request.headers['idempotency-key']) request.headers['idempotency-key'] = randomUUID();
      }),
  },
  {
    name: 'a reused Idempotency-Key with another body answered 409 instead of 422',
    caughtBy: 'idempotency.key-reused',
    mutate: (app) =>
      editJson(app, (_request, reply) => reply.statusCode === 422, (json, _request, reply) => {
        if (json.type !== 'urn:coworking-commons:problem:idempotency-key-reused') return json;
        reply.code(409);
        return { ...json, type: 'urn:coworking-commons:problem:conflict', title: 'Conflict', status: 409 };
      }),
  },
  {
    name: 'an Idempotency-Key not scoped to its caller (a guest replays staff’s answer)',
    caughtBy: 'idempotency.scope',
    mutate: (app) => {
      const answers = new Map<string, string>();
      app.addHook('onSend', async (request, reply, payload) => {
        const key = request.headers['idempotency-key'];
        if (typeof key === 'string' && reply.statusCode === 201 && typeof payload === 'string' && !answers.has(key)) answers.set(key, payload);
        return payload;
      });
      app.addHook('onRequest', async (request, reply) => {
        const key = request.headers['idempotency-key'];
        if (typeof key !== 'string' || request.headers.authorization || !answers.has(key)) return;
        return reply.code(201).header('content-type', 'application/json; charset=utf-8').send(answers.get(key));
      });
    },
  },
  {
    name: 'a second booking of a taken single-unit slot answered 201 (the conflict not reported)',
    caughtBy: 'bookings.no-double-booking',
    mutate: (app) =>
      editJson(app, (request, reply) => reply.statusCode === 409 && request.method === 'POST' && path(request).endsWith('/bookings'), (json, request, reply) => {
        if (json.type !== 'urn:coworking-commons:problem:booking-conflict') return json;
        const body = request.body as Json;
        reply.code(201).header('content-type', 'application/json; charset=utf-8');
        const now = new Date().toISOString();
        return { id: `bk_${randomUUID().replace(/-/g, '').slice(0, 26).toUpperCase()}`, resourceId: body.resourceId, start: body.start, end: body.end, quantity: body.quantity ?? 1, status: 'confirmed', version: 1, createdAt: now, updatedAt: now };
      }),
  },
  {
    name: 'a real double booking: the refused second booking of a single room written to the database anyway and answered 201',
    caughtBy: 'bookings.no-double-booking',
    mutate: (app, deps) => doubleBookOnConflict(app, deps, 'meeting_room'),
  },
  {
    name: 'a real overbooking of a pool: bookings beyond its quantity written to the database anyway and answered 201',
    caughtBy: 'bookings.no-overbooking-pool',
    mutate: (app, deps) => doubleBookOnConflict(app, deps, 'hot_desk'),
  },
  {
    name: 'a refused booking written all the same (answered 409 booking-conflict, held in the database)',
    caughtBy: 'bookings.no-double-booking',
    mutate: (app, deps) => doubleBookOnConflict(app, deps, 'meeting_room', true),
  },
  // --- isolation between callers
  {
    name: "a key's scopes ignored (a read-only key acts as the key that created it)",
    caughtBy: 'auth.scoped-key',
    mutate: (app) => {
      const creators = new Map<string, string>();
      app.addHook('onSend', async (request, reply, payload) => {
        if (request.method === 'POST' && path(request).endsWith('/staff/api-keys') && reply.statusCode === 201 && typeof payload === 'string') creators.set(`Bearer ${JSON.parse(payload).secret}`, request.headers.authorization!);
        return payload;
      });
      app.addHook('onRequest', async (request) => {
        const creator = creators.get(request.headers.authorization ?? '');
        if (creator) request.headers.authorization = creator;
      });
    },
  },
  {
    name: 'revokeApiKey answered 204 without revoking (the key keeps working)',
    caughtBy: 'auth.scoped-key',
    mutate: (app) =>
      app.addHook('onRequest', async (request, reply) => {
        if (request.method === 'DELETE' && /\/staff\/api-keys\/[^/]+$/.test(path(request))) return reply.code(204).send();
      }),
  },
  {
    name: "getMe answers a member's record to a credential that is no member's (a guest's token)",
    caughtBy: 'auth.guest-token-not-member',
    mutate: (app, deps) =>
      app.addHook('onSend', async (request, reply, payload) => {
        const match = /^\/spaces\/([^/]+)\/me$/.exec(path(request));
        if (!match || request.method !== 'GET' || reply.statusCode !== 401 || !request.headers.authorization) return payload;
        const member = await deps.store.db.selectFrom('members').selectAll().where('space_id', '=', match[1]!).where('status', '=', 'active').executeTakeFirst();
        if (!member) return payload;
        reply.code(200).header('content-type', 'application/json; charset=utf-8');
        return JSON.stringify(toMember(member));
      }),
  },
  {
    name: "getBooking answers another member's booking to a member (only the kind of caller checked, not who)",
    caughtBy: 'members.isolation',
    mutate: (app, deps) =>
      app.addHook('onSend', async (request, reply, payload) => {
        const id = /\/bookings\/([^/]+)$/.exec(path(request))?.[1];
        if (!id || request.method !== 'GET' || reply.statusCode !== 404 || !request.headers.authorization?.startsWith('Bearer cct_')) return payload;
        const row = await outsideRequestTransaction(() => deps.store.db).selectFrom('bookings').selectAll().where('id', '=', id).executeTakeFirst();
        if (!row) return payload;
        reply.code(200).header('content-type', 'application/json; charset=utf-8').header('etag', `"${row.version}"`);
        return JSON.stringify(toBooking({ ...row, member_name: null, member_email: null }));
      }),
  },
  {
    name: "a member's listBookings lists the space's other bookings too",
    caughtBy: 'members.isolation',
    mutate: (app, deps) =>
      editJson(app, (request, reply) => request.method === 'GET' && /\/bookings$/.test(path(request)) && reply.statusCode === 200 && Boolean(request.headers.authorization?.startsWith('Bearer cct_')), async (json, request) => {
        const spaceId = path(request).split('/')[2]!;
        const from = Date.parse(query(request).get('from') ?? '1970-01-01T00:00:00Z');
        const to = Date.parse(query(request).get('to') ?? '9999-12-31T00:00:00Z');
        const rows = await outsideRequestTransaction(() => deps.store.db).selectFrom('bookings').selectAll().where('space_id', '=', spaceId).where('start_at', '<', to).where('end_at', '>', from).orderBy('start_at').limit(20).execute();
        const listed = new Set(json.items.map((item: Json) => item.id));
        return { ...json, items: [...json.items, ...rows.filter((row) => !listed.has(row.id)).map((row) => toBooking({ ...row, member_name: null, member_email: null }))] };
      }),
  },
  // --- rate limits
  {
    name: 'a 429 without Retry-After',
    caughtBy: 'auth.sign-in-rate-limit',
    mutate: (app) =>
      app.addHook('onSend', async (_request, reply, payload) => {
        if (reply.statusCode === 429) reply.removeHeader('retry-after');
        return payload;
      }),
  },
  {
    name: 'a 429 answered as text/plain instead of a problem document',
    caughtBy: 'auth.sign-in-rate-limit',
    mutate: (app) =>
      app.addHook('onSend', async (_request, reply, payload) => {
        if (reply.statusCode !== 429) return payload;
        reply.header('content-type', 'text/plain; charset=utf-8');
        return 'Too Many Requests';
      }),
  },
  {
    name: 'sign-in code requests never limited (their 429 answered 202)',
    caughtBy: 'auth.sign-in-rate-limit',
    mutate: (app) =>
      app.addHook('onSend', async (request, reply, payload) => {
        if (reply.statusCode !== 429 || !path(request).endsWith('/auth/code')) return payload;
        reply.code(202).removeHeader('retry-after').header('content-type', 'application/json; charset=utf-8');
        return JSON.stringify({ expiresAt: new Date(Date.now() + 600_000).toISOString() });
      }),
  },
  // --- ETag and If-Match
  {
    name: 'no ETag header on any answer',
    caughtBy: 'etag.present',
    mutate: (app) =>
      app.addHook('onSend', async (_request, reply, payload) => {
        reply.removeHeader('etag');
        return payload;
      }),
  },
  {
    name: 'no Location header on a 201',
    caughtBy: 'bookings.location',
    mutate: (app) =>
      app.addHook('onSend', async (_request, reply, payload) => {
        if (reply.statusCode === 201) reply.removeHeader('location');
        return payload;
      }),
  },
  {
    name: 'If-Match ignored (every change applied, outdated or not)',
    caughtBy: 'etag.if-match-412',
    mutate: (app) =>
      app.addHook('onRequest', async (request) => {
        if (request.headers['if-match']) request.headers['if-match'] = '*';
      }),
  },
  {
    name: 'a 412 answered without a problem document',
    caughtBy: 'etag.if-match-412',
    mutate: (app) =>
      app.addHook('onSend', async (_request, reply, payload) => {
        if (reply.statusCode !== 412) return payload;
        reply.header('content-type', 'text/plain; charset=utf-8');
        return 'Precondition Failed';
      }),
  },
  {
    name: 'a change without If-Match applied (no 428)',
    caughtBy: 'etag.if-match-428',
    mutate: (app) =>
      app.addHook('onRequest', async (request) => {
        if (/\/bookings\/[^/]+(\/cancel)?$/.test(path(request)) && request.method !== 'GET' && !request.headers['if-match']) request.headers['if-match'] = '*';
      }),
  },
  {
    name: 'the ETag of a booking never changes after its creation',
    caughtBy: 'etag.changes',
    mutate: (app) => {
      const first = new Map<string, string>();
      app.addHook('onSend', async (request, reply, payload) => {
        const etag = reply.getHeader('etag');
        if (typeof etag !== 'string' || !path(request).includes('/bookings')) return payload;
        const id = bookingIdOf(request) ?? (typeof payload === 'string' && isJson(reply) ? JSON.parse(payload).id : undefined);
        if (!id) return payload;
        if (!first.has(id)) first.set(id, etag);
        reply.header('etag', first.get(id)!);
        return payload;
      });
    },
  },
  // --- prices
  {
    name: 'a quote cheaper than the booking it prices',
    caughtBy: 'quotes.price-matches-booking',
    mutate: (app) =>
      app.addHook('onSend', async (request, _reply, payload) => {
        if (request.method !== 'POST' || !request.url.endsWith('/quotes')) return payload;
        const quote = JSON.parse(String(payload));
        quote.total.amount -= 100;
        return JSON.stringify(quote);
      }),
  },
  {
    name: 'a booking priced in another currency than its quote',
    caughtBy: 'quotes.price-matches-booking',
    mutate: (app) =>
      editJson(app, (request, reply) => reply.statusCode === 201 && path(request).endsWith('/bookings'), (json) => {
        if (json.price) json.price = { ...json.price, currency: json.price.currency === 'USD' ? 'EUR' : 'USD' };
        return json;
      }),
  },
  // --- member directory
  {
    name: 'a directory that ignores consent (members who did not consent listed too)',
    caughtBy: 'directory.consent',
    mutate: (app, deps) =>
      app.addHook('onSend', async (request, reply, payload) => {
        const match = /^\/spaces\/([^/]+)\/members$/.exec(path(request));
        if (!match || reply.statusCode !== 200 || typeof payload !== 'string') return payload;
        const json = JSON.parse(payload);
        const rows = await deps.store.db.selectFrom('members').selectAll().where('space_id', '=', match[1]!).where('status', '=', 'active').where('directory_consent', '=', 0).execute();
        return JSON.stringify({ ...json, items: [...json.items, ...rows.map(toMemberCard)] });
      }),
  },
  // --- memberships and credits
  {
    name: 'a membership started at a price other than its plan’s',
    caughtBy: 'memberships.lifecycle',
    mutate: (app) =>
      editJson(app, (request, reply) => reply.statusCode === 201 && request.method === 'POST' && /\/staff\/memberships$/.test(path(request)), (json) => ({ ...json, price: { ...json.price, amount: json.price.amount + 100 } })),
  },
  {
    name: 'a move the spec does not allow accepted (a paused membership refused)',
    caughtBy: 'memberships.lifecycle',
    mutate: (app) =>
      app.addHook('preValidation', async (request) => {
        const body = request.body as { status?: string } | undefined;
        if (request.method === 'PATCH' && /\/staff\/memberships\/[^/]+$/.test(path(request)) && body?.status === 'refused') body.status = 'ended';
      }),
  },
  {
    name: 'a negative credit adjustment not held to the balance and overdraft',
    caughtBy: 'credits.ledger',
    mutate: (app) =>
      app.addHook('preValidation', async (request) => {
        const body = request.body as { amount?: number } | undefined;
        if (request.method === 'POST' && /\/staff\/members\/[^/]+\/credits$/.test(path(request)) && (body?.amount ?? 0) < -1) body!.amount = -1;
      }),
  },
  // --- webhooks
  {
    name: 'a webhook subscription read back with its secret',
    caughtBy: 'webhooks.subscriptions',
    mutate: (app) =>
      editJson(app, (request, reply) => reply.statusCode === 200 && request.method === 'GET' && /\/staff\/webhooks\/[^/]+$/.test(path(request)), (json) => ({ ...json, secret: 'whsec_bGVha2VkIHNlY3JldA==' })),
  },
  {
    name: 'a plain http webhook address accepted',
    caughtBy: 'webhooks.subscriptions',
    mutate: (app) =>
      app.addHook('preValidation', async (request) => {
        const body = request.body as { url?: string } | undefined;
        if (request.method === 'POST' && /\/staff\/webhooks$/.test(path(request)) && body?.url?.startsWith('http://')) body.url = `https://${body.url.slice('http://'.length)}`;
      }),
  },
  // --- approvals and registrations
  {
    name: 'a booking of a resource requiring approval confirmed at once (never pending)',
    caughtBy: 'approvals.pending',
    mutate: (app) =>
      editJson(app, (request, reply) => [200, 201].includes(reply.statusCode) && /\/bookings(\/[^/]+)?$/.test(path(request)), (json) => (json.status === 'pending' ? { ...json, status: 'confirmed' } : json)),
  },
  {
    name: 'confirmBooking of a confirmed booking answered 200 again',
    caughtBy: 'approvals.pending',
    mutate: (app) =>
      app.addHook('onSend', async (request, reply, payload) => {
        if (reply.statusCode !== 409 || !path(request).endsWith('/confirm')) return payload;
        const booking = await app.inject({ method: 'GET', url: path(request).replace(/\/confirm$/, ''), headers: { authorization: request.headers.authorization ?? '' } });
        reply.code(200).header('content-type', 'application/json; charset=utf-8');
        return booking.body;
      }),
  },
  {
    name: "an event's capacity ignored (a registration beyond the seats accepted)",
    caughtBy: 'registrations.capacity',
    mutate: (app, deps) =>
      app.addHook('preHandler', async (request) => {
        const match = /\/events\/([^/]+)\/registrations$/.exec(path(request));
        if (request.method === 'POST' && match) await outsideRequestTransaction(() => deps.store.db).updateTable('events').set({ capacity: null }).where('id', '=', match[1]!).execute();
      }),
  },
  // --- fixtures removed
  {
    name: 'deleteResource answered 204 without deleting',
    caughtBy: 'fixtures.cleanup',
    mutate: (app) =>
      app.addHook('onRequest', async (request, reply) => {
        if (request.method === 'DELETE' && /\/resources\/[^/]+$/.test(path(request))) return reply.code(204).send();
      }),
  },
];

/** Starts the reference server with the mutant's fault, runs the suite against it, and tells whether the named check failed. */
export async function runMutant(mutant: Mutant, kind: 'sqlite' | 'postgres' = 'sqlite'): Promise<MutantOutcome> {
  const started = performance.now();
  const server = await startReferenceServer(kind, mutant.mutate);
  try {
    const run = await runConformance({ apiUrl: server.url, spaceId: server.spaceId, staffKey: server.staffKey, memberTokens: server.memberTokens, burst: 10 });
    const failedResults = run.results.filter((result) => result.status === 'fail');
    const failed = failedResults.map((result) => result.id);
    const unexplained = failedResults.filter((result) => result.failures.some((failure) => !failure.expected || !failure.got)).map((result) => result.id);
    return { mutant, caught: !run.passed && failed.includes(mutant.caughtBy), failed, unexplained, durationMs: performance.now() - started, run };
  } finally {
    await server.close();
  }
}
