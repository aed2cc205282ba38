import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import {
  addDays,
  addDuration,
  addMonths,
  dateIn,
  formatIsoDuration,
  isLocalDate,
  isoWeekday,
  parseDuration,
  startOfDay,
  toInstantString,
  wallClock,
  wallToInstant,
  zoneOffset,
  HOUR,
  MINUTE,
} from '../../src/booking/time.ts';

const iso = (t: number) => toInstantString(t);

describe('durations', () => {
  it('parses the spec’s durations', () => {
    assert.deepEqual(parseDuration('PT30M'), { days: 0, ms: 30 * MINUTE });
    assert.deepEqual(parseDuration('PT1H30M'), { days: 0, ms: 90 * MINUTE });
    assert.deepEqual(parseDuration('P1D'), { days: 1, ms: 0 });
    assert.deepEqual(parseDuration('P2W'), { days: 14, ms: 0 });
    assert.deepEqual(parseDuration('P1DT12H'), { days: 1, ms: 12 * HOUR });
    assert.deepEqual(parseDuration('PT0S'), { days: 0, ms: 0 });
  });
  it('refuses what is not one', () => {
    for (const bad of ['', 'P', 'PT', '1H', 'P1M', 'P1Y', 'PT1.5H', 'pt1h', null, undefined]) assert.equal(parseDuration(bad), undefined, String(bad));
  });
  it('formats back', () => {
    for (const s of ['PT30M', 'PT1H', 'PT1H30M', 'P1D', 'P1DT12H', 'PT0S', 'PT45S']) assert.equal(formatIsoDuration(parseDuration(s)!), s);
    assert.equal(formatIsoDuration({ days: 0, ms: 24 * HOUR }), 'PT24H');
  });
});

describe('calendar dates', () => {
  it('adds days and months across years and leap days', () => {
    assert.equal(addDays('2026-12-31', 1), '2027-01-01');
    assert.equal(addDays('2028-03-01', -1), '2028-02-29');
    assert.equal(addMonths('2026-01-31', 1), '2026-02-28');
    assert.equal(addMonths('2028-01-31', 1), '2028-02-29');
    assert.equal(addMonths('2026-12-15', 1), '2027-01-15');
    assert.equal(addMonths('2026-01-15', -1), '2025-12-15');
    assert.equal(addMonths('2026-03-31', -12), '2025-03-31');
  });
  it('knows weekdays and real dates', () => {
    assert.equal(isoWeekday('2026-12-01'), 2); // a Tuesday
    assert.equal(isoWeekday('2026-12-06'), 7);
    assert.ok(isLocalDate('2028-02-29'));
    assert.ok(!isLocalDate('2026-02-29'));
    assert.ok(!isLocalDate('2026-2-01'));
    assert.ok(!isLocalDate('tomorrow'));
  });
});

describe('zones', () => {
  it('reads wall clocks and offsets', () => {
    const t = Date.parse('2026-12-01T08:00:00Z');
    assert.deepEqual(wallClock(t, 'Europe/Paris'), { date: '2026-12-01', wallMs: 9 * HOUR });
    assert.equal(zoneOffset(t, 'Europe/Paris'), HOUR);
    assert.equal(zoneOffset(Date.parse('2026-07-01T08:00:00Z'), 'Europe/Paris'), 2 * HOUR);
    assert.equal(zoneOffset(t, 'America/St_Johns'), -3.5 * HOUR);
    assert.equal(dateIn(Date.parse('2026-12-01T23:30:00Z'), 'Europe/Paris'), '2026-12-02');
    assert.equal(dateIn(Date.parse('2026-12-01T23:30:00Z'), 'UTC'), '2026-12-01');
  });
  it('finds the instant of a wall time, DST included', () => {
    assert.equal(iso(wallToInstant('2026-12-01', 9 * HOUR, 'Europe/Paris')), '2026-12-01T08:00:00Z');
    assert.equal(iso(startOfDay('2026-07-01', 'Europe/Paris')), '2026-06-30T22:00:00Z');
    // Spring forward: 02:30 does not exist in Paris on 2026-03-29; the clocks jump at 01:00Z.
    assert.equal(iso(wallToInstant('2026-03-29', 2.5 * HOUR, 'Europe/Paris')), '2026-03-29T01:00:00Z');
    // Fall back: 02:30 happens twice on 2026-10-25; the earlier one (CEST) is taken.
    assert.equal(iso(wallToInstant('2026-10-25', 2.5 * HOUR, 'Europe/Paris')), '2026-10-25T00:30:00Z');
    // A zone that changed at midnight: Santiago skips 00:00 on 2026-09-06.
    assert.equal(iso(startOfDay('2026-09-06', 'America/Santiago')), '2026-09-06T04:00:00Z');
  });
  it('adds calendar days in the zone and exact hours', () => {
    const noon = Date.parse('2026-03-28T11:00:00Z'); // 12:00 in Paris, the day before spring forward
    assert.equal(iso(addDuration(noon, parseDuration('P1D')!, 'Europe/Paris')), '2026-03-29T10:00:00Z');
    assert.equal(iso(addDuration(noon, parseDuration('PT24H')!, 'Europe/Paris')), '2026-03-29T11:00:00Z');
    const midnight = startOfDay('2026-10-25', 'Europe/Paris');
    assert.equal(addDuration(midnight, parseDuration('P1D')!, 'Europe/Paris') - midnight, 25 * HOUR);
  });
});
