// The benchmark's baseline: a bare Fastify server over the same database engine and the same
// data, doing the least an honest implementation of the two measured operations must do, with
// the database driver itself (node:sqlite prepared statements, or a pg pool) and no framework of
// ours. node baseline.ts <database-url>; prints its port on stdout. See BENCHMARKS.md.
//
// - GET /availability?from&to[&resourceId]: one query reading the blocked intervals of the window
//   (the server's `booking_units`, same rows and index), the free time of each room inside the
//   bench space's opening hours (07:00–22:00 Europe/Paris), serialized with JSON.stringify in the
//   shape of the spec's answer. The rooms and their hours are known in advance (no query, no
//   rules, no validation, no lead time or horizon).
// - POST /bookings {resourceId, start, end, guest}: one transaction that locks the resource
//   (PostgreSQL: its row FOR UPDATE; SQLite runs one transaction at a time, synchronously), checks
//   that no booking of `bare_bookings` (a copy of `bookings`, same columns and indexes as
//   `booking_units`) overlaps, inserts the booking and answers it as JSON. No idempotency record,
//   no rules, no pricing, no validation of the body or of the answer.
import { randomUUID } from 'node:crypto';
import { DatabaseSync } from 'node:sqlite';
import Fastify from 'fastify';
import pg from 'pg';

const url = process.argv[2]!;
const postgres = /^postgres(ql)?:\/\//.test(url);
const hour = 3_600_000;
const rooms = Array.from({ length: 50 }, (_, i) => `rs_room_${String(i).padStart(2, '0')}`);

type Row = { resource_id: string; block_start: number; block_end: number };
interface Db {
  blocks(resourceIds: string[], from: number, to: number): Promise<Row[]>;
  book(resourceId: string, start: number, end: number, guest: { name: string; email: string }): Promise<Record<string, unknown> | undefined>;
  close(): Promise<void>;
}

function sqliteDb(file: string): Db {
  const database = new DatabaseSync(file);
  database.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;');
  const blocksOf = new Map<number, ReturnType<DatabaseSync['prepare']>>();
  const overlap = database.prepare('SELECT 1 FROM bare_bookings WHERE resource_id = ? AND end_at > ? AND start_at < ? LIMIT 1');
  const insert = database.prepare(
    `INSERT INTO bare_bookings (id, space_id, resource_id, member_id, guest_name, guest_email, guest_token_hash, start_at, end_at, quantity, attendees, title, notes,
       price_amount, price_currency, status, version, extensions, created_at, updated_at, cancelled_at, cancelled_by, cancellation_reason)
     VALUES (?, 'bench', ?, NULL, ?, ?, NULL, ?, ?, 1, 1, NULL, NULL, 2000, 'EUR', 'confirmed', 1, '{}', ?, ?, NULL, NULL, NULL)`,
  );
  return {
    async blocks(resourceIds, from, to) {
      let statement = blocksOf.get(resourceIds.length);
      if (!statement) {
        statement = database.prepare(
          `SELECT resource_id, block_start, block_end FROM booking_units WHERE resource_id IN (${resourceIds.map(() => '?').join(', ')}) AND block_end >= ? AND block_start <= ?`,
        );
        blocksOf.set(resourceIds.length, statement);
      }
      return statement.all(...resourceIds, from, to) as unknown as Row[];
    },
    async book(resourceId, start, end, guest) {
      const id = `bk_${randomUUID()}`;
      const now = Date.now();
      database.exec('BEGIN IMMEDIATE');
      try {
        if (overlap.get(resourceId, start, end) !== undefined) {
          database.exec('ROLLBACK');
          return undefined;
        }
        insert.run(id, resourceId, guest.name, guest.email, start, end, now, now);
        database.exec('COMMIT');
      } catch (error) {
        database.exec('ROLLBACK');
        throw error;
      }
      return { id, resource_id: resourceId, guest_name: guest.name, guest_email: guest.email, start_at: start, end_at: end, created_at: now };
    },
    close: async () => database.close(),
  };
}

