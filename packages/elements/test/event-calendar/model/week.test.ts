import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { toCalendarItems } from '../../../src/event-calendar/model/items.ts';
import { inAllDayRow, layoutWeek, weekDays, weekStart, type WeekLayout, type WeekLayoutOptions } from '../../../src/event-calendar/model/week.ts';
import { isoFromDay, HOUR } from '../../../src/event-calendar/model/zoned-date.ts';
import { allDay, at, day, event, PARIS, timed, type Event } from './support.ts';

function week(date: string, events: Event[], options: Partial<WeekLayoutOptions> = {}): WeekLayout<Event> {
  return layoutWeek(day(date), toCalendarItems(events, PARIS), { timeZone: PARIS, firstWeekday: 1, ...options });
}

/** Each day's segments: `title start-end column/columns` (minutes), with `<` `>` for continuing. */
function grid(w: WeekLayout<Event>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const d of w.days) {
    if (d.segments.length === 0) continue;
    out[d.date] = d.segments.map(
      (s) => `${s.item.event.title} ${s.startMinute}-${s.endMinute} ${s.column}/${s.columns}${s.continuesBefore ? ' <' : ''}${s.continuesAfter ? ' >' : ''}`,
    );
  }
  return out;
}

describe('the days of a week', () => {
  test('Monday and Sunday weeks', () => {
    assert.deepEqual(weekDays(day('2026-03-26'), 1).map(isoFromDay), ['2026-03-23', '2026-03-24', '2026-03-25', '2026-03-26', '2026-03-27', '2026-03-28', '2026-03-29']);
    assert.deepEqual(weekDays(day('2026-03-26'), 0).map(isoFromDay), ['2026-03-22', '2026-03-23', '2026-03-24', '2026-03-25', '2026-03-26', '2026-03-27', '2026-03-28']);
    assert.equal(isoFromDay(weekStart(day('2026-03-29'), 1)), '2026-03-23');
    assert.equal(isoFromDay(weekStart(day('2026-03-29'), 0)), '2026-03-29');
  });

  test('a week over the new year', () => {
    const w = week('2027-01-01', []);
    assert.deepEqual(w.days.map((d) => d.date), ['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02', '2027-01-03']);
    assert.equal(isoFromDay(w.start), '2026-12-28');
    assert.equal(isoFromDay(w.end), '2027-01-04');
  });

  test('fewer days', () => {
    const w = week('2026-03-26', [timed('2026-03-29', '10:00', '11:00')], { days: 5 });
    assert.equal(w.days.length, 5);
    assert.deepEqual(grid(w), {});
  });
});

describe('timed events on the time grid', () => {
  test('placed by minutes from local midnight', () => {
    const w = week('2026-03-10', [timed('2026-03-10', '09:15', '10:45', { title: 'Talk' })]);
    assert.deepEqual(grid(w), { '2026-03-10': ['Talk 555-645 0/1'] });
  });

  test('three overlapping events side by side, and a separate one alone', () => {
    const w = week('2026-03-10', [
      timed('2026-03-10', '09:00', '11:00', { title: 'A' }),
      timed('2026-03-10', '09:30', '10:30', { title: 'B' }),
      timed('2026-03-10', '10:00', '12:00', { title: 'C' }),
      timed('2026-03-10', '14:00', '15:00', { title: 'D' }),
    ]);
    assert.deepEqual(grid(w), { '2026-03-10': ['A 540-660 0/3', 'B 570-630 1/3', 'C 600-720 2/3', 'D 840-900 0/1'] });
  });

  test('a chain of overlaps reuses freed columns and shares the cluster’s count', () => {
    const w = week('2026-03-10', [
      timed('2026-03-10', '09:00', '10:00', { title: 'A' }),
      timed('2026-03-10', '09:30', '10:30', { title: 'B' }),
      timed('2026-03-10', '10:00', '11:00', { title: 'C' }), // A has ended: its column
      timed('2026-03-10', '10:45', '11:30', { title: 'D' }), // B has ended: its column
      timed('2026-03-10', '11:30', '12:00', { title: 'E' }), // everything has ended: a new cluster
    ]);
    assert.deepEqual(grid(w), { '2026-03-10': ['A 540-600 0/2', 'B 570-630 1/2', 'C 600-660 0/2', 'D 645-690 1/2', 'E 690-720 0/1'] });
  });

  test('same start: the longer one first (leftmost)', () => {
    const w = week('2026-03-10', [timed('2026-03-10', '09:00', '09:30', { title: 'Short' }), timed('2026-03-10', '09:00', '11:00', { title: 'Long' })]);
    assert.deepEqual(grid(w), { '2026-03-10': ['Long 540-660 0/2', 'Short 540-570 1/2'] });
  });

  test('very short events overlap by their drawn height (minMinutes)', () => {
    const events = [event({ start: at('2026-03-10', '10:00'), end: at('2026-03-10', '10:00'), title: 'Instant' }), timed('2026-03-10', '10:05', '11:00', { title: 'After' })];
    assert.deepEqual(grid(week('2026-03-10', events)), { '2026-03-10': ['Instant 600-600 0/2', 'After 605-660 1/2'] });
    assert.deepEqual(grid(week('2026-03-10', events, { minMinutes: 0 })), { '2026-03-10': ['Instant 600-600 0/1', 'After 605-660 0/1'] });
  });

  test('an event crossing midnight is split per day', () => {
    const w = week('2026-03-10', [timed('2026-03-10', '22:00', '02:00', { title: 'Night' }, '2026-03-11'), timed('2026-03-11', '01:00', '03:00', { title: 'Early' })]);
    assert.deepEqual(grid(w), {
      '2026-03-10': ['Night 1320-1440 0/1 >'],
      '2026-03-11': ['Night 0-120 0/2 <', 'Early 60-180 1/2'],
    });
  });

  test('an event crossing the end of the week is cut there', () => {
    const w = week('2026-03-10', [timed('2026-03-15', '23:00', '01:00', { title: 'Late' }, '2026-03-16')]);
    assert.deepEqual(grid(w), { '2026-03-15': ['Late 1380-1440 0/1 >'] });
    const next = week('2026-03-16', [timed('2026-03-15', '23:00', '01:00', { title: 'Late' }, '2026-03-16')]);
    assert.deepEqual(grid(next), { '2026-03-16': ['Late 0-60 0/1 <'] });
  });
});

