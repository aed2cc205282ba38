import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { checkBookingRules, isOnGrid, lastsMultipleOf, violationCodes, type BookingRulesInput } from '../../src/domain/booking-rules.ts';
import { openIntervals } from '../../src/domain/opening-hours.ts';
import { PARIS, local } from './helpers.ts';

const rules = { minDuration: 'PT30M', maxDuration: 'PT8H', granularity: 'PT15M', leadTime: 'PT0S', horizon: 'P60D' };
const weekHours = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'].map((day) => ({
  day: day as 'monday',
  opens: '08:00',
  closes: '20:00',
}));
const schedule = { openingHours: weekHours, closures: [{ from: '2026-12-25', to: '2026-12-25' }], timeZone: PARIS };

function check(start: string, end: string, over: Partial<BookingRulesInput> = {}) {
  return checkBookingRules({
    start: local(start),
    end: local(end),
    now: local('2026-12-01T08:00'),
    timeZone: PARIS,
    rules,
    open: (from, to) => openIntervals(schedule, new Date(from.getTime() - 86_400_000), new Date(to.getTime() + 86_400_000)),
    bookableBy: ['guest', 'member'],
    audience: 'member',
    ...over,
  });
}
const codes = (...args: Parameters<typeof check>) => violationCodes(check(...args));

