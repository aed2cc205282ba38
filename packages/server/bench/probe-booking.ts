import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { openStore } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { createTestDatabase } from '../test/support/databases.ts';
import { benchSpaceId, bookingWeek, seedBenchSpace } from './fixture.ts';
const database = await createTestDatabase('sqlite');
const store = openStore(database.url);
await migrateToLatest(store);
const { staffKey, resourceIds } = await seedBenchSpace(store, new Date('2026-12-01T00:00:00Z'));
const app = await buildApp({ store, config: loadConfig({ port: '0', 'log-level': 'silent' }, {}), mailer: { send: async () => {} }, now: () => new Date('2026-12-01T00:00:00Z') }, { rateLimits: { other: 1e9, signIn: 1e9, guestCreate: 1e9 } });
let n = 0;
const book = async () => {
  const i = n++;
  const start = Date.parse(bookingWeek.from) + Math.floor(i / 50) * 1800_000 + 7 * 3600_000;
  return app.inject({ method: 'POST', url: `/spaces/${benchSpaceId}/bookings`, headers: { authorization: `Bearer ${staffKey}`, 'idempotency-key': `key-${i}-abcdefgh` }, payload: { resourceId: resourceIds[i % 50], start: new Date(start).toISOString(), end: new Date(start + 1800_000).toISOString(), guest: { name: 'G', email: 'g@example.org' } } });
};
for (let i = 0; i < 5; i++) console.log((await book()).statusCode);
const { Session } = await import('node:inspector/promises'); const session = new Session(); session.connect(); await session.post('Profiler.enable');
await session.post('Profiler.start');
const t = performance.now();
for (let i = 0; i < 200; i++) { const r = await book(); if (r.statusCode !== 201) console.log(r.statusCode, r.body); }
console.log('per booking', ((performance.now() - t) / 200).toFixed(2), 'ms');
const { profile } = await session.post('Profiler.stop'); (await import('node:fs')).writeFileSync('/tmp/book.cpuprofile', JSON.stringify(profile));
await app.close(); await store.close(); await database.drop();
