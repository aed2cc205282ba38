import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { nodeSqlite } from './node-sqlite.ts';
import { scopedDb } from './request-transaction.ts';
import type { Database } from './schema.ts';

export type DatabaseKind = 'sqlite' | 'postgres';

export interface Store {
  /** The database, or inside a changing request that request's transaction. */
  readonly db: Kysely<Database>;
  kind: DatabaseKind;
  /** For SQLite, the database file. */
  file?: string;
  close(): Promise<void>;
}

/**
 * Opens the database that `url` names: `postgres://…` (or `postgresql://…`) for PostgreSQL,
 * otherwise a SQLite file path (optionally `sqlite:` prefixed), created with its folder if needed.
 */
export function openStore(url: string): Store {
  if (/^postgres(ql)?:\/\//.test(url)) return openPostgres(url);
  return openSqlite(url.replace(/^sqlite:(\/\/)?/, ''));
}

function openSqlite(path: string): Store {
  const file = resolve(path);
  mkdirSync(dirname(file), { recursive: true });
  const database = new DatabaseSync(file);
  database.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: nodeSqlite(database) }) });
  return scopedStore(db, { kind: 'sqlite', file });
}

function openPostgres(url: string): Store {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    // Instants are epoch milliseconds in BIGINT columns; they fit a JS number exactly.
    types: { getTypeParser: (oid: number, format?: any) => (oid === 20 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format)) } as pg.CustomTypesConfig,
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return scopedStore(db, { kind: 'postgres' });
}

/** A store whose `db` is the current request's transaction while one runs (see request-transaction.ts). */
function scopedStore(db: Kysely<Database>, facts: Pick<Store, 'kind' | 'file'>): Store {
  return {
    ...facts,
    get db() {
      return scopedDb(db);
    },
    close: () => db.destroy(),
  };
}
