import { isApiError } from '@coworking-commons/client';
import { changedMeanwhile } from './changed-meanwhile.ts';

/** What a section edits: since spec 0.2.0 a server sends its version, whose ETag is `"<version>"`. */
export interface Versioned {
  version?: number;
}

/**
 * The `If-Match` header that makes the server refuse (412) a change to `object` if someone saved
 * another meanwhile. None for a server of spec 0.1.0, which sends no version.
 */
export function ifMatch(object: Versioned): { 'If-Match': string } | undefined {
  return object.version === undefined ? undefined : { 'If-Match': `"${object.version}"` };
}

/** Whether the server refused a change because the object changed since it was read. */
export const isStale = (error: unknown): boolean => isApiError(error) && error.status === 412;

/**
 * Whether `object` changed on the server since it was read, for a server without versions, which
 * cannot refuse a stale change itself: `current()` reads the server's copy to compare. With a
 * version, false at once (the server decides, atomically, through `If-Match`).
 */
export async function changedWithoutVersion<T extends Versioned>(object: T, current: () => Promise<T>): Promise<T | undefined> {
  if (object.version !== undefined) return undefined;
  const now = await current();
  return changedMeanwhile(object, now) ? now : undefined;
}

/**
 * Saves a person's change to `object` without overwriting one someone else saved meanwhile:
 * `write` gets the `If-Match` header to send (the server refuses a stale change with 412); for a
 * server without versions, `read` first compares with its copy. Either the saved object, or the
 * object as it is now (read again) when the change was refused for that reason.
 */
export async function saveUnlessChanged<T extends Versioned>(
  object: T,
  read: () => Promise<T>,
  write: (header: { 'If-Match': string } | undefined) => Promise<T>,
): Promise<{ saved: T } | { current: T }> {
  const changed = await changedWithoutVersion(object, read);
  if (changed) return { current: changed };
  try {
    return { saved: await write(ifMatch(object)) };
  } catch (error) {
    if (isStale(error)) return { current: await read() };
    throw error;
  }
}
