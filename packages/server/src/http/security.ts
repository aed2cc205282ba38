import type { FastifyRequest } from 'fastify';
import { personOf } from './caller.ts';
import { guestTokenOf } from './guest-token.ts';
import { forbidden, unauthorized } from './problem.ts';

/** A 403 where the operation declares one; a 401 elsewhere (these credentials do not count there). */
function wrongCredentials(request: FastifyRequest, detail: string) {
  const declared = (request.routeOptions.schema as { response?: Record<string, unknown> } | undefined)?.response;
  return declared?.['403'] === undefined ? unauthorized(detail) : forbidden(detail);
}

/**
 * The spec's security schemes, for fastify-openapi-glue: each throws when the request does not
 * satisfy it; the glue accepts the request when one alternative of the operation passes. A staff
 * key where a member token is needed (or the reverse) is a 403 where the operation declares one
 * (a 401 elsewhere: these credentials do not count there), missing credentials a 401.
 */
export const securityHandlers = {
  async memberToken(request: FastifyRequest) {
    // A staff person is a member of the space too: their token opens their own data.
    if (personOf(request.caller) !== undefined) return;
    throw request.caller.kind === 'anonymous' ? unauthorized('Sign in: this needs a member token.') : wrongCredentials(request, 'This needs a member token.');
  },
  async staffKey(request: FastifyRequest) {
    if (request.caller.kind === 'staff') return;
    throw request.caller.kind === 'anonymous' ? unauthorized("This needs a staff API key or the token of the space's staff.") : wrongCredentials(request, "Only the space's staff may do this.");
  },
  async guestToken(request: FastifyRequest) {
    // The handler checks that the token opens the object the path names.
    if (guestTokenOf(request) !== undefined) return;
    throw unauthorized();
  },
};
