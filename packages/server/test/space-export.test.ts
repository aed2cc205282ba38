// `coworking-commons export` and `import`, run as people run them: the demo space, with an audit
// log, credits, a webhook subscription and a failed delivery, exported from SQLite, imported into
// PostgreSQL (SQLite again without it), exported again: the two files hold the same rows. A
// server on the imported database answers the space. What cannot be imported is refused with one
// line, and nothing of it is written.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { adjustMemberCredits, cancelBooking, createWebhookSubscription, getBooking, listBookings, listMembers } from '@coworking-commons/client';
import { openStore } from '../src/db/database.ts';
import { seedDemo } from '../src/seed/demo.ts';
import { createTestDatabase, testDatabases, type TestDatabase } from './support/databases.ts';
import { runCli } from './support/run-cli.ts';
import { startTestServer } from './support/test-server.ts';

const dir = mkdtempSync(join(tmpdir(), 'cowork-export-'));
const databases: TestDatabase[] = [];
after(async () => {
  for (const database of databases) await database.drop();
  rmSync(dir, { recursive: true, force: true });
});

const target = testDatabases().at(-1)!;
const withoutDate = (file: string) => {
  const { exportedAt, ...rest } = JSON.parse(readFileSync(file, 'utf8'));
  assert.match(exportedAt, /^\d{4}-\d\d-\d\dT/);
  return rest;
};
const rowCount = async (url: string) => {
  const store = openStore(url);
  try {
    const counts = await Promise.all((['spaces', 'members', 'bookings', 'audit_log'] as const).map((table) => store.db.selectFrom(table).select(({ fn }) => fn.countAll<number>().as('n')).executeTakeFirstOrThrow()));
    return counts.map((count) => Number(count.n));
  } finally {
    await store.close();
  }
};

