import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openStore, type Store } from '../src/db/database.ts';
import { migrateToLatest, migratorOf } from '../src/db/migrate.ts';
import { toMember } from '../src/services/members.ts';
import { createTestDatabase, testDatabases, type TestDatabase } from './support/databases.ts';

for (const kind of testDatabases()) {
  describe(`migration 006-memberships on a database with data (${kind})`, () => {
    let database: TestDatabase;
    let store: Store;
    const migrator = () => migratorOf(store);

    before(async () => {
      database = await createTestDatabase(kind);
      store = openStore(database.url);
      const before006 = await migrator().migrateTo('005-versions');
      if (before006.error) throw before006.error;
      const at = Date.parse('2026-11-01T00:00:00Z');
      const db = store.db as any;
      await db.insertInto('spaces').values({ id: 'la-ruche', document: '{}', allowed_origins: '[]', created_at: at, updated_at: at }).execute();
      await db
        .insertInto('members')
        .values({ id: 'mb_old', space_id: 'la-ruche', email: 'old@example.org', display_name: 'Old', status: 'active', directory_consent: 0, search_text: 'old', document: '{}', member_since: '2020-01-01', created_at: at, updated_at: at })
        .execute();
      await migrateToLatest(store);
    });
    after(async () => {
      await store?.close();
      await database?.drop();
    });

    test('members already there belong to no organisation; the new tables are empty', async () => {
      const row = await store.db.selectFrom('members').selectAll().executeTakeFirstOrThrow();
      assert.equal(row.organisation_id, null);
      assert.equal('organisationId' in toMember(row), false);
      assert.deepEqual(await store.db.selectFrom('organisations').selectAll().execute(), []);
      assert.deepEqual(await store.db.selectFrom('memberships').selectAll().execute(), []);
    });

    test('it can be undone and done again, keeping the members', async () => {
      const down = await migrator().migrateTo('005-versions');
      assert.equal(down.error, undefined);
      const up = await migrateToLatest(store);
      assert.equal(up.error, undefined);
      assert.equal((await store.db.selectFrom('members').select('id').execute()).length, 1);
    });
  });
}
