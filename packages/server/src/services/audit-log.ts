import type { components } from '@coworking-commons/client';
import type { Kysely, Selectable } from 'kysely';
import type { AuditLogTable, Database } from '../db/schema.ts';
import type { Deps } from '../deps.ts';
import { newId } from '../domain/ids.ts';
import type { StaffActor } from '../http/caller.ts';
import { iso, parseJson } from './json.ts';

export type AuditEntry = components['schemas']['AuditEntry'];
export type AuditResourceType = components['schemas']['AuditResourceType'];
type AuditValues = components['schemas']['AuditValues'];
type Document = Record<string, unknown>;

/** What stands in the log for a person's personal data, which erasing them must be able to remove. */
export const personalData = '(personal data)';

/** The fields of each kind of object that hold a person's personal data. */
const personalFields: Partial<Record<AuditResourceType, readonly string[]>> = {
  member: ['displayName', 'email', 'phone', 'avatar', 'headline', 'company', 'bio', 'skills', 'links'],
  booking: ['booker'],
  registration: ['registrant'],
};

/** JSON with object keys sorted, so that two equal values compare equal whatever their key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Document).filter(([, v]) => v !== undefined);
    return `{${entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * The changed fields of an object on each side of a write (`undefined` for the side where it did
 * not exist), personal data replaced by `personalData`, its `version` left out; undefined when
 * nothing changed.
 */
export function changedFields(type: AuditResourceType, before: Document | undefined, after: Document | undefined): { before?: AuditValues; after?: AuditValues } | undefined {
  if (before === undefined && after === undefined) return undefined;
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const personal = personalFields[type] ?? [];
  const sides: { before?: Document; after?: Document } = {};
  if (before !== undefined) sides.before = {};
  if (after !== undefined) sides.after = {};
  let changed = before === undefined || after === undefined;
  for (const key of keys) {
    // The version follows every write: it tells nothing that the entry itself does not.
    if (key === 'version') continue;
    const old = before?.[key];
    const now = after?.[key];
    if (before !== undefined && after !== undefined && canonical(old) === canonical(now)) continue;
    changed = true;
    const shown = (value: unknown) => (personal.includes(key) ? personalData : value);
    if (sides.before && old !== undefined) sides.before[key] = shown(old);
    if (sides.after && now !== undefined) sides.after[key] = shown(now);
  }
  return changed ? (sides as { before?: AuditValues; after?: AuditValues }) : undefined;
}

export interface AuditRecord {
  spaceId: string;
  actor: StaffActor;
  operationId: string;
  resourceType: AuditResourceType;
  resourceId: string;
  before: Document | undefined;
  after: Document | undefined;
}

/** Appends one entry, unless the write changed nothing; through `store.db`, so in the request's transaction. */
export async function appendAuditEntry(deps: Pick<Deps, 'store' | 'now'>, record: AuditRecord): Promise<void> {
  const changes = changedFields(record.resourceType, record.before, record.after);
  if (!changes) return;
  const at = deps.now().getTime();
  await deps.store.db
    .insertInto('audit_log')
    .values({
      id: newId('au', at),
      space_id: record.spaceId,
      at,
      actor_type: record.actor.type,
      actor_id: record.actor.id,
      operation: record.operationId,
      resource_type: record.resourceType,
      resource_id: record.resourceId,
      before: changes.before === undefined ? null : JSON.stringify(changes.before),
      after: changes.after === undefined ? null : JSON.stringify(changes.after),
    })
    .execute();
}

export function toAuditEntry(row: Selectable<AuditLogTable>): AuditEntry {
  return {
    id: row.id,
    at: iso(Number(row.at)),
    actor: { type: row.actor_type as AuditEntry['actor']['type'], id: row.actor_id },
    operationId: row.operation,
    resourceType: row.resource_type as AuditResourceType,
    resourceId: row.resource_id,
    ...(row.before === null ? {} : { before: parseJson<AuditValues>(row.before) }),
    ...(row.after === null ? {} : { after: parseJson<AuditValues>(row.after) }),
  };
}

export interface AuditFilter {
  actorId?: string;
  resourceType?: AuditResourceType;
  resourceId?: string;
  from?: number;
  to?: number;
}

/** A page of the space's log, newest first (keyset on the sequence). */
export async function listAuditEntries(db: Kysely<Database>, spaceId: string, filter: AuditFilter, limit: number, after: [number] | undefined) {
  let query = db.selectFrom('audit_log').selectAll().where('space_id', '=', spaceId);
  if (filter.actorId !== undefined) query = query.where('actor_id', '=', filter.actorId);
  if (filter.resourceType !== undefined) query = query.where('resource_type', '=', filter.resourceType);
  if (filter.resourceId !== undefined) query = query.where('resource_id', '=', filter.resourceId);
  if (filter.from !== undefined) query = query.where('at', '>=', filter.from);
  if (filter.to !== undefined) query = query.where('at', '<', filter.to);
  if (after) query = query.where('seq', '<', after[0]);
  return query.orderBy('seq', 'desc').limit(limit + 1).execute();
}
