// A space's data out of one server and into another (`coworking-commons export` / `import`): every
// row the space owns, table by table, as the database holds it, so that nothing is lost on the
// way. The format is described in docs/export-a-space.md.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';

export const exportFormat = 'coworking-commons-space-export';
export const exportFormatVersion = 1;

export interface SpaceExport {
  format: typeof exportFormat;
  formatVersion: number;
  /** The newest migration of the server that wrote it: rows are in that schema. */
  schema: string;
  spaceId: string;
  exportedAt: string;
  /** Every table's rows, in the order they are imported (what a row refers to comes before it). */
  tables: Record<string, Record<string, unknown>[]>;
}

type Db = Kysely<Database> | Transaction<Database>;
type Row = Record<string, unknown>;

interface TableOfSpace {
  name: keyof Database & string;
  /** The rows of the space: by its own `space_id`, or through the table it belongs to. */
  rows(db: Db, spaceId: string): Promise<Row[]>;
  /** Columns that are the server's own (a sequence), left out and given again on import. */
  local?: string[];
  /** The columns that tell rows apart, for a stable order. */
  key: string[];
}

const bySpace = (name: keyof Database & string, key: string[] = ['id']): TableOfSpace => ({
  name,
  key,
  rows: (db, spaceId) => (db as Kysely<any>).selectFrom(name).selectAll().where('space_id', '=', spaceId).execute(),
});

/**
 * What a space owns, in an order in which every row comes after those it refers to. Left out:
 * sign-in codes and member tokens (people sign in again on the new server) and idempotency
 * records (a day's replays, sealed with the server's secret).
 */
export const tablesOfSpace: TableOfSpace[] = [
  { name: 'spaces', key: ['id'], rows: (db, spaceId) => db.selectFrom('spaces').selectAll().where('id', '=', spaceId).execute() },
  bySpace('resources'),
  bySpace('plans'),
  bySpace('organisations'),
  bySpace('members'),
  bySpace('memberships'),
  bySpace('api_keys'),
  bySpace('bookings'),
  {
    name: 'booking_units',
    key: ['booking_id', 'unit'],
    rows: (db, spaceId) => db.selectFrom('booking_units').selectAll('booking_units').innerJoin('bookings', 'bookings.id', 'booking_units.booking_id').where('bookings.space_id', '=', spaceId).execute(),
  },
  bySpace('events'),
  bySpace('registrations'),
  bySpace('credit_entries'),
  // In the order it was written: its sequence is the server's, given again on import in that order.
  { ...bySpace('audit_log'), local: ['seq'], rows: (db, spaceId) => db.selectFrom('audit_log').selectAll().where('space_id', '=', spaceId).orderBy('seq').execute() },
  bySpace('webhook_subscriptions'),
  bySpace('webhook_deliveries'),
  {
    name: 'webhook_attempts',
    key: ['id'],
    rows: (db, spaceId) => db.selectFrom('webhook_attempts').selectAll('webhook_attempts').innerJoin('webhook_deliveries', 'webhook_deliveries.id', 'webhook_attempts.delivery_id').where('webhook_deliveries.space_id', '=', spaceId).execute(),
  },
];

const compareBy = (key: string[]) => (a: Row, b: Row) => {
  for (const column of key) {
    const x = a[column] as string | number;
    const y = b[column] as string | number;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
};

/** Every row of the space, read in one transaction (a consistent snapshot while the server runs). */
export async function exportSpace(db: Kysely<Database>, spaceId: string, schema: string, now: Date): Promise<SpaceExport> {
  return db.transaction().execute(async (trx) => {
    const tables: SpaceExport['tables'] = {};
    for (const table of tablesOfSpace) {
      const rows = (await table.rows(trx, spaceId)).map((row) => withoutColumns(row, table.local ?? []));
      // Sorted here, not by the database: SQLite's and PostgreSQL's orders of text differ.
      tables[table.name] = table.local ? rows : rows.sort(compareBy(table.key));
    }
    if (tables.spaces!.length === 0) throw new SpaceNotFound(spaceId);
    return { format: exportFormat, formatVersion: exportFormatVersion, schema, spaceId, exportedAt: now.toISOString(), tables };
  });
}

export class SpaceNotFound extends Error {
  readonly spaceId: string;
  constructor(spaceId: string) {
    super(`there is no space "${spaceId}"`);
    this.spaceId = spaceId;
  }
}

/** A document that cannot be imported, and why. */
export class ImportRefused extends Error {}

/**
 * Writes an export into this server in one transaction: all of it, or nothing when any row is
 * refused. The space must not exist here yet; the export must be of this server's schema.
 */
export async function importSpace(db: Kysely<Database>, document: unknown, schema: string): Promise<{ spaceId: string; rows: number }> {
  const data = checkDocument(document, schema);
  return db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('spaces').select('id').where('id', '=', data.spaceId).executeTakeFirst();
    if (existing) throw new ImportRefused(`this server has a space "${data.spaceId}" already; import into a server without it`);
    let rows = 0;
    for (const table of tablesOfSpace) {
      const values = data.tables[table.name] ?? [];
      for (let start = 0; start < values.length; start += 200) {
        await (trx as Transaction<any>).insertInto(table.name).values(values.slice(start, start + 200)).execute();
      }
      rows += values.length;
    }
    return { spaceId: data.spaceId, rows };
  });
}

function checkDocument(document: unknown, schema: string): SpaceExport {
  const data = document as Partial<SpaceExport> | null;
  if (typeof data !== 'object' || data === null || data.format !== exportFormat) throw new ImportRefused(`this is not a space export of Coworking Commons (its "format" is not "${exportFormat}")`);
  if (data.formatVersion !== exportFormatVersion) throw new ImportRefused(`the export's formatVersion is ${String(data.formatVersion)}; this server reads version ${exportFormatVersion}`);
  if (data.schema !== schema) throw new ImportRefused(`the export was written by a server at migration ${String(data.schema)}, this one is at ${schema}: import it with the same version of the server (migrate both first)`);
  if (typeof data.spaceId !== 'string' || typeof data.tables !== 'object' || data.tables === null) throw new ImportRefused('the export has no "spaceId" or no "tables"');
  const known = new Set(tablesOfSpace.map((table) => table.name));
  const unknown = Object.keys(data.tables).filter((name) => !known.has(name as TableOfSpace['name']));
  if (unknown.length) throw new ImportRefused(`the export has tables this server does not know: ${unknown.join(', ')}`);
  for (const [name, rows] of Object.entries(data.tables)) {
    if (!Array.isArray(rows) || rows.some((row) => typeof row !== 'object' || row === null || Array.isArray(row))) throw new ImportRefused(`the table "${name}" of the export is not a list of rows`);
    const foreign = rows.filter((row) => 'space_id' in row && row.space_id !== data.spaceId);
    if (foreign.length) throw new ImportRefused(`the table "${name}" of the export has ${foreign.length} row(s) of another space than "${data.spaceId}"`);
  }
  const space = data.tables.spaces;
  if (space?.length !== 1 || space[0]!.id !== data.spaceId) throw new ImportRefused(`the export's "spaces" table must hold the one space "${data.spaceId}"`);
  return data as SpaceExport;
}

function withoutColumns(row: Row, columns: string[]): Row {
  if (columns.length === 0) return row;
  const copy = { ...row };
  for (const column of columns) delete copy[column];
  return copy;
}
