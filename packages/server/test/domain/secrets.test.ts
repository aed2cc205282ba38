import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hashOneTimeCode, hashSecret, newOneTimeCode, newSecret, safeEqual, secretPrefix, SECRET_PREFIX } from '../../src/domain/secrets.ts';

test('secrets are prefixed base64url with 256 bits of randomness', () => {
  const seen = new Set<string>();
  for (const prefix of Object.values(SECRET_PREFIX)) {
    for (let i = 0; i < 200; i++) {
      const s = newSecret(prefix);
      assert.match(s, new RegExp(`^${prefix}_[A-Za-z0-9_-]{43}$`));
      assert.equal(Buffer.from(s.slice(4), 'base64url').length, 32);
      assert.equal(secretPrefix(s), prefix);
      seen.add(s);
    }
  }
  assert.equal(seen.size, 600);
  // A guest token fits the spec's BookingGuestToken (32–128 chars of [A-Za-z0-9_-]).
  const g = newSecret('ccg_');
  assert.match(g, /^[A-Za-z0-9_-]{32,128}$/);
  assert.throws(() => newSecret('CCT'), RangeError);
  assert.equal(secretPrefix('nope'), undefined);
});

test('hashSecret is SHA-256 hex, stable, different per secret', () => {
  assert.equal(hashSecret('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  const s = newSecret('cct');
  assert.equal(hashSecret(s), hashSecret(s));
  assert.notEqual(hashSecret(s), hashSecret(newSecret('cct')));
  assert.match(hashSecret(s), /^[0-9a-f]{64}$/);
});

test('one-time codes are 6 digits, uniformly spread, leading zeros kept', () => {
  const counts = new Array(10).fill(0);
  for (let i = 0; i < 5000; i++) {
    const c = newOneTimeCode();
    assert.match(c, /^\d{6}$/);
    counts[Number(c[0])]++;
  }
  // Every leading digit (0 included) shows up about 500 times.
  for (const n of counts) assert.ok(n > 350 && n < 650, `leading digits ${counts}`);
});

test('one-time code hashes are bound to the email and the pepper', () => {
  const h = hashOneTimeCode('123456', 'Ada@Example.org', 'pepper');
  assert.match(h, /^[0-9a-f]{64}$/);
  assert.equal(hashOneTimeCode('123 456', ' ada@example.org ', 'pepper'), h, 'spaces and case are ignored');
  assert.notEqual(hashOneTimeCode('123456', 'bob@example.org', 'pepper'), h);
  assert.notEqual(hashOneTimeCode('123456', 'ada@example.org', 'other pepper'), h);
  assert.notEqual(hashOneTimeCode('123457', 'ada@example.org', 'pepper'), h);
  assert.equal(hashOneTimeCode('123456', 'ada@example.org', Buffer.from('pepper')), h);
  assert.throws(() => hashOneTimeCode('123456', 'ada@example.org', ''), RangeError);
});

test('safeEqual', () => {
  assert.equal(safeEqual('abc', 'abc'), true);
  assert.equal(safeEqual('abc', 'abd'), false);
  assert.equal(safeEqual('abc', 'abcd'), false);
  assert.equal(safeEqual('', ''), true);
  const h = hashSecret('x');
  assert.equal(safeEqual(h, hashSecret('x')), true);
});
