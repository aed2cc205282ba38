import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { compareItems, itemsBetween, toCalendarItem, toCalendarItems } from '../../../src/event-calendar/model/items.ts';
import { isoFromDay } from '../../../src/event-calendar/model/zoned-date.ts';
import { allDay, day, event, PARIS, timed } from './support.ts';

function read(e: ReturnType<typeof event>, timeZone = PARIS) {
  const item = toCalendarItem(e, timeZone)!;
  return { first: isoFromDay(item.firstDay), last: isoFromDay(item.lastDay), start: item.startMinute, end: item.endMinute, days: item.days };
}

describe('calendar items', () => {
  test('a timed event in the space’s zone, not the machine’s', () => {
    const e = event({ start: '2026-03-10T22:30:00Z', end: '2026-03-10T23:30:00Z' });
    assert.deepEqual(read(e), { first: '2026-03-10', last: '2026-03-11', start: 1410, end: 30, days: 2 });
    assert.deepEqual(read(e, 'America/New_York'), { first: '2026-03-10', last: '2026-03-10', start: 1110, end: 1170, days: 1 });
    assert.deepEqual(read(e, 'Asia/Tokyo'), { first: '2026-03-11', last: '2026-03-11', start: 450, end: 510, days: 1 });
  });

  test('an end at local midnight does not cover the next day', () => {
    assert.deepEqual(read(timed('2026-03-10', '20:00', '00:00', {}, '2026-03-11')), { first: '2026-03-10', last: '2026-03-10', start: 1200, end: 1440, days: 1 });
    assert.deepEqual(read(allDay('2026-03-10', '2026-03-12')), { first: '2026-03-10', last: '2026-03-12', start: 0, end: 1440, days: 3 });
    assert.deepEqual(read(allDay('2026-03-29', '2026-03-29')), { first: '2026-03-29', last: '2026-03-29', start: 0, end: 1440, days: 1 });
    assert.deepEqual(read(allDay('2026-10-24', '2026-10-25')), { first: '2026-10-24', last: '2026-10-25', start: 0, end: 1440, days: 2 });
  });

  test('unreadable instants are left out; an end before the start is read as the start', () => {
    const items = toCalendarItems([event({ start: 'soon', end: '2026-03-10T10:00:00Z' }), event({ start: '2026-03-10T10:00:00Z', end: '2026-03-10T09:00:00Z' })], PARIS);
    assert.equal(items.length, 1);
    assert.equal(items[0]!.end, items[0]!.start);
    assert.equal(items[0]!.days, 1);
  });

  test('layout order: first day, more days first, all-day first, start, longer first', () => {
    const items = toCalendarItems(
      [
        timed('2026-03-10', '09:00', '10:00', { title: 'short' }),
        timed('2026-03-10', '09:00', '12:00', { title: 'long' }),
        timed('2026-03-10', '08:00', '09:00', { title: 'early' }),
        allDay('2026-03-10', '2026-03-10', { title: 'day' }),
        allDay('2026-03-10', '2026-03-11', { title: 'two days' }),
        timed('2026-03-09', '23:00', '23:30', { title: 'before' }),
      ],
      PARIS,
    );
    assert.deepEqual(
      items.map((i) => i.event.title),
      ['before', 'two days', 'day', 'early', 'long', 'short'],
    );
    assert.ok(items.every((item, i) => i === 0 || compareItems(items[i - 1]!, item) <= 0));
    assert.deepEqual(itemsBetween(items, day('2026-03-11'), day('2026-03-12')).map((i) => i.event.title), ['two days']);
  });
});
