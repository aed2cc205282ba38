import { DatabaseSync, type SQLInputValue, type StatementSync } from 'node:sqlite';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/**
 * Adapts Node's built-in `node:sqlite` to the interface of Kysely's SqliteDialect (written for
 * better-sqlite3): parameters come as an array rather than spread, and `reader` says whether
 * a statement returns rows. Using the built-in driver means no native addon to compile.
 */
export function nodeSqlite(database: DatabaseSync): SqliteDatabase {
  // Kysely prepares every query anew; the server runs the same few hundred statements over and
  // over, so prepared statements are kept and reused, with whether they return rows (asking
  // SQLite for the columns each time costs as much as a small query).
  const statements = new Map<string, SqliteStatement>();
  return {
    close: () => database.close(),
    prepare(sql: string): SqliteStatement {
      let adapted = statements.get(sql);
      if (adapted === undefined) {
        adapted = adapt(database.prepare(sql));
        if (statements.size >= 500) statements.delete(statements.keys().next().value!);
        statements.set(sql, adapted);
      }
      return adapted;
    },
  };
}

function adapt(statement: StatementSync): SqliteStatement {
  return {
    reader: statement.columns().length > 0,
    all: (parameters) => statement.all(...toSqlite(parameters)),
    run: (parameters) => statement.run(...toSqlite(parameters)),
    iterate: (parameters) => statement.iterate(...toSqlite(parameters)) as IterableIterator<unknown>,
  };
}

/** The parameters as node:sqlite takes them: booleans as 0/1, dates as epoch ms, undefined as NULL. */
function toSqlite(parameters: ReadonlyArray<unknown>): SQLInputValue[] {
  let out: unknown[] | undefined;
  for (let i = 0; i < parameters.length; i++) {
    const value = parameters[i];
    if (typeof value === 'boolean' || value instanceof Date || value === undefined) {
      out ??= [...parameters];
      out[i] = typeof value === 'boolean' ? (value ? 1 : 0) : value instanceof Date ? value.getTime() : null;
    }
  }
  return (out ?? parameters) as SQLInputValue[];
}
