import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openStore, type Store } from '../src/db/database.ts';
import { migrateToLatest, migratorOf } from '../src/db/migrate.ts';
import { createTestDatabase, testDatabases, type TestDatabase } from './support/databases.ts';

for (const kind of testDatabases()) {
  describe(`migration 007-credits on a database with data (${kind})`, () => {
    let database: TestDatabase;
    let store: Store;
    const migrator = () => migratorOf(store);
    const at = Date.parse('2026-11-01T00:00:00Z');

    before(async () => {
      database = await createTestDatabase(kind);
      store = openStore(database.url);
      const before007 = await migrator().migrateTo('006-memberships');
      if (before007.error) throw before007.error;
      const db = store.db as any;
      await db.insertInto('spaces').values({ id: 'la-ruche', document: '{}', allowed_origins: '[]', created_at: at, updated_at: at }).execute();
      await db.insertInto('resources').values({ id: 'rs_old', space_id: 'la-ruche', type: 'meeting_room', status: 'active', quantity: 1, position: 0, document: '{}', created_at: at, updated_at: at }).execute();
      await db
        .insertInto('bookings')
        .values({
          id: 'bk_old', space_id: 'la-ruche', resource_id: 'rs_old', member_id: null, guest_name: 'Old', guest_email: 'old@example.org', guest_token_hash: null,
          start_at: at, end_at: at + 3_600_000, quantity: 1, attendees: 1, title: null, notes: null, price_amount: 2500, price_currency: 'EUR',
          status: 'confirmed', version: 1, extensions: '{}', created_at: at, updated_at: at, cancelled_at: null, cancelled_by: null, cancellation_reason: null,
        })
        .execute();
      await migrator().migrateTo('007-credits');
    });
    after(async () => {
      await store?.close();
      await database?.drop();
    });

    test('bookings already there are priced in money, not credits; the ledger is empty', async () => {
      const row = await store.db.selectFrom('bookings').selectAll().executeTakeFirstOrThrow();
      assert.equal(row.credits, null);
      assert.equal(row.price_amount, 2500);
      assert.deepEqual(await store.db.selectFrom('credit_entries').selectAll().execute(), []);
    });

    test('a period is granted once, a debit reversed once', async () => {
      const entry = { space_id: 'la-ruche', holder_type: 'member', holder_id: 'mb_1', amount: 10, reason: 'x', created_at: at, seq: 1 };
      await store.db.insertInto('credit_entries').values({ ...entry, id: 'ce_1', kind: 'grant', membership_id: 'ms_1', period_start: '2026-11-01' }).execute();
      await assert.rejects(store.db.insertInto('credit_entries').values({ ...entry, id: 'ce_2', kind: 'grant', membership_id: 'ms_1', period_start: '2026-11-01' }).execute());
      await store.db.insertInto('credit_entries').values({ ...entry, id: 'ce_3', kind: 'reversal', reverses: 'ce_9' }).execute();
      await assert.rejects(store.db.insertInto('credit_entries').values({ ...entry, id: 'ce_4', kind: 'reversal', reverses: 'ce_9' }).execute());
      // Entries without a membership or a reversed debit do not collide.
      await store.db.insertInto('credit_entries').values({ ...entry, id: 'ce_5', kind: 'adjustment' }).execute();
      await store.db.insertInto('credit_entries').values({ ...entry, id: 'ce_6', kind: 'adjustment' }).execute();
      await store.db.deleteFrom('credit_entries').execute();
    });

    test('it can be undone and done again, keeping the bookings', async () => {
      const down = await migrator().migrateTo('006-memberships');
      assert.equal(down.error, undefined);
      const up = await migrateToLatest(store);
      assert.equal(up.error, undefined);
      assert.equal((await store.db.selectFrom('bookings').select('id').execute()).length, 1);
    });
  });
}
