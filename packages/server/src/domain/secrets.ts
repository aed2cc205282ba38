/**
 * Secrets: bearer tokens, API keys, guest tokens and one-time sign-in codes, and how they are
 * stored. Secrets are 256 random bits (node:crypto) in base64url behind a prefix telling their kind
 * (`cct_` member token, `cck_` staff API key, `ccg_` guest token), so leaked ones are recognisable by
 * secret scanners. They are stored as SHA-256 hex: enough for high-entropy secrets (no salt or slow
 * hash needed, and a lookup by hash stays possible). One-time codes are 6 digits with little
 * entropy, so they are stored as HMAC-SHA-256 keyed by a server-side pepper and bound to the email
 * they were sent to. Compare with `safeEqual`, which takes constant time. (No instants here;
 * expiry times of codes and tokens are the caller's, as `Date`s like everywhere in `domain/`.)
 */
import { createHash, createHmac, randomBytes, randomFillSync, randomInt, timingSafeEqual } from 'node:crypto';

/** The prefixes of the server's secrets. */
export const SECRET_PREFIX = {
  memberToken: 'cct',
  staffKey: 'cck',
  guestToken: 'ccg',
} as const;

export type SecretPrefix = (typeof SECRET_PREFIX)[keyof typeof SECRET_PREFIX];

/** A new secret `<prefix>_<43 base64url characters>` (256 bits of randomness). */
export function newSecret(prefix: string): string {
  const p = prefix.endsWith('_') ? prefix.slice(0, -1) : prefix;
  if (!/^[a-z0-9]{1,10}$/.test(p)) throw new RangeError(`Secret prefix "${prefix}" must be 1 to 10 lowercase letters or digits.`);
  return `${p}_${randomBytesFromPool(32).toString('base64url')}`;
}

/**
 * Random bytes from node:crypto, drawn from a pool filled 4 kB at a time (as Node does for
 * `randomUUID`): a call of `randomBytes` for a few bytes costs ten times more than copying them.
 * Every byte is given out once; the copy returned is the caller's.
 */
const pool = Buffer.alloc(4096);
let poolOffset = pool.length;
export function randomBytesFromPool(n: number): Buffer {
  if (n > pool.length) return randomBytes(n);
  if (poolOffset + n > pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  const bytes = Buffer.from(pool.subarray(poolOffset, poolOffset + n));
  pool.fill(0, poolOffset, poolOffset + n);
  poolOffset += n;
  return bytes;
}

/** The prefix of a secret (`cct`), or `undefined` when it has none. */
export function secretPrefix(secret: string): string | undefined {
  const m = /^([a-z0-9]{1,10})_[A-Za-z0-9_-]+$/.exec(secret);
  return m?.[1];
}

/** SHA-256 of the secret, lowercase hex: what the database stores and looks up. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** A new one-time sign-in code: 6 digits, uniformly random, leading zeros kept (`"004217"`). */
export function newOneTimeCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

/** The email as codes are bound to it: trimmed and lowercased. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * HMAC-SHA-256 (hex) of a one-time code bound to the email it was sent to, keyed by the server's
 * `pepper`. Whitespace in the code (`123 456`) and the email's case are ignored.
 */
export function hashOneTimeCode(code: string, email: string, pepper: string | Buffer): string {
  if (typeof pepper === 'string' ? pepper.length === 0 : pepper.byteLength === 0) throw new RangeError('The pepper must not be empty.');
  return createHmac('sha256', pepper).update(`${normalizeEmail(email)}\n${code.replace(/\s+/g, '')}`, 'utf8').digest('hex');
}

/** Compares two strings in time independent of where they differ (and of their lengths). */
export function safeEqual(a: string, b: string): boolean {
  // Hash both sides so the buffers always have the same length.
  const ha = createHash('sha256').update(a, 'utf8').digest();
  const hb = createHash('sha256').update(b, 'utf8').digest();
  return timingSafeEqual(ha, hb) && a.length === b.length;
}
