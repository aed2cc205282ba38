import type { components } from '@coworking-commons/client';
import type { Insertable, Kysely, Selectable, Transaction } from 'kysely';
import type { DatabaseKind } from '../db/database.ts';
import type { BookingsTable, Database } from '../db/schema.ts';
import type { Deps } from '../deps.ts';
import { blockedInterval, peakUsage } from '../domain/availability.ts';
import type { Audience } from '../domain/booking-rules.ts';
import { newId } from '../domain/ids.ts';
import { hashSecret, newSecret, safeEqual } from '../domain/secrets.ts';
import { addDuration, describeDuration, formatInstant } from '../domain/time.ts';
import { bookingConflict, conflict, forbidden, notFound, ruleViolation, unauthorized, validationError } from '../http/problem.ts';
import { bookingViolations } from './availability.ts';
import { extensionsOf, parseJson } from './json.ts';
import { formerMemberName } from './members.ts';
import { priceBooking } from './pricing.ts';
import { creditHolderOf, creditPrice, debitBooking, reverseBooking } from './credits.ts';
import { prepareQuery } from '../db/prepared.ts';
import { resourceRowForUpdate, toResource, type Resource } from './resources.ts';
import type { Space } from './spaces.ts';

/**
 * Bookings: rows ↔ the spec's `Booking` documents, and the transactions that create, change,
 * confirm and cancel them.
 *
 * No double booking, ever. Every unit a booking holds is a `booking_units` row with the booking's
 * blocked interval (`start − bufferBefore` … `end + bufferAfter`), and the database refuses two
 * overlapping rows of the same resource and unit (an exclusion constraint on PostgreSQL, a trigger
 * on SQLite). On top of that, every transaction that writes the units of a resource first locks
 * the resource's row (`SELECT … FOR UPDATE` on PostgreSQL; SQLite runs one transaction at a time),
 * so the writers of one resource are serialized, across processes too, and read the units they
 * allocate from a stable state. If the database still refuses a row, the booking is answered with
 * `409 booking-conflict` and nothing is written.
 */

export type Booking = components['schemas']['Booking'];
export type BookingCreate = components['schemas']['BookingCreate'];
export type BookingUpdate = components['schemas']['BookingUpdate'];
type BookingCancelledBy = components['schemas']['BookingCancelledBy'];
type Db = Kysely<Database>;

/** A booking row with its member booker's name and email (null for guests). */
export type BookingRow = Selectable<BookingsTable> & { member_name: string | null; member_email: string | null };

/** Who asks for a booking, as far as seeing and changing it goes. */
export interface BookingAccess {
  staff: boolean;
  /** The signed-in member, if any. */
  memberId?: string | undefined;
  /** The hash of the `guestToken` given in the query, if any. */
  guestTokenHash?: string | undefined;
}

// ---------------------------------------------------------------------------------------------
// Rows and documents

/** Bookings with their member booker's current name and email. */
export function selectBookings(db: Db) {
  return db
    .selectFrom('bookings')
    .leftJoin('members', 'members.id', 'bookings.member_id')
    .selectAll('bookings')
    .select(['members.display_name as member_name', 'members.email as member_email']);
}

const bookingById = prepareQuery((db, spaceId: string, bookingId: string) => selectBookings(db).where('bookings.space_id', '=', spaceId).where('bookings.id', '=', bookingId));

export async function findBooking(db: Db, spaceId: string, bookingId: string): Promise<BookingRow | undefined> {
  return bookingById.first(db, spaceId, bookingId);
}

