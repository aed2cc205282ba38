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

const documents = new DocumentCache<Omit<Space, 'id' | 'version' | 'allowedOrigins'>>();

/**
 * The space of a row, as anyone may read it (its allowed origins are for staff: `staffView`);
 * its nested objects (hours, policies…) are shared and frozen (see `DocumentCache`).
 */
export function toSpace(row: SpaceRow): Space {
  return { ...documents.parse(row.id, row.document), id: row.id, version: row.version } as Space;
}

/** The space as staff read it: with the origins allowed to embed its widgets. */
export function staffView(loaded: Pick<LoadedSpace, 'space' | 'allowedOrigins'>): Space {
  return { ...loaded.space, allowedOrigins: loaded.allowedOrigins };
}

/** The stored document: the space without what has its own columns. */
function documentOf(space: Space): string {
  const { id: _id, version: _version, allowedOrigins: _origins, ...document } = space;
  return JSON.stringify(document);
}

const spaceById = prepareQuery((db, spaceId: string) => db.selectFrom('spaces').selectAll().where('id', '=', spaceId));

export async function loadSpace(deps: Pick<Deps, 'store'>, spaceId: string): Promise<LoadedSpace | undefined> {
  const row = await spaceById.first(deps.store.db, spaceId);
  return row && { row, space: toSpace(row), allowedOrigins: parseJson<string[]>(row.allowed_origins) };
}

/** Stores a space document (creating or replacing it; a replaced one's version goes up by one). */
export async function saveSpace(deps: Deps, space: Space, allowedOrigins?: string[]): Promise<void> {
  const now = deps.now().getTime();
  const values = { document: documentOf(space), updated_at: now, ...(allowedOrigins ? { allowed_origins: JSON.stringify(allowedOrigins) } : {}) };
  await deps.store.db
    .insertInto('spaces')
    .values({ id: space.id, created_at: now, allowed_origins: '[]', ...values })
    .onConflict((oc) => oc.column('id').doUpdateSet((eb) => ({ ...values, version: eb('spaces.version', '+', 1) })))
    .execute();
}

/**
 * Writes a change of the space read at `version` (and its allowed origins, when given): the
 * version goes up by one. False, and nothing written, when the row is no longer at `version`
 * (another request changed it since it was read).
 */
export async function updateSpaceRow(deps: Pick<Deps, 'store' | 'now'>, space: Space, version: number, allowedOrigins?: string[]): Promise<boolean> {
  const result = await deps.store.db
    .updateTable('spaces')
    .set({
      document: documentOf(space),
      updated_at: deps.now().getTime(),
      version: version + 1,
      ...(allowedOrigins ? { allowed_origins: JSON.stringify(allowedOrigins) } : {}),
    })
    .where('id', '=', space.id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
