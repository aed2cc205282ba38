import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { toCalendarItems, itemsOnDay } from '../../../src/event-calendar/model/items.ts';
import { layoutMonth, layoutRows, monthGrid, monthOf, type MonthLayout, type RowSegment } from '../../../src/event-calendar/model/month.ts';
import { isoFromDay } from '../../../src/event-calendar/model/zoned-date.ts';
import { allDay, day, PARIS, timed, type Event } from './support.ts';

/** A segment summed up: `title row:start-end lane flags`. */
function describeSegment(s: RowSegment<Event>): string {
  const arrows = `${s.continuesBefore ? '<' : ''}${s.continuesAfter ? '>' : ''}`;
  return [`${s.item.event.title} r${s.row}:${s.startColumn}-${s.endColumn} l${s.lane}`, arrows, s.hidden ? 'hidden' : ''].filter(Boolean).join(' ');
}

function segments(layout: MonthLayout<Event>): string[] {
  return layout.weeks.flatMap((w) => w.segments.map(describeSegment));
}

function layout(events: Event[], year: number, month: number, firstWeekday: 0 | 1, maxLanes?: number): MonthLayout<Event> {
  return layoutMonth(monthGrid(year, month, firstWeekday), toCalendarItems(events, PARIS), maxLanes === undefined ? {} : { maxLanes });
}

describe('month grid', () => {
  test('March 2026 with Monday weeks: from Monday 23 February, six weeks', () => {
    const grid = monthGrid(2026, 3, 1);
    assert.equal(grid.weeks.length, 6);
    assert.ok(grid.weeks.every((w) => w.length === 7));
    assert.equal(isoFromDay(grid.start), '2026-02-23');
    assert.equal(isoFromDay(grid.end), '2026-04-06');
    assert.equal(grid.end - grid.start, 42);
    assert.equal(isoFromDay(grid.monthStart), '2026-03-01');
    assert.equal(isoFromDay(grid.monthEnd), '2026-04-01');
    const cells = grid.weeks.flat();
    assert.deepEqual(
      cells.filter((c) => c.inMonth).map((c) => c.dayOfMonth),
      Array.from({ length: 31 }, (_, i) => i + 1),
    );
    assert.equal(cells[0]!.inMonth, false);
    assert.equal(cells[0]!.date, '2026-02-23');
    assert.equal(cells[0]!.weekday, 1);
    assert.equal(cells[6]!.date, '2026-03-01');
    assert.equal(cells[6]!.inMonth, true);
    assert.equal(cells[41]!.date, '2026-04-05');
    assert.ok(cells.every((c, i) => c.day === grid.start + i));
  });

  test('March 2026 with Sunday weeks starts on the 1st (a Sunday)', () => {
    const grid = monthGrid(2026, 3, 0);
    assert.equal(grid.weeks[0]![0]!.date, '2026-03-01');
    assert.ok(grid.weeks[0]!.every((c) => c.inMonth && c.month === 3));
    assert.equal(grid.weeks[0]![0]!.weekday, 0);
    assert.equal(grid.weeks[5]![6]!.date, '2026-04-11');
  });

  test('February 2026 (28 days from a Sunday) and a year end', () => {
    const feb = monthGrid(2026, 2, 0);
    assert.equal(feb.weeks[0]![0]!.date, '2026-02-01');
    assert.equal(feb.weeks[4]![0]!.date, '2026-03-01');
    assert.equal(feb.weeks[4]![0]!.inMonth, false);
    const dec = monthGrid(2026, 12, 1);
    assert.equal(isoFromDay(dec.monthEnd), '2027-01-01');
    assert.equal(dec.weeks[0]![0]!.date, '2026-11-30');
    assert.equal(dec.weeks[4]![3]!.date, '2026-12-31');
    assert.equal(dec.weeks[4]![4]!.date, '2027-01-01');
    assert.equal(dec.weeks[4]![4]!.inMonth, false);
    assert.deepEqual(monthOf(day('2026-12-31')), { year: 2026, month: 12 });
  });

  test('today is flagged', () => {
    const grid = monthGrid(2026, 3, 1, day('2026-03-18'));
    assert.deepEqual(
      grid.weeks.flat().filter((c) => c.isToday).map((c) => c.date),
      ['2026-03-18'],
    );
  });
});

