import cors from '@fastify/cors';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../deps.ts';
import { loadSpace } from '../services/spaces.ts';

const exposedHeaders = ['ETag', 'Location', 'Retry-After', 'Idempotent-Replayed'];
const allowedHeaders = ['Authorization', 'Content-Type', 'Idempotency-Key', 'If-Match', 'Accept', 'Accept-Language'];

/**
 * CORS only for the origins a space lists. Discovery and the list of spaces are public
 * documents, readable from any origin; nothing is ever sent with cookies.
 */
export async function registerCors(app: FastifyInstance, deps: Deps): Promise<void> {
  const cache = new Map<string, { origins: string[]; at: number }>();
  const originsOf = async (spaceId: string) => {
    const cached = cache.get(spaceId);
    if (cached && Date.now() - cached.at < 10_000) return cached.origins;
    const origins = (await loadSpace(deps, spaceId))?.allowedOrigins ?? [];
    cache.set(spaceId, { origins, at: Date.now() });
    return origins;
  };
  await app.register(cors, {
    hook: 'onRequest',
    delegator: (request, callback) => {
      const origin = request.headers.origin;
      const base = { credentials: false, exposedHeaders, allowedHeaders, maxAge: 600, methods: ['GET', 'HEAD', 'POST', 'PATCH', 'DELETE'] };
      if (!origin) return callback(null, { ...base, origin: false });
      const spaceId = /^\/spaces\/([^/?]+)/.exec(request.url)?.[1];
      if (!spaceId) return callback(null, { ...base, origin: true });
      originsOf(decodeURIComponent(spaceId)).then(
        (origins) => callback(null, { ...base, origin: origins.includes(origin) || origins.includes('*') }),
        (error: Error) => callback(error),
      );
    },
  });
}
