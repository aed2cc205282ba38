import type { FastifyRequest } from 'fastify';

/**
 * The `guestToken` query parameter (the spec's guestToken security scheme, not a declared
 * parameter), when one was given.
 */
export function guestTokenOf(request: FastifyRequest): string | undefined {
  const token = (request.query as { guestToken?: unknown } | undefined)?.guestToken;
  return typeof token === 'string' && token !== '' ? token : undefined;
}
