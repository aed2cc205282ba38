// Another server process on the same database, as a child process: what a space runs behind a load
// balancer, for the tests of what two processes share (bookings, the webhook outbox).
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';

export interface ServerProcess {
  url: string;
  child: ChildProcess;
}

export interface ServerProcessOptions {
  /** The process's clock, fixed at this instant; the real clock when left out. */
  now?: string;
  /** The dispatcher's options; given, its timer runs, as `serve` starts it. */
  webhooks?: { timeoutMs?: number; leaseMs?: number; intervalMs?: number };
}

/** Starts a server process on `databaseUrl` (PostgreSQL); resolves once it listens. SIGTERM closes it. */
export async function startServerProcess(databaseUrl: string, options: ServerProcessOptions = {}): Promise<ServerProcess> {
  const module = (file: string) => JSON.stringify(new URL(file, import.meta.url).href);
  const script = `
    const { buildApp } = await import(${module('../../src/app.ts')});
    const { openStore } = await import(${module('../../src/db/database.ts')});
    const { loadConfig } = await import(${module('../../src/config.ts')});
    const store = openStore(process.env.CHILD_DATABASE_URL);
    const config = loadConfig({ port: '0', database: 'postgres', 'log-level': 'silent' }, {});
    const fixed = process.env.CHILD_NOW ? new Date(process.env.CHILD_NOW) : undefined;
    const webhooks = process.env.CHILD_WEBHOOKS ? JSON.parse(process.env.CHILD_WEBHOOKS) : undefined;
    const app = await buildApp({ store, config, mailer: { send: async () => {} }, now: () => fixed ?? new Date() }, { rateLimits: { signIn: 1000, guestCreate: 100000, other: 100000 }, webhooks });
    await app.listen({ host: '127.0.0.1', port: 0 });
    if (webhooks) app.webhooks.start();
    process.stdout.write('listening ' + app.server.address().port + '\\n');
    process.on('SIGTERM', async () => { await app.close(); await store.close(); process.exit(0); });
  `;
  const env: NodeJS.ProcessEnv = { ...process.env, CHILD_DATABASE_URL: databaseUrl };
  if (options.now) env.CHILD_NOW = options.now;
  if (options.webhooks) env.CHILD_WEBHOOKS = JSON.stringify(options.webhooks);
  const child = spawn(process.execPath, ['--conditions=source', '--no-warnings', '--input-type=module', '-e', script], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening (\d+)/.exec(output);
      if (match) resolve(`http://127.0.0.1:${match[1]}`);
    });
    child.once('exit', (code) => reject(new Error(`the server process exited (${code}) before listening`)));
  });
  return { url, child };
}

/** Stops a server process with `signal` (SIGTERM closes it, SIGKILL kills it) and waits until it has exited. */
export async function stopServerProcess(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill(signal);
  await once(child, 'exit');
}
