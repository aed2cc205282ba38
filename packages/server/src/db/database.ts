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
  pool.on('connect', (client) => namedStatements(client));
  // An idle connection that PostgreSQL ends (a restart, an administrator, a dropped database) is
  // already out of the pool, which opens another at the next query; unheard, its error would end the process.
  pool.on('error', () => {});
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return scopedStore(db, { kind: 'postgres' });
}

/**
 * Makes a connection send the server's queries as named prepared statements: PostgreSQL parses
 * and plans each of them once per connection instead of at every request (Kysely sends every
 * query unnamed). Only reads and writes with parameters are named (the same few hundred texts);
 * transaction control and schema changes go as they are. Should a table change under a prepared
 * statement (a migration run by another process while this one serves), PostgreSQL refuses it
 * once ("cached plan must not change result type"); from then on every statement gets a new
 * name, so it is prepared again against the new schema.
 */
function namedStatements(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => Promise<unknown>;
  (client as { query: unknown }).query = (text: unknown, values?: unknown, ...rest: unknown[]) => {
    const name = typeof text === 'string' && Array.isArray(values) && values.length > 0 && rest.length === 0 ? statementName(text) : undefined;
    if (name === undefined) return query(text, values, ...rest);
    return query({ name, text, values }).catch((error: { code?: string; message?: string }) => {
      if (error?.code === '0A000' && /cached plan/.test(error.message ?? '')) forgetStatementNames();
      throw error;
    });
  };
}

const statementNames = new Map<string, string>();
let statementGeneration = 0;
const DML = /^\s*(select|insert|update|delete|with)\b/i;

function statementName(text: string): string | undefined {
  let name = statementNames.get(text);
  if (name === undefined) {
    if (statementNames.size >= 2000 || !DML.test(text)) return undefined;
    name = `cc${statementGeneration}_${statementNames.size}`;
    statementNames.set(text, name);
  }
  return name;
}

function forgetStatementNames(): void {
  statementNames.clear();
  statementGeneration++;
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
