import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Migrator } from 'kysely/migration';
import { openStore, type Store } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { initial } from '../src/db/migrations/001-initial.ts';
import { unitsByEnd } from '../src/db/migrations/002-units-by-end.ts';
import { longestBlock } from '../src/db/migrations/003-longest-block.ts';
import { staffRoles } from '../src/db/migrations/004-staff-roles.ts';
import { createTestDatabase, testDatabases, type TestDatabase } from './support/databases.ts';

for (const kind of testDatabases()) {
  describe(`migration 005-versions on a database with data (${kind})`, () => {
    let database: TestDatabase;
    let store: Store;

    before(async () => {
      database = await createTestDatabase(kind);
      store = openStore(database.url);
      const provider = {
        getMigrations: async () => ({ '001-initial': initial(kind), '002-units-by-end': unitsByEnd, '003-longest-block': longestBlock(kind), '004-staff-roles': staffRoles(kind) }),
      };
      const before005 = await new Migrator({ db: store.db, provider }).migrateTo('004-staff-roles');
      if (before005.error) throw before005.error;
      const at = Date.parse('2026-11-01T00:00:00Z');
      const db = store.db as any;
      await db.insertInto('spaces').values({ id: 'la-ruche', document: '{}', allowed_origins: '[]', created_at: at, updated_at: at }).execute();
      await db.insertInto('resources').values({ id: 'rs_old', space_id: 'la-ruche', type: 'hot_desk', status: 'active', quantity: 1, position: 1, document: '{}', created_at: at, updated_at: at }).execute();
      await db.insertInto('plans').values({ id: 'pl_old', space_id: 'la-ruche', position: 1, document: '{}', created_at: at, updated_at: at }).execute();
      await db
        .insertInto('members')
        .values({ id: 'mb_old', space_id: 'la-ruche', email: 'old@example.org', display_name: 'Old', status: 'active', directory_consent: 0, search_text: 'old', document: '{}', member_since: '2020-01-01', created_at: at, updated_at: at })
        .execute();
      await db
        .insertInto('events')
        .values({ id: 'ev_old', space_id: 'la-ruche', start_at: at, end_at: at + 3600_000, visibility: 'public', status: 'scheduled', capacity: null, tags: '[]', document: '{}', created_at: at, updated_at: at })
        .execute();
      await migrateToLatest(store);
    });
    after(async () => {
      await store?.close();
      await database?.drop();
    });

    test('the rows already there start at version 1; new ones too', async () => {
      for (const table of ['spaces', 'resources', 'plans', 'members', 'events'] as const) {
        const rows = await store.db.selectFrom(table).select('version').execute();
        assert.deepEqual(rows.map((row) => Number(row.version)), [1], table);
      }
      const at = Date.now();
      await store.db.insertInto('spaces').values({ id: 'le-phare', document: '{}', allowed_origins: '[]', created_at: at, updated_at: at }).execute();
      const row = await store.db.selectFrom('spaces').select('version').where('id', '=', 'le-phare').executeTakeFirstOrThrow();
      assert.equal(row.version, 1);
    });
  });
}
