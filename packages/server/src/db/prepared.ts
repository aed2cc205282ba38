import { createQueryId, type Compilable, type CompiledQuery, type Kysely, type QueryResult } from 'kysely';
import type { Database } from './schema.ts';

/**
 * Queries built and compiled once. Kysely builds a tree of frozen objects for every query and
 * compiles it to SQL every time it runs; on the requests the server answers most (booking
 * creation, availability), that took a sixth of the time. A prepared query is built once per
 * dialect with markers in place of its arguments, compiled, and then only its parameters change.
 *
 * The builder must not look at its arguments (they are markers when it runs): it builds the same
 * query whatever they are. An argument that is an array becomes one parameter per element (for
 * `in` lists); the query is built once per length.
 */
export interface PreparedQuery<A extends unknown[], O> {
  /** The rows the query returns. */
  rows(db: Kysely<Database>, ...args: A): Promise<O[]>;
  /** The first row, if any. */
  first(db: Kysely<Database>, ...args: A): Promise<O | undefined>;
  /** The whole result (for writes: `numAffectedRows`). */
  execute(db: Kysely<Database>, ...args: A): Promise<QueryResult<O>>;
}

/** Stands for the argument at `index` (element `element` of it when it is an array) in a query being prepared. */
class Argument {
  readonly index: number;
  readonly element: number;
  constructor(index: number, element: number) {
    this.index = index;
    this.element = element;
  }
}

interface Compiled {
  query: CompiledQuery;
  /** Where each parameter comes from: an argument (and element), or a constant of the query. */
  sources: ({ index: number; element: number } | { constant: unknown })[];
}

export function prepareQuery<A extends unknown[], O>(build: (db: Kysely<Database>, ...args: A) => Compilable<O>): PreparedQuery<A, O> {
  // By dialect (the adapter's class: SQLite and PostgreSQL compile differently), then by the lengths of array arguments.
  const compiled = new Map<unknown, Map<string, Compiled>>();
  const compiledFor = (db: Kysely<Database>, args: unknown[]): Compiled => {
    const dialect = db.getExecutor().adapter.constructor;
    let byShape = compiled.get(dialect);
    if (byShape === undefined) compiled.set(dialect, (byShape = new Map()));
    const shape = args.map((a) => (Array.isArray(a) ? a.length : '')).join(',');
    let entry = byShape.get(shape);
    if (entry === undefined) {
      const markers = args.map((a, index) => (Array.isArray(a) ? a.map((_, element) => new Argument(index, element)) : new Argument(index, -1)));
      const query = build(db, ...(markers as A)).compile();
      const sources = query.parameters.map((p) => (p instanceof Argument ? { index: p.index, element: p.element } : { constant: p }));
      entry = { query, sources };
      byShape.set(shape, entry);
    }
    return entry;
  };
  const execute = (db: Kysely<Database>, args: unknown[]): Promise<QueryResult<O>> => {
    const { query, sources } = compiledFor(db, args);
    const parameters = sources.map((s) => ('constant' in s ? s.constant : s.element < 0 ? args[s.index] : (args[s.index] as unknown[])[s.element]));
    return db.executeQuery<O>({ query: query.query, sql: query.sql, parameters, queryId: createQueryId() });
  };
  return {
    rows: async (db, ...args) => (await execute(db, args)).rows,
    first: async (db, ...args) => (await execute(db, args)).rows[0],
    execute: (db, ...args) => execute(db, args),
  };
}
