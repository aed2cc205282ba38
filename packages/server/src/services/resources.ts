import type { components } from '@coworking-commons/client';
import type { Kysely, Selectable } from 'kysely';
import type { DatabaseKind } from '../db/database.ts';
import type { Database, ResourcesTable } from '../db/schema.ts';
import { prepareQuery } from '../db/prepared.ts';
import { newId } from '../domain/ids.ts';
import { durationMillis, toIsoDuration } from '../domain/time.ts';
import { ruleViolation, validationError, type FieldError } from '../http/problem.ts';
import { compact, DocumentCache, extensionsOf } from './json.ts';
import type { Space } from './spaces.ts';

export type Resource = components['schemas']['Resource'];
export type ResourceCreate = components['schemas']['ResourceCreate'];
export type ResourceUpdate = components['schemas']['ResourceUpdate'];
export type ResourceRules = components['schemas']['ResourceRules'];
export type ResourceRulesInput = components['schemas']['ResourceRulesInput'];
export type ResourceType = components['schemas']['ResourceType'];
export type Offer = components['schemas']['Offer'];
export type OfferInput = components['schemas']['OfferInput'];
export type ResourceRow = Selectable<ResourcesTable>;

/**
 * The `status` column of a deleted resource that past bookings still point at: it stays in the
 * table (bookings keep its id) but no operation sees it any more.
 */
export const DELETED = 'deleted';

const documents = new DocumentCache<Omit<Resource, 'id' | 'version'>>();

/** The resource of a row; its nested objects (rules, offers, hours) are shared and frozen (see `DocumentCache`). */
export function toResource(row: ResourceRow): Resource {
  return { ...documents.parse(row.id, row.document), id: row.id, version: row.version } as Resource;
}

/** A resource of the space, archived ones included, or undefined (also when it belongs to another space or was deleted). */
const resourceById = prepareQuery((db, spaceId: string, resourceId: string) =>
  db.selectFrom('resources').selectAll().where('space_id', '=', spaceId).where('id', '=', resourceId).where('status', '<>', DELETED),
);
const resourceForUpdate = prepareQuery((db, spaceId: string, resourceId: string) =>
  db.selectFrom('resources').selectAll().where('space_id', '=', spaceId).where('id', '=', resourceId).where('status', '<>', DELETED).forUpdate(),
);

export async function findResource(db: Kysely<Database>, spaceId: string, resourceId: string): Promise<Resource | undefined> {
  const row = await resourceById.first(db, spaceId, resourceId);
  return row && toResource(row);
}

/**
 * The resource's row, not deleted, locked until the transaction ends on PostgreSQL (`SELECT … FOR
 * UPDATE`; SQLite runs one transaction at a time).
 */
export function resourceRowForUpdate(trx: Kysely<Database>, kind: DatabaseKind, spaceId: string, resourceId: string): Promise<ResourceRow | undefined> {
  return (kind === 'postgres' ? resourceForUpdate : resourceById).first(trx, spaceId, resourceId);
}

/**
 * `findResource` in a transaction that is about to change the resource: its row stays locked
 * until the transaction ends (PostgreSQL; SQLite runs one transaction at a time), the same lock
 * the bookings take before writing units, so a check of its bookings cannot be overtaken.
 */
export async function findResourceForUpdate(trx: Kysely<Database>, kind: DatabaseKind, spaceId: string, resourceId: string): Promise<Resource | undefined> {
  const row = await resourceRowForUpdate(trx, kind, spaceId, resourceId);
  return row && toResource(row);
}

/**
 * Writes a resource document, creating it (version 1) or replacing it (its version goes up by
 * one); the queried columns follow the document. Returns the resource as written, with its version.
 */
export async function saveResource(db: Kysely<Database>, spaceId: string, resource: Resource, now: number): Promise<Resource> {
  const { id, version: _version, ...document } = resource;
  const columns = { type: resource.type, status: resource.status, quantity: resource.quantity, document: JSON.stringify(document), updated_at: now };
  const existing = await db.selectFrom('resources').select('version').where('id', '=', id).executeTakeFirst();
  if (existing) {
    await db.updateTable('resources').set({ ...columns, version: existing.version + 1 }).where('id', '=', id).execute();
    return { ...resource, version: existing.version + 1 };
  }
  const last = await db.selectFrom('resources').select((eb) => eb.fn.max('position').as('position')).where('space_id', '=', spaceId).executeTakeFirst();
  await db
    .insertInto('resources')
    .values({ id, space_id: spaceId, position: Number(last?.position ?? 0) + 1, created_at: now, ...columns })
    .execute();
  return { ...resource, version: 1 };
}

