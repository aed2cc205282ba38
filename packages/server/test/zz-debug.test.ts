import { test } from 'node:test';
import { buildApp } from '../src/app.ts';
import { startTestServer } from './support/test-server.ts';
import { seedSpace } from './support/fixtures.ts';
import { addResource } from './support/booking-fixtures.ts';
import { memberWithToken } from './support/rows.ts';
test('debug', async () => {
  const server = await startTestServer('sqlite', { now: '2026-12-01T07:00:00Z' });
  await seedSpace(server);
  const m = await memberWithToken(server, 'la-ruche');
  const r = await addResource(server, 'la-ruche');
  const app = await buildApp(server.deps, { logger: { level: 'error' } });
  const res = await app.inject({ method: 'POST', url: '/spaces/la-ruche/bookings', headers: { authorization: `Bearer ${m.token}`, 'idempotency-key': 'abcdefghijk', 'content-type': 'application/json' }, payload: JSON.stringify({ resourceId: r.id, start: '2026-12-02T10:00:00+01:00', end: '2026-12-02T11:00:00+01:00' }) });
  console.log(res.statusCode, res.body);
});
