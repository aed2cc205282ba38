// The demo space's webhook subscription and the demo receiver (examples/webhook-receiver): the
// receiver verifies what the real server sends the subscription `serve --demo` adds, and prints it.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { cancelBooking, getBooking, listBookings } from '@coworking-commons/client';
import { demoSecret, startReceiver } from '../../../examples/webhook-receiver/receiver.ts';
import { seedDemo } from '../src/seed/demo.ts';
import { demoReceiverUrl, demoWebhookSecret, seedDemoWebhook } from '../src/seed/demo-webhook.ts';
import { startTestServer } from './support/test-server.ts';

const lines: string[] = [];
const receiver = await startReceiver({ port: 0, secret: demoSecret, print: (line) => lines.push(line) });
after(() => new Promise<void>((resolve) => receiver.server.close(() => resolve())));

test('the demo receiver prints each event the demo subscription sends, verified with the demo secret', async () => {
  assert.equal(demoSecret, demoWebhookSecret, 'the receiver knows the demo secret');
  assert.equal(demoReceiverUrl, 'http://127.0.0.1:8091/webhooks');
  const server = await startTestServer('sqlite');
  const { staffKey } = await seedDemo(server.deps);
  assert.equal(await seedDemoWebhook(server.store, 'la-ruche', server.deps.config.codePepper, new Date(), receiver.url), true);
  assert.equal(await seedDemoWebhook(server.store, 'la-ruche', server.deps.config.codePepper, new Date(), receiver.url), false, 'once');

  const staff = server.client(staffKey!);
  const path = { spaceId: 'la-ruche' };
  const [booking] = (await listBookings(staff, { path, query: { limit: 1, status: 'confirmed' } })).data.items;
  const { headers } = await getBooking(staff, { path: { ...path, bookingId: booking!.id } });
  await cancelBooking(staff, { path: { ...path, bookingId: booking!.id }, header: { 'If-Match': headers.get('etag')! } });
  await server.app.webhooks.runOnce();
  assert.equal(lines.length, 1, lines.join('\n'));
  assert.match(lines[0]!, new RegExp(`^\\d{4}-\\d\\d-\\d\\dT[^ ]+ booking\\.cancelled — ${booking!.id} · .* · cancelled$`));
  const delivered = await server.store.db.selectFrom('webhook_deliveries').select('status').execute();
  assert.deepEqual(delivered.map((row) => row.status), ['delivered']);
});

test('a delivery signed with another secret is refused (400) and said so', async () => {
  const answer = await fetch(receiver.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'webhook-id': 'msg_x', 'webhook-timestamp': String(Math.floor(Date.now() / 1000)), 'webhook-signature': 'v1,AAAA' },
    body: '{"type":"booking.created","timestamp":"2026-12-08T10:00:00Z","data":{}}',
  });
  assert.equal(answer.status, 400);
  assert.match(lines.at(-1)!, /^refused a delivery: /);
});
