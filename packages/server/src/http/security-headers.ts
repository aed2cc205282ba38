import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { guestTokenOf } from './guest-token.ts';

/** API answers are data, never documents: nothing in them may run, load or be framed. */
export const apiPolicy = "default-src 'none'; frame-ancestors 'none'";

/**
 * The same security headers on every response of a kind, from any route or layer: no MIME
 * sniffing and no referrer anywhere; the API's own Content-Security-Policy on everything that
 * sets none (pages set theirs); and `no-store` on every answer to a request that carries
 * credentials (a member token, a staff key, a guest token), so no shared or browser cache keeps
 * what a token opened.
 */
export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    applySecurityHeaders(request, reply);
    return payload;
  });
}

export function applySecurityHeaders(request: FastifyRequest, reply: FastifyReply): void {
  reply.header('x-content-type-options', 'nosniff');
  if (!reply.hasHeader('referrer-policy')) reply.header('referrer-policy', 'no-referrer');
  if (!reply.hasHeader('content-security-policy')) reply.header('content-security-policy', apiPolicy);
  if (carriesCredentials(request)) reply.header('cache-control', 'no-store');
}

function carriesCredentials(request: FastifyRequest): boolean {
  return request.headers.authorization !== undefined || guestTokenOf(request) !== undefined || /[?&]guestToken=/.test(request.url);
}
