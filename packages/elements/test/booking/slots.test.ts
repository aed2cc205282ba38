import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { allowedDurations, datesWithStartTimes, dayWindow, offeredDurations, startTimes, type ResourceAvailability } from '../../src/booking/slots.ts';
import { toInstantString } from '../../src/booking/time.ts';

const tz = 'Europe/Paris';
const starts = (list: { start: number }[]) => list.map((s) => toInstantString(s.start).slice(11, 16));
const slot = (start: string, end: string, remaining = 1) => ({ start: `${start}Z`, end: `${end}Z`, remaining });

// The spec's example (openapi/paths/availability.yaml).
const atelier: ResourceAvailability = {
  resourceId: 'rs_atelier',
  quantity: 1,
  rules: { granularity: 'PT30M', minDuration: 'PT1H', maxDuration: 'PT8H' },
  slots: [slot('2026-12-01T08:00:00', '2026-12-01T09:00:00'), slot('2026-12-01T11:15:00', '2026-12-01T18:00:00')],
};
const openSpace: ResourceAvailability = {
  resourceId: 'rs_open_space',
  quantity: 12,
  rules: { granularity: 'PT30M', minDuration: 'PT4H', maxDuration: 'P1D' },
  slots: [slot('2026-12-01T07:30:00', '2026-12-01T12:00:00', 7), slot('2026-12-01T12:00:00', '2026-12-01T18:30:00', 9)],
};

describe('allowedDurations', () => {
  it('lists multiples of the granularity from the minimum to the maximum', () => {
    assert.deepEqual(allowedDurations(atelier.rules), ['PT1H', 'PT1H30M', 'PT2H', 'PT2H30M', 'PT3H', 'PT3H30M', 'PT4H', 'PT4H30M', 'PT5H', 'PT5H30M', 'PT6H', 'PT6H30M', 'PT7H', 'PT7H30M', 'PT8H']);
    assert.deepEqual(allowedDurations({ granularity: 'PT15M', minDuration: 'PT15M', maxDuration: 'PT1H' }), ['PT15M', 'PT30M', 'PT45M', 'PT1H']);
  });
  it('keeps a maximum of whole days as a calendar day', () => {
    const list = allowedDurations({ granularity: 'PT1H', minDuration: 'PT20H', maxDuration: 'P1D' });
    assert.deepEqual(list, ['PT20H', 'PT21H', 'PT22H', 'PT23H', 'P1D']);
  });
  it('rounds a minimum off the grid up to the grid', () => {
    assert.deepEqual(allowedDurations({ granularity: 'PT1H', minDuration: 'PT90M', maxDuration: 'PT3H' }), ['PT2H', 'PT3H']);
  });
  it('counts whole days on a day grid', () => {
    assert.deepEqual(allowedDurations({ granularity: 'P1D', minDuration: 'P1D', maxDuration: 'P3D' }), ['P1D', 'P2D', 'P3D']);
  });
  it('gives nothing for broken rules', () => {
    assert.deepEqual(allowedDurations({ granularity: 'nope', minDuration: 'PT1H', maxDuration: 'PT2H' }), []);
    assert.deepEqual(allowedDurations({ granularity: 'PT1H', minDuration: 'PT3H', maxDuration: 'PT2H' }), []);
  });
  it('stops at the limit', () => {
    assert.equal(allowedDurations({ granularity: 'PT1M', minDuration: 'PT1M', maxDuration: 'P1D' }).length, 96);
  });
});

