import type { FastifyBaseLogger } from 'fastify';
import type { ServerConfig } from './config.ts';
import type { Store } from './db/database.ts';
import type { Background } from './services/background.ts';
import type { Mailer } from './services/mailer.ts';

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
}

/** What a caller gives `buildApp`; it adds the logger and the background queue. */
export type AppDeps = Omit<Deps, 'log' | 'background'>;
