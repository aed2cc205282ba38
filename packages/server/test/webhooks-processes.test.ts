// Webhook delivery with real server processes on one PostgreSQL, as a space runs them behind a
// load balancer: two processes, each with its dispatcher's timer running, send 40 events written
// through both, each once; then a process is killed (SIGKILL) while its delivery is in flight, and
// the process started after it sends that delivery again, with the same webhook-id.
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import { createClient, createMember, createWebhookSubscription } from '@coworking-commons/client';
import { createTestDatabase, testDatabases, type TestDatabase } from './support/databases.ts';
import { seedSpace } from './support/fixtures.ts';
import { startServerProcess, stopServerProcess } from './support/server-process.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';
import { startReceiver } from './support/webhook-receiver.ts';

const spaceId = 'la-ruche';
const path = { spaceId };

for (const kind of testDatabases().filter((k) => k === 'postgres')) {
  describe('webhooks from two server processes on one PostgreSQL', () => {
    let database: TestDatabase;
    let server: TestServer;
    let staffKey: string;
    let secret = '';
    let receiver: Awaited<ReturnType<typeof startReceiver>>;
    const processes: ChildProcess[] = [];
    const start = async () => {
      const started = await startServerProcess(database.url, { webhooks: { timeoutMs: 1000, leaseMs: 1500, intervalMs: 100 } });
      processes.push(started.child);
      return { ...started, client: createClient({ baseUrl: started.url, token: staffKey, retry: { limit: 0 } }) };
    };

    before(async () => {
      database = await createTestDatabase(kind);
      server = await startTestServer(kind, { databaseUrl: database.url });
      ({ staffKey } = await seedSpace(server));
      receiver = await startReceiver(() => secret);
      secret = (await createWebhookSubscription(server.client(staffKey), { path, body: { url: receiver.url, eventTypes: ['member.created'] } })).data.secret;
    });
    after(async () => {
      await Promise.all(processes.map((child) => stopServerProcess(child, 'SIGKILL')));
      await receiver.close();
      await server.close();
      await database.drop();
    });

    test('40 events written through two processes are delivered once each', async () => {
      const [a, b] = [await start(), await start()];
      const added = await Promise.all(
        Array.from({ length: 40 }, (_, i) => createMember((i % 2 === 0 ? a : b).client, { path, body: { email: `membre.${i}@example.org`, displayName: `Membre ${i}` } })),
      );
      const received = await receiver.until(40, 15_000);
      await new Promise((resolve) => setTimeout(resolve, 500)); // time for a second sending, were there one
      assert.equal(received.length, 40, `received ${received.length}`);
      assert.equal(new Set(received.map((r) => r.id)).size, 40, 'no webhook-id twice');
      assert.deepEqual(new Set(received.map((r) => r.data.id)), new Set(added.map((m) => m.data.id)));
      assert.deepEqual(receiver.refused, []);
      await stopServerProcess(a.child, 'SIGTERM');
      await stopServerProcess(b.child, 'SIGTERM');
    });

    test('a process killed while its delivery is in flight: the next process sends it, with the same webhook-id', async () => {
      const before = receiver.received.length;
      receiver.answerWith(() => 0);
      const a = await start();
      const member = await createMember(a.client, { path, body: { email: 'tue.en.vol@example.org', displayName: 'Envoi interrompu' } });
      const deadline = Date.now() + 5_000;
      while (receiver.held.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
      assert.equal(receiver.held.length, 1, 'the delivery reached the receiver, which holds it');
      await stopServerProcess(a.child, 'SIGKILL');
      const undelivered = await server.store.db.selectFrom('webhook_deliveries').select(['status', 'attempts']).where('status', '<>', 'delivered').execute();
      assert.deepEqual(undelivered, [{ status: 'pending', attempts: 0 }], 'committed, never recorded as sent');
      receiver.answerWith(() => 200);
      await start();
      const received = await receiver.until(before + 1, 15_000);
      assert.equal(received.length, before + 1);
      assert.equal(received[before]!.id, receiver.held[0]!.id, 'the same delivery, the same webhook-id');
      assert.equal(received[before]!.data.id, member.data.id);
    });
  });
}
