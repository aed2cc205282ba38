import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Transaction } from 'kysely';
import { prepareQuery } from '../db/prepared.ts';
import type { Database } from '../db/schema.ts';
import type { Deps } from '../deps.ts';
import { callerKey } from './caller.ts';
import { HttpProblem, idempotencyKeyReused } from './problem.ts';

export interface StoredResponse {
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

/** Records are kept 48 hours (the spec promises at least 24). */
const retention = 48 * 3600_000;

/**
 * Runs a creating operation once per Idempotency-Key and caller (for guests, see `guestScope`). The first success is recorded
 * in the same transaction as what it created, so a retry of the same request gets the same
 * response and creates nothing; the same key with another request is refused. The record holds
 * the key's hash and the response encrypted with a key derived from the Idempotency-Key, which
 * only the client knows: a guest token in the response is never readable from the database.
 */
export async function runIdempotent(
  deps: Deps,
  request: FastifyRequest,
  reply: FastifyReply,
  operation: string,
  run: (trx: Transaction<Database>) => Promise<StoredResponse>,
): Promise<unknown> {
  const spaceId = (request.params as { spaceId: string }).spaceId;
  const key = String(request.headers['idempotency-key']);
  const caller = request.caller.kind === 'anonymous' ? guestScope(request) : callerKey(request.caller);
  const keyHash = sha256(`${spaceId}\n${caller}\n${key}`);
  const requestHash = sha256(`${operation}\n${request.url.split('?')[0]}\n${canonicalJson(request.body ?? null)}`);
  const now = deps.now().getTime();
  const { db } = deps.store;

  const replay = async () => {
    const record = await recordOf.first(db, spaceId, caller, keyHash, now - retention);
    if (!record) return undefined;
    if (record.request_hash !== requestHash || record.operation !== operation) throw idempotencyKeyReused();
    const stored: StoredResponse = JSON.parse(decrypt(key, record.response_body));
    return send(reply.header('idempotent-replayed', 'true'), stored);
  };

  const earlier = await replay();
  if (earlier !== undefined) return earlier;

  let response: StoredResponse;
  try {
    response = await db.transaction().execute(async (trx) => {
      const result = await run(trx);
      await insertRecord.execute(trx, spaceId, caller, keyHash, operation, requestHash, result.status, encrypt(key, JSON.stringify(result)), now);
      return result;
    });
  } catch (error) {
    // The same key arrived twice at once: the other request won (this one hit the key's unique
    // index, or a conflict with what the other created, such as its booking); answer as it did.
    const raced = await replay().catch((failure) => {
      if (isUniqueViolation(error) || failure instanceof HttpProblem) throw failure;
      return undefined;
    });
    if (raced !== undefined) return raced;
    throw error;
  }
  if (Math.random() < 0.01) await db.deleteFrom('idempotency_keys').where('created_at', '<', now - retention).execute();
  return send(reply, response);
}

const recordOf = prepareQuery((db, spaceId: string, caller: string, keyHash: string, after: number) =>
  db.selectFrom('idempotency_keys').selectAll().where('space_id', '=', spaceId).where('caller', '=', caller).where('key', '=', keyHash).where('created_at', '>', after),
);
const insertRecord = prepareQuery((db, spaceId: string, caller: string, keyHash: string, operation: string, requestHash: string, status: number, body: string, at: number) =>
  db.insertInto('idempotency_keys').values({
    space_id: spaceId,
    caller,
    key: keyHash,
    operation,
    request_hash: requestHash,
    status_code: status,
    response_body: body,
    response_headers: '{}',
    created_at: at,
  }),
);

/**
 * Guests have no credentials, so each is its own scope: the guest's email and the client's
 * address. Another guest choosing the same key is not refused, and a replay, which carries the
 * guest's token, reaches only the same guest from the same address; the same guest reusing a key
 * for another request is refused, as any caller is.
 */
function guestScope(request: FastifyRequest): string {
  const email = (request.body as { guest?: { email?: unknown } } | undefined)?.guest?.email;
  return `guest:${sha256(`${request.ip}\n${typeof email === 'string' ? email.toLowerCase() : ''}`)}`;
}

function send(reply: FastifyReply, stored: StoredResponse): unknown {
  reply.code(stored.status).headers(stored.headers);
  return stored.body;
}

export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; errcode?: string; message?: string };
  return e?.code === '23505' || /UNIQUE constraint failed|PRIMARY KEY/i.test(e?.message ?? '');
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

function cipherKey(idempotencyKey: string): Buffer {
  return Buffer.from(hkdfSync('sha256', idempotencyKey, 'coworking-commons', 'idempotent-response', 32));
}

function encrypt(idempotencyKey: string, text: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', cipherKey(idempotencyKey), iv);
  const data = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), data].map((b) => b.toString('base64')).join('.');
}

function decrypt(idempotencyKey: string, sealed: string): string {
  const [iv, tag, data] = sealed.split('.').map((part) => Buffer.from(part, 'base64'));
  const decipher = createDecipheriv('aes-256-gcm', cipherKey(idempotencyKey), iv!);
  decipher.setAuthTag(tag!);
  return Buffer.concat([decipher.update(data!), decipher.final()]).toString('utf8');
}
