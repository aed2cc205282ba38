import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clipIntervals, containsInterval, intersectIntervals, mergeIntervals, overlaps, subtractIntervals, totalMillis } from '../../src/domain/intervals.ts';
import { iso } from './helpers.ts';

const i = (a: number, b: number) => ({ start: new Date(Date.UTC(2026, 0, 1, a)), end: new Date(Date.UTC(2026, 0, 1, b)) });
const h = (n: number) => `2026-01-01T${String(n).padStart(2, '0')}:00:00Z`;

test('merge sorts, drops empties and joins touching intervals', () => {
  assert.deepEqual(iso(mergeIntervals([i(5, 6), i(1, 2), i(2, 3), i(4, 4), i(2, 2), i(5, 7)])), [
    [h(1), h(3)],
    [h(5), h(7)],
  ]);
});

test('clip, intersect, subtract, contains', () => {
  assert.deepEqual(iso(clipIntervals([i(1, 5), i(6, 9)], i(2, 7).start, i(2, 7).end)), [[h(2), h(5)], [h(6), h(7)]]);
  assert.deepEqual(iso(intersectIntervals([i(1, 5), i(6, 9)], [i(4, 7)])), [[h(4), h(5)], [h(6), h(7)]]);
  assert.deepEqual(iso(subtractIntervals([i(1, 9)], [i(2, 3), i(5, 6)])), [[h(1), h(2)], [h(3), h(5)], [h(6), h(9)]]);
  assert.equal(containsInterval([i(1, 3), i(3, 5)], i(2, 4).start, i(2, 4).end), true, 'touching intervals are contiguous');
  assert.equal(containsInterval([i(1, 3), i(4, 5)], i(2, 4).start, i(2, 4).end), false);
  assert.equal(overlaps(i(1, 2), i(2, 3)), false);
  assert.equal(overlaps(i(1, 3), i(2, 3)), true);
  assert.equal(totalMillis([i(1, 3), i(2, 4)]), 3 * 3_600_000);
});
