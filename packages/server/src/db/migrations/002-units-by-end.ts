import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * The blocked units of a resource by the end of their interval, with everything the availability
 * and allocation queries read (a covering index). Both ask for the units overlapping a window
 * (`block_end > from AND block_start < to`): ordered by start, the database read every unit of the
 * resource that started before the window, the whole past, and looked each row up in the table;
 * ordered by end it reads the units ending after the window starts, which for the usual question
 * (from now on) are the future ones only, and never leaves the index. It replaces the index by
 * start, which nothing else needs (the foreign key to resources uses either).
 */
export const unitsByEnd: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.createIndex('booking_units_by_resource_end').on('booking_units').columns(['resource_id', 'block_end', 'block_start', 'unit', 'booking_id']).execute();
    await db.schema.dropIndex('booking_units_by_resource').execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.createIndex('booking_units_by_resource').on('booking_units').columns(['resource_id', 'block_start']).execute();
    await db.schema.dropIndex('booking_units_by_resource_end').execute();
  },
};
