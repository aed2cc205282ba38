// The reference server for the suite's own tests: real HTTP over a fresh database seeded with the
// demo space, optionally "mutated" (a Fastify hook that breaks one rule, given the server's deps) before it listens.
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../server/src/app.ts';
import { loadConfig } from '../../../server/src/config.ts';
import { openStore } from '../../../server/src/db/database.ts';
import { migrateToLatest } from '../../../server/src/db/migrate.ts';
import type { AppDeps } from '../../../server/src/deps.ts';
import { seedDemo } from '../../../server/src/seed/demo.ts';
import { createTestDatabase, type DatabaseKind } from '../../../server/test/support/databases.ts';

/** The browser origins the demo space allows in these tests. */
export const allowedOrigins = ['https://www.la-ruche.example'];

export interface ReferenceServer {
  url: string;
  spaceId: string;
  staffKey: string;
  close(): Promise<void>;
}

export async function startReferenceServer(kind: DatabaseKind, mutate?: (app: FastifyInstance, deps: AppDeps) => void): Promise<ReferenceServer> {
  const database = await createTestDatabase(kind);
  const store = openStore(database.url);
  await migrateToLatest(store);
  const config = loadConfig({ port: '0', database: store.file ?? 'postgres', 'log-level': 'silent' }, {});
  const deps: AppDeps = { store, config, mailer: { send: async () => {} }, now: () => new Date() };
  const seeded = await seedDemo(deps, { allowedOrigins });
  const app = await buildApp(deps, { rateLimits: { signIn: 1000, signInPerEmail: 5, guestCreate: 1000, other: 100_000 } });
  mutate?.(app, deps);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  return {
    url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
    spaceId: seeded.spaceId,
    staffKey: seeded.staffKey!,
    async close() {
      await app.close();
      await store.close();
      await database.drop();
    },
  };
}
