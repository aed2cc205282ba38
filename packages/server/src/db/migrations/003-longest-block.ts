import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { DatabaseKind } from '../database.ts';

/**
 * Each resource knows the longest interval any of its units blocks (`resources.longest_block`,
 * ms), kept by the database itself: a trigger raises it whenever a unit is written with a longer
 * interval (it never goes down; a cancelled long booking leaves it high, which costs a little
 * reading and is never wrong). With it, the units overlapping a window `[from, to]` are those
 * whose end lies in `[from, to + longest_block]`, a range of the index by resource and end: the
 * availability of a day no longer reads every later booking of the resource.
 */
export function longestBlock(kind: DatabaseKind): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema.alterTable('resources').addColumn('longest_block', 'bigint', (c) => c.notNull().defaultTo(0)).execute();
      await sql`UPDATE resources SET longest_block = COALESCE((SELECT MAX(u.block_end - u.block_start) FROM booking_units u WHERE u.resource_id = resources.id), 0)`.execute(db);
      if (kind === 'postgres') {
        await sql`CREATE FUNCTION booking_units_longest_block() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN
            UPDATE resources SET longest_block = NEW.block_end - NEW.block_start WHERE id = NEW.resource_id AND longest_block < NEW.block_end - NEW.block_start;
            RETURN NULL;
          END $$`.execute(db);
        await sql`CREATE TRIGGER booking_units_longest_block AFTER INSERT OR UPDATE OF block_start, block_end, resource_id ON booking_units
          FOR EACH ROW EXECUTE FUNCTION booking_units_longest_block()`.execute(db);
      } else {
        for (const event of ['INSERT', 'UPDATE OF block_start, block_end, resource_id']) {
          await sql.raw(`CREATE TRIGGER booking_units_longest_block_${event.startsWith('INSERT') ? 'insert' : 'update'} AFTER ${event} ON booking_units
            WHEN NEW.block_end - NEW.block_start > (SELECT longest_block FROM resources WHERE id = NEW.resource_id)
            BEGIN UPDATE resources SET longest_block = NEW.block_end - NEW.block_start WHERE id = NEW.resource_id; END`).execute(db);
        }
      }
    },
    async down(db: Kysely<any>) {
      if (kind === 'postgres') {
        await sql`DROP TRIGGER booking_units_longest_block ON booking_units`.execute(db);
        await sql`DROP FUNCTION booking_units_longest_block()`.execute(db);
      } else {
        await sql`DROP TRIGGER booking_units_longest_block_insert`.execute(db);
        await sql`DROP TRIGGER booking_units_longest_block_update`.execute(db);
      }
      await db.schema.alterTable('resources').dropColumn('longest_block').execute();
    },
  };
}
