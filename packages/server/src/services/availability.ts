import type { components } from '@coworking-commons/client';
import { PostgresAdapter, sql, type Kysely } from 'kysely';
import { prepareQuery } from '../db/prepared.ts';
import type { Database } from '../db/schema.ts';
import { availableSlots, peakUsage, type BlockMillis } from '../domain/availability.ts';
import { checkBookingRules, type Audience } from '../domain/booking-rules.ts';
import { containsInterval, type Interval } from '../domain/intervals.ts';
import { openIntervals, type OpeningSchedule } from '../domain/opening-hours.ts';
import { durationMillis, localDateOf } from '../domain/time.ts';
import { DELETED, toResource, type Resource } from './resources.ts';
import type { Space } from './spaces.ts';

export type ResourceAvailability = components['schemas']['ResourceAvailability'];

/**
 * Availability and booking checks over the database: what the pure domain functions need (the
 * opening hours that apply, the blocked intervals of `booking_units`) is loaded here. The
 * availability and quote handlers and the bookings handlers all go through these functions, so
 * that a slot shown free is one a booking may take, with the same rules.
 */

/** When a resource is open: its own weekly hours, or the space's, and the space's closures always. */
export function scheduleOf(space: Space, resource: Resource): OpeningSchedule {
  return { openingHours: resource.openingHours ?? space.openingHours, closures: space.closures, timeZone: space.timeZone };
}

/**
 * Open intervals by schedule (its weekly hours and closures, the very arrays: documents are parsed
 * once per row and shared, see `DocumentCache`), then by zone and window.
 */
const openBySchedule = new WeakMap<object, WeakMap<object, Map<string, Interval[]>>>();
const noClosures = {};

/**
 * The instants the resource is open within `[from, to)`. Converting wall-clock hours to instants
 * asks for the zone's offsets many times; every resource that follows the space's hours shares
 * the answer, so it is kept (the last few hundred windows of each schedule).
 */
export function resourceOpenIntervals(space: Space, resource: Resource, from: Date, to: Date): Interval[] {
  const schedule = scheduleOf(space, resource);
  let byClosures = openBySchedule.get(schedule.openingHours);
  if (byClosures === undefined) openBySchedule.set(schedule.openingHours, (byClosures = new WeakMap()));
  const closures = schedule.closures ?? noClosures;
  let byWindow = byClosures.get(closures);
  if (byWindow === undefined) byClosures.set(closures, (byWindow = new Map()));
  const key = `${schedule.timeZone}|${from.getTime()}|${to.getTime()}`;
  let intervals = byWindow.get(key);
  if (intervals === undefined) {
    intervals = openIntervals(schedule, from, to);
    if (byWindow.size >= 500) byWindow.clear();
    byWindow.set(key, intervals);
  }
  return intervals;
}

export interface BlockQuery {
  /** Leave out the units of this booking (one being changed: its own slot counts as free). */
  excludeBookingId?: string | undefined;
}

/**
 * The blocked intervals (buffers included) of the units held on these resources that touch
 * `[from, to]`, by resource id. Each `booking_units` row is one unit.
 */
export async function loadBlocks(
  db: Kysely<Database>,
  resourceIds: readonly string[],
  from: Date,
  to: Date,
  options: BlockQuery = {},
): Promise<Map<string, BlockMillis[]>> {
  const blocks = new Map<string, BlockMillis[]>(resourceIds.map((id) => [id, []]));
  if (resourceIds.length === 0) return blocks;
  const rows =
    options.excludeBookingId === undefined
      ? await blocksInWindow.rows(db, [...resourceIds], from.getTime(), to.getTime())
      : await blocksInWindowExcept.rows(db, [...resourceIds], from.getTime(), to.getTime(), options.excludeBookingId);
  for (const row of rows) {
    const list = blocks.get(row.resource_id);
    if (list) readBlocks(row.blocks, list);
  }
  return blocks;
}

/**
 * The blocks of each resource as one text (`start,end,start,end…`, epoch ms), one row per
 * resource: a week of 50 rooms is a thousand units, and the drivers spent more time making a
 * thousand row objects than the database spent finding them.
 */
function blocksQuery(db: Kysely<Database>, resourceIds: string[], from: number, to: number) {
  const blocks =
    db.getExecutor().adapter instanceof PostgresAdapter
      ? sql<string>`string_agg(u.block_start::text || ',' || u.block_end::text, ',')`
      : sql<string>`group_concat(u.block_start || ',' || u.block_end, ',')`;
  return db
    .selectFrom('resources as r')
    .innerJoin('booking_units as u', (join) => unitsInWindow(join.onRef('u.resource_id', '=', 'r.id'), 'u', 'r', from, to))
    .select(['r.id as resource_id', blocks.as('blocks')])
    .where('r.id', 'in', resourceIds);
}
const blocksInWindow = prepareQuery((db, resourceIds: string[], from: number, to: number) => blocksQuery(db, resourceIds, from, to).groupBy('r.id'));
const blocksInWindowExcept = prepareQuery((db, resourceIds: string[], from: number, to: number, bookingId: string) =>
  blocksQuery(db, resourceIds, from, to).where('u.booking_id', '<>', bookingId).groupBy('r.id'),
);

