import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newId, isId, ID_PATTERN } from '../../src/domain/ids.ts';

test('ids have the prefix, match the spec’s Id pattern and are unique', () => {
  const ids = new Set<string>();
  for (let i = 0; i < 2000; i++) {
    const id = newId('bk');
    assert.match(id, /^bk_[0-9A-HJKMNP-TV-Z]{22}$/);
    assert.ok(ID_PATTERN.test(id) && isId(id) && id.length <= 64);
    ids.add(id);
  }
  assert.equal(ids.size, 2000);
  assert.match(newId('ev_'), /^ev_[0-9A-Z]{22}$/);
});

test('ids sort by creation time', () => {
  const a = newId('bk', new Date(Date.UTC(2026, 0, 1)));
  const b = newId('bk', new Date(Date.UTC(2026, 0, 1, 0, 0, 0, 1)));
  const c = newId('bk', new Date(Date.UTC(2030, 5, 1)));
  assert.deepEqual([c, b, a].sort(), [a, b, c]);
  assert.equal(newId('bk', new Date(0)).slice(3, 13), '0000000000');
  assert.equal(newId('bk', Date.UTC(2026, 0, 1)).slice(0, 13), a.slice(0, 13), 'epoch ms work too');
});

test('bad prefixes are refused', () => {
  for (const p of ['', 'b k', 'bk-', 'x'.repeat(21), 'é']) assert.throws(() => newId(p), RangeError, p);
  assert.equal(isId('a'.repeat(65)), false);
  assert.equal(isId('bk/1'), false);
  assert.equal(isId(42), false);
});
