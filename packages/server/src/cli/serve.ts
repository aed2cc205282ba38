import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../config.ts';
import type { DemoSeedResult } from '../seed/demo.ts';
import { CommandError, configFlags, databaseOption, type Command } from './command.ts';
import { describeDatabase, openMigratedStore, reasonOf } from './store.ts';

/** How long in-flight requests get to finish after SIGINT or SIGTERM. */
const shutdownGrace = 10_000;

export const serveCommand: Command = {
  name: 'serve',
  summary: 'Run the API server',
  synopsis: '[options]',
  description: [
    'Migrates the database, then serves the Coworking Commons API, its discovery document',
    '(/.well-known/coworking-commons), its reference (/reference) and its bundled spec',
    '(/openapi.json). Stops gracefully on SIGINT (Ctrl+C) or SIGTERM: requests in flight finish,',
    'new ones are refused with 503. Flags win over environment variables.',
  ].join('\n'),
  options: {
    port: { type: 'string', short: 'p', value: '<number>', description: 'Port to listen on; 0 picks a free one (default 8080).', env: 'PORT' },
    host: { type: 'string', value: '<address>', description: 'Address to listen on (default 127.0.0.1; 0.0.0.0 for every interface).', env: 'HOST' },
    database: databaseOption,
    'public-url': { type: 'string', value: '<url>', description: 'The URL clients reach the API at, for links (default http://localhost:<port>).', env: 'PUBLIC_URL' },
    'mail-from': { type: 'string', value: '<address>', description: 'Sender of the sign-in mails.', env: 'MAIL_FROM' },
    'body-limit': { type: 'string', value: '<bytes>', description: 'Largest request body accepted (default 65536).', env: 'BODY_LIMIT' },
    'trust-proxy': { type: 'boolean', description: 'Trust X-Forwarded-* headers (behind a reverse proxy).', env: 'TRUST_PROXY' },
    'log-level': { type: 'string', value: '<level>', description: 'fatal, error, warn, info (default), debug, trace or silent.', env: 'LOG_LEVEL' },
    'log-format': { type: 'string', value: '<format>', description: 'pretty (default on a terminal) or json (default otherwise).', env: 'LOG_FORMAT' },
    demo: { type: 'boolean', description: 'Create the demo space "La Ruche" first if it does not exist (as `seed --demo`).' },
    'allowed-origins': { type: 'string', value: '<origins>', description: 'Comma-separated browser origins the demo space allows (default: local Vite and Storybook servers).', env: 'ALLOWED_ORIGINS' },
  },
  notes: [
    'Set only in the environment (flags show in the process list):',
    '  SMTP_URL     smtp://user:password@host:587 to send sign-in codes; without it they are written to the log.',
    '  CODE_SECRET  a long random string that hashes one-time codes; required when NODE_ENV=production.',
  ].join('\n'),
  async run(values) {
    const config = loadConfig(configFlags(values));
    // Loaded on use, so that `--help` and usage errors answer at once.
    const [{ buildApp }, { createMailer }, { seedDemo }, { seedDemoWebhook, demoReceiverUrl }, { loggerOptions }] = await Promise.all([
      import('../app.ts'),
      import('../services/mailer.ts'),
      import('../seed/demo.ts'),
      import('../seed/demo-webhook.ts'),
      import('./log.ts'),
    ]);
    const explicitPublicUrl = values['public-url'] !== undefined || process.env.PUBLIC_URL !== undefined;
    const { store } = await openMigratedStore(config.databaseUrl);
    let app: FastifyInstance | undefined;
    let demo: DemoSeedResult | undefined;
    let receiverUrl = '';
    try {
      if (values.demo) {
        demo = await seedDemo({ store, now: () => new Date() }, { allowedOrigins: config.allowedOrigins });
        await seedDemoWebhook(store, demo.spaceId, config.codePepper, new Date());
        receiverUrl = demoReceiverUrl;
      }
      // The mailer writes to the app's log, which exists once the app is built.
      const mailer = createMailer({
        smtpUrl: config.smtpUrl,
        from: config.mailFrom,
        get log() {
          return app!.log;
        },
      });
      const site = values.demo ? demoSiteInRepository() : undefined;
      const consoleDir = consoleInRepository();
      app = await buildApp({ store, config, mailer, now: () => new Date() }, { logger: loggerOptions(config), ...(site ? { demoSite: site } : {}), ...(consoleDir ? { consoleDir } : {}) });
      await app.listen({ host: config.host, port: config.port });
      // Deliveries left in the outbox by an earlier run, and the retries, go out on this timer.
      app.webhooks.start();
    } catch (error) {
      await app?.close().catch(() => {});
      await store.close().catch(() => {});
      if ((error as { code?: string }).code === 'EADDRINUSE') {
        throw new CommandError(`port ${config.port} is already in use on ${config.host}: stop the other server or choose another port with --port or PORT`);
      }
      if ((error as { code?: string }).code === 'EADDRNOTAVAIL') throw new CommandError(`cannot listen on ${config.host}: no such address on this machine`);
      throw error instanceof CommandError ? error : new CommandError(`cannot start the server: ${reasonOf(error)}`);
    }

    const address = app.server.address() as AddressInfo;
    const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    if (!explicitPublicUrl && config.port === 0) config.publicUrl = `http://localhost:${address.port}`;
    const spaces = await store.db.selectFrom('spaces').select('id').orderBy('id').execute();
    console.log(banner({ listening: `http://${host}:${address.port}`, publicUrl: config.publicUrl, database: describeDatabase(config.databaseUrl), spaces: spaces.map((s) => s.id), smtp: config.smtpUrl !== undefined, demo: demo && { ...demo, receiverUrl }, site: values.demo === true && demoSiteInRepository() !== undefined, staffConsole: consoleInRepository() !== undefined }));

    return new Promise<number>((resolve) => {
      let stopping = false;
      const stop = (signal: NodeJS.Signals) => {
        if (stopping) {
          console.error(`${signal} again: stopping at once.`);
          process.exit(1);
        }
        stopping = true;
        app.log.info(`${signal} received: finishing the requests in flight, then stopping`);
        const timer = setTimeout(() => {
          console.error(`Requests still running after ${shutdownGrace / 1000} s: stopping anyway.`);
          process.exit(1);
        }, shutdownGrace);
        timer.unref();
        app
          .close()
          .then(() => store.close())
          .then(
            () => {
              clearTimeout(timer);
              process.off('SIGINT', stop);
              process.off('SIGTERM', stop);
              console.log('Stopped.');
              resolve(0);
            },
            (error: unknown) => {
              console.error(`Error while stopping: ${reasonOf(error)}`);
              resolve(1);
            },
          );
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
  },
};

interface BannerInput {
  listening: string;
  publicUrl: string;
  database: string;
  spaces: string[];
  smtp: boolean;
  /** The demo space, with the address its webhook subscription sends to. */
  demo: (DemoSeedResult & { receiverUrl: string }) | undefined;
  /** Whether the demo website is served too. */
  site: boolean;
  /** Whether the staff console is served too. */
  staffConsole: boolean;
}

/** What a person starting the server needs to know: where everything is, and how to sign in. */
function banner({ listening, publicUrl, database, spaces, smtp, demo, site, staffConsole }: BannerInput): string {
  const lines = [
    '',
    `Coworking Commons server listening on ${listening} (${database})`,
    ...(site ? [`  Demo website      ${publicUrl}/  (La Ruche's site, embedding the elements)`] : []),
    ...(staffConsole ? [`  Staff console     ${publicUrl}/console/${spaces.length === 1 ? `?space=${spaces[0]}` : ''}  (staff and admins sign in with a one-time code)`] : []),
    `  API base URL      ${publicUrl}`,
    `  Discovery         ${publicUrl}/.well-known/coworking-commons`,
    `  API reference     ${publicUrl}/reference`,
    `  OpenAPI document  ${publicUrl}/openapi.json`,
    `  Health check      ${publicUrl}/healthz`,
    `  Spaces            ${spaces.length > 0 ? spaces.map((id) => `${publicUrl}/spaces/${id}`).join(', ') : 'none yet (coworking-commons seed --demo creates one)'}`,
  ];
  if (demo) {
    lines.push('');
    lines.push(demo.created ? `Created the demo space "${demo.name}" (${demo.spaceId}): ${demo.summary}.` : `The demo space "${demo.name}" (${demo.spaceId}) was already there; it was left as it is.`);
    if (demo.staffKey) {
      lines.push(`  Staff API key, shown only this once (keep it): ${demo.staffKey}`);
    } else {
      lines.push(`  Its staff API key was shown when it was created; make another with: coworking-commons create-api-key --space ${demo.spaceId} --name "<who>"`);
    }
    lines.push(`  Sign in as a demo member, e.g. ${demo.sampleMemberEmail}: POST ${publicUrl}/spaces/${demo.spaceId}/auth/code {"email": "${demo.sampleMemberEmail}"}`);
    lines.push(`  Demo admin         ${demo.adminEmail}  (roles, API keys, audit log; signs in with a one-time code like members${staffConsole ? ', in the staff console' : ''})`);
    lines.push(`  Demo staff person  ${demo.staffEmail}  (runs the space: bookings, members, events, plans)`);
    lines.push(`  Webhooks           every event goes to ${demo.receiverUrl}: npm run demo:receiver shows them (nothing needs it)`);
  }
  lines.push(
    smtp
      ? 'Sign-in codes are sent by email (SMTP_URL).'
      : 'No SMTP_URL is set: sign-in codes are not mailed, they appear in this log ("Mail (no SMTP configured) …").',
  );
  lines.push('Press Ctrl+C to stop.', '');
  return lines.join('\n');
}

/** The staff console's build (`npm run build -w packages/console`, which `npm start` runs), when running from the repository. */
function consoleInRepository(): string | undefined {
  const root = new URL('../../../../', import.meta.url).pathname;
  return existsSync(`${root}packages/console/package.json`) ? `${root}packages/console/dist` : undefined;
}

/** The demo website and the elements' bundles, when running from the repository (not from an installed package). */
function demoSiteInRepository(): { siteDir: string; cdnDir: string } | undefined {
  const root = new URL('../../../../', import.meta.url).pathname;
  const site = { siteDir: `${root}demo/site`, cdnDir: `${root}packages/elements/dist/cdn` };
  return existsSync(site.siteDir) ? site : undefined;
}