describe(`export a space from SQLite and import it into ${target}`, () => {
  test('the round trip loses nothing: the second export holds the rows of the first, and a server on the copy answers them', async () => {
    const source = await startTestServer('sqlite');
    const { staffKey } = await seedDemo(source.deps);
    const staff = source.client(staffKey!);
    const path = { spaceId: 'la-ruche' };
    // What the seed does not write: a subscription and its delivery's failed attempt, audited changes, a credit adjustment.
    await createWebhookSubscription(staff, { path, body: { url: 'http://127.0.0.1:9/hooks', eventTypes: ['booking.cancelled'] } });
    const [booking] = (await listBookings(staff, { path, query: { limit: 1, status: 'confirmed' } })).data.items;
    const { headers } = await getBooking(staff, { path: { ...path, bookingId: booking!.id } });
    await cancelBooking(staff, { path: { ...path, bookingId: booking!.id }, header: { 'If-Match': headers.get('etag')! } });
    await source.app.webhooks.runOnce();
    const [member] = (await listMembers(staff, { path, query: { limit: 1 } })).data.items;
    await adjustMemberCredits(staff, { path: { ...path, memberId: member!.id }, body: { amount: 5, reason: 'Export test' } });

    const first = join(dir, 'first.json');
    const exported = await runCli(['export', '--space', 'la-ruche', '--to', first, '--database', source.store.file!]);
    assert.equal(exported.code, 0, exported.stderr);
    assert.match(exported.stdout, /^Exported the space "la-ruche" of SQLite .* to .*first\.json: 1 spaces, \d+ resources, .*\d+ bookings, .*\d+ webhook_attempts\.\n$/);
    assert.equal(statSync(first).mode & 0o777, 0o600, 'readable by its owner only');
    const document = withoutDate(first);
    assert.equal(document.format, 'coworking-commons-space-export');
    for (const table of ['resources', 'plans', 'members', 'memberships', 'bookings', 'booking_units', 'events', 'registrations', 'credit_entries', 'audit_log', 'api_keys', 'webhook_subscriptions', 'webhook_deliveries', 'webhook_attempts']) {
      assert.ok(document.tables[table].length > 0, `${table} has rows`);
    }
    for (const table of ['member_tokens', 'sign_in_codes', 'idempotency_keys']) assert.equal(document.tables[table], undefined, `${table} stays behind`);

    const copy = await createTestDatabase(target);
    databases.push(copy);
    const imported = await runCli(['import', '--from', first, '--database', copy.url]);
    assert.equal(imported.code, 0, imported.stderr);
    assert.match(imported.stdout, /^Imported the space "la-ruche" into .*: \d+ rows\.\n$/);

    const second = join(dir, 'second.json');
    const again = await runCli(['export', '--space', 'la-ruche', '--to', second, '--database', copy.url]);
    assert.equal(again.code, 0, again.stderr);
    assert.deepEqual(withoutDate(second), document, 'the same rows, table by table');

    const copyServer = await startTestServer(target, { databaseUrl: copy.url });
    const read = await listBookings(copyServer.client(staffKey!), { path, query: { limit: 100 } });
    assert.deepEqual(read.data.items, (await listBookings(staff, { path, query: { limit: 100 } })).data.items, "the space's staff key reads the same bookings from the copy");
  });

  test('what cannot be imported is refused in one line, and nothing of it is written', async () => {
    const source = await startTestServer('sqlite');
    await seedDemo(source.deps);
    const file = join(dir, 'refusals.json');
    assert.equal((await runCli(['export', '--space', 'la-ruche', '--to', file, '--database', source.store.file!])).code, 0);
    const copy = await createTestDatabase(target);
    databases.push(copy);
    assert.equal((await runCli(['migrate', '--database', copy.url])).code, 0);

    const refused = async (document: unknown, message: RegExp) => {
      const bad = join(dir, `bad-${Math.random().toString(36).slice(2)}.json`);
      writeFileSync(bad, typeof document === 'string' ? document : JSON.stringify(document));
      const result = await runCli(['import', '--from', bad, '--database', copy.url]);
      assert.equal(result.code, 1, result.stdout);
      assert.match(result.stderr, message);
      assert.equal(result.stderr.trim().split('\n').length, 1, `one line: ${result.stderr}`);
      assert.deepEqual(await rowCount(copy.url), [0, 0, 0, 0], 'nothing was written');
    };
    const good = JSON.parse(readFileSync(file, 'utf8'));
    await refused('{"format": ', /cannot read .* as JSON/);
    await refused({ ...good, format: 'something-else' }, /is not a space export of Coworking Commons/);
    await refused({ ...good, schema: '001-initial' }, /written by a server at migration 001-initial, this one is at \d{3}-[a-z-]+: import it with the same version/);
    await refused({ ...good, tables: { ...good.tables, invoices: [] } }, /tables this server does not know: invoices/);
    await refused({ ...good, tables: { ...good.tables, members: [...good.tables.members, { ...good.tables.members[0], id: 'mb_other', space_id: 'le-phare' }] } }, /the table "members" of the export has 1 row\(s\) of another space than "la-ruche"; nothing was written/);
    // A booking of a resource the export does not hold: refused by the database, after the rows before it were written, and rolled back.
    // (A copy of a booking but for its id, its resource and its guest token, which is unique.)
    const orphan = { ...good.tables.bookings[0], id: 'bk_orphan', resource_id: 'rs_missing', guest_token_hash: null };
    await refused({ ...good, tables: { ...good.tables, bookings: [...good.tables.bookings, orphan] } }, /^coworking-commons import: cannot import .*: .*foreign key.*; nothing was written$/im);

    assert.equal((await runCli(['import', '--from', file, '--database', copy.url])).code, 0);
    const twice = await runCli(['import', '--from', file, '--database', copy.url]);
    assert.equal(twice.code, 1);
    assert.match(twice.stderr, /this server has a space "la-ruche" already; import into a server without it; nothing was written/);

    const unknown = await runCli(['export', '--space', 'nowhere', '--to', join(dir, 'nowhere.json'), '--database', source.store.file!]);
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /has no space "nowhere"/);
    const existing = await runCli(['export', '--space', 'la-ruche', '--to', file, '--database', source.store.file!]);
    assert.equal(existing.code, 1);
    assert.match(existing.stderr, /already exists; export never overwrites a file/);
    const usage = await runCli(['export', '--to', join(dir, 'x.json')]);
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /--space <id> is required/);
  });
});
