import { after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { createClient, type CoworkClient } from '@coworking-commons/client';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { openStore, type Store } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import type { AppDeps } from '../../src/deps.ts';
import type { Mail } from '../../src/services/mailer.ts';
import { createTestDatabase, type DatabaseKind } from './databases.ts';
import { validateResponses, type Violation } from './response-validator.ts';

export interface TestServer {
  kind: DatabaseKind;
  url: string;
  app: FastifyInstance;
  store: Store;
  deps: AppDeps;
  /** Mails "sent" (sign-in codes), newest last. */
  mails: Mail[];
  /** Moves the server's clock. */
  clock: { now: Date; set(instant: string | Date): void; advance(ms: number): void };
  /** A client of the real server over HTTP, optionally with a token. */
  client(token?: string): CoworkClient;
  /** Responses that did not match the spec so far. */
  violations: Violation[];
  /**
   * Something to end before the server closes, whoever closes it first (a browser talking to it:
   * closed after, its connections would hold the server's close).
   */
  closeFirst(step: () => Promise<void>): void;
  close(): Promise<void>;
}

export interface TestServerOptions {
  /** The server's initial time (default: the real time). */
  now?: string;
  rateLimits?: { signIn?: number; guestCreate?: number; other?: number };
  /** Reuse an existing database (for several processes on one PostgreSQL). */
  databaseUrl?: string;
  /** Also serve a demo site (pages and /cdn/ bundles) from these folders. */
  demoSite?: import('../../src/http/demo-site.ts').DemoSite;
  /** The staff console's build, served at /console/. */
  consoleDir?: string;
  /** The server's logger (default: none). */
  logger?: import('fastify').FastifyServerOptions['logger'];
  /** The port to listen on, when pages must name the server's URL (default: any free one). */
  port?: number;
}

/**
 * A real server on 127.0.0.1 over a fresh, migrated database of the given kind, whose every
 * response is checked against the spec. Closed (and its database dropped) after the test file.
 */
export async function startTestServer(kind: DatabaseKind, options: TestServerOptions = {}): Promise<TestServer> {
  const database = options.databaseUrl ? undefined : await createTestDatabase(kind);
  const store = openStore(options.databaseUrl ?? database!.url);
  await migrateToLatest(store);
  const mails: Mail[] = [];
  const clock = {
    now: options.now ? new Date(options.now) : new Date(),
    set(instant: string | Date) {
      clock.now = new Date(instant);
    },
    advance(ms: number) {
      clock.now = new Date(clock.now.getTime() + ms);
    },
  };
  const config = loadConfig({ port: String(options.port ?? 0), database: store.file ?? 'postgres', 'log-level': 'silent' }, {});
  const deps: AppDeps = {
    store,
    config,
    mailer: { send: async (mail) => void mails.push(mail) },
    now: () => clock.now,
  };
  const app = await buildApp(deps, { rateLimits: { signIn: 1000, guestCreate: 1000, other: 100_000, ...options.rateLimits }, demoSite: options.demoSite, consoleDir: options.consoleDir, logger: options.logger });
  const violations = validateResponses(app);
  await app.listen({ host: '127.0.0.1', port: options.port ?? 0 });
  const address = app.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const firstSteps: (() => Promise<void>)[] = [];
  const server: TestServer = {
    kind,
    url,
    app,
    store,
    deps,
    mails,
    clock,
    violations,
    // Each answer is read once the server's work after answering is done (sign-in mails).
    client: (token) => createClient({ baseUrl: url, token, retry: { limit: 0 }, fetch: settledFetch(app) }),
    closeFirst: (step) => void firstSteps.push(step),
    close: once(async () => {
      for (const step of firstSteps.splice(0)) await step();
      // A client that keeps a connection open (with a request it never finishes) would hold the
      // close for ever: 5 s on, the connections are cut, and the test log says so.
      const cut = setTimeout(() => {
        process.stderr.write(`The test server ${url} still had connections open 5 s into its close: cut them.\n`);
        app.server.closeAllConnections();
      }, 5_000);
      await app.close();
      clearTimeout(cut);
      await store.close();
      await database?.drop();
    }),
  };
  openServers.push(server);
  return server;
}

// Servers are closed when the test file ends. The hook is registered here, when the test file
// imports this module (so at the file's root): `after` called from inside a `before` hook would
// attach to that hook and run as soon as it returns, closing the server before any test.
const openServers: TestServer[] = [];
after(async () => {
  const violations = openServers.flatMap((server) => server.violations);
  for (const server of openServers.splice(0)) await server.close();
  assert.deepEqual(violations, [], 'responses that do not match the spec');
});

function settledFetch(app: FastifyInstance): typeof fetch {
  return async (input, init) => {
    const response = await fetch(input, init);
    await app.background.idle();
    return response;
  };
}

function once(fn: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | undefined;
  return () => (done ??= fn());
}
