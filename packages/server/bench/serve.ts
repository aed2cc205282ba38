// A server process for the benchmark: node serve.ts <database-url>; prints its port on stdout.
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { openStore } from '../src/db/database.ts';

const store = openStore(process.argv[2]!);
const config = loadConfig({ port: '0', 'log-level': 'silent' }, {});
const app = await buildApp(
  { store, config, mailer: { send: async () => {} }, now: () => new Date('2026-12-01T00:00:00Z') },
  { rateLimits: { signIn: 1e9, guestCreate: 1e9, other: 1e9 } },
);
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
console.log(typeof address === 'object' && address ? address.port : 0);
process.on('SIGTERM', () => void app.close().then(() => store.close()).then(() => process.exit(0)));