/**
 * The join condition of a resource's units that touch `[from, to]`: their end lies in `[from, to +
 * longest_block]` (a range of the index by resource and end, whatever the resource's history) and
 * their start at most `to`.
 */
function unitsInWindow<J extends { on: (...args: any[]) => J }>(join: J, units: string, resources: string, from: number, to: number): J {
  return join
    .on(`${units}.block_end`, '>=', from)
    .on(`${units}.block_end`, '<=', sql`${to} + ${sql.ref(`${resources}.longest_block`)}`)
    .on(`${units}.block_start`, '<=', to);
}

/** Appends the blocks of a `start,end,start,end…` text (epoch ms) to `list`, one unit each. */
function readBlocks(text: string, list: BlockMillis[]): void {
  const first = list.length;
  let value = 0;
  let sign = 1;
  let start = NaN;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 44;
    if (c >= 48 && c <= 57) value = value * 10 + (c - 48);
    else if (c === 45) sign = -1;
    else if (c === 44) {
      if (Number.isNaN(start)) start = sign * value;
      else {
        list.push({ start, end: sign * value, quantity: 1 });
        start = NaN;
      }
      value = 0;
      sign = 1;
    } else {
      // Not a plain integer (never written so, but read correctly all the same).
      list.length = first;
      const numbers = text.split(',').map(Number);
      for (let k = 0; k + 1 < numbers.length; k += 2) list.push({ start: numbers[k]!, end: numbers[k + 1]!, quantity: 1 });
      return;
    }
  }
}

/** The interval over which blocks matter for a booking, or slots, within `[from, to)`: widened by the buffers. */
function blockWindow(resource: Resource, from: Date, to: Date): { from: Date; to: Date } {
  return {
    from: new Date(from.getTime() - durationMillis(resource.rules.bufferBefore)),
    to: new Date(to.getTime() + durationMillis(resource.rules.bufferAfter)),
  };
}

/** The availability entry of one resource, from blocks already loaded. */
export function availabilityFromBlocks(
  space: Space,
  resource: Resource,
  blocks: readonly BlockMillis[],
  window: { from: Date; to: Date; quantity: number; now: Date },
): ResourceAvailability {
  const { rules } = resource;
  const slots = availableSlots({
    open: resourceOpenIntervals(space, resource, window.from, window.to),
    capacity: resource.quantity,
    blocks,
    quantity: window.quantity,
    bufferBefore: rules.bufferBefore,
    bufferAfter: rules.bufferAfter,
    leadTime: rules.leadTime,
    horizon: rules.horizon,
    now: window.now,
    from: window.from,
    to: window.to,
    timeZone: space.timeZone,
  });
  return {
    resourceId: resource.id,
    quantity: resource.quantity,
    rules: { granularity: rules.granularity, minDuration: rules.minDuration, maxDuration: rules.maxDuration },
    slots: slots.map((s) => ({ start: format(s.start), end: format(s.end), remaining: s.remaining })),
  };
}

/**
 * Formats instants as `toISOString` does, remembering the last few thousand: the resources of a
 * space open and close at the same instants, so an answer repeats the same few hundred.
 */
const formatted = new Map<number, string>();
function format(t: number): string {
  let text = formatted.get(t);
  if (text === undefined) {
    text = new Date(t).toISOString();
    if (formatted.size >= 5000) formatted.clear();
    formatted.set(t, text);
  }
  return text;
}

/**
 * When a new booking of `quantity` units of each resource may take place within `[from, to)`, as
 * the spec's `ResourceAvailability`, in the order given (one query): opening hours, closures,
 * existing blocks, buffers, lead time and horizon as of `now` applied.
 */
export async function resourcesAvailability(
  db: Kysely<Database>,
  space: Space,
  resources: readonly Resource[],
  from: Date,
  to: Date,
  quantity: number,
  now: Date,
): Promise<ResourceAvailability[]> {
  const bb = Math.max(0, ...resources.map((r) => durationMillis(r.rules.bufferBefore)));
  const ba = Math.max(0, ...resources.map((r) => durationMillis(r.rules.bufferAfter)));
  const blocks = await loadBlocks(
    db,
    resources.map((r) => r.id),
    new Date(from.getTime() - bb),
    new Date(to.getTime() + ba),
  );
  return resources.map((r) => availabilityFromBlocks(space, r, blocks.get(r.id)!, { from, to, quantity, now }));
}

