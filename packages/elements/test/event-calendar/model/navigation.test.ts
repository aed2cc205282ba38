import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  fetchWindow,
  instantString,
  isCalendarView,
  next,
  periodIncludes,
  periodOf,
  previous,
  step,
  todayAnchor,
  windowCovers,
} from '../../../src/event-calendar/model/navigation.ts';
import { isoFromDay } from '../../../src/event-calendar/model/zoned-date.ts';
import { day, PARIS } from './support.ts';

const monday = { firstWeekday: 1 } as const;
const sunday = { firstWeekday: 0 } as const;

describe('navigation', () => {
  test('months: to the 1st of the previous and next month, across years', () => {
    assert.equal(isoFromDay(next('month', day('2026-01-31'), monday)), '2026-02-01');
    assert.equal(isoFromDay(previous('month', day('2026-03-31'), monday)), '2026-02-01');
    assert.equal(isoFromDay(next('month', day('2026-12-15'), monday)), '2027-01-01');
    assert.equal(isoFromDay(previous('month', day('2026-01-15'), monday)), '2025-12-01');
    assert.equal(isoFromDay(step('month', day('2026-01-15'), 14, monday)), '2027-03-01');
  });

  test('weeks: seven days, same weekday', () => {
    assert.equal(isoFromDay(next('week', day('2026-03-26'), monday)), '2026-04-02');
    assert.equal(isoFromDay(previous('week', day('2026-01-02'), monday)), '2025-12-26');
  });

  test('the list moves by months, or by weeks when its period is a week', () => {
    assert.equal(isoFromDay(next('list', day('2026-03-26'), monday)), '2026-04-01');
    assert.equal(isoFromDay(next('list', day('2026-03-26'), { ...monday, listPeriod: 'week' })), '2026-04-02');
  });

  test('periods', () => {
    const month = periodOf('month', day('2026-03-18'), monday);
    assert.deepEqual([month.start, month.end, month.visibleStart, month.visibleEnd].map(isoFromDay), ['2026-03-01', '2026-04-01', '2026-02-23', '2026-04-06']);
    assert.equal(month.unit, 'month');
    const weekSun = periodOf('week', day('2026-03-18'), sunday);
    assert.deepEqual([weekSun.start, weekSun.end, weekSun.visibleStart, weekSun.visibleEnd].map(isoFromDay), ['2026-03-15', '2026-03-22', '2026-03-15', '2026-03-22']);
    const list = periodOf('list', day('2026-03-18'), monday);
    assert.deepEqual([list.visibleStart, list.visibleEnd].map(isoFromDay), ['2026-03-01', '2026-04-01']);
    assert.equal(periodIncludes(month, day('2026-03-31')), true);
    assert.equal(periodIncludes(month, day('2026-04-01')), false, 'a day of the next month shown in the grid is not in the period');
  });

  test('today is the date in the space’s zone', () => {
    const now = Date.parse('2026-03-28T23:30:00Z');
    assert.equal(isoFromDay(todayAnchor(PARIS, now)), '2026-03-29');
    assert.equal(isoFromDay(todayAnchor('America/New_York', now)), '2026-03-28');
  });

  test('views', () => {
    assert.ok(['month', 'week', 'list'].every(isCalendarView));
    assert.equal(isCalendarView('day'), false);
    assert.equal(isCalendarView(undefined), false);
  });
});

describe('fetch windows', () => {
  test('the month view fetches its whole grid, from local midnight to local midnight', () => {
    const w = fetchWindow('month', day('2026-03-18'), { ...monday, timeZone: PARIS });
    // 23 February (CET) to 6 April (CEST): the offsets differ at both ends.
    assert.equal(w.from, '2026-02-22T23:00:00Z');
    assert.equal(w.to, '2026-04-05T22:00:00Z');
    assert.equal(w.toMs - w.fromMs, 42 * 86_400_000 - 3_600_000);
    assert.deepEqual([w.start, w.end].map(isoFromDay), ['2026-02-23', '2026-04-06']);
  });

  test('the week of the autumn change is 7 days and one hour', () => {
    const w = fetchWindow('week', day('2026-10-25'), { ...monday, timeZone: PARIS });
    assert.equal(w.from, '2026-10-18T22:00:00Z');
    assert.equal(w.to, '2026-10-25T23:00:00Z');
  });

  test('the list view fetches its month; a week fits in the month grid’s window', () => {
    const list = fetchWindow('list', day('2026-03-18'), { ...monday, timeZone: 'America/New_York' });
    assert.equal(list.from, '2026-03-01T05:00:00Z');
    assert.equal(list.to, '2026-04-01T04:00:00Z');
    const month = fetchWindow('month', day('2026-03-18'), { ...monday, timeZone: PARIS });
    const week = fetchWindow('week', day('2026-03-31'), { ...monday, timeZone: PARIS });
    assert.equal(windowCovers(month, week), true);
    assert.equal(windowCovers(week, month), false);
  });

  test('instants as the spec writes them', () => {
    assert.equal(instantString(Date.parse('2026-03-01T09:00:00Z')), '2026-03-01T09:00:00Z');
    assert.equal(instantString(Date.parse('2026-03-01T09:00:00.250Z')), '2026-03-01T09:00:00.250Z');
  });
});
