import type { components } from '@coworking-commons/client';
import type { Selectable } from 'kysely';
import type { ApiKeysTable } from '../db/schema.ts';
import type { Deps } from '../deps.ts';
import { newId } from '../domain/ids.ts';
import { parseScopes, scopes as allScopes, type Scope } from '../domain/scopes.ts';
import { hashSecret, newSecret } from '../domain/secrets.ts';
import { iso } from './json.ts';

export type ApiKey = components['schemas']['ApiKey'];
export type ApiKeyRow = Selectable<ApiKeysTable>;

/** A key as the API shows it: never its secret or hash. */
export function toApiKey(row: ApiKeyRow): ApiKey {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: parseScopes(row.scopes),
    createdAt: iso(row.created_at),
    ...(row.expires_at === null ? {} : { expiresAt: iso(row.expires_at) }),
    ...(row.last_used_at === null ? {} : { lastUsedAt: iso(row.last_used_at) }),
  } as ApiKey;
}

/** Creates a staff API key (every scope, no expiry, unless told); the secret is returned once and only its hash is kept. */
export async function issueApiKey(
  deps: Pick<Deps, 'store' | 'now'>,
  spaceId: string,
  name: string,
  options: { scopes?: readonly Scope[]; expiresAt?: number } = {},
): Promise<{ apiKey: ApiKey; secret: string }> {
  const secret = newSecret('cck_');
  const row = {
    id: newId('key'),
    space_id: spaceId,
    name,
    prefix: secret.slice(0, 12),
    secret_hash: hashSecret(secret),
    created_at: deps.now().getTime(),
    last_used_at: null,
    revoked_at: null,
    // In the canonical order, whatever order they were asked in.
    scopes: JSON.stringify(allScopes.filter((scope) => (options.scopes ?? allScopes).includes(scope))),
    expires_at: options.expiresAt ?? null,
  };
  await deps.store.db.insertInto('api_keys').values(row).execute();
  return { apiKey: toApiKey(row), secret };
}

/** A page of the space's keys that still work, newest first (keyset on created_at, id). */
export async function listApiKeys(deps: Pick<Deps, 'store'>, spaceId: string, limit: number, after: [number, string] | undefined): Promise<ApiKeyRow[]> {
  let query = deps.store.db
    .selectFrom('api_keys')
    .selectAll()
    .where('space_id', '=', spaceId)
    .where('revoked_at', 'is', null)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit + 1);
  if (after) {
    const [createdAt, id] = after;
    query = query.where((eb) => eb.or([eb('created_at', '<', createdAt), eb.and([eb('created_at', '=', createdAt), eb('id', '<', id)])]));
  }
  return query.execute();
}

/** Revokes a key of the space; false when there is no such working key. */
export async function revokeApiKey(deps: Pick<Deps, 'store' | 'now'>, spaceId: string, keyId: string): Promise<boolean> {
  const result = await deps.store.db
    .updateTable('api_keys')
    .set({ revoked_at: deps.now().getTime() })
    .where('space_id', '=', spaceId)
    .where('id', '=', keyId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