/** The spec's `Booking` document of a row. The booker's email is shown: only the booker and staff ever see a booking. */
export function toBooking(row: BookingRow): Booking {
  const booker: Booking['booker'] =
    row.member_id !== null
      ? { kind: 'member', memberId: row.member_id, name: row.member_name ?? formerMemberName, ...(row.member_email ? { email: row.member_email } : {}) }
      : { kind: 'guest', name: row.guest_name ?? formerMemberName, ...(row.guest_email ? { email: row.guest_email } : {}) };
  const booking: Booking = {
    ...parseJson<Record<string, unknown>>(row.extensions),
    id: row.id,
    spaceId: row.space_id,
    resourceId: row.resource_id,
    start: formatInstant(new Date(Number(row.start_at))),
    end: formatInstant(new Date(Number(row.end_at))),
    quantity: row.quantity,
    attendees: row.attendees,
    booker,
    price: { amount: row.price_amount, currency: row.price_currency },
    status: row.status as Booking['status'],
    createdAt: formatInstant(new Date(Number(row.created_at))),
    updatedAt: formatInstant(new Date(Number(row.updated_at))),
    version: row.version,
  };
  if (row.credits !== null) booking.credits = row.credits;
  if (row.title !== null) booking.title = row.title;
  if (row.notes !== null) booking.notes = row.notes;
  if (row.status === 'cancelled' && row.cancelled_at !== null) {
    booking.cancellation = {
      at: formatInstant(new Date(Number(row.cancelled_at))),
      by: (row.cancelled_by ?? 'staff') as BookingCancelledBy,
      ...(row.cancellation_reason !== null ? { reason: row.cancellation_reason } : {}),
    };
  }
  return booking;
}

/** Whether the caller may see the booking: staff any, a member their own, a guest token its one booking. */
export function canSee(row: Pick<BookingRow, 'member_id' | 'guest_token_hash'>, access: BookingAccess): boolean {
  if (access.staff) return true;
  if (access.memberId !== undefined && row.member_id === access.memberId) return true;
  return access.guestTokenHash !== undefined && row.guest_token_hash !== null && safeEqual(access.guestTokenHash, row.guest_token_hash);
}

const noSuchBooking = () => notFound('There is no such booking in this space.');

/** A booking the caller may see, or 404 (the same answer whether it does not exist or is someone else's). */
export async function visibleBooking(db: Db, spaceId: string, bookingId: string, access: BookingAccess): Promise<BookingRow> {
  const row = await findBooking(db, spaceId, bookingId);
  if (!row || !canSee(row, access)) throw noSuchBooking();
  return row;
}

// ---------------------------------------------------------------------------------------------
// Locks and units

/** The resource's row, locked until the transaction ends (PostgreSQL); deleted resources are not found. */
export async function lockResource(trx: Transaction<Database>, kind: DatabaseKind, spaceId: string, resourceId: string) {
  return resourceRowForUpdate(trx, kind, spaceId, resourceId);
}

type ResourceRow = Awaited<ReturnType<typeof lockResource>>;

async function lockBookingRow(trx: Transaction<Database>, kind: DatabaseKind, spaceId: string, bookingId: string): Promise<BookingRow> {
  if (kind === 'postgres') await trx.selectFrom('bookings').select('id').where('id', '=', bookingId).forUpdate().execute();
  const row = await findBooking(trx, spaceId, bookingId);
  if (!row) throw noSuchBooking();
  return row;
}

/**
 * Runs a transaction again when PostgreSQL chose it as a deadlock victim or refused to serialize
 * it (nothing of it was written): the writers of a resource queue on its lock, so this is rare,
 * but it must not reach the client as a 500.
 */
export async function retryTransient<T>(run: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      const code = (error as { code?: unknown } | undefined)?.code;
      if (attempt >= attempts || (code !== '40P01' && code !== '40001')) throw error;
    }
  }
}

/** Whether a database error is the refusal of overlapping units (PostgreSQL exclusion constraint, SQLite trigger). */
export function isOverlapViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return e?.code === '23P01' || /booking_units_no_overlap/.test(e?.message ?? '');
}

interface UnitRow {
  booking_id: string;
  unit: number;
  block_start: number;
  block_end: number;
}

const unitsInWindow = prepareQuery((db, resourceId: string, from: number, to: number) =>
  db.selectFrom('booking_units').select(['booking_id', 'unit', 'block_start', 'block_end']).where('resource_id', '=', resourceId).where('block_end', '>', from).where('block_start', '<', to),
);

