import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * Credits (0.2): the ledger entries of members and organisations, and the credits a booking
 * was debited. An entry is never changed once written. A membership's period is granted once
 * (unique membership and period start) and a debit reversed once (unique `reverses`); NULLs do
 * not collide on either database.
 */
export const credits: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('credit_entries')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('space_id', 'text', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
      .addColumn('holder_type', 'text', (c) => c.notNull())
      .addColumn('holder_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('amount', 'integer', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('membership_id', 'text')
      .addColumn('period_start', 'text')
      .addColumn('period_end', 'text')
      .addColumn('booking_id', 'text')
      .addColumn('reverses', 'text', (c) => c.unique())
      .addColumn('actor_type', 'text')
      .addColumn('actor_id', 'text')
      .addColumn('expires_at', 'bigint')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      // The order of writing within the ledger, for entries that take effect at the same instant.
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addUniqueConstraint('credit_entries_one_grant_per_period', ['membership_id', 'period_start'])
      .execute();
    await db.schema.createIndex('credit_entries_by_holder').on('credit_entries').columns(['space_id', 'holder_type', 'holder_id', 'created_at', 'id']).execute();
    await db.schema.createIndex('credit_entries_by_booking').on('credit_entries').columns(['booking_id']).execute();
    await db.schema.alterTable('bookings').addColumn('credits', 'integer').execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.alterTable('bookings').dropColumn('credits').execute();
    await db.schema.dropTable('credit_entries').execute();
  },
};
