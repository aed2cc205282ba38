/**
 * A fake Coworking Commons server for unit tests, as an injected `fetch` (give it to
 * `<cowork-space .fetch=…>` or an element's `.fetch`): it answers like the spec from fixture data,
 * and records every request. Nothing global is mocked.
 *
 * Exports:
 * - `createFixtureServer(options)` → `FixtureServer`: `fetch`, `state` (space, resources,
 *   members, bookings, tokens, codes: change them freely), `requests` (the log), `route(pattern,
 *   handler)` (add or replace an operation: patterns are the spec's, `'GET /spaces/{spaceId}'`),
 *   `fail(pattern, failure)` (every call fails until `clearFailures()`), `failNext(pattern,
 *   failure, times)`, `hold(pattern)` (the next call waits until `release()`; `reached` resolves
 *   when it arrives), `signIn(email)` (a SignInToken, as if the member had signed in),
 *   `lastCode(email)`, `callsTo(pattern)`.
 * - `problemResponse(status, type, title, extra?)`: an `application/problem+json` Response.
 * - Types `FixtureRequest`, `FixtureHandler`, `Failure`.
 * Implemented operations: discovery, getSpace, listResources, getResource, requestSignInCode,
 * createToken, revokeToken, getMe, listBookings, getBooking, cancelBooking. Others answer 501
 * unless given with `routes` / `route()`.
 */
import type { components } from '@coworking-commons/client';
import { durationMs, parseDuration } from '../../src/localization/duration.ts';
import * as data from './fixtures.ts';

type Booking = components['schemas']['Booking'];
type Member = components['schemas']['Member'];

export interface FixtureRequest {
  method: string;
  /** The route pattern that matched, such as `GET /spaces/{spaceId}`. */
  route: string;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  headers: Headers;
  body: any;
  /** The bearer token sent, if any. */
  token: string | null;
  /** The member the token belongs to. */
  member: Member | null;
}

export type FixtureAnswer = Response | { status?: number; body?: unknown; headers?: Record<string, string> };
export type FixtureHandler = (request: FixtureRequest, server: FixtureServer) => FixtureAnswer | Promise<FixtureAnswer>;
/** `network`: the fetch rejects (as when offline); otherwise a problem response. */
export type Failure = 'network' | { status: number; type?: string; title?: string; detail?: string; code?: string; headers?: Record<string, string> };

export interface FixtureServerOptions {
  space?: components['schemas']['Space'];
  resources?: components['schemas']['Resource'][];
  members?: Member[];
  bookings?: Booking[];
  features?: components['schemas']['Feature'][];
  /** The one-time code every sign-in gets (default `123456`). */
  code?: string;
  routes?: Record<string, FixtureHandler>;
  /** Milliseconds before each answer. */
  latency?: number;
  /** The server's clock. */
  now?: () => Date;
}

export interface FixtureServer {
  fetch: typeof fetch;
  state: {
    space: components['schemas']['Space'];
    resources: components['schemas']['Resource'][];
    members: Member[];
    bookings: Booking[];
    features: components['schemas']['Feature'][];
    /** token → member id */
    tokens: Map<string, string>;
    /** email → the code sent and when it expires */
    codes: Map<string, { code: string; expiresAt: number; attempts: number }>;
  };
  requests: FixtureRequest[];
  route(pattern: string, handler: FixtureHandler): void;
  fail(pattern: string, failure: Failure): void;
  failNext(pattern: string, failure: Failure, times?: number): void;
  clearFailures(): void;
  hold(pattern: string): { reached: Promise<void>; release(): void };
  signIn(email?: string): components['schemas']['SignInToken'];
  lastCode(email: string): string | undefined;
  callsTo(pattern: string): FixtureRequest[];
}

const P = 'urn:coworking-commons:problem:';

export function problemResponse(status: number, type: string, title: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify({ type: type.startsWith('urn:') ? type : P + type, title, status, ...extra }), {
    status,
    headers: { 'content-type': 'application/problem+json', ...headers },
  });
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(body === undefined ? null : JSON.stringify(body), { status, headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers } });

