import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { addDays, addMonths, periodContaining, periodStart } from '../../src/domain/periods.ts';

describe('membership periods', () => {
  test('a month later is the same day of the month, clamped to its last day', () => {
    assert.equal(addMonths('2026-01-31', 1), '2026-02-28');
    assert.equal(addMonths('2028-01-31', 1), '2028-02-29');
    assert.equal(addMonths('2026-03-31', 1), '2026-04-30');
    assert.equal(addMonths('2026-12-15', 1), '2027-01-15');
    assert.equal(addMonths('2026-01-15', -1), '2025-12-15');
  });

  test('each boundary is counted from the anchor: a clamped month does not shorten the next ones', () => {
    const starts = [0, 1, 2, 3, 4].map((n) => periodStart('2026-01-31', 'month', n));
    assert.deepEqual(starts, ['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30', '2026-05-31']);
  });

  test('periods anchored on 31 March (the night the clocks change in Europe) are whole local months', () => {
    assert.deepEqual(periodContaining('2026-03-31', 'month', '2026-03-31'), { start: '2026-03-31', end: '2026-04-30' });
    assert.deepEqual(periodContaining('2026-03-31', 'month', '2026-04-29'), { start: '2026-03-31', end: '2026-04-30' });
    assert.deepEqual(periodContaining('2026-03-31', 'month', '2026-04-30'), { start: '2026-04-30', end: '2026-05-31' });
    assert.deepEqual(periodContaining('2026-03-31', 'month', '2026-10-25'), { start: '2026-09-30', end: '2026-10-31' });
  });

  test('leap years: 29 February anchors yearly periods on 28 February of common years', () => {
    assert.equal(periodStart('2028-02-29', 'year', 1), '2029-02-28');
    assert.equal(periodStart('2028-02-29', 'year', 4), '2032-02-29');
    assert.deepEqual(periodContaining('2028-02-29', 'year', '2029-02-27'), { start: '2028-02-29', end: '2029-02-28' });
    assert.deepEqual(periodContaining('2028-02-29', 'year', '2029-02-28'), { start: '2029-02-28', end: '2030-02-28' });
    assert.deepEqual(periodContaining('2028-01-31', 'month', '2028-02-29'), { start: '2028-02-29', end: '2028-03-31' });
  });

  test('days and weeks', () => {
    assert.equal(addDays('2026-12-31', 1), '2027-01-01');
    assert.equal(addDays('2028-02-28', 1), '2028-02-29');
    assert.deepEqual(periodContaining('2026-12-01', 'week', '2026-12-07'), { start: '2026-12-01', end: '2026-12-08' });
    assert.deepEqual(periodContaining('2026-12-01', 'week', '2026-12-08'), { start: '2026-12-08', end: '2026-12-15' });
    assert.deepEqual(periodContaining('2026-03-28', 'day', '2026-03-29'), { start: '2026-03-29', end: '2026-03-30' });
  });

  test('the anchor itself starts the first period; a date before it has none', () => {
    assert.deepEqual(periodContaining('2026-01-31', 'month', '2026-01-31'), { start: '2026-01-31', end: '2026-02-28' });
    assert.deepEqual(periodContaining('2026-01-31', 'month', '2026-02-27'), { start: '2026-01-31', end: '2026-02-28' });
    assert.throws(() => periodContaining('2026-01-31', 'month', '2026-01-30'), RangeError);
  });
});