describe('events on the month grid', () => {
  test('a one-day timed event and a one-day all-day event (its end is the next midnight, exclusive)', () => {
    const m = layout([timed('2026-03-10', '14:00', '16:00', { title: 'Talk' }), allDay('2026-03-12', '2026-03-12', { title: 'Fair' })], 2026, 3, 1);
    assert.deepEqual(segments(m), ['Talk r2:1-1 l0', 'Fair r2:3-3 l0']);
    assert.deepEqual(m.weeks[2]!.days.map((d) => d.total), [0, 1, 0, 1, 0, 0, 0]);
  });

  test('a multi-day all-day event crossing a week row', () => {
    // Thursday 5 to Wednesday 11 March: Thu–Sun in the second row, Mon–Wed in the third.
    const m = layout([allDay('2026-03-05', '2026-03-11', { title: 'Expo' })], 2026, 3, 1);
    assert.deepEqual(segments(m), ['Expo r1:3-6 l0 >', 'Expo r2:0-2 l0 <']);
    // The same with Sunday weeks: Thu–Sat, then Sun–Wed.
    const s = layout([allDay('2026-03-05', '2026-03-11', { title: 'Expo' })], 2026, 3, 0);
    assert.deepEqual(segments(s), ['Expo r0:4-6 l0 >', 'Expo r1:0-3 l0 <']);
  });

  test('events over the edges of the grid continue before and after it', () => {
    const m = layout(
      [
        allDay('2026-02-16', '2026-02-24', { title: 'Before' }), // the grid starts on 23 February
        allDay('2026-04-04', '2026-04-10', { title: 'After' }), // and ends on 5 April
        allDay('2026-01-01', '2026-05-31', { title: 'Season' }),
        allDay('2026-04-06', '2026-04-07', { title: 'Outside' }),
      ],
      2026,
      3,
      1,
    );
    const described = segments(m);
    assert.ok(described.includes('Before r0:0-1 l1 <'), described.join('\n'));
    assert.ok(described.includes('After r5:5-6 l1 >'), described.join('\n'));
    assert.deepEqual(
      described.filter((s) => s.startsWith('Season')),
      ['Season r0:0-6 l0 <>', 'Season r1:0-6 l0 <>', 'Season r2:0-6 l0 <>', 'Season r3:0-6 l0 <>', 'Season r4:0-6 l0 <>', 'Season r5:0-6 l0 <>'],
    );
    assert.ok(!described.some((s) => s.startsWith('Outside')));
  });

  test('an event spanning the end of the month stays in one row when the row holds both months', () => {
    const m = layout([allDay('2026-03-30', '2026-04-02', { title: 'Retreat' })], 2026, 3, 1);
    assert.deepEqual(segments(m), ['Retreat r5:0-3 l0']);
    assert.equal(m.weeks[5]!.days[2]!.inMonth, false);
    assert.equal(m.weeks[5]!.days[2]!.total, 1);
  });

  test('a timed event past midnight covers both days; one ending at midnight covers one', () => {
    const m = layout(
      [
        timed('2026-03-13', '22:00', '02:00', { title: 'Night' }, '2026-03-14'),
        timed('2026-03-17', '20:00', '00:00', { title: 'Evening' }, '2026-03-18'),
      ],
      2026,
      3,
      1,
    );
    assert.deepEqual(segments(m), ['Night r2:4-5 l0', 'Evening r3:1-1 l0']);
  });

  test('lanes: longer events first, then the lowest free lane', () => {
    const m = layout(
      [
        timed('2026-03-09', '09:00', '10:00', { title: 'B' }),
        allDay('2026-03-09', '2026-03-11', { title: 'A' }),
        timed('2026-03-10', '09:00', '10:00', { title: 'C' }),
        timed('2026-03-12', '09:00', '10:00', { title: 'D' }),
        allDay('2026-03-11', '2026-03-13', { title: 'E' }),
      ],
      2026,
      3,
      1,
    );
    // A takes lane 0 on Mon–Wed; B (Mon) and C (Tue) lane 1; E (Wed–Fri) finds lane 0 taken on
    // Wednesday and lane 1 free: lane 1; D (Thu) then lane 0.
    assert.deepEqual(segments(m), ['A r2:0-2 l0', 'B r2:0-0 l1', 'C r2:1-1 l1', 'E r2:2-4 l1', 'D r2:3-3 l0']);
    assert.equal(m.weeks[2]!.lanes, 2);
  });

  test('on a day, all-day events come before timed ones, and timed ones by start', () => {
    const m = layout(
      [
        timed('2026-03-10', '15:00', '16:00', { title: 'Late' }),
        timed('2026-03-10', '09:00', '10:00', { title: 'Early' }),
        allDay('2026-03-10', '2026-03-10', { title: 'Day' }),
      ],
      2026,
      3,
      1,
    );
    assert.deepEqual(segments(m), ['Day r2:1-1 l0', 'Early r2:1-1 l1', 'Late r2:1-1 l2']);
  });

  test('"+N more": lanes past the limit are hidden and counted on each day they cover', () => {
    const events = [
      allDay('2026-03-09', '2026-03-12', { title: 'Long' }),
      ...['08:00', '09:00', '10:00', '11:00'].map((h, i) => timed('2026-03-10', h, '12:00', { title: `T${i}` })),
      allDay('2026-03-11', '2026-03-12', { title: 'Two' }),
    ];
    const m = layout(events, 2026, 3, 1, 2);
    const week = m.weeks[2]!;
    assert.deepEqual(week.segments.map(describeSegment), [
      'Long r2:0-3 l0',
      'T0 r2:1-1 l1',
      'T1 r2:1-1 l2 hidden',
      'T2 r2:1-1 l3 hidden',
      'T3 r2:1-1 l4 hidden',
      'Two r2:2-3 l1',
    ]);
    assert.deepEqual(week.days.map((d) => d.total), [1, 5, 2, 2, 0, 0, 0]);
    assert.deepEqual(week.days.map((d) => d.more), [0, 3, 0, 0, 0, 0, 0]);
    assert.equal(week.lanes, 5);
    assert.equal(week.visibleLanes, 2);
    // With one lane, the two-day event is hidden on both its days.
    const one = layout(events, 2026, 3, 1, 1).weeks[2]!;
    assert.deepEqual(one.days.map((d) => d.more), [0, 4, 1, 1, 0, 0, 0]);
    // What "+N more" opens: every event of the day, in layout order.
    const items = toCalendarItems(events, PARIS);
    assert.deepEqual(
      itemsOnDay(items, day('2026-03-10')).map((i) => i.event.title),
      ['Long', 'T0', 'T1', 'T2', 'T3'],
    );
  });

  test('without a limit nothing is hidden', () => {
    const events = Array.from({ length: 30 }, (_, i) => timed('2026-03-10', '09:00', '10:00', { title: `E${i}` }));
    const week = layout(events, 2026, 3, 1).weeks[2]!;
    assert.equal(week.lanes, 30);
    assert.equal(week.visibleLanes, 30);
    assert.ok(week.segments.every((s) => !s.hidden));
    assert.deepEqual(week.days.map((d) => d.more), [0, 0, 0, 0, 0, 0, 0]);
  });

  test('events in the DST week keep their days (Paris, 29 March 2026)', () => {
    const m = layout(
      [
        timed('2026-03-29', '01:30', '03:30', { title: 'Across the gap' }),
        timed('2026-03-28', '23:30', '00:30', { title: 'Saturday night' }, '2026-03-29'),
        allDay('2026-03-29', '2026-03-29', { title: 'Sunday' }),
      ],
      2026,
      3,
      1,
    );
    assert.deepEqual(segments(m), ['Saturday night r4:5-6 l0', 'Sunday r4:6-6 l1', 'Across the gap r4:6-6 l2']);
  });

  test('items given out of order are sorted; cancelled ones are laid out and flagged', () => {
    const items = toCalendarItems(
      [timed('2026-03-10', '09:00', '10:00', { title: 'X', status: 'cancelled' }), allDay('2026-03-09', '2026-03-10', { title: 'Y' })],
      PARIS,
    ).reverse();
    const rows = layoutRows(items, day('2026-03-09'), { rows: 1 });
    assert.deepEqual(rows[0]!.segments.map((s) => [s.item.event.title, s.lane, s.item.cancelled]), [
      ['Y', 0, false],
      ['X', 1, true],
    ]);
  });
});