describe('startTimes', () => {
  it('puts starts on the grid inside each slot (the spec’s example)', () => {
    const list = startTimes(atelier, '2026-12-01', tz, 'PT1H');
    // 09:00 Paris fits the first slot exactly; the second starts off the grid at 12:15 Paris, so 12:30 first.
    assert.deepEqual(starts(list), ['08:00', '11:30', '12:00', '12:30', '13:00', '13:30', '14:00', '14:30', '15:00', '15:30', '16:00', '16:30', '17:00']);
    assert.equal(toInstantString(list[0]!.end), '2026-12-01T09:00:00Z');
  });
  it('refuses a booking that does not fit: no start is offered when the duration exceeds every slot', () => {
    assert.deepEqual(starts(startTimes(atelier, '2026-12-01', tz, 'PT7H')), []);
    assert.deepEqual(starts(startTimes(atelier, '2026-12-01', tz, 'PT6H30M')), ['11:30']);
  });
  it('refuses a duration the rules do not allow', () => {
    assert.deepEqual(startTimes(atelier, '2026-12-01', tz, 'PT45M'), []);
    assert.deepEqual(startTimes(atelier, '2026-12-01', tz, 'PT30M'), []);
    assert.deepEqual(startTimes(atelier, '2026-12-01', tz, 'PT8H30M'), []);
    assert.deepEqual(startTimes(atelier, '2026-12-01', tz, 'garbage'), []);
  });
  it('spans contiguous slots, with the fewest units they have', () => {
    const list = startTimes(openSpace, '2026-12-01', tz, 'PT4H');
    assert.equal(starts(list)[0], '07:30');
    assert.equal(starts(list).at(-1), '14:30');
    const across = list.find((s) => toInstantString(s.start) === '2026-12-01T10:00:00Z')!;
    assert.equal(across.remaining, 7);
    assert.equal(list.find((s) => toInstantString(s.start) === '2026-12-01T12:00:00Z')!.remaining, 9);
    // Eight desks: only the afternoon slot has enough.
    assert.deepEqual(starts(startTimes(openSpace, '2026-12-01', tz, 'PT4H', 8)), ['12:00', '12:30', '13:00', '13:30', '14:00', '14:30']);
    assert.deepEqual(startTimes(openSpace, '2026-12-01', tz, 'PT4H', 10), []);
  });
  it('never spans a gap between slots', () => {
    const gap: ResourceAvailability = { ...atelier, slots: [slot('2026-12-01T08:00:00', '2026-12-01T10:00:00'), slot('2026-12-01T10:30:00', '2026-12-01T12:00:00')] };
    assert.deepEqual(starts(startTimes(gap, '2026-12-01', tz, 'PT2H')), ['08:00']);
    assert.deepEqual(starts(startTimes(gap, '2026-12-01', tz, 'PT1H30M')), ['08:00', '08:30', '10:30']);
  });
  it('keeps only starts on the asked date, in the space’s zone', () => {
    const late: ResourceAvailability = { ...atelier, rules: { ...atelier.rules, maxDuration: 'PT4H' }, slots: [slot('2026-12-01T21:00:00', '2026-12-02T02:00:00')] };
    // 22:00 to 23:30 Paris on the 1st, ending after midnight; 23:00Z is already the 2nd in Paris.
    assert.deepEqual(starts(startTimes(late, '2026-12-01', tz, 'PT2H')), ['21:00', '21:30', '22:00', '22:30']);
    assert.deepEqual(starts(startTimes(late, '2026-12-02', tz, 'PT2H')), ['23:00', '23:30', '00:00']);
  });
  it('counts the grid from local midnight on a DST day', () => {
    // 2026-03-29 in Paris: midnight is 23:00Z the day before, and the clocks jump at 01:00Z.
    const day: ResourceAvailability = { ...atelier, rules: { granularity: 'PT1H', minDuration: 'PT1H', maxDuration: 'PT2H' }, slots: [slot('2026-03-29T05:20:00', '2026-03-29T09:00:00')] };
    // 07:20 CEST is off the grid; 08:00 CEST (06:00Z) is the first start.
    assert.deepEqual(starts(startTimes(day, '2026-03-29', tz, 'PT1H')), ['06:00', '07:00', '08:00']);
  });
  it('starts at midnight on a day grid', () => {
    const desk: ResourceAvailability = { ...atelier, rules: { granularity: 'P1D', minDuration: 'P1D', maxDuration: 'P2D' }, slots: [slot('2026-11-30T23:00:00', '2026-12-02T23:00:00')] };
    const one = startTimes(desk, '2026-12-01', tz, 'P1D');
    assert.deepEqual(one.map((s) => [toInstantString(s.start), toInstantString(s.end)]), [['2026-11-30T23:00:00Z', '2026-12-01T23:00:00Z']]);
    assert.equal(startTimes(desk, '2026-12-01', tz, 'P2D').length, 1);
    assert.equal(startTimes(desk, '2026-12-02', tz, 'P2D').length, 0);
  });
  it('tolerates unsorted slots and ignores empty ones', () => {
    const messy: ResourceAvailability = { ...atelier, slots: [atelier.slots[1]!, slot('2026-12-01T07:00:00', '2026-12-01T07:00:00'), atelier.slots[0]!] };
    assert.equal(startTimes(messy, '2026-12-01', tz, 'PT1H').length, 13);
  });
});

describe('offeredDurations', () => {
  it('offers only the durations with a start on the date', () => {
    assert.deepEqual(offeredDurations(atelier, '2026-12-01', tz), allowedDurations(atelier.rules).slice(0, 12));
    assert.deepEqual(offeredDurations(atelier, '2026-12-02', tz), []);
  });
});

describe('datesWithStartTimes', () => {
  it('finds the dates of a month window where the shortest booking fits', () => {
    const month: ResourceAvailability = {
      ...atelier,
      slots: [slot('2026-12-01T08:00:00', '2026-12-01T08:30:00'), slot('2026-12-02T08:00:00', '2026-12-02T09:00:00'), slot('2026-12-03T22:00:00', '2026-12-04T01:00:00')],
    };
    assert.deepEqual([...datesWithStartTimes(month, tz)].sort(), ['2026-12-02', '2026-12-03', '2026-12-04']);
  });
});

describe('dayWindow', () => {
  it('covers the local day and the longest booking past midnight', () => {
    const w = dayWindow('2026-12-01', tz, 'PT8H');
    assert.equal(toInstantString(w.from), '2026-11-30T23:00:00Z');
    assert.equal(toInstantString(w.to), '2026-12-02T07:00:00Z');
    assert.equal(toInstantString(dayWindow('2026-12-01', tz).to), '2026-12-01T23:00:00Z');
  });
});