async function unitsOverlapping(trx: Db, resourceId: string, from: number, to: number): Promise<UnitRow[]> {
  const rows = await unitsInWindow.rows(trx, resourceId, from, to);
  return rows.map((r) => ({ booking_id: r.booking_id, unit: Number(r.unit), block_start: Number(r.block_start), block_end: Number(r.block_end) }));
}

/** A component larger than this is not repacked (the booking is refused instead). */
const repackLimit = 5000;

/**
 * Finds `quantity` units of the resource free over the blocked interval `[from, to)`, the lowest
 * first. Units are interchangeable, so when enough units are free at every instant but no unit
 * is free over the whole interval (earlier bookings left the free time scattered over several
 * units), the units of the bookings chained to this interval by overlaps are reassigned (interval
 * partitioning, which needs no more units than the most used at any instant): a booking is
 * refused exactly when the count of units says so, as availability shows it. Call it with the
 * resource locked. Throws `409 booking-conflict` when there is no room.
 */
export async function allocateUnits(trx: Transaction<Database>, resource: { id: string; quantity: number }, from: number, to: number, quantity: number): Promise<number[]> {
  const overlapping = await unitsOverlapping(trx, resource.id, from, to);
  const blocks = overlapping.map((r) => ({ start: new Date(r.block_start), end: new Date(r.block_end), quantity: 1 }));
  if (peakUsage(blocks, new Date(from), new Date(to)) + quantity > resource.quantity) throw bookingConflict();
  const used = new Set(overlapping.map((r) => r.unit));
  const free: number[] = [];
  for (let unit = 1; unit <= resource.quantity && free.length < quantity; unit++) if (!used.has(unit)) free.push(unit);
  if (free.length >= quantity) return free;

  // The rows chained to [from, to) by overlaps: nothing outside them overlaps any of them.
  let lo = from;
  let hi = to;
  let component = overlapping;
  for (;;) {
    const nextLo = Math.min(lo, ...component.map((r) => r.block_start));
    const nextHi = Math.max(hi, ...component.map((r) => r.block_end));
    if (nextLo === lo && nextHi === hi) break;
    lo = nextLo;
    hi = nextHi;
    component = await unitsOverlapping(trx, resource.id, lo, hi);
    if (component.length > repackLimit) throw bookingConflict();
  }

  // Interval partitioning by start: each row keeps its unit when it is free, else takes the lowest free one.
  const NEW = '';
  const items = [
    ...component.map((r) => ({ ...r })),
    ...Array.from({ length: quantity }, () => ({ booking_id: NEW, unit: 0, block_start: from, block_end: to })),
  ].sort((a, b) => a.block_start - b.block_start || a.block_end - b.block_end);
  const busyUntil = new Map<number, number>();
  const isFree = (unit: number, at: number) => (busyUntil.get(unit) ?? -Infinity) <= at;
  const assigned: { item: (typeof items)[number]; unit: number }[] = [];
  for (const item of items) {
    let unit = item.unit >= 1 && item.unit <= resource.quantity && isFree(item.unit, item.block_start) ? item.unit : 0;
    for (let u = 1; unit === 0 && u <= resource.quantity; u++) if (isFree(u, item.block_start)) unit = u;
    if (unit === 0) throw bookingConflict();
    busyUntil.set(unit, item.block_end);
    assigned.push({ item, unit });
  }

  // Move the rows whose unit changes: first to negative units (used by nothing), then to their
  // new units, so no intermediate state overlaps.
  const moves = assigned.filter((a) => a.item.booking_id !== NEW && a.item.unit !== a.unit);
  for (const { item, unit } of moves) {
    await trx.updateTable('booking_units').set({ unit: -unit }).where('booking_id', '=', item.booking_id).where('unit', '=', item.unit).execute();
  }
  for (const { item, unit } of moves) {
    await trx.updateTable('booking_units').set({ unit }).where('booking_id', '=', item.booking_id).where('unit', '=', -unit).execute();
  }
  return assigned.filter((a) => a.item.booking_id === NEW).map((a) => a.unit);
}

