import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { DatabaseKind } from '../database.ts';

/** Every scope there is: what keys made before scopes existed could reach. */
const allScopes = '["read","bookings","members","events","billing","admin"]';

/**
 * Staff and roles (0.2): a role per person, scopes and an optional expiry per API key, and the
 * audit log of staff writes. The audit log is append-only: the database itself refuses to update
 * or delete its rows (a trigger on each database), so no code path can rewrite history.
 */
export function staffRoles(kind: DatabaseKind): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema.alterTable('members').addColumn('role', 'text', (c) => c.notNull().defaultTo('member')).execute();
      await db.schema.alterTable('api_keys').addColumn('scopes', 'text', (c) => c.notNull().defaultTo(allScopes)).execute();
      await db.schema.alterTable('api_keys').addColumn('expires_at', 'bigint').execute();

      await db.schema
        .createTable('audit_log')
        // The order of the writes, also among those of one millisecond.
        .$call((table) => (kind === 'postgres' ? table.addColumn('seq', 'bigserial', (c) => c.primaryKey()) : table.addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement())))
        .addColumn('id', 'text', (c) => c.notNull().unique())
        // No foreign key: entries outlive what they name (an erased member, a deleted resource).
        .addColumn('space_id', 'text', (c) => c.notNull())
        .addColumn('at', 'bigint', (c) => c.notNull())
        .addColumn('actor_type', 'text', (c) => c.notNull())
        .addColumn('actor_id', 'text', (c) => c.notNull())
        .addColumn('operation', 'text', (c) => c.notNull())
        .addColumn('resource_type', 'text', (c) => c.notNull())
        .addColumn('resource_id', 'text', (c) => c.notNull())
        .addColumn('before', 'text')
        .addColumn('after', 'text')
        .execute();
      await db.schema.createIndex('audit_log_by_space').on('audit_log').columns(['space_id', 'seq']).execute();
      await db.schema.createIndex('audit_log_by_actor').on('audit_log').columns(['space_id', 'actor_id', 'seq']).execute();
      await db.schema.createIndex('audit_log_by_resource').on('audit_log').columns(['space_id', 'resource_id', 'seq']).execute();

      if (kind === 'postgres') {
        await sql`CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN
            RAISE EXCEPTION 'the audit log is append-only';
          END $$`.execute(db);
        await sql`CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
          FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`.execute(db);
        await sql`CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
          FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`.execute(db);
      } else {
        for (const event of ['UPDATE', 'DELETE']) {
          await sql.raw(`CREATE TRIGGER audit_log_no_${event.toLowerCase()} BEFORE ${event} ON audit_log
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END`).execute(db);
        }
      }
    },
    async down(db: Kysely<any>) {
      if (kind === 'postgres') {
        await sql`DROP TABLE audit_log`.execute(db);
        await sql`DROP FUNCTION audit_log_append_only()`.execute(db);
      } else {
        await db.schema.dropTable('audit_log').execute();
      }
      await db.schema.alterTable('api_keys').dropColumn('expires_at').execute();
      await db.schema.alterTable('api_keys').dropColumn('scopes').execute();
      await db.schema.alterTable('members').dropColumn('role').execute();
    },
  };
}
