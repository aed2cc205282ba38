import { Migrator, type Migration, type MigrationProvider, type MigrationResultSet } from 'kysely/migration';
import type { Store } from './database.ts';
import { initial } from './migrations/001-initial.ts';
import { unitsByEnd } from './migrations/002-units-by-end.ts';
import { longestBlock } from './migrations/003-longest-block.ts';
import { staffRoles } from './migrations/004-staff-roles.ts';
import { versions } from './migrations/005-versions.ts';
import { memberships } from './migrations/006-memberships.ts';
import { credits } from './migrations/007-credits.ts';
import { webhooks } from './migrations/008-webhooks.ts';

/** The migrations, in order. Never edit one that has been released: add the next. */
function migrations(store: Store): Record<string, Migration> {
  return {
    '001-initial': initial(store.kind),
    '002-units-by-end': unitsByEnd,
    '003-longest-block': longestBlock(store.kind),
    '004-staff-roles': staffRoles(store.kind),
    '005-versions': versions,
    '006-memberships': memberships,
    '007-credits': credits,
    '008-webhooks': webhooks,
  };
}

/** The name of the newest migration: the schema a database has once migrated. */
export function latestMigration(store: Store): string {
  return Object.keys(migrations(store)).at(-1)!;
}

/** A migrator over every migration, for moving to one of them (tests of a migration on a database with data). */
export function migratorOf(store: Store): Migrator {
  const provider: MigrationProvider = { getMigrations: async () => migrations(store) };
  return new Migrator({ db: store.db, provider });
}

/** Brings the database's schema up to date. */
export async function migrateToLatest(store: Store): Promise<MigrationResultSet> {
  const result = await migratorOf(store).migrateToLatest();
  if (result.error) throw result.error;
  return result;
}
