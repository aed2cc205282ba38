import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { toCalendarItems } from '../../../src/event-calendar/model/items.ts';
import { layoutList, type ListDay } from '../../../src/event-calendar/model/list.ts';
import { allDay, day, PARIS, timed, type Event } from './support.ts';

function agenda(events: Event[], from: string, to: string, todayDate?: string): ListDay<Event>[] {
  return layoutList(toCalendarItems(events, PARIS), day(from), day(to), todayDate ? { today: day(todayDate) } : {});
}

function summary(days: ListDay<Event>[]): string[][] {
  return days.map((d) => [
    d.date,
    ...d.entries.map((e) => `${e.item.event.title} ${e.kind} ${e.startMinute}-${e.endMinute}${e.dayCount > 1 ? ` ${e.dayIndex}/${e.dayCount}` : ''}`),
  ]);
}

describe('the agenda', () => {
  test('days in order, only days with events, events by time', () => {
    const days = agenda(
      [
        timed('2026-03-12', '18:00', '20:00', { title: 'Apéro' }),
        timed('2026-03-10', '14:00', '15:00', { title: 'Talk' }),
        timed('2026-03-10', '09:00', '10:00', { title: 'Breakfast' }),
        allDay('2026-03-10', '2026-03-10', { title: 'Open day' }),
      ],
      '2026-03-01',
      '2026-04-01',
      '2026-03-12',
    );
    assert.deepEqual(summary(days), [
      ['2026-03-10', 'Open day all-day 0-1440', 'Breakfast timed 540-600', 'Talk timed 840-900'],
      ['2026-03-12', 'Apéro timed 1080-1200'],
    ]);
    assert.deepEqual(days.map((d) => [d.weekday, d.isToday]), [[2, false], [4, true]]);
  });

  test('multi-day events are listed on each day they cover', () => {
    const days = agenda(
      [
        allDay('2026-03-09', '2026-03-11', { title: 'Expo' }),
        timed('2026-03-10', '20:00', '10:00', { title: 'Camp' }, '2026-03-12'),
        timed('2026-03-11', '08:00', '09:00', { title: 'Yoga' }),
      ],
      '2026-03-01',
      '2026-04-01',
    );
    assert.deepEqual(summary(days), [
      ['2026-03-09', 'Expo all-day 0-1440 1/3'],
      ['2026-03-10', 'Expo all-day 0-1440 2/3', 'Camp starts 1200-1440 1/3'],
      ['2026-03-11', 'Expo all-day 0-1440 3/3', 'Camp continues 0-1440 2/3', 'Yoga timed 480-540'],
      ['2026-03-12', 'Camp ends 0-600 3/3'],
    ]);
  });

  test('the range cuts events, keeping which day of the event each entry is', () => {
    const days = agenda([allDay('2026-02-27', '2026-03-02', { title: 'Trip' }), timed('2026-03-31', '23:00', '01:00', { title: 'Late' }, '2026-04-01')], '2026-03-01', '2026-04-01');
    assert.deepEqual(summary(days), [
      ['2026-03-01', 'Trip all-day 0-1440 3/4'],
      ['2026-03-02', 'Trip all-day 0-1440 4/4'],
      ['2026-03-31', 'Late starts 1380-1440 1/2'],
    ]);
  });

  test('an empty range or no events', () => {
    assert.deepEqual(agenda([], '2026-03-01', '2026-04-01'), []);
    assert.deepEqual(agenda([timed('2026-03-10', '09:00', '10:00')], '2026-03-11', '2026-03-11'), []);
  });

  test('cancelled events are listed, flagged', () => {
    const days = agenda([timed('2026-03-10', '09:00', '10:00', { title: 'Gone', status: 'cancelled' })], '2026-03-01', '2026-04-01');
    assert.equal(days[0]!.entries[0]!.item.cancelled, true);
  });

  test('the DST days (Paris)', () => {
    const days = agenda(
      [timed('2026-03-29', '01:30', '03:30', { title: 'Spring' }), timed('2026-10-25', '01:30', '03:30', { title: 'Autumn' })],
      '2026-01-01',
      '2027-01-01',
    );
    assert.deepEqual(summary(days), [
      ['2026-03-29', 'Spring timed 90-210'],
      ['2026-10-25', 'Autumn timed 90-210'],
    ]);
  });
});
