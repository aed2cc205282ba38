// One request as the handlers see it, with the parsing every operation shares: credentials, query
// parameters, the JSON body, If-Match.
import type { IncomingHttpHeaders } from 'node:http';
import { invalid, Problem, unauthorized, type FieldError } from './problem.ts';
import { id as idSchema, instant } from './schemas.ts';
import type { Space, Store } from './store.ts';
import { check, depth, type Schema } from './validate.ts';
import { parseInstant } from './time.ts';

export type Caller = { kind: 'anonymous' } | { kind: 'staff' } | { kind: 'unknown' };

export interface Answer {
  status: number;
  headers?: Record<string, string>;
  /** A JSON body; none for 204. */
  body?: unknown;
}

export interface Call {
  store: Store;
  method: string;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  rawBody: Buffer;
  caller: Caller;
  /** The client's address, which scopes a guest's Idempotency-Key. */
  clientAddress: string;
  publicUrl: string;
  now: number;
}

export function callerOf(headers: IncomingHttpHeaders, staffKey: string): Caller {
  const authorization = headers.authorization;
  if (authorization === undefined) return { kind: 'anonymous' };
  const match = /^Bearer +(\S+)$/i.exec(authorization.trim());
  return match?.[1] === staffKey ? { kind: 'staff' } : { kind: 'unknown' };
}

/** The space of the path, or 404. */
export function spaceOf(call: Call): Space {
  const space = call.store.spaces.get(call.params.spaceId!);
  if (!space) throw new Problem(404, 'not-found', `No space ${call.params.spaceId} on this server.`);
  return space;
}

export function requireStaff(call: Call): void {
  if (call.caller.kind !== 'staff') throw unauthorized('A staff key is required.');
}

/** Credentials that are given must be valid (public operations that declare 401). */
export function rejectUnknownCredentials(call: Call): void {
  if (call.caller.kind === 'unknown') throw unauthorized('These credentials are not valid here.');
}

function single(call: Call, name: string, errors: FieldError[]): string | undefined {
  const values = call.query.getAll(name);
  if (values.length > 1) errors.push({ pointer: `/query/${name}`, detail: 'must be given once' });
  return values[0];
}

export interface QuerySpec {
  [name: string]: { kind: 'integer'; min: number; max: number } | { kind: 'instant' } | { kind: 'string'; schema: Schema } | { kind: 'boolean' };
}

/** The query parameters of `spec`, parsed; every bad one is named in one validation error. */
export function queryOf(call: Call, spec: QuerySpec, required: string[] = []): Record<string, any> {
  const errors: FieldError[] = [];
  const values: Record<string, any> = {};
  for (const [name, kind] of Object.entries(spec)) {
    const raw = single(call, name, errors);
    const pointer = `/query/${name}`;
    if (raw === undefined) {
      if (required.includes(name)) errors.push({ pointer, detail: 'is required' });
      continue;
    }
    if (kind.kind === 'integer') {
      if (!/^-?\d{1,10}$/.test(raw)) errors.push({ pointer, detail: 'must be an integer' });
      else if (Number(raw) < kind.min || Number(raw) > kind.max) errors.push({ pointer, detail: `must be from ${kind.min} to ${kind.max}` });
      else values[name] = Number(raw);
    } else if (kind.kind === 'instant') {
      const found = check(instant, raw, pointer);
      if (found.length) errors.push(...found);
      else values[name] = parseInstant(raw);
    } else if (kind.kind === 'boolean') {
      if (raw !== 'true' && raw !== 'false') errors.push({ pointer, detail: 'must be true or false' });
      else values[name] = raw === 'true';
    } else {
      const found = check(kind.schema, raw, pointer);
      if (found.length) errors.push(...found);
      else values[name] = raw;
    }
  }
  if (errors.length) throw invalid(errors);
  return values;
}

export const pageQuery: QuerySpec = {
  limit: { kind: 'integer', min: 1, max: 100 },
  cursor: { kind: 'string', schema: (value, pointer, errors) => (typeof value === 'string' && value.length >= 1 && value.length <= 512 ? undefined : errors.push({ pointer, detail: 'must have 1 to 512 characters' })) },
};

/** The JSON body, checked against its schema; `undefined` when an optional body is absent. */
export function bodyOf(call: Call, schema: Schema, options: { required: boolean }): any {
  if (call.rawBody.length === 0) {
    if (options.required) throw invalid([{ pointer: '', detail: 'a JSON body is required' }]);
    return undefined;
  }
  const type = (call.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') throw new Problem(415, 'unsupported-media-type', `This operation takes application/json, not ${type || 'a body without Content-Type'}.`);
  let value: unknown;
  try {
    value = JSON.parse(call.rawBody.toString('utf8'));
  } catch {
    throw invalid([{ pointer: '', detail: 'is not valid JSON' }]);
  }
  if (depth(value) > 32) throw invalid([{ pointer: '', detail: 'nests deeper than 32 levels' }]);
  const errors = check(schema, value);
  if (errors.length) throw invalid(errors);
  return value;
}

/** Path parameters other than the space's id must be ids. */
export function checkIdParams(call: Call): void {
  const errors: FieldError[] = [];
  for (const [name, value] of Object.entries(call.params)) if (name !== 'spaceId') errors.push(...check(idSchema, value, `/path/${name}`));
  if (errors.length) throw invalid(errors);
}

/** `If-Match` against the object's version: 428 without it (when required), 412 when outdated. */
export function checkIfMatch(call: Call, version: number, required: boolean): void {
  const header = call.headers['if-match'];
  if (header === undefined || header === '') {
    if (required) throw new Problem(428, 'precondition-required', "Send the object's ETag in If-Match.");
    return;
  }
  if (header.length > 128) throw invalid([{ pointer: '/header/If-Match', detail: 'must have at most 128 characters' }]);
  const tags = header.split(',').map((tag) => tag.trim().replace(/^W\//, ''));
  if (!tags.includes('*') && !tags.includes(`"${version}"`)) throw new Problem(412, 'precondition-failed', `If-Match names an outdated version; the current ETag is "${version}".`);
}

/** A cursor: the sort key of the last item of the previous page, opaque to clients. */
export function encodeCursor(key: unknown[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined, length: number): unknown[] | undefined {
  if (cursor === undefined) return undefined;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === length) return key;
  } catch {
    // answered below
  }
  throw invalid([{ pointer: '/query/cursor', detail: 'is not a cursor this server answered' }]);
}

/** Compares sort keys of strings and numbers, element by element. */
export function compareKeys(a: unknown[], b: unknown[]): number {
  for (let index = 0; index < a.length; index++) {
    const x = a[index] as string | number;
    const y = b[index] as string | number;
    if (x < y) return -1;
    if (x > y) return 1;
  }
  return 0;
}

/** One page of items sorted by `keyOf`, after the cursor's key. */
export function page<T>(items: T[], keyOf: (item: T) => unknown[], keyLength: number, query: { limit?: number; cursor?: string }): { items: T[]; nextCursor?: string } {
  const after = decodeCursor(query.cursor, keyLength);
  const sorted = items.toSorted((a, b) => compareKeys(keyOf(a), keyOf(b)));
  const rest = after ? sorted.filter((item) => compareKeys(keyOf(item), after) > 0) : sorted;
  const limit = query.limit ?? 20;
  const chosen = rest.slice(0, limit);
  return rest.length > limit ? { items: chosen, nextCursor: encodeCursor(keyOf(chosen.at(-1)!)) } : { items: chosen };
}
