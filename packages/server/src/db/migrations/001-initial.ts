import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { DatabaseKind } from '../database.ts';

/** The first schema. Written once for both databases; the only differences are the guards against double booking. */
export function initial(kind: DatabaseKind): Migration {
  return {
    async up(db: Kysely<any>) {
      const bigint = 'bigint' as const;
      await db.schema
        .createTable('spaces')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('document', 'text', (c) => c.notNull())
        .addColumn('allowed_origins', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('created_at', bigint, (c) => c.notNull())
        .addColumn('updated_at', bigint, (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('resources')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('space_id', 'text', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('quantity', 'integer', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('document', 'text', (c) => c.notNull())
        .addColumn('created_at', bigint, (c) => c.notNull())
        .addColumn('updated_at', bigint, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('resources_by_space').on('resources').columns(['space_id', 'position']).execute();

      await db.schema
        .createTable('plans')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('space_id', 'text', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('document', 'text', (c) => c.notNull())
        .addColumn('created_at', bigint, (c) => c.notNull())
        .addColumn('updated_at', bigint, (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('members')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('space_id', 'text', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
        .addColumn('email', 'text')
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('directory_consent', 'integer', (c) => c.notNull())
        .addColumn('search_text', 'text', (c) => c.notNull())
        .addColumn('document', 'text', (c) => c.notNull())
        .addColumn('member_since', 'text', (c) => c.notNull())
        .addColumn('created_at', bigint, (c) => c.notNull())
        .addColumn('updated_at', bigint, (c) => c.notNull())
        .addUniqueConstraint('members_email_unique', ['space_id', 'email'])
        .execute();
      await db.schema.createIndex('members_directory').on('members').columns(['space_id', 'directory_consent', 'display_name']).execute();

      await db.schema
        .createTable('member_tokens')
        .addColumn('token_hash', 'text', (c) => c.primaryKey())
        .addColumn('space_id', 'text', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
        .addColumn('member_id', 'text', (c) => c.notNull().references('members.id').onDelete('cascade'))
        .addColumn('expires_at', bigint, (c) => c.notNull())
        .addColumn('created_at', bigint, (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('sign_in_codes')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('space_id', 'text', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
        .addColumn('email', 'text', (c) => c.notNull())
        .addColumn('code_hash', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('expires_at', bigint, (c) => c.notNull())
        .addColumn('used_at', bigint)
        .addColumn('created_at', bigint, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('sign_in_codes_by_email').on('sign_in_codes').columns(['space_id', 'email', 'created_at']).execute();

      await db.schema
        .createTable('api_keys')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('space_id', 'text', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('prefix', 'text', (c) => c.notNull())
        .addColumn('secret_hash', 'text', (c) => c.notNull().unique())
        .addColumn('created_at', bigint, (c) => c.notNull())
        .addColumn('last_used_at', bigint)
        .addColumn('revoked_at', bigint)
        .execute();

      await db.schema
        .createTable('bookings')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('space_id', 'text', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
        .addColumn('resource_id', 'text', (c) => c.notNull().references('resources.id'))
        .addColumn('member_id', 'text', (c) => c.references('members.id').onDelete('set null'))
        .addColumn('guest_name', 'text')
        .addColumn('guest_email', 'text')
        .addColumn('guest_token_hash', 'text', (c) => c.unique())
        .addColumn('start_at', bigint, (c) => c.notNull())
        .addColumn('end_at', bigint, (c) => c.notNull())
        .addColumn('quantity', 'integer', (c) => c.notNull())
        .addColumn('attendees', 'integer', (c) => c.notNull())
        .addColumn('title', 'text')
        .addColumn('notes', 'text')
        .addColumn('price_amount', 'integer', (c) => c.notNull())
        .addColumn('price_currency', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('extensions', 'text', (c) => c.notNull().defaultTo('{}'))
        .addColumn('created_at', bigint, (c) => c.notNull())
        .addColumn('updated_at', bigint, (c) => c.notNull())
        .addColumn('cancelled_at', bigint)
        .addColumn('cancelled_by', 'text')
        .addColumn('cancellation_reason', 'text')
        .addCheckConstraint('bookings_interval', sql`end_at > start_at`)
        .execute();
      await db.schema.createIndex('bookings_by_space_start').on('bookings').columns(['space_id', 'start_at']).execute();
      await db.schema.createIndex('bookings_by_member').on('bookings').columns(['member_id', 'start_at']).execute();

      await db.schema
        .createTable('booking_units')
        .addColumn('booking_id', 'text', (c) => c.notNull().references('bookings.id').onDelete('cascade'))
        .addColumn('resource_id', 'text', (c) => c.notNull().references('resources.id'))
        .addColumn('unit', 'integer', (c) => c.notNull())
        .addColumn('block_start', bigint, (c) => c.notNull())
        .addColumn('block_end', bigint, (c) => c.notNull())
        .addPrimaryKeyConstraint('booking_units_pk', ['booking_id', 'unit'])
        .addCheckConstraint('booking_units_interval', sql`block_end > block_start`)
        .execute();
      await db.schema.createIndex('booking_units_by_resource').on('booking_units').columns(['resource_id', 'block_start']).execute();
      if (kind === 'postgres') {
        await sql`CREATE EXTENSION IF NOT EXISTS btree_gist`.execute(db);
        await sql`ALTER TABLE booking_units ADD CONSTRAINT booking_units_no_overlap
          EXCLUDE USING gist (resource_id WITH =, unit WITH =, int8range(block_start, block_end) WITH &&)`.execute(db);
      } else {
        // SQLite has no exclusion constraints: a trigger refuses the overlap instead. Writes are
        // also serialized (one connection, one transaction at a time); this is the backstop.
        await sql`CREATE TRIGGER booking_units_no_overlap BEFORE INSERT ON booking_units
          WHEN EXISTS (SELECT 1 FROM booking_units o WHERE o.resource_id = NEW.resource_id AND o.unit = NEW.unit
            AND o.block_start < NEW.block_end AND NEW.block_start < o.block_end)
          BEGIN SELECT RAISE(ABORT, 'booking_units_no_overlap'); END`.execute(db);
        await sql`CREATE TRIGGER booking_units_no_overlap_update BEFORE UPDATE ON booking_units
          WHEN EXISTS (SELECT 1 FROM booking_units o WHERE o.resource_id = NEW.resource_id AND o.unit = NEW.unit
            AND o.booking_id <> OLD.booking_id AND o.block_start < NEW.block_end AND NEW.block_start < o.block_end)
          BEGIN SELECT RAISE(ABORT, 'booking_units_no_overlap'); END`.execute(db);
      }

      await db.schema
        .createTable('events')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('space_id', 'text', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
        .addColumn('start_at', bigint, (c) => c.notNull())
        .addColumn('end_at', bigint, (c) => c.notNull())
        .addColumn('visibility', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('capacity', 'integer')
        .addColumn('tags', 'text', (c) => c.notNull())
        .addColumn('document', 'text', (c) => c.notNull())
        .addColumn('created_at', bigint, (c) => c.notNull())
        .addColumn('updated_at', bigint, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('events_by_space_start').on('events').columns(['space_id', 'start_at']).execute();

      await db.schema
        .createTable('registrations')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('space_id', 'text', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
        .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
        .addColumn('member_id', 'text', (c) => c.references('members.id').onDelete('set null'))
        .addColumn('guest_name', 'text')
        .addColumn('guest_email', 'text')
        .addColumn('guest_token_hash', 'text', (c) => c.unique())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('created_at', bigint, (c) => c.notNull())
        .addColumn('updated_at', bigint, (c) => c.notNull())
        .addColumn('cancelled_at', bigint)
        .addColumn('cancellation_reason', 'text')
        .execute();
      await db.schema.createIndex('registrations_by_event').on('registrations').columns(['event_id', 'status', 'created_at']).execute();
      // One live registration per member and event, whatever the concurrency.
      await db.schema
        .createIndex('registrations_one_per_member')
        .on('registrations')
        .columns(['event_id', 'member_id'])
        .unique()
        .where(sql.ref('status'), '<>', 'cancelled')
        .execute();

      await db.schema
        .createTable('idempotency_keys')
        .addColumn('space_id', 'text', (c) => c.notNull())
        .addColumn('caller', 'text', (c) => c.notNull())
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('operation', 'text', (c) => c.notNull())
        .addColumn('request_hash', 'text', (c) => c.notNull())
        .addColumn('status_code', 'integer', (c) => c.notNull())
        .addColumn('response_body', 'text', (c) => c.notNull())
        .addColumn('response_headers', 'text', (c) => c.notNull())
        .addColumn('created_at', bigint, (c) => c.notNull())
        .addPrimaryKeyConstraint('idempotency_keys_pk', ['space_id', 'caller', 'key'])
        .execute();
      await db.schema.createIndex('idempotency_keys_by_age').on('idempotency_keys').column('created_at').execute();
    },
    async down(db: Kysely<any>) {
      for (const table of ['idempotency_keys', 'registrations', 'events', 'booking_units', 'bookings', 'api_keys', 'sign_in_codes', 'member_tokens', 'members', 'plans', 'resources', 'spaces']) {
        await db.schema.dropTable(table).ifExists().execute();
      }
    },
  };
}