describe('the all-day row', () => {
  test('all-day events, and timed events of 24 hours or more, with lanes', () => {
    const events = [
      allDay('2026-03-08', '2026-03-10', { title: 'Fair' }), // from the Sunday before
      allDay('2026-03-10', '2026-03-10', { title: 'Holiday' }),
      timed('2026-03-11', '09:00', '09:00', { title: 'Hackathon' }, '2026-03-12'), // exactly 24 h
      timed('2026-03-12', '18:00', '17:00', { title: 'Almost' }, '2026-03-13'), // 23 h
    ];
    const w = week('2026-03-10', events);
    assert.deepEqual(
      w.allDay.segments.map((s) => `${s.item.event.title} ${s.startColumn}-${s.endColumn} l${s.lane}${s.continuesBefore ? ' <' : ''}${s.continuesAfter ? ' >' : ''}`),
      ['Fair 0-1 l0 <', 'Holiday 1-1 l1', 'Hackathon 2-3 l0'],
    );
    assert.deepEqual(grid(w), { '2026-03-12': ['Almost 1080-1440 0/1 >'], '2026-03-13': ['Almost 0-1020 0/1 <'] });
    assert.equal(w.allDay.lanes, 2);
    const items = toCalendarItems(events, PARIS);
    assert.deepEqual(items.map((i) => inAllDayRow(i)), [true, true, true, false]);
    assert.deepEqual(items.map((i) => inAllDayRow(i, 12 * HOUR)), [true, true, true, true]);
  });

  test('"+N more" in the all-day row', () => {
    const events = ['A', 'B', 'C'].map((title) => allDay('2026-03-10', '2026-03-11', { title }));
    const w = week('2026-03-10', events, { maxAllDayLanes: 2 });
    assert.deepEqual(w.allDay.more, [0, 1, 1, 0, 0, 0, 0]);
    assert.equal(w.allDay.visibleLanes, 2);
  });
});

describe('weeks with a clock change (Paris)', () => {
  test('spring: the day is 23 hours, events sit at their wall-clock times', () => {
    const w = week('2026-03-29', [
      timed('2026-03-29', '01:30', '03:30', { title: 'Across' }), // 1 h of real time, drawn 01:30–03:30
      timed('2026-03-29', '10:00', '11:00', { title: 'Brunch' }),
      timed('2026-03-28', '10:00', '11:00', { title: 'Saturday' }),
    ]);
    const sunday = w.days[6]!;
    assert.equal(sunday.date, '2026-03-29');
    assert.equal(sunday.minutes, 1380);
    assert.deepEqual(sunday.clockChange, { instant: Date.parse('2026-03-29T01:00:00Z'), minute: 120, shift: 60 });
    assert.deepEqual(
      w.days.filter((d) => d.date !== '2026-03-29').map((d) => [d.minutes, d.clockChange]),
      Array.from({ length: 6 }, () => [1440, undefined]),
    );
    assert.deepEqual(grid(w), { '2026-03-28': ['Saturday 600-660 0/1'], '2026-03-29': ['Across 90-210 0/1', 'Brunch 600-660 0/1'] });
  });

  test('autumn: the day is 25 hours, the repeated hour shares one band', () => {
    const first = event({ start: '2026-10-25T00:15:00Z', end: '2026-10-25T00:45:00Z', title: 'CEST' }); // 02:15–02:45 CEST
    const second = event({ start: '2026-10-25T01:15:00Z', end: '2026-10-25T01:45:00Z', title: 'CET' }); // 02:15–02:45 CET
    const backwards = event({ start: '2026-10-25T00:40:00Z', end: '2026-10-25T01:10:00Z', title: 'Backwards' }); // 02:40 CEST → 02:10 CET
    const w = week('2026-10-25', [first, second, backwards]);
    const sunday = w.days[6]!;
    assert.equal(sunday.minutes, 1500);
    assert.deepEqual(sunday.clockChange, { instant: Date.parse('2026-10-25T01:00:00Z'), minute: 180, shift: -60 });
    assert.deepEqual(grid(w), { '2026-10-25': ['CEST 135-165 0/3', 'CET 135-165 1/3', 'Backwards 160-190 2/3'] });
  });

  test('Sunday weeks put the clock change first', () => {
    const w = week('2026-03-29', [], { firstWeekday: 0 });
    assert.equal(w.days[0]!.date, '2026-03-29');
    assert.equal(w.days[0]!.minutes, 1380);
  });
});
