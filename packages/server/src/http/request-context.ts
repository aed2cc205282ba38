import type { FastifyInstance, FastifyRequest } from 'fastify';
import { prepareQuery } from '../db/prepared.ts';
import type { Deps } from '../deps.ts';
import { hashSecret } from '../domain/secrets.ts';
import type { LoadedSpace } from '../services/spaces.ts';
import { requestSpace } from './request-space.ts';
import type { Caller } from './caller.ts';
import { isStaffRole, parseScopes, scopesOfRole } from '../domain/scopes.ts';
import { operationScopes, requireScope } from './operation-scopes.ts';
import { notFound, unauthorized } from './problem.ts';

declare module 'fastify' {
  interface FastifyRequest {
    caller: Caller;
    /** The space named by the path; set on every /spaces/{spaceId}/… route. */
    spaceContext?: LoadedSpace;
  }
}

/**
 * Public operations where credentials only add to the answer, and unknown, expired or revoked
 * ones make the caller anonymous instead of being refused: the space (staff also get its allowed
 * origins) is what every widget loads first, and must still load when the page's session has
 * ended. A staff key without the operation's scope is still refused, as everywhere.
 */
const expiredCredentialsIgnored = new Set(['getSpace']);

/** The space of a request on a /spaces/{spaceId}/… route. */
export function spaceOf(request: FastifyRequest): LoadedSpace {
  if (!request.spaceContext) throw new Error(`No space on ${request.url}`);
  return request.spaceContext;
}

/**
 * Before any handler: loads the space the path names (404 when there is none), then resolves
 * the bearer credentials against that space. Credentials of another space, unknown, revoked or
 * expired ones are refused even where none are needed, so a client never mistakes a broken
 * token for anonymous access.
 */
export function registerRequestContext(app: FastifyInstance, deps: Deps, spec: { paths: Record<string, any> }): void {
  const takesCredentials = operationsTakingCredentials(spec);
  const neededScopes = operationScopes(spec);
  app.decorateRequest('caller', null as never);
  app.decorateRequest('spaceContext', undefined);
  app.addHook('preHandler', async (request) => {
    request.caller = { kind: 'anonymous' };
    const spaceId = (request.params as { spaceId?: string } | undefined)?.spaceId;
    if (spaceId === undefined) return;
    const loaded = await requestSpace(deps, request, spaceId);
    if (!loaded) throw notFound(`There is no space "${spaceId}" on this server.`);
    request.spaceContext = loaded;
    const authorization = request.headers.authorization;
    const operationId = (request.routeOptions.schema as { operationId?: string } | undefined)?.operationId ?? '';
    // A public operation takes no credentials, so it neither needs nor judges them.
    if (authorization === undefined || !takesCredentials.has(operationId)) return;
    try {
      const match = /^Bearer\s+(\S+)$/i.exec(authorization);
      if (!match) throw unauthorized('The Authorization header must be "Bearer <token>".');
      request.caller = await resolveBearer(deps, spaceId, match[1]!);
    } catch (error) {
      if (!expiredCredentialsIgnored.has(operationId)) throw error;
      request.caller = { kind: 'anonymous' };
      return;
    }
    // Staff credentials are judged by their scopes wherever they are presented, even on an
    // operation also open to others: a key lacking the scope neither reaches nor sees more.
    const scope = neededScopes.get(operationId);
    if (scope !== undefined) requireScope(request.caller, scope, operationId);
  });
}

async function resolveBearer(deps: Deps, spaceId: string, secret: string): Promise<Caller> {
  const hash = hashSecret(secret);
  const now = deps.now().getTime();
  const { db } = deps.store;
  if (secret.startsWith('cck_')) {
    const key = await apiKeyOf.first(db, hash, spaceId);
    if (key) {
      if (key.expires_at !== null && key.expires_at <= now) throw unauthorized(`This API key expired at ${new Date(key.expires_at).toISOString()}.`);
      // Recorded at most once a minute, to keep reads from writing on every request.
      if (key.last_used_at === null || now - key.last_used_at > 60_000) {
        await db.updateTable('api_keys').set({ last_used_at: now }).where('id', '=', key.id).execute();
      }
      return { kind: 'staff', actor: { type: 'apiKey', id: key.id }, scopes: parseScopes(key.scopes) };
    }
  } else if (secret.startsWith('cct_')) {
    const token = await memberTokenOf.first(db, hash, spaceId, now);
    if (token && isStaffRole(token.role)) return { kind: 'staff', actor: { type: 'person', id: token.member_id, role: token.role }, scopes: scopesOfRole(token.role) };
    if (token) return { kind: 'member', memberId: token.member_id };
  }
  throw unauthorized('The token is unknown, expired or revoked, or belongs to another space.');
}

const apiKeyOf = prepareQuery((db, hash: string, spaceId: string) =>
  db.selectFrom('api_keys').select(['id', 'last_used_at', 'scopes', 'expires_at']).where('secret_hash', '=', hash).where('space_id', '=', spaceId).where('revoked_at', 'is', null),
);
const memberTokenOf = prepareQuery((db, hash: string, spaceId: string, now: number) =>
  db
    .selectFrom('member_tokens')
    .innerJoin('members', 'members.id', 'member_tokens.member_id')
    .select(['member_tokens.member_id', 'members.role'])
    .where('member_tokens.token_hash', '=', hash)
    .where('member_tokens.space_id', '=', spaceId)
    .where('member_tokens.expires_at', '>', now)
    .where('members.status', '=', 'active'),
);

/** The operations whose security names a member token or a staff key. */
function operationsTakingCredentials(spec: { paths: Record<string, any> }): Set<string> {
  const ids = new Set<string>();
  for (const item of Object.values(spec.paths)) {
    for (const operation of Object.values<any>(item)) {
      const security: Record<string, unknown>[] = operation?.security ?? [];
      if (security.some((alternative) => 'memberToken' in alternative || 'staffKey' in alternative)) ids.add(operation.operationId);
    }
  }
  return ids;
}
