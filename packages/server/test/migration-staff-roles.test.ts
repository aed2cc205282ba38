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
  describe(`migration 004-staff-roles on a database with data (${kind})`, () => {
    let database: TestDatabase;
    let store: Store;

    before(async () => {
      database = await createTestDatabase(kind);
      store = openStore(database.url);
      const provider = {
        getMigrations: async () => ({ '001-initial': initial(kind), '002-units-by-end': unitsByEnd, '003-longest-block': longestBlock(kind), '004-staff-roles': staffRoles(kind) }),
      };
      const before004 = await new Migrator({ db: store.db, provider }).migrateTo('003-longest-block');
      if (before004.error) throw before004.error;
      const at = Date.parse('2026-11-01T00:00:00Z');
      await store.db.insertInto('spaces').values({ id: 'la-ruche', document: '{}', allowed_origins: '[]', created_at: at, updated_at: at }).execute();
      await store.db
        .insertInto('members')
        .values({ id: 'mb_old', space_id: 'la-ruche', email: 'old@example.org', display_name: 'Old', status: 'active', directory_consent: 0, search_text: 'old', document: '{}', member_since: '2020-01-01', created_at: at, updated_at: at })
        .execute();
      // As 003 knew the table: without the scopes and expiry columns that the schema now has.
      await (store.db as any)
        .insertInto('api_keys')
        .values({ id: 'key_old', space_id: 'la-ruche', name: 'Old key', prefix: 'cck_old', secret_hash: 'x', created_at: at, last_used_at: null, revoked_at: null })
        .execute();
      await migrateToLatest(store);
    });
    after(async () => {
      await store?.close();
      await database?.drop();
    });

    test('a key made before scopes keeps every scope and never expires; a person made before roles is a member', async () => {
      const key = await store.db.selectFrom('api_keys').select(['scopes', 'expires_at']).where('id', '=', 'key_old').executeTakeFirstOrThrow();
      assert.deepEqual(JSON.parse(key.scopes), ['read', 'bookings', 'members', 'events', 'billing', 'admin']);
      assert.equal(key.expires_at, null);
      const member = await store.db.selectFrom('members').select('role').where('id', '=', 'mb_old').executeTakeFirstOrThrow();
      assert.equal(member.role, 'member');
    });

    test('the audit log exists, empty, and refuses changes once written', async () => {
      assert.equal((await store.db.selectFrom('audit_log').selectAll().execute()).length, 0);
      await store.db
        .insertInto('audit_log')
        .values({ id: 'au_1', space_id: 'la-ruche', at: 1, actor_type: 'apiKey', actor_id: 'key_old', operation: 'updateSpace', resource_type: 'space', resource_id: 'la-ruche', before: null, after: '{}' })
        .execute();
      await assert.rejects(store.db.updateTable('audit_log').set({ after: null }).execute(), /append-only/);
      await assert.rejects(store.db.deleteFrom('audit_log').execute(), /append-only/);
    });
  });
}
