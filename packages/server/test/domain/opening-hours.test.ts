import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { openIntervals, isClosedOn, wallRangeToInterval, type OpeningRange } from '../../src/domain/opening-hours.ts';
import { PARIS, local, utc, hours, iso, wall } from './helpers.ts';

const weekdays = (opens: string, closes: string): OpeningRange[] =>
  (['monday', 'tuesday', 'wednesday', 'thursday', 'friday'] as const).map((day) => ({ day, opens, closes }));
const everyDay = (opens: string, closes: string): OpeningRange[] =>
  (['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const).map((day) => ({ day, opens, closes }));
const total = (is: { start: Date; end: Date }[]) => hours(is.reduce((s, i) => s + i.end.getTime() - i.start.getTime(), 0));

describe('openIntervals', () => {
  test('a plain week: one interval per open day, in UTC', () => {
    const open = openIntervals({ openingHours: weekdays('09:00', '18:00'), timeZone: PARIS }, local('2026-11-30T00:00'), local('2026-12-07T00:00'));
    assert.equal(open.length, 5);
    assert.deepEqual(iso(open)[0], ['2026-11-30T08:00:00Z', '2026-11-30T17:00:00Z']);
    assert.equal(total(open), 45);
  });

  test('clips to [from, to)', () => {
    const open = openIntervals({ openingHours: weekdays('09:00', '18:00'), timeZone: PARIS }, local('2026-12-01T10:30'), local('2026-12-01T12:00'));
    assert.deepEqual(wall(open), [['2026-12-01T10:30', '2026-12-01T12:00']]);
    assert.deepEqual(openIntervals({ openingHours: weekdays('09:00', '18:00'), timeZone: PARIS }, local('2026-12-01T12:00'), local('2026-12-01T12:00')), []);
  });

  test('00:00–24:00 on 2026-03-29 lasts 23 hours', () => {
    const open = openIntervals({ openingHours: [{ day: 'sunday', opens: '00:00', closes: '24:00' }], timeZone: PARIS }, utc('2026-03-28T00:00:00'), utc('2026-03-31T00:00:00'));
    assert.equal(open.length, 1);
    assert.equal(total(open), 23);
    assert.deepEqual(iso(open), [['2026-03-28T23:00:00Z', '2026-03-29T22:00:00Z']]);
  });

  test('00:00–24:00 on 2026-10-25 lasts 25 hours', () => {
    const open = openIntervals({ openingHours: [{ day: 'sunday', opens: '00:00', closes: '24:00' }], timeZone: PARIS }, utc('2026-10-24T00:00:00'), utc('2026-10-27T00:00:00'));
    assert.equal(total(open), 25);
  });

  test('01:00–04:00 on 2026-10-25 lasts 4 hours (the repeated hour counts twice)', () => {
    const open = openIntervals({ openingHours: [{ day: 'sunday', opens: '01:00', closes: '04:00' }], timeZone: PARIS }, utc('2026-10-24T00:00:00'), utc('2026-10-26T00:00:00'));
    assert.deepEqual(iso(open), [['2026-10-24T23:00:00Z', '2026-10-25T03:00:00Z']]);
    assert.equal(total(open), 4);
  });

  test('01:00–04:00 on 2026-03-29 lasts 2 hours', () => {
    const open = openIntervals({ openingHours: [{ day: 'sunday', opens: '01:00', closes: '04:00' }], timeZone: PARIS }, utc('2026-03-28T00:00:00'), utc('2026-03-30T00:00:00'));
    assert.equal(total(open), 2);
  });

  test('boundaries in the spring gap move to the jump; a range wholly inside it is empty', () => {
    const tz = PARIS;
    const from = utc('2026-03-28T00:00:00');
    const to = utc('2026-03-30T00:00:00');
    assert.deepEqual(wall(openIntervals({ openingHours: [{ day: 'sunday', opens: '02:30', closes: '05:00' }], timeZone: tz }, from, to)), [
      ['2026-03-29T03:00', '2026-03-29T05:00'],
    ]);
    assert.deepEqual(wall(openIntervals({ openingHours: [{ day: 'sunday', opens: '01:00', closes: '02:30' }], timeZone: tz }, from, to)), [
      ['2026-03-29T01:00', '2026-03-29T03:00'],
    ]);
    assert.equal(total(openIntervals({ openingHours: [{ day: 'sunday', opens: '01:00', closes: '02:30' }], timeZone: tz }, from, to)), 1);
    assert.deepEqual(openIntervals({ openingHours: [{ day: 'sunday', opens: '02:00', closes: '02:45' }], timeZone: tz }, from, to), []);
  });

  test('boundaries in the autumn overlap: opens at the first 02:30, closes at the second', () => {
    const open = openIntervals({ openingHours: [{ day: 'sunday', opens: '00:00', closes: '02:30' }], timeZone: PARIS }, utc('2026-10-24T00:00:00'), utc('2026-10-26T00:00:00'));
    assert.equal(total(open), 3.5);
    const open2 = openIntervals({ openingHours: [{ day: 'sunday', opens: '02:30', closes: '04:00' }], timeZone: PARIS }, utc('2026-10-24T00:00:00'), utc('2026-10-26T00:00:00'));
    assert.equal(total(open2), 2.5);
  });

  test('closures remove whole local days, inclusive', () => {
    const open = openIntervals(
      { openingHours: weekdays('09:00', '18:00'), closures: [{ from: '2026-12-24', to: '2026-12-25', reason: 'Noël' }], timeZone: PARIS },
      local('2026-12-21T00:00'),
      local('2026-12-28T00:00'),
    );
    assert.deepEqual(
      wall(open).map((r) => r[0]),
      ['2026-12-21T09:00', '2026-12-22T09:00', '2026-12-23T09:00'],
    );
    assert.equal(isClosedOn('2026-12-25', [{ from: '2026-12-24', to: '2026-12-25' }]), true);
    assert.equal(isClosedOn('2026-12-26', [{ from: '2026-12-24', to: '2026-12-25' }]), false);
  });

  test('ranges that touch merge, including across midnight', () => {
    const open = openIntervals(
      {
        openingHours: [
          { day: 'monday', opens: '09:00', closes: '12:00' },
          { day: 'monday', opens: '12:00', closes: '14:00' },
          { day: 'monday', opens: '20:00', closes: '24:00' },
          { day: 'tuesday', opens: '00:00', closes: '02:00' },
        ],
        timeZone: PARIS,
      },
      local('2026-11-30T00:00'),
      local('2026-12-02T00:00'),
    );
    assert.deepEqual(wall(open), [
      ['2026-11-30T09:00', '2026-11-30T14:00'],
      ['2026-11-30T20:00', '2026-12-01T02:00'],
    ]);
  });

  test('a range closing before it opens runs past midnight and belongs to the day it opens', () => {
    const schedule = { openingHours: [{ day: 'friday' as const, opens: '22:00', closes: '02:00' }], closures: [{ from: '2026-12-05', to: '2026-12-05' }], timeZone: PARIS };
    // The window starts after Friday's opening: the range of the day before the window is still found.
    assert.deepEqual(wall(openIntervals(schedule, local('2026-12-05T00:00'), local('2026-12-06T00:00'))), [['2026-12-05T00:00', '2026-12-05T02:00']]);
    assert.deepEqual(wall(openIntervals({ ...schedule, closures: [{ from: '2026-12-04', to: '2026-12-04' }] }, local('2026-12-04T00:00'), local('2026-12-06T00:00'))), []);
  });

  test('lunch breaks and days without ranges stay closed', () => {
    const open = openIntervals(
      { openingHours: [{ day: 'saturday', opens: '09:00', closes: '12:30' }, { day: 'saturday', opens: '14:00', closes: '18:00' }], timeZone: PARIS },
      local('2026-12-04T00:00'),
      local('2026-12-07T00:00'),
    );
    assert.deepEqual(wall(open), [
      ['2026-12-05T09:00', '2026-12-05T12:30'],
      ['2026-12-05T14:00', '2026-12-05T18:00'],
    ]);
  });

  test('other zones', () => {
    const open = openIntervals({ openingHours: everyDay('09:00', '17:00'), timeZone: 'America/New_York' }, utc('2026-11-01T00:00:00'), utc('2026-11-02T00:00:00'));
    // New York changes on 2026-11-01; 09:00 EST = 14:00Z.
    assert.deepEqual(iso(open), [['2026-11-01T14:00:00Z', '2026-11-01T22:00:00Z']]);
  });

  test('wallRangeToInterval', () => {
    assert.equal(wallRangeToInterval('2026-12-01', '10:00', '10:00', PARIS), null);
    assert.deepEqual(iso([wallRangeToInterval('2026-12-01', '08:00', '13:00', PARIS)!]), [['2026-12-01T07:00:00Z', '2026-12-01T12:00:00Z']]);
  });
});
