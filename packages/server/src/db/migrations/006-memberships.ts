import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * Organisations and memberships (0.2): the space's organisations, a member's optional
 * organisation, and the memberships of plans held by a member or an organisation. Dates are
 * `YYYY-MM-DD` text in the space's time zone, compared as text; the pending change of plan has
 * columns of its own so that lists can filter on the plan that applies on a given day.
 */
export const memberships: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('organisations')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('space_id', 'text', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('document', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
    await db.schema.createIndex('organisations_by_name').on('organisations').columns(['space_id', 'name', 'id']).execute();

    await db.schema.alterTable('members').addColumn('organisation_id', 'text').execute();
    await db.schema.createIndex('members_by_organisation').on('members').columns(['space_id', 'organisation_id']).execute();

    await db.schema
      .createTable('memberships')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('space_id', 'text', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
      .addColumn('holder_type', 'text', (c) => c.notNull())
      .addColumn('holder_id', 'text', (c) => c.notNull())
      .addColumn('plan_id', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('start_date', 'text', (c) => c.notNull())
      .addColumn('end_date', 'text')
      .addColumn('pending_plan_id', 'text')
      .addColumn('pending_date', 'text')
      // price, period, periodAnchor, the pending change's price and period, extensions.
      .addColumn('document', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
    await db.schema.createIndex('memberships_by_space').on('memberships').columns(['space_id', 'created_at', 'id']).execute();
    await db.schema.createIndex('memberships_by_holder').on('memberships').columns(['space_id', 'holder_type', 'holder_id']).execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('memberships').execute();
    await db.schema.dropIndex('members_by_organisation').execute();
    await db.schema.alterTable('members').dropColumn('organisation_id').execute();
    await db.schema.dropTable('organisations').execute();
  },
};
