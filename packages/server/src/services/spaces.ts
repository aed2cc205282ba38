import type { components } from '@coworking-commons/client';
import type { Selectable } from 'kysely';
import type { Deps } from '../deps.ts';
import type { SpacesTable } from '../db/schema.ts';
import { prepareQuery } from '../db/prepared.ts';
import { DocumentCache, parseJson } from './json.ts';

export type Space = components['schemas']['Space'];
export type SpaceRow = Selectable<SpacesTable>;

export interface LoadedSpace {
  row: SpaceRow;
  space: Space;
  allowedOrigins: string[];
}

const documents = new DocumentCache<Omit<Space, 'id'>>();

/** The space of a row; its nested objects (hours, policies…) are shared and frozen (see `DocumentCache`). */
export function toSpace(row: SpaceRow): Space {
  return { ...documents.parse(row.id, row.document), id: row.id } as Space;
}

const spaceById = prepareQuery((db, spaceId: string) => db.selectFrom('spaces').selectAll().where('id', '=', spaceId));

export async function loadSpace(deps: Deps, spaceId: string): Promise<LoadedSpace | undefined> {
  const row = await spaceById.first(deps.store.db, spaceId);
  return row && { row, space: toSpace(row), allowedOrigins: parseJson<string[]>(row.allowed_origins) };
}

/** Stores a space document (creating or replacing it). */
export async function saveSpace(deps: Deps, space: Space, allowedOrigins?: string[]): Promise<void> {
  const { id, ...document } = space;
  const now = deps.now().getTime();
  const values = { document: JSON.stringify(document), updated_at: now, ...(allowedOrigins ? { allowed_origins: JSON.stringify(allowedOrigins) } : {}) };
  await deps.store.db
    .insertInto('spaces')
    .values({ id, created_at: now, allowed_origins: '[]', ...values })
    .onConflict((oc) => oc.column('id').doUpdateSet(values))
    .execute();
}
