import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { Store } from '../db/database.ts';

/** How long the database gets to answer before the instance counts as failing. */
const databaseTimeout = 2000;

/**
 * `GET /healthz`, for load balancers and orchestrators: `200` while this instance can reach its
 * database, `503` when it cannot, in the `application/health+json` format (the IETF draft "Health
 * Check Response Format for HTTP APIs"). Not an operation of the API. While the server stops,
 * Fastify answers 503 to every new request, this one included, so a balancer drains the instance.
 */
export function registerHealth(app: FastifyInstance, store: Store): void {
  app.get('/healthz', async (request, reply) => {
    reply.type('application/health+json').header('cache-control', 'no-store');
    const started = performance.now();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${databaseTimeout} ms`)), databaseTimeout);
    });
    const check = (status: 'pass' | 'fail') => ({
      'database:responseTime': [
        { componentType: 'datastore', componentId: store.kind, status, observedValue: Math.round(performance.now() - started), observedUnit: 'ms' },
      ],
    });
    try {
      await Promise.race([sql`select 1`.execute(store.db), expired]);
      return { status: 'pass', checks: check('pass') };
    } catch (error) {
      request.log.error({ err: error }, 'health check: the database does not answer');
      reply.code(503);
      return { status: 'fail', output: 'The database does not answer.', checks: check('fail') };
    } finally {
      clearTimeout(timer);
    }
  });
}