const insertUnit = prepareQuery((db, bookingId: string, resourceId: string, unit: number, from: number, to: number) =>
  db.insertInto('booking_units').values({ booking_id: bookingId, resource_id: resourceId, unit, block_start: from, block_end: to }),
);

async function insertUnits(trx: Transaction<Database>, bookingId: string, resourceId: string, units: number[], from: number, to: number): Promise<void> {
  try {
    if (units.length === 1) await insertUnit.execute(trx, bookingId, resourceId, units[0]!, from, to);
    else {
      await trx
        .insertInto('booking_units')
        .values(units.map((unit) => ({ booking_id: bookingId, resource_id: resourceId, unit, block_start: from, block_end: to })))
        .execute();
    }
  } catch (error) {
    if (isOverlapViolation(error)) throw bookingConflict();
    throw error;
  }
}

/** The blocked interval of a booking of the resource, in epoch ms. */
function blockOf(resource: Resource, start: Date, end: Date): { from: number; to: number } {
  const block = blockedInterval({ start, end }, resource.rules.bufferBefore, resource.rules.bufferAfter);
  return { from: block.start.getTime(), to: block.end.getTime() };
}

/** Holds `quantity` units of the resource for the booking, or throws `409 booking-conflict`. */
async function holdUnits(trx: Transaction<Database>, resource: Resource, bookingId: string, start: Date, end: Date, quantity: number): Promise<void> {
  const { from, to } = blockOf(resource, start, end);
  const units = await allocateUnits(trx, resource, from, to, quantity);
  await insertUnits(trx, bookingId, resource.id, units, from, to);
}

// ---------------------------------------------------------------------------------------------
// Rules

/** The first rule the booking breaks, as a `422 rule-violation` (throws), including attendees over capacity. */
function checkRules(
  space: Space,
  resource: Resource,
  booking: { start: Date; end: Date; quantity: number; attendees: number; audience: Audience | 'staff'; now: Date },
): void {
  const [violation] = bookingViolations(space, resource, booking);
  if (violation) throw ruleViolation(violation.code, violation.detail);
  checkAttendees(resource, booking.quantity, booking.attendees);
}

function checkAttendees(resource: Resource, quantity: number, attendees: number): void {
  const most = resource.capacity * quantity;
  if (attendees > most) {
    throw ruleViolation('capacity', `${quantity === 1 ? 'This resource holds' : `${quantity} units of this resource hold`} at most ${most} ${most === 1 ? 'person' : 'people'}.`);
  }
}

function usableResource(row: ResourceRow): Resource {
  if (!row || row.status !== 'active') throw ruleViolation('unknown_resource', 'There is no bookable resource with this id in this space.');
  return toResource(row);
}

// ---------------------------------------------------------------------------------------------
// Create

export type CreatingCaller = { kind: 'anonymous' } | { kind: 'member'; memberId: string } | { kind: 'staff' };

interface Booker {
  memberId: string | null;
  guest: { name: string; email: string } | null;
  /** Whose offers price the booking. */
  audience: Audience;
}