// ---------------------------------------------------------------------------------------------
// Order of listResources (and of getAvailability): by type, in the order the spec lists the
// types, then by name, then by id. A space has few resources, so they are sorted here, with one
// collation whatever the database, and paged with a keyset cursor on this sort key.

const TYPES: readonly ResourceType[] = ['hot_desk', 'dedicated_desk', 'meeting_room', 'private_office', 'phone_booth', 'event_space'];
const collator = new Intl.Collator('en', { numeric: true });

export type ResourceKey = [type: string, name: string, id: string];

export const resourceKey = (r: Resource): ResourceKey => [r.type, r.name, r.id];

export function compareResourceKeys(a: ResourceKey, b: ResourceKey): number {
  return TYPES.indexOf(a[0] as ResourceType) - TYPES.indexOf(b[0] as ResourceType) || collator.compare(a[1], b[1]) || (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0);
}

const resourcesActive = prepareQuery((db, spaceId: string) => db.selectFrom('resources').selectAll().where('space_id', '=', spaceId).where('status', '=', 'active'));
const resourcesNotDeleted = prepareQuery((db, spaceId: string) => db.selectFrom('resources').selectAll().where('space_id', '=', spaceId).where('status', '<>', DELETED));
const resourcesOfTypeActive = prepareQuery((db, spaceId: string, type: string) =>
  db.selectFrom('resources').selectAll().where('space_id', '=', spaceId).where('status', '=', 'active').where('type', '=', type),
);
const resourcesOfTypeNotDeleted = prepareQuery((db, spaceId: string, type: string) =>
  db.selectFrom('resources').selectAll().where('space_id', '=', spaceId).where('status', '<>', DELETED).where('type', '=', type),
);

/** The space's resources in listing order: active ones, and archived ones too when `includeArchived`. */
export async function listSpaceResources(
  db: Kysely<Database>,
  spaceId: string,
  options: { includeArchived: boolean; type?: ResourceType | undefined },
): Promise<Resource[]> {
  const rows = options.type
    ? await (options.includeArchived ? resourcesOfTypeNotDeleted : resourcesOfTypeActive).rows(db, spaceId, options.type)
    : await (options.includeArchived ? resourcesNotDeleted : resourcesActive).rows(db, spaceId);
  const resources = rows.map(toResource);
  return resources.sort((a, b) => compareResourceKeys(resourceKey(a), resourceKey(b)));
}

// ---------------------------------------------------------------------------------------------
// Building resource documents from requests.

export const defaultRules: Omit<ResourceRules, 'minDuration'> = {
  maxDuration: 'P1D',
  granularity: 'PT30M',
  leadTime: 'PT0S',
  horizon: 'P90D',
  bufferBefore: 'PT0S',
  bufferAfter: 'PT0S',
  approvalRequired: false,
};

/** The rules on creation: absent ones take their defaults (`minDuration` is the granularity). */
export function rulesWithDefaults(input: ResourceRulesInput | undefined): ResourceRules {
  const granularity = input?.granularity ?? defaultRules.granularity;
  return {
    minDuration: input?.minDuration ?? granularity,
    maxDuration: input?.maxDuration ?? defaultRules.maxDuration,
    granularity,
    leadTime: input?.leadTime ?? defaultRules.leadTime,
    horizon: input?.horizon ?? defaultRules.horizon,
    bufferBefore: input?.bufferBefore ?? defaultRules.bufferBefore,
    bufferAfter: input?.bufferAfter ?? defaultRules.bufferAfter,
    approvalRequired: input?.approvalRequired ?? defaultRules.approvalRequired,
  };
}

/** Whether `d` is a positive whole multiple of the granularity (whole calendar days for a granularity of days). */
function isMultipleOf(d: string, granularity: string): boolean {
  const g = toIsoDuration(granularity);
  const x = toIsoDuration(d);
  if (g.days > 0 && g.millis === 0) return x.millis === 0 && x.days > 0 && x.days % g.days === 0;
  const ms = durationMillis(x);
  return ms > 0 && ms % durationMillis(g) === 0;
}

