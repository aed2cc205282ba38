import type { components } from '@coworking-commons/client';
import type { Kysely, Selectable } from 'kysely';
import type { Database, OrganisationsTable } from '../db/schema.ts';
import { newId } from '../domain/ids.ts';
import { compact, iso, parseJson } from './json.ts';

export type Organisation = components['schemas']['Organisation'];
export type OrganisationCreate = components['schemas']['OrganisationCreate'];
export type OrganisationUpdate = components['schemas']['OrganisationUpdate'];
export type OrganisationRow = Selectable<OrganisationsTable>;

type OrganisationDocument = Omit<Organisation, 'id' | 'name' | 'memberCount' | 'createdAt' | 'updatedAt' | 'version'>;

export function toOrganisation(row: OrganisationRow, memberCount: number): Organisation {
  return {
    id: row.id,
    name: row.name,
    ...parseJson<OrganisationDocument>(row.document),
    memberCount,
    createdAt: iso(Number(row.created_at)),
    updatedAt: iso(Number(row.updated_at)),
    version: row.version,
  };
}

export async function findOrganisation(db: Kysely<Database>, spaceId: string, id: string): Promise<OrganisationRow | undefined> {
  return db.selectFrom('organisations').selectAll().where('space_id', '=', spaceId).where('id', '=', id).executeTakeFirst();
}

/** How many members of the space belong to each of these organisations. */
export async function memberCounts(db: Kysely<Database>, spaceId: string, ids: string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('members')
    .select(['organisation_id', (eb) => eb.fn.countAll<number>().as('count')])
    .where('space_id', '=', spaceId)
    .where('organisation_id', 'in', ids)
    .groupBy('organisation_id')
    .execute();
  return new Map(rows.map((row) => [row.organisation_id!, Number(row.count)]));
}

/** The organisation as the API shows it, with its member count; undefined when there is none. */
export async function loadOrganisation(db: Kysely<Database>, spaceId: string, id: string): Promise<Organisation | undefined> {
  const row = await findOrganisation(db, spaceId, id);
  if (!row) return undefined;
  return toOrganisation(row, (await memberCounts(db, spaceId, [id])).get(id) ?? 0);
}

function documentOf(fields: Record<string, unknown>): string {
  const { name: _name, ...rest } = fields;
  return JSON.stringify(compact(rest));
}

export function newOrganisationRow(spaceId: string, input: OrganisationCreate, now: number): OrganisationRow {
  return { id: newId('or'), space_id: spaceId, name: input.name, document: documentOf(input), created_at: now, updated_at: now, version: 1 };
}

/** The row after a change: fields present replace theirs, `null` removes an optional one. */
export function patchOrganisationRow(row: OrganisationRow, change: OrganisationUpdate, now: number): OrganisationRow {
  const fields = { ...parseJson<Record<string, unknown>>(row.document), ...change };
  return { ...row, name: change.name ?? row.name, document: documentOf(fields), updated_at: now, version: row.version + 1 };
}

/** Writes a change of the row read at `version`; false, and nothing written, when it changed since. */
export async function writeOrganisation(db: Kysely<Database>, row: OrganisationRow, version: number): Promise<boolean> {
  const result = await db
    .updateTable('organisations')
    .set({ name: row.name, document: row.document, updated_at: row.updated_at, version: row.version })
    .where('id', '=', row.id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
