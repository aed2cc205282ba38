// A real reference server for the browser end-to-end tests, started by the test runner's
// `cowork-e2e-server` plugin (web-test-runner.config.mjs): a temporary SQLite database seeded
// with the demo space "La Ruche", allowing the test runner's origin (CORS), with generous rate
// limits, and a mailer that hands every mail (sign-in codes) to the test runner on stdout.
// Every response is checked against the spec; violations are reported on stderr and fail the run.
// Usage: node --conditions=source packages/elements/test/support/e2e-server.ts --origin http://localhost:8000
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildApp } from '../../../server/src/app.ts';
import { loadConfig } from '../../../server/src/config.ts';
import { openStore } from '../../../server/src/db/database.ts';
import { migrateToLatest } from '../../../server/src/db/migrate.ts';
import { seedDemo } from '../../../server/src/seed/demo.ts';
import { validateResponses } from '../../../server/test/support/response-validator.ts';

const { values } = parseArgs({ options: { origin: { type: 'string', default: '*' } } });
const dir = mkdtempSync(join(tmpdir(), 'cowork-e2e-'));
const file = join(dir, 'e2e.sqlite');
const store = openStore(file);
await migrateToLatest(store);
const seeded = await seedDemo({ store, now: () => new Date() }, { allowedOrigins: [values.origin!] });
const config = loadConfig({ port: '0', database: file, 'log-level': 'silent' }, {});
const send = (message: object) => process.stdout.write(`${JSON.stringify(message)}\n`);
const app = await buildApp(
  {
    store,
    config,
    mailer: { send: async (mail) => void send({ type: 'mail', at: Date.now(), ...mail }) },
    now: () => new Date(),
  },
  { rateLimits: { signIn: 10_000, guestCreate: 10_000, other: 1_000_000 } },
);
const violations = validateResponses(app);
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
send({ type: 'ready', url, spaceId: seeded.spaceId, staffKey: seeded.staffKey });
// Violations are handed over as they happen, so the tests can assert there are none.
let reported = 0;
setInterval(() => {
  while (reported < violations.length) send({ type: 'violation', violation: violations[reported++] });
}, 100).unref();

async function stop() {
  await app.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  if (violations.length > 0) {
    console.error(`The end-to-end server answered ${violations.length} response(s) that do not match the spec:\n${JSON.stringify(violations, null, 2)}`);
    process.exit(1);
  }
  process.exit(0);
}
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
