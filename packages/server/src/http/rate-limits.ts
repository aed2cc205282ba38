import rateLimit, { type errorResponseBuilderContext, type RateLimitPluginOptions } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { rateLimited } from './problem.ts';

export interface RateLimits {
  /** Sign-in code requests and code exchanges, per client address, per 10 minutes. */
  signIn: number;
  /** Bookings and registrations without credentials (guests), per client address, per 10 minutes. */
  guestCreate: number;
  /** Every other request, per client address, per minute. */
  other: number;
}

export const defaultRateLimits: RateLimits = { signIn: 10, guestCreate: 20, other: 1200 };

const signInOperations = new Set(['requestSignInCode', 'createToken']);
const guestOperations = new Set(['createBooking', 'createRegistration']);

function groupOf(request: FastifyRequest): 'signIn' | 'guestCreate' | 'other' {
  const operationId = (request.routeOptions.schema as { operationId?: string } | undefined)?.operationId ?? '';
  if (signInOperations.has(operationId)) return 'signIn';
  if (guestOperations.has(operationId) && request.headers.authorization === undefined) return 'guestCreate';
  return 'other';
}

/** Per-address limits, stricter where abuse would cost others: sign-in and guest bookings. */
export async function registerRateLimits(app: FastifyInstance, limits: RateLimits): Promise<void> {
  const options: RateLimitPluginOptions = {
    global: true,
    keyGenerator: (request: FastifyRequest) => `${request.ip}:${groupOf(request)}`,
    max: async (request: FastifyRequest) => limits[groupOf(request)],
    timeWindow: ((request: FastifyRequest) => (groupOf(request) === 'other' ? 60_000 : 600_000)) as never,
    errorResponseBuilder: (_request: FastifyRequest, context: errorResponseBuilderContext) => rateLimited(Math.max(1, Math.ceil(context.ttl / 1000))),
  };
  await app.register(rateLimit, options);
}
