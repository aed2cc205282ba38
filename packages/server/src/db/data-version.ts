import { sql } from 'kysely';
import type { Store } from './database.ts';

/**
 * A value that changes whenever anything was written to the database since it was last read, by
 * this process or another: what a cache of answers read from it compares to know they still
 * hold. SQLite: the rows this connection changed (`total_changes()`, rolled-back ones included)
 * and the commits of other connections (`PRAGMA data_version`). PostgreSQL: the position of the
 * last record written to the write-ahead log, which every commit moves before it is seen (any
 * write of the cluster moves it: more misses, never a stale answer). `undefined` where it cannot be
 * known (a PostgreSQL standby): then nothing is cached.
 */
export async function dataVersion(store: Store): Promise<string | undefined> {
  try {
    if (store.kind === 'sqlite') {
      const { rows } = await sql<{ changes: number; version: number }>`select total_changes() as changes, data_version as version from pragma_data_version`.execute(store.db);
      return `${rows[0]!.changes}:${rows[0]!.version}`;
    }
    const { rows } = await sql<{ lsn: string }>`select pg_current_wal_insert_lsn()::text as lsn`.execute(store.db);
    return rows[0]!.lsn;
  } catch {
    return undefined;
  }
}