function postgresDb(connectionString: string): Db {
  const pool = new pg.Pool({ connectionString, max: 10, types: { getTypeParser: (oid: number, format?: any) => (oid === 20 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format)) } as pg.CustomTypesConfig });
  return {
    async blocks(resourceIds, from, to) {
      const result = await pool.query({
        name: `blocks_${resourceIds.length}`,
        text: `SELECT resource_id, block_start, block_end FROM booking_units WHERE resource_id IN (${resourceIds.map((_, i) => `$${i + 1}`).join(', ')}) AND block_end >= $${resourceIds.length + 1} AND block_start <= $${resourceIds.length + 2}`,
        values: [...resourceIds, from, to],
      });
      return result.rows;
    },
    async book(resourceId, start, end, guest) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query({ name: 'lock', text: 'SELECT id FROM resources WHERE id = $1 FOR UPDATE', values: [resourceId] });
        const overlapping = await client.query({ name: 'overlap', text: 'SELECT 1 FROM bare_bookings WHERE resource_id = $1 AND end_at > $2 AND start_at < $3 LIMIT 1', values: [resourceId, start, end] });
        if (overlapping.rowCount) {
          await client.query('ROLLBACK');
          return undefined;
        }
        const now = Date.now();
        const inserted = await client.query({
          name: 'insert',
          text: `INSERT INTO bare_bookings (id, space_id, resource_id, member_id, guest_name, guest_email, guest_token_hash, start_at, end_at, quantity, attendees, title, notes,
                   price_amount, price_currency, status, version, extensions, created_at, updated_at, cancelled_at, cancelled_by, cancellation_reason)
                 VALUES ($1, 'bench', $2, NULL, $3, $4, NULL, $5, $6, 1, 1, NULL, NULL, 2000, 'EUR', 'confirmed', 1, '{}', $7, $7, NULL, NULL, NULL) RETURNING *`,
          values: [`bk_${randomUUID()}`, resourceId, guest.name, guest.email, start, end, now],
        });
        await client.query('COMMIT');
        return inserted.rows[0];
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

const db = postgres ? postgresDb(url) : sqliteDb(url.replace(/^sqlite:(\/\/)?/, ''));

/** The bench space's open intervals of each Paris day, 07:00–22:00, by the day's UTC midnight (computed once per day). */
const openDays = new Map<number, [number, number]>();
const parisOffset = (t: number) => {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Paris', hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' }).formatToParts(t);
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute')) - Math.floor(t / 60_000) * 60_000;
};
function openOf(dayUtc: number): [number, number] {
  let open = openDays.get(dayUtc);
  if (!open) {
    open = [dayUtc + 7 * hour - parisOffset(dayUtc + 7 * hour), dayUtc + 22 * hour - parisOffset(dayUtc + 22 * hour)];
    openDays.set(dayUtc, open);
  }
  return open;
}

/** Instants as the server writes them, remembered (the rooms open and close at the same instants): the same trick as the server's. */
const isoTexts = new Map<number, string>();
const iso = (t: number) => {
  let text = isoTexts.get(t);
  if (text === undefined) {
    text = new Date(t).toISOString();
    if (isoTexts.size >= 5000) isoTexts.clear();
    isoTexts.set(t, text);
  }
  return text;
};

const app = Fastify({ logger: false });
app.get('/availability', async (request) => {
  const query = request.query as { from: string; to: string; resourceId?: string };
  const from = Date.parse(query.from);
  const to = Date.parse(query.to);
  const ids = query.resourceId ? [query.resourceId] : rooms;
  const byRoom = new Map<string, Row[]>(ids.map((id) => [id, []]));
  for (const row of await db.blocks(ids, from, to)) byRoom.get(row.resource_id)?.push(row);
  const resources = ids.map((id) => {
    const blocks = byRoom.get(id)!.sort((a, b) => a.block_start - b.block_start);
    const slots: { start: string; end: string; remaining: number }[] = [];
    for (let day = Math.floor(from / (24 * hour)) * 24 * hour - 24 * hour; day < to + 24 * hour; day += 24 * hour) {
      const [open, close] = openOf(day);
      let cursor = Math.max(open, from);
      const end = Math.min(close, to);
      for (const b of blocks) {
        if (b.block_end <= cursor || b.block_start >= end) continue;
        if (b.block_start > cursor) slots.push({ start: iso(cursor), end: iso(b.block_start), remaining: 1 });
        cursor = Math.max(cursor, b.block_end);
      }
      if (cursor < end) slots.push({ start: iso(cursor), end: iso(end), remaining: 1 });
    }
    return { resourceId: id, quantity: 1, rules: { granularity: 'PT30M', minDuration: 'PT30M', maxDuration: 'PT8H' }, slots };
  });
  return { spaceId: 'bench', timeZone: 'Europe/Paris', from: iso(from), to: iso(to), quantity: 1, resources };
});
app.post('/bookings', async (request, reply) => {
  const body = request.body as { resourceId: string; start: string; end: string; guest: { name: string; email: string } };
  const row = await db.book(body.resourceId, Date.parse(body.start), Date.parse(body.end), body.guest);
  if (!row) return reply.code(409).send({ type: 'booking-conflict', status: 409 });
  return reply.code(201).send({
    id: row.id,
    spaceId: 'bench',
    resourceId: row.resource_id,
    start: iso(Number(row.start_at)),
    end: iso(Number(row.end_at)),
    quantity: 1,
    attendees: 1,
    booker: { kind: 'guest', name: row.guest_name, email: row.guest_email },
    price: { amount: 2000, currency: 'EUR' },
    status: 'confirmed',
    createdAt: iso(Number(row.created_at)),
    updatedAt: iso(Number(row.created_at)),
    version: 1,
  });
});
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
console.log(typeof address === 'object' && address ? address.port : 0);
process.on('SIGTERM', () => void app.close().then(() => db.close()).then(() => process.exit(0)));