describe('checkBookingRules', () => {
  test('a booking that follows every rule has no violations', () => {
    assert.deepEqual(check('2026-12-02T09:00', '2026-12-02T10:30'), []);
  });

  test('end_before_start stops the other checks', () => {
    assert.deepEqual(codes('2026-12-02T10:00', '2026-12-02T10:00'), ['end_before_start']);
    assert.deepEqual(codes('2026-12-02T10:00', '2026-12-02T09:00'), ['end_before_start']);
    assert.equal(check('2026-12-02T10:00', '2026-12-02T09:00')[0]!.detail, 'The booking must end after it starts.');
  });

  test('in_the_past', () => {
    assert.deepEqual(codes('2026-12-01T07:00', '2026-12-01T09:00'), ['in_the_past', 'outside_opening_hours']);
    assert.deepEqual(codes('2026-12-01T08:00', '2026-12-01T09:00'), [], 'starting right now is fine without lead time');
  });

  test('lead_time', () => {
    const r = { ...rules, leadTime: 'PT2H' };
    assert.deepEqual(codes('2026-12-01T09:45', '2026-12-01T10:45', { rules: r }), ['lead_time']);
    assert.deepEqual(codes('2026-12-01T10:00', '2026-12-01T11:00', { rules: r }), []);
    assert.equal(check('2026-12-01T09:45', '2026-12-01T10:45', { rules: r })[0]!.detail, 'Bookings of this resource must be made at least 2 hours before they start.');
  });

  test('horizon: the booking must end within it', () => {
    assert.deepEqual(codes('2026-01-30T09:00', '2026-01-30T10:00', { now: local('2025-12-01T08:00') }), ['horizon']);
    // 60 calendar days after 2026-12-01 08:00 is 2027-01-30 08:00.
    assert.deepEqual(codes('2027-01-30T07:00', '2027-01-30T08:00', { open: () => [{ start: local('2027-01-30T00:00'), end: local('2027-01-31T00:00') }] }), []);
    assert.deepEqual(codes('2027-01-30T07:30', '2027-01-30T08:15', { open: () => [{ start: local('2027-01-30T00:00'), end: local('2027-01-31T00:00') }] }), ['horizon']);
    assert.equal(check('2026-01-30T09:00', '2026-01-30T10:00', { now: local('2025-12-01T08:00') })[0]!.detail, 'Bookings of this resource must end within 60 days from now.');
  });

  test('granularity on a 15-minute grid', () => {
    assert.deepEqual(codes('2026-12-02T09:15', '2026-12-02T10:00'), []);
    assert.deepEqual(codes('2026-12-02T09:10', '2026-12-02T09:55'), ['granularity']);
    assert.deepEqual(codes('2026-12-02T09:15', '2026-12-02T10:05'), ['granularity']);
    assert.equal(
      check('2026-12-02T09:10', '2026-12-02T09:55')[0]!.detail,
      'Bookings of this resource must start a multiple of 15 minutes after midnight (for example 09:00 or 09:15).',
    );
    assert.equal(check('2026-12-02T09:15', '2026-12-02T10:05')[0]!.detail, 'Bookings of this resource must last a multiple of 15 minutes.');
  });

  test('granularity on a 20-minute grid counts from local midnight', () => {
    const r = { ...rules, granularity: 'PT20M', minDuration: 'PT40M' };
    assert.deepEqual(codes('2026-12-02T09:20', '2026-12-02T10:00', { rules: r }), []);
    assert.deepEqual(codes('2026-12-02T09:30', '2026-12-02T10:10', { rules: r }), ['granularity']);
  });

  test('granularity across the autumn change: 01:30–03:30 local is 3 hours, on the grid', () => {
    const open = () => [{ start: local('2026-10-25T00:00'), end: local('2026-10-26T00:00') }];
    const now = local('2026-10-01T00:00');
    assert.deepEqual(codes('2026-10-25T01:30', '2026-10-25T03:30', { open, now, rules: { ...rules, granularity: 'PT30M' } }), []);
    // Wall clocks show 2 hours, the booking lasts 3: a 2h30 maximum is broken.
    assert.deepEqual(codes('2026-10-25T01:30', '2026-10-25T03:30', { open, now, rules: { ...rules, maxDuration: 'PT2H30M' } }), ['max_duration']);
    assert.equal(isOnGrid(local('2026-10-25T03:00'), 'PT1H', PARIS), true);
    assert.equal(isOnGrid(new Date(local('2026-10-25T03:00').getTime() - 3_600_000), 'PT1H', PARIS), true, '02:00 CET, the repeated hour');
  });

  test('a whole-day grid: midnight to midnight, 23 hours on the spring day', () => {
    const r = { ...rules, granularity: 'P1D', minDuration: 'P1D', maxDuration: 'P7D' };
    const open = () => [{ start: local('2026-03-01T00:00'), end: local('2026-04-30T00:00') }];
    const now = local('2026-03-01T00:00');
    assert.deepEqual(codes('2026-03-29T00:00', '2026-03-30T00:00', { rules: r, open, now }), []);
    assert.deepEqual(codes('2026-03-28T00:00', '2026-03-31T00:00', { rules: r, open, now }), []);
    assert.deepEqual(codes('2026-03-29T09:00', '2026-03-30T09:00', { rules: r, open, now }), ['granularity']);
    assert.equal(lastsMultipleOf(local('2026-03-29T00:00'), local('2026-03-29T23:00'), 'P1D', PARIS), false);
    assert.equal(lastsMultipleOf(local('2026-03-29T00:00'), local('2026-03-30T00:00'), 'P1D', PARIS), true);
  });

  test('min_duration and max_duration', () => {
    assert.deepEqual(codes('2026-12-02T09:00', '2026-12-02T09:15'), ['min_duration']);
    assert.equal(check('2026-12-02T09:00', '2026-12-02T09:15')[0]!.detail, 'Bookings of this resource must last at least 30 minutes.');
    assert.deepEqual(codes('2026-12-02T09:00', '2026-12-02T17:00'), []);
    assert.deepEqual(codes('2026-12-02T09:00', '2026-12-02T17:15'), ['max_duration']);
    assert.equal(check('2026-12-02T09:00', '2026-12-02T17:15')[0]!.detail, 'Bookings of this resource may last at most 8 hours.');
  });

  test('maxDuration P1D allows the whole 25-hour autumn day', () => {
    const r = { ...rules, maxDuration: 'P1D', granularity: 'PT30M' };
    const open = () => [{ start: local('2026-10-24T00:00'), end: local('2026-10-27T00:00') }];
    const now = local('2026-10-01T00:00');
    assert.deepEqual(codes('2026-10-25T00:00', '2026-10-26T00:00', { rules: r, open, now }), []);
    assert.deepEqual(codes('2026-10-25T00:00', '2026-10-26T00:30', { rules: r, open, now }), ['max_duration']);
  });

  test('outside_opening_hours: within one open interval or contiguous ones', () => {
    assert.deepEqual(codes('2026-12-02T19:00', '2026-12-02T20:30'), ['outside_opening_hours']);
    assert.deepEqual(codes('2026-12-25T10:00', '2026-12-25T11:00'), ['outside_opening_hours'], 'closure');
    const split = [
      { start: local('2026-12-02T09:00'), end: local('2026-12-02T12:00') },
      { start: local('2026-12-02T12:00'), end: local('2026-12-02T18:00') },
    ];
    assert.deepEqual(codes('2026-12-02T11:00', '2026-12-02T13:00', { open: split }), []);
    const lunch = [
      { start: local('2026-12-02T09:00'), end: local('2026-12-02T12:00') },
      { start: local('2026-12-02T13:00'), end: local('2026-12-02T18:00') },
    ];
    assert.deepEqual(codes('2026-12-02T11:00', '2026-12-02T14:00', { open: lunch }), ['outside_opening_hours']);
    assert.match(check('2026-12-02T19:00', '2026-12-02T20:30')[0]!.detail, /while the resource is open/);
  });

  test('audience', () => {
    assert.deepEqual(codes('2026-12-02T09:00', '2026-12-02T10:00', { bookableBy: ['member'], audience: 'guest' }), ['audience']);
    assert.equal(
      check('2026-12-02T09:00', '2026-12-02T10:00', { bookableBy: ['member'], audience: 'guest' })[0]!.detail,
      'This resource can be booked by members only; sign in to book it.',
    );
    assert.deepEqual(codes('2026-12-02T09:00', '2026-12-02T10:00', { bookableBy: ['guest'], audience: 'member' }), ['audience']);
    assert.deepEqual(codes('2026-12-02T09:00', '2026-12-02T10:00', { bookableBy: [], audience: 'staff' }), []);
    assert.match(check('2026-12-02T09:00', '2026-12-02T10:00', { bookableBy: [], audience: 'member' })[0]!.detail, /Only the staff/);
    assert.deepEqual(codes('2026-12-02T09:00', '2026-12-02T10:00', { audience: 'guest', guestBookingAllowed: false }), ['audience']);
  });

  test('several violations at once, in a stable order', () => {
    assert.deepEqual(codes('2026-12-01T07:50', '2026-12-01T08:05', { audience: 'guest', bookableBy: ['member'] }), [
      'audience',
      'in_the_past',
      'granularity',
      'min_duration',
      'outside_opening_hours',
    ]);
  });
});
