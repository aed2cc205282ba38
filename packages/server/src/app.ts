import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import openapiGlue from 'fastify-openapi-glue';
import type { AppDeps, Deps } from './deps.ts';
import { createBackground, type Background } from './services/background.ts';
import { allHandlers } from './handlers/index.ts';
import { cdnPrefix } from './http/cdn.ts';
import { registerCompression } from './http/compression.ts';
import { registerCors } from './http/cors.ts';
import { registerConsoleSite } from './http/console-site.ts';
import { registerDemoSite, type DemoSite } from './http/demo-site.ts';
import { registerErrorHandling } from './http/error-handler.ts';
import { frameworkErrorOptions, registerHostCheck } from './http/framework-errors.ts';
import { registerHealth } from './http/health.ts';
import { rateLimitsFrom, registerRateLimits, type RateLimits } from './http/rate-limits.ts';
import { registerReference } from './http/reference.ts';
import { registerListIntegrity } from './http/list-integrity.ts';
import { responseSchemas } from './http/response-schemas.ts';
import { transactional } from './http/transactional-handlers.ts';
import { registerRequestBodies } from './http/request-body.ts';
import { registerRequestContext } from './http/request-context.ts';
import { registerSecurityHeaders } from './http/security-headers.ts';
import { securityHandlers } from './http/security.ts';
import { openApiValidatorCompiler } from './http/validator.ts';
import { createDispatcher, type Dispatcher } from './webhooks/dispatcher.ts';

const require = createRequire(import.meta.url);

declare module 'fastify' {
  interface FastifyInstance {
    /** Work the application does after answering (sign-in mails). */
    background: Background;
    /** The webhook outbox's dispatcher: `start()` it to send deliveries on a timer too. */
    webhooks: Dispatcher;
  }
}

/** The bundled spec the server implements: routes, validation and serialization all come from it. */
export function loadSpec(): { paths: Record<string, any>; info: { version: string }; [key: string]: any } {
  return JSON.parse(readFileSync(require.resolve('@coworking-commons/spec/openapi.json'), 'utf8'));
}

export interface AppOptions {
  logger?: FastifyServerOptions['logger'];
  /** Also serve the demo space's website and the elements' bundles (the `npm start` job). */
  demoSite?: DemoSite;
  /** Also serve the staff console's build (packages/console/dist) at /console/. */
  consoleDir?: string;
  /** Rate limits other than the defaults (`defaultRateLimits`), for tests and benchmarks. */
  rateLimits?: Partial<RateLimits>;
  /** How webhooks are sent (tests: a shorter timeout); the timer runs once `app.webhooks.start()` is called. */
  webhooks?: { timeoutMs?: number; intervalMs?: number; leaseMs?: number };
}

/** Builds the HTTP application over its dependencies; `listen` is the caller's business. */
export async function buildApp(deps: AppDeps, options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: deps.config.bodyLimit,
    trustProxy: deps.config.trustProxy,
    return503OnClosing: true,
    ajv: undefined,
    ...frameworkErrorOptions,
  });
  const background = createBackground(app.log);
  const webhooks = createDispatcher({ db: deps.store.db, kind: deps.store.kind, serverSecret: deps.config.codePepper, now: deps.now, log: app.log, ...options.webhooks });
  const full: Deps = { ...deps, log: app.log, background, webhooks };
  app.decorate('background', background);
  app.decorate('webhooks', webhooks);
  // Deliveries written by a request go out once it has been answered, so after its commit.
  app.addHook('onResponse', async () => {
    if (webhooks.takeNotice()) background.run(async () => void (await webhooks.runOnce()));
  });
  app.addHook('onClose', async () => {
    await background.idle();
    await webhooks.stop();
  });
  app.setValidatorCompiler(openApiValidatorCompiler());
  registerErrorHandling(app);
  registerHostCheck(app);
  registerSecurityHeaders(app);
  await registerCompression(app, { preCompressed: (url) => url.startsWith(cdnPrefix) });
  await registerCors(app, full);
  await registerRateLimits(app, rateLimitsFrom(options.rateLimits));
  // fastify-openapi-glue wants a parser for every media type of the spec, responses included;
  // no request carries these three, but declaring them keeps the start-up free of warnings.
  app.addContentTypeParser('application/problem+json', { parseAs: 'string' }, app.getDefaultJsonParser('error', 'error'));
  app.addContentTypeParser(['text/calendar', 'text/csv'], { parseAs: 'string' }, (_request, body, done) => done(null, body));
  const specification = loadSpec();
  registerRequestBodies(app, specification);
  const schemas = responseSchemas(specification);
  registerListIntegrity(app, schemas);
  registerRequestContext(app, full, specification);
  registerHealth(app, deps.store);
  await registerReference(app, deps.config, { redirectRoot: !options.demoSite });
  if (options.demoSite) await registerDemoSite(app, options.demoSite, deps.config.publicUrl);
  if (options.consoleDir) await registerConsoleSite(app, options.consoleDir);
  await app.register(openapiGlue, { specification, serviceHandlers: transactional(allHandlers(full), full, specification, schemas), securityHandlers });
  return app;
}