/** Who the booking is for, from the credentials and the body (see the spec's `BookingCreate`). */
async function bookerOf(db: Db, space: Space, caller: CreatingCaller, body: BookingCreate): Promise<Booker> {
  if (caller.kind === 'member') {
    if (body.memberId !== undefined) throw forbidden('Only staff give `memberId`; with a member token, the booking is for the signed-in member.');
    if (body.guest !== undefined) throw validationError([{ pointer: '/guest', detail: 'must not be given with a member token: a member books for themselves' }]);
    return { memberId: caller.memberId, guest: null, audience: 'member' };
  }
  if (caller.kind === 'anonymous') {
    if (body.memberId !== undefined) throw unauthorized('Booking for a member (`memberId`) needs a staff key.');
    if (!space.policies.guestBookingAllowed) throw forbidden('This space does not take bookings from guests; members can book after signing in.');
    if (body.guest === undefined) throw validationError([{ pointer: '/guest', detail: 'is required without credentials (who the booking is for)' }]);
    return { memberId: null, guest: body.guest, audience: 'guest' };
  }
  if ((body.memberId === undefined) === (body.guest === undefined)) {
    const pointer = body.memberId === undefined ? '/memberId' : '/guest';
    throw validationError([{ pointer, detail: 'staff give exactly one of memberId and guest (who the booking is for)' }]);
  }
  if (body.guest !== undefined) return { memberId: null, guest: body.guest, audience: 'guest' };
  const member = await db
    .selectFrom('members')
    .select(['id', 'status'])
    .where('space_id', '=', space.id)
    .where('id', '=', body.memberId!)
    .where('email', 'is not', null)
    .executeTakeFirst();
  if (!member || member.status !== 'active') throw ruleViolation('unknown_member', 'There is no active member with this id in this space.');
  return { memberId: member.id, guest: null, audience: 'member' };
}

export interface Created {
  booking: Booking;
  /** The guest token, for a guest booking: shown once. */
  guestToken?: string;
}

/**
 * Creates a booking inside `trx` (the idempotency transaction): locks the resource, checks who
 * books and the rules, prices it, holds its units and inserts it.
 */
export async function createBookingIn(
  trx: Transaction<Database>,
  deps: Pick<Deps, 'store' | 'now'>,
  space: Space,
  caller: CreatingCaller,
  body: BookingCreate,
): Promise<Created> {
  const booker = await bookerOf(trx, space, caller, body);
  const resource = usableResource(await lockResource(trx, deps.store.kind, space.id, body.resourceId));
  const now = deps.now();
  const start = new Date(body.start);
  const end = new Date(body.end);
  const quantity = body.quantity ?? 1;
  const attendees = body.attendees ?? quantity;
  checkRules(space, resource, { start, end, quantity, attendees, audience: caller.kind === 'staff' ? 'staff' : booker.audience, now });
  const priced = priceBooking(space, resource, { start, end, quantity, audience: booker.audience });
  const holder = booker.memberId === null ? undefined : await creditHolderOf(trx, space, booker.memberId, now);
  const credits = holder === undefined ? undefined : creditPrice(resource, priced);
  const price = credits === undefined ? priced.total : { amount: 0, currency: priced.total.currency };

  const id = newId('bk', now.getTime());
  const guestToken = booker.guest ? newSecret('ccg_') : undefined;
  const at = now.getTime();
  const row: BookingRow = {
    id,
    space_id: space.id,
    resource_id: resource.id,
    member_id: booker.memberId,
    guest_name: booker.guest?.name ?? null,
    guest_email: booker.guest?.email ?? null,
    guest_token_hash: guestToken ? hashSecret(guestToken) : null,
    start_at: start.getTime(),
    end_at: end.getTime(),
    quantity,
    attendees,
    title: body.title ?? null,
    notes: body.notes ?? null,
    price_amount: price.amount,
    price_currency: price.currency,
    status: resource.rules.approvalRequired && caller.kind !== 'staff' ? 'pending' : 'confirmed',
    version: 1,
    extensions: JSON.stringify(extensionsOf(body)),
    created_at: at,
    updated_at: at,
    cancelled_at: null,
    cancelled_by: null,
    cancellation_reason: null,
    credits: credits ?? null,
    member_name: null,
    member_email: null,
  };
  await insertBooking.execute(trx, ...bookingColumns.map((column) => row[column]));
  await holdUnits(trx, resource, id, start, end, quantity);
  if (credits !== undefined) await debitBooking(trx, deps.store.kind, space, holder!, { id, resourceName: resource.name }, credits, now);
  // A guest's booking is answered from what was written; a member's name and email are read.
  const written = booker.memberId === null ? row : await findBooking(trx, space.id, id);
  return { booking: toBooking(written!), ...(guestToken ? { guestToken } : {}) };
}

