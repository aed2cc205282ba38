import cors from '@fastify/cors';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../deps.ts';
import { requestSpace } from './request-space.ts';

const exposedHeaders = ['ETag', 'Location', 'Retry-After', 'Idempotent-Replayed'];
const allowedHeaders = ['Authorization', 'Content-Type', 'Idempotency-Key', 'If-Match', 'Accept', 'Accept-Language'];

/**
 * CORS only for the origins a space lists. Discovery and the list of spaces are public
 * documents, readable from any origin; nothing is ever sent with cookies.
 */
export async function registerCors(app: FastifyInstance, deps: Deps): Promise<void> {
  await app.register(cors, {
    hook: 'onRequest',
    delegator: (request, callback) => {
      const origin = request.headers.origin;
      const base = { credentials: false, exposedHeaders, allowedHeaders, maxAge: 600, methods: ['GET', 'HEAD', 'POST', 'PATCH', 'DELETE'] };
      if (!origin) return callback(null, { ...base, origin: false });
      const spaceId = /^\/spaces\/([^/?]+)/.exec(request.url)?.[1];
      if (!spaceId) return callback(null, { ...base, origin: true });
      requestSpace(deps, request, decodeURIComponent(spaceId)).then(
        (space) => {
          const origins = space?.allowedOrigins ?? [];
          callback(null, { ...base, origin: origins.includes(origin) || origins.includes('*') });
        },
        (error: Error) => callback(error),
      );
    },
  });
}