/** Refuses rules that no booking could satisfy (`rule-violation`). */
export function checkRules(rules: ResourceRules): void {
  if (durationMillis(rules.granularity) <= 0) throw ruleViolation('granularity', 'The granularity must be longer than zero.');
  if (!isMultipleOf(rules.minDuration, rules.granularity)) {
    throw ruleViolation('min_duration', `minDuration (${rules.minDuration}) must be a multiple of the granularity (${rules.granularity}).`);
  }
  if (!isMultipleOf(rules.maxDuration, rules.granularity)) {
    throw ruleViolation('max_duration', `maxDuration (${rules.maxDuration}) must be a multiple of the granularity (${rules.granularity}).`);
  }
  if (durationMillis(rules.minDuration) > durationMillis(rules.maxDuration)) {
    throw ruleViolation('min_duration', `minDuration (${rules.minDuration}) may not exceed maxDuration (${rules.maxDuration}).`);
  }
}

/**
 * The offers of a request, with ids: an offer naming the id of one of `current` keeps it, one
 * without an id gets a new one. Prices must be in the space's currency (`rule-violation`); an id
 * that is not one of the resource's offers is a validation error.
 */
export function offersFrom(inputs: readonly OfferInput[], space: Space, current: readonly Offer[]): Offer[] {
  const errors: FieldError[] = [];
  const known = new Set(current.map((o) => o.id));
  const seen = new Set<string>();
  inputs.forEach((input, i) => {
    if (input.id === undefined) return;
    if (!known.has(input.id)) errors.push({ pointer: `/offers/${i}/id`, detail: 'is not the id of an offer of this resource' });
    else if (seen.has(input.id)) errors.push({ pointer: `/offers/${i}/id`, detail: 'names the same offer twice' });
    seen.add(input.id);
  });
  if (errors.length > 0) throw validationError(errors);
  const foreign = inputs.findIndex((o) => o.price.currency !== space.currency);
  if (foreign >= 0) {
    throw ruleViolation('currency', `Offer ${foreign + 1} is priced in ${inputs[foreign]!.price.currency}; every price of this space is in ${space.currency}.`);
  }
  const forGuests = inputs.findIndex((o) => o.credits !== undefined && o.audience !== 'member');
  if (forGuests >= 0) throw ruleViolation('credits_for_guests', `Offer ${forGuests + 1} has a price in credits, which only members with a membership pay; its audience is ${inputs[forGuests]!.audience}.`);
  return inputs.map((input) =>
    compact({
      ...extensionsOf(input),
      id: input.id ?? newId('of'),
      unit: input.unit,
      price: { amount: input.price.amount, currency: input.price.currency },
      audience: input.audience,
      label: input.label,
      credits: input.credits,
    }) as Offer,
  );
}

/** A new resource from a creation request, defaults applied and checked. */
export function newResource(input: ResourceCreate, space: Space): Resource {
  const rules = rulesWithDefaults(input.rules);
  checkRules(rules);
  return compact({
    ...extensionsOf(input),
    id: newId('rs'),
    type: input.type,
    name: input.name,
    description: input.description,
    capacity: input.capacity,
    quantity: input.quantity ?? 1,
    amenities: input.amenities ?? [],
    images: input.images ?? [],
    bookableBy: input.bookableBy ?? ['member'],
    rules,
    openingHours: input.openingHours,
    offers: offersFrom(input.offers ?? [], space, []),
    translations: input.translations,
    status: input.status ?? 'active',
  }) as Resource;
}

/** The resource with a change applied: fields present replace theirs, `rules` merge, `openingHours: null` removes them. */
export function patchResource(current: Resource, change: ResourceUpdate, space: Space): Resource {
  const { rules, offers, openingHours, ...rest } = change;
  const merged: Resource = { ...current, ...rest } as Resource;
  if (rules !== undefined) {
    merged.rules = { ...current.rules, ...rules };
    checkRules(merged.rules);
  }
  if (offers !== undefined) merged.offers = offersFrom(offers, space, current.offers);
  if (openingHours === null) delete merged.openingHours;
  else if (openingHours !== undefined) merged.openingHours = openingHours;
  return compact({ ...merged, id: current.id }) as Resource;
}
