import { notFound, validationError } from '../http/problem.ts';
import { spaceOf } from '../http/request-context.ts';
import { issueApiKey, listApiKeys, revokeApiKey, toApiKey } from '../services/api-keys.ts';
import { decodeCursor, page } from '../services/pagination.ts';
import type { HandlerGroup } from './types.ts';

export const apiKeysHandlers: HandlerGroup = (deps) => ({
  async listApiKeys(request) {
    const { space } = spaceOf(request);
    const limit = request.query.limit ?? 20;
    const after = decodeCursor(request.query.cursor, ['number', 'string']);
    const rows = await listApiKeys(deps, space.id, limit, after);
    return page(rows, limit, toApiKey, (row) => [row.created_at, row.id]);
  },

  async createApiKey(request, reply) {
    const { space } = spaceOf(request);
    const { name, scopes, expiresAt } = request.body;
    const expiry = expiresAt === undefined ? undefined : Date.parse(expiresAt);
    if (expiry !== undefined && expiry <= deps.now().getTime()) throw validationError([{ pointer: '/expiresAt', detail: 'must be in the future' }]);
    const { apiKey, secret } = await issueApiKey(deps, space.id, name, { ...(scopes ? { scopes } : {}), ...(expiry === undefined ? {} : { expiresAt: expiry }) });
    reply.code(201).header('location', `${deps.config.publicUrl}/spaces/${encodeURIComponent(space.id)}/staff/api-keys/${apiKey.id}`);
    return { ...apiKey, secret };
  },

  async revokeApiKey(request, reply) {
    const { space } = spaceOf(request);
    if (!(await revokeApiKey(deps, space.id, request.params.apiKeyId))) throw notFound('There is no such API key in this space.');
    reply.code(204);
    return undefined;
  },
});