const bookingColumns = [
  'id', 'space_id', 'resource_id', 'member_id', 'guest_name', 'guest_email', 'guest_token_hash', 'start_at', 'end_at', 'quantity', 'attendees', 'title', 'notes',
  'price_amount', 'price_currency', 'status', 'version', 'extensions', 'created_at', 'updated_at', 'cancelled_at', 'cancelled_by', 'cancellation_reason', 'credits',
] as const satisfies readonly (keyof BookingsTable)[];

const insertBooking = prepareQuery((db, ...values: unknown[]) =>
  db.insertInto('bookings').values(Object.fromEntries(bookingColumns.map((column, i) => [column, values[i]])) as unknown as Insertable<BookingsTable>),
);

// ---------------------------------------------------------------------------------------------
// Change, confirm, cancel

interface ChangeOptions {
  spaceId: string;
  bookingId: string;
  access: BookingAccess;
  /** Checks If-Match against the current version, under the lock (throws 428/412). */
  checkVersion: (version: number) => void;
}

/**
 * Runs a change of one booking in a transaction: finds it (404 when the caller may not see it),
 * locks its resource (when `lockUnits`; `change` gets its row, undefined once deleted) and then
 * the booking, checks the version, and applies `change`, which returns the columns to set; the
 * version goes up by one.
 */
async function changeBooking(
  deps: Pick<Deps, 'store'>,
  options: ChangeOptions & { lockUnits: boolean },
  change: (trx: Transaction<Database>, row: BookingRow, resource: ResourceRow) => Promise<Partial<Selectable<BookingsTable>>>,
): Promise<Booking> {
  const { kind, db } = deps.store;
  return retryTransient(() => db.transaction().execute(async (trx) => {
    const found = await findBooking(trx, options.spaceId, options.bookingId);
    if (!found || !canSee(found, options.access)) throw noSuchBooking();
    const resource = options.lockUnits ? await lockResource(trx, kind, options.spaceId, found.resource_id) : undefined;
    const row = await lockBookingRow(trx, kind, options.spaceId, options.bookingId);
    options.checkVersion(row.version);
    const columns = await change(trx, row, resource);
    const updated = await trx
      .updateTable('bookings')
      .set({ ...columns, version: row.version + 1 })
      .where('id', '=', row.id)
      .where('version', '=', row.version)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw conflict('The booking changed meanwhile; fetch it again.');
    return toBooking({ ...row, ...columns, version: row.version + 1 });
  }));
}

/**
 * Changes a booking (`rescheduleBooking`). A new time or quantity is checked as a new booking
 * would be, with the booking's own units counted as free: its units are released and allocated
 * again in the same transaction, so a conflict leaves everything as it was.
 */
