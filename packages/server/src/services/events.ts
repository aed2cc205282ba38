import type { components } from '@coworking-commons/client';
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Caller } from '../http/caller.ts';
import type { Database, EventsTable } from '../db/schema.ts';
import type { DatabaseKind } from '../db/database.ts';
import { iso, parseJson } from './json.ts';

export type Event = components['schemas']['Event'];
export type EventRow = Selectable<EventsTable>;
/** An event row with the number of its `registered` registrations (for `seatsLeft`). */
export type EventView = EventRow & { registered: number | string | null };

/**
 * The fields kept in the `document` column. The queried ones (start, end, visibility, status,
 * capacity, tags) live in their own columns only, so there is one truth for each.
 */
export type EventDocument = Omit<Event, 'id' | 'spaceId' | 'start' | 'end' | 'visibility' | 'status' | 'capacity' | 'tags' | 'seatsLeft' | 'createdAt' | 'updatedAt' | 'version'>;

/** The row and the number of registered people → the spec's Event. */
export function toEvent(row: EventView): Event {
  const document = parseJson<EventDocument>(row.document);
  const registered = Number(row.registered ?? 0);
  return {
    id: row.id,
    spaceId: row.space_id,
    ...document,
    start: iso(row.start_at),
    end: iso(row.end_at),
    tags: parseJson<string[]>(row.tags),
    ...(row.capacity === null ? {} : { capacity: row.capacity, seatsLeft: Math.max(0, row.capacity - registered) }),
    visibility: row.visibility as Event['visibility'],
    status: row.status as Event['status'],
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    version: row.version,
  } as Event;
}

/** The Event → the row's columns (`seatsLeft` is computed, never stored; the version is the writer's). */
export function toEventColumns(event: Event): Omit<EventRow, 'id' | 'space_id' | 'created_at' | 'version'> {
  const { id: _id, spaceId: _space, start, end, visibility, status, capacity, tags, seatsLeft: _seats, createdAt: _created, updatedAt, version: _version, ...document } = event;
  return {
    start_at: Date.parse(start),
    end_at: Date.parse(end),
    visibility,
    status,
    capacity: capacity ?? null,
    tags: JSON.stringify(tags ?? []),
    document: JSON.stringify(document),
    updated_at: Date.parse(updatedAt),
  };
}

/** Whether the caller may see events with `visibility: members` (members and staff). */
export function seesMembersOnly(caller: Caller): boolean {
  return caller.kind !== 'anonymous';
}

/** Events with their count of registered people; callers add conditions. */
export function eventsQuery(db: Kysely<Database> | Transaction<Database>) {
  return db
    .selectFrom('events')
    .selectAll('events')
    .select((eb) =>
      eb
        .selectFrom('registrations')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('registrations.event_id', '=', 'events.id')
        .where('registrations.status', '=', 'registered')
        .as('registered'),
    );
}

/** One event of the space as the caller may see it, or undefined (unknown, another space's, or members-only for an anonymous caller). */
export async function findEvent(db: Kysely<Database> | Transaction<Database>, spaceId: string, eventId: string, caller: Caller): Promise<EventView | undefined> {
  let query = eventsQuery(db).where('events.space_id', '=', spaceId).where('events.id', '=', eventId);
  if (!seesMembersOnly(caller)) query = query.where('events.visibility', '=', 'public');
  return (await query.executeTakeFirst()) as EventView | undefined;
}

/**
 * Reads an event row inside a transaction, locking it on PostgreSQL (`FOR UPDATE`) so that the
 * registrations, cancellations and capacity changes of one event run one after the other. SQLite
 * transactions are serialized anyway (one connection).
 */
export async function lockEvent(trx: Transaction<Database>, kind: DatabaseKind, spaceId: string, eventId: string): Promise<EventRow | undefined> {
  let query = trx.selectFrom('events').selectAll().where('space_id', '=', spaceId).where('id', '=', eventId);
  if (kind === 'postgres') query = query.forUpdate();
  return query.executeTakeFirst();
}

/** The number of `registered` (seated) registrations of an event. */
export async function registeredCount(db: Kysely<Database> | Transaction<Database>, eventId: string): Promise<number> {
  const row = await db
    .selectFrom('registrations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('event_id', '=', eventId)
    .where('status', '=', 'registered')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Gives free seats to waitlisted registrations, earliest first (created_at, then id), until the
 * event is full or the waitlist empty. Run inside the transaction that freed the seats, with the
 * event locked. Returns the ids promoted.
 */
export async function promoteWaitlisted(trx: Transaction<Database>, event: Pick<EventRow, 'id' | 'capacity' | 'status'>, now: number): Promise<string[]> {
  if (event.status !== 'scheduled') return [];
  let free: number | undefined;
  if (event.capacity !== null) {
    free = event.capacity - (await registeredCount(trx, event.id));
    if (free <= 0) return [];
  }
  let query = trx
    .selectFrom('registrations')
    .select('id')
    .where('event_id', '=', event.id)
    .where('status', '=', 'waitlisted')
    .orderBy('created_at')
    .orderBy('id');
  if (free !== undefined) query = query.limit(free);
  const ids = (await query.execute()).map((row) => row.id);
  if (ids.length > 0) await trx.updateTable('registrations').set({ status: 'registered', updated_at: now }).where('id', 'in', ids).execute();
  return ids;
}
