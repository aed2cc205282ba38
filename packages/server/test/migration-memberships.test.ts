import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Migrator } from 'kysely/migration';
import { openStore, type Store } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { initial } from '../src/db/migrations/001-initial.ts';
import { unitsByEnd } from '../src/db/migrations/002-units-by-end.ts';
import { longestBlock } from '../src/db/migrations/003-longest-block.ts';
import { staffRoles } from '../src/db/migrations/004-staff-roles.ts';
import { versions } from '../src/db/migrations/005-versions.ts';
import { memberships } from '../src/db/migrations/006-memberships.ts';
import { credits } from '../src/db/migrations/007-credits.ts';
import { webhooks } from '../src/db/migrations/008-webhooks.ts';
import { toMember } from '../src/services/members.ts';
import { createTestDatabase, testDatabases, type TestDatabase } from './support/databases.ts';

for (const kind of testDatabases()) {
  describe(`migration 006-memberships on a database with data (${kind})`, () => {
    let database: TestDatabase;
    let store: Store;
    const all = () => ({
      '001-initial': initial(kind),
      '002-units-by-end': unitsByEnd,
      '003-longest-block': longestBlock(kind),
      '004-staff-roles': staffRoles(kind),
      '005-versions': versions,
      '006-memberships': memberships,
      '007-credits': credits,
      '008-webhooks': webhooks,
    });
    const migrator = () => new Migrator({ db: store.db, provider: { getMigrations: async () => all() } });

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