export async function rescheduleBooking(
  deps: Pick<Deps, 'store' | 'now'>,
  space: Space,
  options: ChangeOptions,
  update: BookingUpdate,
): Promise<Booking> {
  const now = deps.now();
  return changeBooking(deps, { ...options, lockUnits: true }, async (trx, row, resourceRow) => {
    if (row.status === 'cancelled') throw conflict('A cancelled booking cannot be changed.');
    if (Number(row.start_at) <= now.getTime()) throw ruleViolation('already_started', 'A booking that has started cannot be changed.');
    const start = update.start !== undefined ? new Date(update.start) : new Date(Number(row.start_at));
    const end = update.end !== undefined ? new Date(update.end) : new Date(Number(row.end_at));
    const quantity = update.quantity ?? row.quantity;
    // Left out, attendees stay as they were while the new quantity holds them, and otherwise
    // become the most it holds (the spec's rule for rescheduling).
    const attendees = update.attendees ?? (resourceRow ? Math.min(row.attendees, toResource(resourceRow).capacity * quantity) : row.attendees);
    const timeChanged = start.getTime() !== Number(row.start_at) || end.getTime() !== Number(row.end_at);
    const slotChanged = timeChanged || quantity !== row.quantity;
    const columns: Partial<Selectable<BookingsTable>> = { updated_at: now.getTime() };

    if (slotChanged) {
      const resource = usableResource(resourceRow);
      const audience: Audience = row.member_id !== null ? 'member' : 'guest';
      checkRules(space, resource, { start, end, quantity, attendees, audience: options.access.staff ? 'staff' : audience, now });
      const priced = priceBooking(space, resource, { start, end, quantity, audience });
      const holder = row.member_id === null ? undefined : await creditHolderOf(trx, space, row.member_id, now);
      const credits = (holder && creditPrice(resource, priced)) ?? null;
      const price = credits === null ? priced.total : { amount: 0, currency: priced.total.currency };
      await trx.deleteFrom('booking_units').where('booking_id', '=', row.id).execute();
      await holdUnits(trx, resource, row.id, start, end, quantity);
      if (credits !== row.credits) {
        if (row.credits !== null) await reverseBooking(trx, deps.store.kind, space, row.id, 'Booking changed', now);
        if (credits !== null) await debitBooking(trx, deps.store.kind, space, holder!, { id: row.id, resourceName: resource.name }, credits, now);
      }
      Object.assign(columns, { start_at: start.getTime(), end_at: end.getTime(), quantity, price_amount: price.amount, price_currency: price.currency, credits });
      if (timeChanged && row.status === 'confirmed' && resource.rules.approvalRequired && !options.access.staff) columns.status = 'pending';
    } else if (resourceRow) {
      checkAttendees(toResource(resourceRow), quantity, attendees);
    }
    if (attendees !== row.attendees) columns.attendees = attendees;
    if (update.title !== undefined) columns.title = update.title;
    if (update.notes !== undefined) columns.notes = update.notes;
    const extensions = extensionsOf(update);
    if (Object.keys(extensions).length > 0) columns.extensions = JSON.stringify({ ...parseJson<Record<string, unknown>>(row.extensions), ...extensions });
    return columns;
  });
}

/** Confirms a pending booking (staff). */
export async function confirmBooking(deps: Pick<Deps, 'store' | 'now'>, options: ChangeOptions): Promise<Booking> {
  return changeBooking(deps, { ...options, lockUnits: false }, async (_trx, row) => {
    if (row.status !== 'pending') throw conflict(`Only a pending booking can be confirmed; this one is ${row.status}.`);
    return { status: 'confirmed', updated_at: deps.now().getTime() };
  });
}

/**
 * Cancels a booking and frees its units. Members and guests may cancel up to the space's
 * cancellation notice before the start; staff always.
 */
export async function cancelBooking(deps: Pick<Deps, 'store' | 'now'>, space: Space, options: ChangeOptions, reason: string | undefined): Promise<Booking> {
  const now = deps.now();
  return changeBooking(deps, { ...options, lockUnits: true }, async (trx, row) => {
    if (row.status === 'cancelled') throw conflict('This booking is already cancelled.');
    let by: BookingCancelledBy = 'staff';
    const notice = space.policies.cancellationNotice;
    const inTime = addDuration(now, notice, space.timeZone).getTime() <= Number(row.start_at);
    if (inTime && row.credits !== null) await reverseBooking(trx, deps.store.kind, space, row.id, 'Booking cancelled in time', now);
    if (!options.access.staff) {
      if (!inTime) {
        throw ruleViolation('cancellation_notice', `Bookings can be cancelled up to ${describeDuration(notice)} before they start; ask the staff of the space.`);
      }
      by = options.access.memberId !== undefined && row.member_id === options.access.memberId ? 'member' : 'guest';
    }
    await trx.deleteFrom('booking_units').where('booking_id', '=', row.id).execute();
    return { status: 'cancelled', cancelled_at: now.getTime(), cancelled_by: by, cancellation_reason: reason ?? null, updated_at: now.getTime() };
  });
}
