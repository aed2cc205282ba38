import type { FastifyBaseLogger } from 'fastify';
import type { ServerConfig } from './config.ts';
import type { Store } from './db/database.ts';
import type { Background } from './services/background.ts';
import type { Mailer } from './services/mailer.ts';
import type { Dispatcher } from './webhooks/dispatcher.ts';

/** What handlers and services need, passed explicitly so tests can supply their own clock or mailer. */
export interface Deps {
  store: Store;
  config: ServerConfig;
  mailer: Mailer;
  /** The current time; tests move it. */
  now: () => Date;
  log: FastifyBaseLogger;
  /** Work done after answering; the application makes it. */
  background: Background;
  /** Sends the webhook outbox; the application makes it. */
  webhooks: Dispatcher;
}

/** What a caller gives `buildApp`; it adds the logger, the background queue and the webhook dispatcher. */
export type AppDeps = Omit<Deps, 'log' | 'background' | 'webhooks'>;