/**
 * A resource of the space (not deleted) and the blocks of its units that touch `[from, to]`
 * widened by its buffers, read together: the availability of one resource, the booking widget's
 * question, then takes one query. A resource with buffers has its blocks read again over the
 * widened window (the first query could not know it).
 */
export async function resourceWithBlocks(
  db: Kysely<Database>,
  spaceId: string,
  resourceId: string,
  from: Date,
  to: Date,
): Promise<{ resource: Resource; blocks: BlockMillis[] } | undefined> {
  const rows = await resourceAndBlocks.rows(db, spaceId, resourceId, from.getTime(), to.getTime());
  if (rows.length === 0) return undefined;
  const resource = toResource(rows[0]!);
  const window = blockWindow(resource, from, to);
  if (window.from.getTime() !== from.getTime() || window.to.getTime() !== to.getTime()) {
    return { resource, blocks: (await loadBlocks(db, [resource.id], window.from, window.to)).get(resource.id)! };
  }
  const blocks: BlockMillis[] = [];
  for (const row of rows) if (row.block_start !== null && row.block_end !== null) blocks.push({ start: Number(row.block_start), end: Number(row.block_end), quantity: 1 });
  return { resource, blocks };
}

const resourceAndBlocks = prepareQuery((db, spaceId: string, resourceId: string, from: number, to: number) =>
  db
    .selectFrom('resources')
    .leftJoin('booking_units', (join) => unitsInWindow(join.onRef('booking_units.resource_id', '=', 'resources.id'), 'booking_units', 'resources', from, to))
    .selectAll('resources')
    .select(['booking_units.block_start', 'booking_units.block_end'])
    .where('resources.space_id', '=', spaceId)
    .where('resources.id', '=', resourceId)
    .where('resources.status', '<>', DELETED),
);

export interface ProspectiveBooking {
  start: Date;
  end: Date;
  /** Default 1. */
  quantity?: number;
}

/** The most units of the resource held at any instant from `now` on (buffers included). */
export async function peakFutureUsage(db: Kysely<Database>, resourceId: string, now: Date): Promise<number> {
  const far = new Date(8.64e15);
  const blocks = (await loadBlocks(db, [resourceId], now, far)).get(resourceId)!;
  return peakUsage(blocks, now, far);
}

export interface RuleViolation {
  /** The spec's `code`: `outside_opening_hours`, `closed`, `min_duration`, `max_duration`, `granularity`, `lead_time`, `horizon`, `capacity`, `audience`, `in_the_past`, `end_before_start`. */
  code: string;
  detail: string;
}

/**
 * Every rule a prospective booking breaks, in a stable order (the first is the one to report):
 * who may book the resource, its timing rules (see `checkBookingRules`), its opening hours, with
 * `closed` rather than `outside_opening_hours` when only a closure is in the way, and the
 * quantity (`capacity`). Whether the units are still free is decided where they are allocated (services/bookings.ts).
 */
export function bookingViolations(
  space: Space,
  resource: Resource,
  booking: ProspectiveBooking & { audience: Audience | 'staff'; now: Date },
): RuleViolation[] {
  const quantity = booking.quantity ?? 1;
  const violations: RuleViolation[] = checkBookingRules({
    start: booking.start,
    end: booking.end,
    now: booking.now,
    timeZone: space.timeZone,
    rules: resource.rules,
    open: (from, to) => resourceOpenIntervals(space, resource, from, to),
    bookableBy: resource.bookableBy,
    audience: booking.audience,
    guestBookingAllowed: space.policies.guestBookingAllowed,
  });
  for (const v of violations) {
    if (v.code !== 'outside_opening_hours') continue;
    const withoutClosures = openIntervals({ ...scheduleOf(space, resource), closures: [] }, booking.start, booking.end);
    if (containsInterval(withoutClosures, booking.start, booking.end)) {
      const closure = space.closures.find((c) => overlapsDates(c, space, booking.start, booking.end));
      v.code = 'closed';
      v.detail = `The space is closed${closure ? ` from ${closure.from} to ${closure.to}${closure.reason ? ` (${closure.reason})` : ''}` : ' then'}.`;
    }
  }
  if (quantity > resource.quantity) {
    violations.push({
      code: 'capacity',
      detail: `This resource has ${resource.quantity} unit${resource.quantity === 1 ? '' : 's'}; ${quantity} cannot be booked at once.`,
    });
  }
  return violations;
}

function overlapsDates(closure: { from: string; to: string }, space: Space, start: Date, end: Date): boolean {
  const first = localDateOf(start, space.timeZone);
  const last = localDateOf(new Date(end.getTime() - 1), space.timeZone);
  return closure.from <= last && first <= closure.to;
}
