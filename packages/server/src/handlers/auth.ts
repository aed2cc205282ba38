import { personOf } from '../http/caller.ts';
import { unauthorized } from '../http/problem.ts';
import { spaceOf } from '../http/request-context.ts';
import { exchangeSignInCode, requestSignInCode, revokeMemberToken } from '../services/auth.ts';
import { iso } from '../services/json.ts';
import type { HandlerGroup } from './types.ts';

export const authHandlers: HandlerGroup = (deps) => ({
  async requestSignInCode(request, reply) {
    const { space } = spaceOf(request);
    const { expiresAt } = await requestSignInCode(deps, space, request.body.email, request.body.language);
    reply.code(202);
    return { expiresAt: iso(expiresAt) };
  },

  async createToken(request, reply) {
    const { space } = spaceOf(request);
    const signedIn = await exchangeSignInCode(deps, space.id, request.body.email, request.body.code);
    if (!signedIn) throw unauthorized('The code is wrong, expired or already used. Ask for a new one.');
    reply.code(201);
    return { token: signedIn.token, tokenType: 'Bearer' as const, expiresAt: iso(signedIn.expiresAt), member: signedIn.member };
  },

  async revokeToken(request, reply) {
    const memberId = personOf(request.caller);
    if (memberId === undefined) throw unauthorized();
    // The security check resolved this header to the member: it is "Bearer <token>".
    const token = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    if (token === undefined) throw unauthorized();
    await revokeMemberToken(deps, memberId, token);
    reply.code(204);
    return undefined;
  },
});
