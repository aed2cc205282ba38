import { createHash } from 'node:crypto';
import rateLimit, { normalizeIP } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { guestTokenOf } from './guest-token.ts';
import { rateLimited } from './problem.ts';

/**
 * The server's rate limits. Only requests to the API count: static files (`/cdn/`, `/site/`),
 * the demo pages, the reference, the bundled spec and the health check never do, so the members
 * of a space who share its Wi-Fi (one public address) may load its website as often as they like.
 *
 * Every API request counts against its client address (`other`) and, when it carries one,
 * against its credential (`perCredential`), so that one member's runaway script cannot use up
 * what the address allows everyone behind it. Sign-in and guest creation, which mail people or
 * hold resources, are also limited per address and per email address, so that one address
 * cannot flood many people and many addresses cannot flood one person.
 */
export interface RateLimits {
  /** API requests from one client address (an IPv6 /64), per minute. */
  other: number;
  /** API requests with one member token, staff key or guest token, per minute. */
  perCredential: number;
  /** Sign-in code requests and code exchanges from one client address, together, per 10 minutes. */
  signIn: number;
  /** Sign-in code requests for one email address, and code exchanges for one, each per 10 minutes. */
  signInPerEmail: number;
  /** Bookings and registrations without credentials (guests) from one client address, per 10 minutes. */
  guestCreate: number;
  /** Guest bookings and registrations for one guest email address, per 10 minutes. */
  guestCreatePerEmail: number;
}

/**
 * The figures, chosen for a space of 200 people behind one address: a page of the booking widget
 * makes about six API calls (discovery, space, resources, availability twice, a quote), so 200
 * people loading three such pages a minute make 3,600 requests; 6,000 a minute leaves room. A
 * person signs in once a month (tokens last 30 days): 60 sign-in requests per 10 minutes is 30
 * people signing in from the same address within 10 minutes. A person asks for a code once or
 * twice, and the server mails at most five unused codes per address and 10 minutes: the sixth
 * request for one email is answered 429, and so is a sixth code exchange (a code survives five
 * tries). Guests book a few things, not ten in 10 minutes.
 */
export const defaultRateLimits: RateLimits = {
  other: 6000,
  perCredential: 1200,
  signIn: 60,
  signInPerEmail: 5,
  guestCreate: 30,
  guestCreatePerEmail: 10,
};

/**
 * The limits in force for the given options. A per-identity limit that is not given follows its
 * group's per-address figure when that one is given (`signIn` for `signInPerEmail`, `guestCreate`
 * for `guestCreatePerEmail`, `other` for `perCredential`): tests and benchmarks that lift or
 * tighten a group set one figure for all of it.
 */
export function rateLimitsFrom(options: Partial<RateLimits> = {}): RateLimits {
  return {
    other: options.other ?? defaultRateLimits.other,
    perCredential: options.perCredential ?? options.other ?? defaultRateLimits.perCredential,
    signIn: options.signIn ?? defaultRateLimits.signIn,
    signInPerEmail: options.signInPerEmail ?? options.signIn ?? defaultRateLimits.signInPerEmail,
    guestCreate: options.guestCreate ?? defaultRateLimits.guestCreate,
    guestCreatePerEmail: options.guestCreatePerEmail ?? options.guestCreate ?? defaultRateLimits.guestCreatePerEmail,
  };
}

const minute = 60_000;
const tenMinutes = 600_000;
const signInOperations = new Set(['requestSignInCode', 'createToken']);
const guestOperations = new Set(['createBooking', 'createRegistration']);

const operationIdOf = (request: FastifyRequest) => (request.routeOptions.schema as { operationId?: string } | undefined)?.operationId;
const digest = (text: string) => createHash('sha256').update(text).digest('base64url').slice(0, 22);
const addressOf = (request: FastifyRequest) => normalizeIP(request.ip, 64);

/** Counts only what reaches the API: its operations, and paths that name nothing (404s). */
function countsAgainstTheApi(request: FastifyRequest): boolean {
  return operationIdOf(request) !== undefined || request.is404;
}

/** The member token, staff key or guest token a request carries, hashed. */
function credentialOf(request: FastifyRequest): string | undefined {
  const authorization = request.headers.authorization;
  const secret = authorization !== undefined && authorization !== '' ? authorization : guestTokenOf(request);
  return secret === undefined ? undefined : digest(secret);
}

/** The email a sign-in request names, or a guest's, normalized and hashed (absent when the body has none). */
function emailOf(request: FastifyRequest, where: 'body' | 'guest'): string | undefined {
  const body = request.body as { email?: unknown; guest?: { email?: unknown } } | null | undefined;
  const email = where === 'body' ? body?.email : body?.guest?.email;
  return typeof email === 'string' && email.trim() !== '' ? digest(email.trim().toLowerCase()) : undefined;
}

/**
 * Registers the limits as hooks: per address and per credential when a request arrives
 * (`onRequest`), per email once its body is parsed (`preValidation`, before the body is judged,
 * so that invalid attempts count too). A request refused by one limit is answered `429` with
 * `Retry-After`, as a problem document.
 */
export async function registerRateLimits(app: FastifyInstance, limits: RateLimits): Promise<void> {
  await app.register(rateLimit, { global: false });
  // Keys are counted in memory, in one least-recently-used map per limit.
  const limiter = (name: string, max: number, timeWindow: number, key: (request: FastifyRequest) => string) =>
    app.createRateLimit({ max, timeWindow, keyGenerator: (request) => `${name}:${key(request)}`, cache: 100_000 } as Parameters<typeof app.createRateLimit>[0]);
  const perAddress = limiter('address', limits.other, minute, addressOf);
  const perCredential = limiter('credential', limits.perCredential, minute, (request) => credentialOf(request)!);
  const signInPerAddress = limiter('sign-in', limits.signIn, tenMinutes, addressOf);
  const signInPerEmail = limiter('sign-in-email', limits.signInPerEmail, tenMinutes, (request) => `${operationIdOf(request)}:${emailOf(request, 'body')}`);
  const guestPerAddress = limiter('guest', limits.guestCreate, tenMinutes, addressOf);
  const guestPerEmail = limiter('guest-email', limits.guestCreatePerEmail, tenMinutes, (request) => emailOf(request, 'guest')!);

  const check = async (request: FastifyRequest, limit: ReturnType<typeof app.createRateLimit>) => {
    const result = await limit(request);
    if (!result.isAllowed && result.isExceeded) throw rateLimited(Math.max(1, result.ttlInSeconds));
  };

  app.addHook('onRequest', async (request) => {
    if (!countsAgainstTheApi(request)) return;
    await check(request, perAddress);
    if (credentialOf(request) !== undefined) await check(request, perCredential);
  });
  app.addHook('preValidation', async (request) => {
    const operationId = operationIdOf(request) ?? '';
    if (signInOperations.has(operationId)) {
      await check(request, signInPerAddress);
      if (emailOf(request, 'body') !== undefined) await check(request, signInPerEmail);
    } else if (guestOperations.has(operationId) && request.headers.authorization === undefined) {
      await check(request, guestPerAddress);
      if (emailOf(request, 'guest') !== undefined) await check(request, guestPerEmail);
    }
  });
}
