import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/** The objects staff edit, each with the version its `ETag` carries (bookings have had one since 001). */
const tables = ['spaces', 'resources', 'members', 'plans', 'events'] as const;

/**
 * Versions (0.2): a `version` on the space, resources, members, plans and events, starting at 1
 * for the rows already there, raised by one on every change, so that a change sent with an
 * outdated `If-Match` is refused instead of overwriting one made meanwhile.
 */
export const versions: Migration = {
  async up(db: Kysely<any>) {
    for (const table of tables) {
      await db.schema.alterTable(table).addColumn('version', 'integer', (c) => c.notNull().defaultTo(1)).execute();
    }
  },
  async down(db: Kysely<any>) {
    for (const table of tables) await db.schema.alterTable(table).dropColumn('version').execute();
  },
};
