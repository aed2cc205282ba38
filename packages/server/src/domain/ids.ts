/**
 * Identifiers: short, URL-safe, roughly time-sortable random ids matching the spec's `Id`
 * pattern `^[A-Za-z0-9_-]{1,64}$`: `<prefix>_` + 10 characters of the creation time in ms
 * (Crockford base 32, as in ULID, so ids of one prefix sort by creation time to the millisecond)
 * + 12 random characters (60 bits from node:crypto). Example: `bk_01KB2Y3Z4QH7M9XK2RT5VWA8CD`.
 */
import { randomBytesFromPool } from './secrets.ts';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** The spec's `Id` pattern. */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

const PREFIX_RE = /^[A-Za-z0-9]{1,20}$/;

function encodeTime(ms: number): string {
  let out = '';
  let t = ms;
  for (let i = 0; i < 10; i++) {
    out = CROCKFORD[t % 32] + out;
    t = Math.floor(t / 32);
  }
  return out;
}

function randomChars(n: number): string {
  const bytes = randomBytesFromPool(n);
  let out = '';
  for (let i = 0; i < n; i++) out += CROCKFORD[bytes[i]! & 31];
  return out;
}

/**
 * A new id `<prefix>_<time><random>` (`newId('bk')`; a trailing `_` on the prefix is accepted).
 * `now` (a `Date`, like every instant in `domain/`; epoch ms are accepted too) fixes the time part.
 */
export function newId(prefix: string, now: Date | number = new Date()): string {
  const p = prefix.endsWith('_') ? prefix.slice(0, -1) : prefix;
  if (!PREFIX_RE.test(p)) throw new RangeError(`Id prefix "${prefix}" must be 1 to 20 letters or digits.`);
  const ms = typeof now === 'number' ? now : now.getTime();
  if (!Number.isSafeInteger(ms) || ms < 0) throw new RangeError('The id time must be a valid instant after 1970.');
  return `${p}_${encodeTime(ms)}${randomChars(12)}`;
}

/** Whether `value` matches the spec's `Id` pattern. */
export function isId(value: unknown): value is string {
  return typeof value === 'string' && ID_PATTERN.test(value);
}