function compile(pattern: string): { method: string; regex: RegExp; names: string[] } {
  const [method, path] = pattern.split(' ') as [string, string];
  const names: string[] = [];
  const source = path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{([^}]+)\\?\}/g, (_, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return { method, regex: new RegExp(`^${source}$`), names };
}

let tokenCounter = 0;
const newToken = () => `mt_fixture_${(++tokenCounter).toString().padStart(4, '0')}_${Math.random().toString(36).slice(2).padEnd(24, 'x')}`;

export function createFixtureServer(options: FixtureServerOptions = {}): FixtureServer {
  const now = options.now ?? (() => new Date());
  const code = options.code ?? '123456';
  const state: FixtureServer['state'] = {
    space: options.space ?? data.space(),
    resources: options.resources ?? data.resources(),
    members: options.members ?? data.members.map((m) => ({ ...m })),
    bookings: options.bookings ?? data.bookingsFor(now()),
    features: options.features ?? data.discovery().features,
    tokens: new Map(),
    codes: new Map(),
  };
  const routes = new Map<string, FixtureHandler>();
  const failures: { pattern: string; failure: Failure; times: number }[] = [];
  const holds: { pattern: string; release: () => void; arrived: () => void; gate: Promise<void> }[] = [];
  const requests: FixtureRequest[] = [];

  const unauthorized = () => problemResponse(401, 'unauthorized', 'Unauthorized', { detail: 'A valid member token is required.' });
  const notFound = (what = 'Not found') => problemResponse(404, 'not-found', 'Not Found', { detail: what });
  const checkSpace = (request: FixtureRequest) => (request.params.spaceId === state.space.id ? undefined : notFound(`No space ${request.params.spaceId}.`));

  const builtIn: Record<string, FixtureHandler> = {
    'GET /.well-known/coworking-commons': () => json({ ...data.discovery(state.features), spaces: [{ id: state.space.id, name: state.space.name, timeZone: state.space.timeZone }] }),
    'GET /spaces/{spaceId}': (r) => checkSpace(r) ?? json(state.space),
    'GET /spaces/{spaceId}/resources': (r) => checkSpace(r) ?? json({ items: state.resources.filter((x) => x.status === 'active') }),
    'GET /spaces/{spaceId}/resources/{resourceId}': (r) => checkSpace(r) ?? ((x) => (x ? json(x) : notFound()))(state.resources.find((x) => x.id === r.params.resourceId)),
    'POST /spaces/{spaceId}/auth/code': (r) => {
      const missing = checkSpace(r);
      if (missing) return missing;
      const email = r.body?.email;
      if (typeof email !== 'string' || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) {
        return problemResponse(400, 'validation-error', 'Bad Request', { detail: 'The request is invalid.', errors: [{ pointer: '/email', detail: 'must be an email address' }] });
      }
      const expiresAt = now().getTime() + 10 * 60_000;
      if (state.members.some((m) => m.email.toLowerCase() === email.toLowerCase() && m.status === 'active')) state.codes.set(email.toLowerCase(), { code, expiresAt, attempts: 0 });
      return json({ expiresAt: new Date(expiresAt).toISOString() }, 202);
    },
    'POST /spaces/{spaceId}/auth/token': (r) => {
      const missing = checkSpace(r);
      if (missing) return missing;
      const email = String(r.body?.email ?? '').toLowerCase();
      if (!/^[0-9]{6}$/.test(String(r.body?.code ?? ''))) return problemResponse(400, 'validation-error', 'Bad Request', { errors: [{ pointer: '/code', detail: 'must match pattern ^[0-9]{6}$' }] });
      const sent = state.codes.get(email);
      if (!sent || sent.expiresAt < now().getTime() || sent.attempts >= 5 || sent.code !== r.body.code) {
        if (sent) sent.attempts += 1;
        return problemResponse(401, 'unauthorized', 'Unauthorized', { detail: 'The code is wrong, expired or already used.' });
      }
      state.codes.delete(email);
      return json(signIn(email), 201);
    },
    'DELETE /spaces/{spaceId}/auth/token': (r) => {
      if (!r.member || !r.token) return unauthorized();
      state.tokens.delete(r.token);
      return json(undefined, 204);
    },
    'GET /spaces/{spaceId}/me': (r) => checkSpace(r) ?? (r.member ? json(r.member) : unauthorized()),
    'GET /spaces/{spaceId}/bookings': (r) => {
      const missing = checkSpace(r);
      if (missing) return missing;
      if (!r.member) return unauthorized();
      const from = r.query.get('from');
      const to = r.query.get('to');
      const status = r.query.get('status');
      const limit = Number(r.query.get('limit') ?? 20);
      const offset = Number(r.query.get('cursor') ?? 0);
      const mine = state.bookings
        .filter((b) => b.booker.memberId === r.member!.id)
        .filter((b) => (!from || Date.parse(b.end) > Date.parse(from)) && (!to || Date.parse(b.start) < Date.parse(to)) && (!status || b.status === status))
        .sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
      const items = mine.slice(offset, offset + limit);
      return json(offset + limit < mine.length ? { items, nextCursor: String(offset + limit) } : { items });
    },
    'GET /spaces/{spaceId}/bookings/{bookingId}': (r) => {
      const booking = state.bookings.find((b) => b.id === r.params.bookingId);
      if (!r.member) return unauthorized();
      if (!booking || booking.booker.memberId !== r.member.id) return notFound();
      return json(booking, 200, { etag: `"${booking.version}"` });
    },
    'POST /spaces/{spaceId}/bookings/{bookingId}/cancel': (r) => {
      const booking = state.bookings.find((b) => b.id === r.params.bookingId);
      if (!r.member) return unauthorized();
      if (!booking || booking.booker.memberId !== r.member.id) return notFound();
      const ifMatch = r.headers.get('if-match');
      if (!ifMatch) return problemResponse(428, 'precondition-required', 'Precondition Required');
      if (ifMatch !== `"${booking.version}"` && ifMatch !== '*') return problemResponse(412, 'precondition-failed', 'Precondition Failed');
      if (booking.status === 'cancelled') return problemResponse(409, 'conflict', 'Conflict', { detail: 'The booking is already cancelled.' });
      if (Date.parse(booking.start) - now().getTime() < durationMs(parseDuration(state.space.policies.cancellationNotice) ?? { days: 0, ms: 0 })) {
        return problemResponse(422, 'rule-violation', 'Unprocessable Content', { code: 'cancellation_notice', detail: 'Bookings can be cancelled up to 24 hours before they start.' });
      }
      const at = now().toISOString();
      Object.assign(booking, { status: 'cancelled', updatedAt: at, version: booking.version + 1, cancellation: { at, by: 'member', ...(r.body?.reason ? { reason: r.body.reason } : {}) } });
      return json(booking, 200, { etag: `"${booking.version}"` });
    },
  };
  for (const [pattern, handler] of Object.entries({ ...builtIn, ...options.routes })) routes.set(pattern, handler);

  function signIn(email = data.memberEmail): components['schemas']['SignInToken'] {
    const member = state.members.find((m) => m.email.toLowerCase() === email.toLowerCase());
    if (!member) throw new Error(`No fixture member ${email}`);
    const token = newToken();
    state.tokens.set(token, member.id);
    return { token, tokenType: 'Bearer', expiresAt: new Date(now().getTime() + 30 * 86_400_000).toISOString(), member: { id: member.id, displayName: member.displayName } };
  }

  const matches = (pattern: string, method: string, path: string) => {
    const { method: m, regex } = compile(pattern);
    return m === method && regex.test(path);
  };

  async function fixtureFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    const request = input instanceof Request && !init ? input : new Request(input, init);
    const url = new URL(request.url);
    const method = request.method.toUpperCase();
    const path = url.pathname.replace(/\/+$/, '') || '/';
    const text = method === 'GET' || method === 'HEAD' ? '' : await request.text();
    const authorization = request.headers.get('authorization');
    const token = authorization?.startsWith('Bearer ') ? authorization.slice(7) : null;
    const memberId = token ? state.tokens.get(token) : undefined;
    let route = '';
    let params: Record<string, string> = {};
    for (const pattern of routes.keys()) {
      const { method: m, regex, names } = compile(pattern);
      const match = m === method ? regex.exec(path) : null;
      if (match) {
        route = pattern;
        params = Object.fromEntries(names.map((name, index) => [name, decodeURIComponent(match[index + 1]!)]));
        break;
      }
    }
    const fixtureRequest: FixtureRequest = {
      method,
      route,
      path,
      params,
      query: url.searchParams,
      headers: request.headers,
      body: text ? JSON.parse(text) : undefined,
      token,
      member: state.members.find((m) => m.id === memberId) ?? null,
    };
    requests.push(fixtureRequest);

    const abort = new Promise<never>((_, reject) => {
      if (request.signal.aborted) reject(request.signal.reason);
      request.signal.addEventListener('abort', () => reject(request.signal.reason), { once: true });
    });
    const answer = async (): Promise<Response> => {
      if (options.latency) await new Promise((wake) => setTimeout(wake, options.latency));
      const hold = holds.find((h) => matches(h.pattern, method, path));
      if (hold) {
        holds.splice(holds.indexOf(hold), 1);
        hold.arrived();
        await hold.gate;
      }
      const failure = failures.find((f) => matches(f.pattern, method, path));
      if (failure) {
        if (--failure.times <= 0) failures.splice(failures.indexOf(failure), 1);
        if (failure.failure === 'network') throw new TypeError('Failed to fetch');
        const f = failure.failure;
        return problemResponse(f.status, f.type ?? statusType(f.status), f.title ?? 'Error', { ...(f.detail ? { detail: f.detail } : {}), ...(f.code ? { code: f.code } : {}) }, f.headers);
      }
      if (token && !memberId && route !== 'POST /spaces/{spaceId}/auth/token' && route !== 'POST /spaces/{spaceId}/auth/code') return unauthorized();
      const handler = routes.get(route);
      if (!handler) return problemResponse(501, 'not-implemented', 'Not Implemented', { detail: `The fixture server does not implement ${method} ${path}.` });
      const result = await handler(fixtureRequest, server);
      return result instanceof Response ? result : json(result.body, result.status ?? 200, result.headers);
    };
    return Promise.race([answer(), abort]);
  }

  const server: FixtureServer = {
    fetch: fixtureFetch as typeof fetch,
    state,
    requests,
    route: (pattern, handler) => void routes.set(pattern, handler),
    fail: (pattern, failure) => void failures.push({ pattern, failure, times: Infinity }),
    failNext: (pattern, failure, times = 1) => void failures.push({ pattern, failure, times }),
    clearFailures: () => void failures.splice(0),
    hold(pattern) {
      let release!: () => void;
      let arrived!: () => void;
      const gate = new Promise<void>((wake) => (release = wake));
      const reached = new Promise<void>((wake) => (arrived = wake));
      holds.push({ pattern, release, arrived, gate });
      return { reached, release };
    },
    signIn,
    lastCode: (email) => state.codes.get(email.toLowerCase())?.code,
    callsTo: (pattern) => requests.filter((r) => r.route === pattern),
  };
  return server;
}

function statusType(status: number): string {
  const types: Record<number, string> = { 400: 'validation-error', 401: 'unauthorized', 403: 'forbidden', 404: 'not-found', 409: 'conflict', 412: 'precondition-failed', 422: 'rule-violation', 428: 'precondition-required', 429: 'rate-limited', 501: 'not-implemented' };
  return types[status] ?? 'internal';
}
