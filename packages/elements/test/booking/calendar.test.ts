import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { dayUnavailable, firstDayOfWeek, monthModel, moveDate, datesOfMonth } from '../../src/booking/calendar.ts';
import { firstDayOfWeek as calendarFirstDay } from '../../src/event-calendar/model/zoned-date.ts';

const hours = (['monday', 'tuesday', 'wednesday', 'thursday', 'friday'] as const).map((day) => ({ day, opens: '08:00', closes: '19:00' }));

describe('firstDayOfWeek', () => {
  it('follows the locale', () => {
    assert.equal(firstDayOfWeek('fr'), 1);
    assert.equal(firstDayOfWeek('fr-CA'), 7);
    assert.equal(firstDayOfWeek('en-GB'), 1);
    assert.equal(firstDayOfWeek('en-US'), 7);
    assert.equal(firstDayOfWeek('de'), 1);
    // The booking widget and the event calendar share one answer (CLDR: Australia starts on Monday).
    assert.equal(firstDayOfWeek('en-AU'), 1);
    assert.equal(firstDayOfWeek('en-AU'), calendarFirstDay('en-AU') || 7);
  });
  it('falls back to Monday for what it cannot read', () => {
    assert.equal(firstDayOfWeek('not a locale!'), 1);
  });
});

describe('monthModel', () => {
  it('lays a month out in six weeks from Monday in French', () => {
    const m = monthModel('2026-12-15', { firstDay: 1, today: '2026-12-03' });
    assert.equal(m.month, '2026-12-01');
    assert.deepEqual(m.weekdays, [1, 2, 3, 4, 5, 6, 7]);
    assert.equal(m.weeks.length, 6);
    assert.ok(m.weeks.every((w) => w.length === 7));
    // 1 December 2026 is a Tuesday: the grid starts on Monday 30 November.
    assert.equal(m.weeks[0]![0]!.date, '2026-11-30');
    assert.equal(m.weeks[0]![0]!.inMonth, false);
    assert.equal(m.weeks[0]![1]!.date, '2026-12-01');
    assert.equal(m.weeks[0]![1]!.inMonth, true);
    assert.equal(m.weeks[0]![1]!.weekday, 2);
    assert.equal(m.weeks[5]![6]!.date, '2027-01-10');
    assert.equal(m.weeks.flat().filter((d) => d.isToday).map((d) => d.date).join(), '2026-12-03');
    assert.equal(m.weeks.flat().filter((d) => d.inMonth).length, 31);
  });
  it('starts on Sunday in American English', () => {
    const m = monthModel('2026-11-01', { firstDay: 7, today: '2026-11-01' });
    assert.deepEqual(m.weekdays, [7, 1, 2, 3, 4, 5, 6]);
    // 1 November 2026 is a Sunday: the first cell.
    assert.equal(m.weeks[0]![0]!.date, '2026-11-01');
  });
  it('asks why each day cannot be picked', () => {
    const m = monthModel('2026-12-01', { firstDay: 1, today: '2026-12-03', unavailable: (d) => dayUnavailable(d, { today: '2026-12-03', openingHours: hours }) });
    const byDate = new Map(m.weeks.flat().map((d) => [d.date, d.unavailable]));
    assert.equal(byDate.get('2026-12-02'), 'past');
    assert.equal(byDate.get('2026-12-03'), undefined);
    assert.equal(byDate.get('2026-12-05'), 'closed');
  });
});

describe('dayUnavailable', () => {
  const rules = {
    today: '2026-12-03',
    last: '2027-01-31',
    openingHours: [...hours, { day: 'saturday' as const, opens: '09:00', closes: '13:00' }],
    closures: [{ from: '2026-12-24', to: '2027-01-01' }],
  };
  it('tells past, closed, closure and horizon apart', () => {
    assert.equal(dayUnavailable('2026-12-02', rules), 'past');
    assert.equal(dayUnavailable('2026-12-03', rules), undefined);
    assert.equal(dayUnavailable('2026-12-05', rules), undefined); // Saturday morning
    assert.equal(dayUnavailable('2026-12-06', rules), 'closed'); // Sunday
    assert.equal(dayUnavailable('2026-12-24', rules), 'closed');
    assert.equal(dayUnavailable('2027-01-01', rules), 'closed');
    assert.equal(dayUnavailable('2027-01-04', rules), undefined);
    assert.equal(dayUnavailable('2027-02-01', rules), 'horizon');
  });
  it('honours a lead time that pushes the first day', () => {
    assert.equal(dayUnavailable('2026-12-04', { ...rules, first: '2026-12-05' }), 'past');
  });
  it('marks open days without any start time as full when the availability is known', () => {
    assert.equal(dayUnavailable('2026-12-04', { ...rules, available: new Set(['2026-12-07']) }), 'full');
    assert.equal(dayUnavailable('2026-12-07', { ...rules, available: new Set(['2026-12-07']) }), undefined);
  });
  it('treats every day as open without opening hours', () => {
    assert.equal(dayUnavailable('2026-12-06', { today: '2026-12-03' }), undefined);
  });
});

describe('moveDate', () => {
  it('moves like the WAI-ARIA date picker grid', () => {
    assert.equal(moveDate('2026-12-01', 'ArrowLeft', 1), '2026-11-30');
    assert.equal(moveDate('2026-12-31', 'ArrowRight', 1), '2027-01-01');
    assert.equal(moveDate('2026-12-01', 'ArrowUp', 1), '2026-11-24');
    assert.equal(moveDate('2026-12-01', 'ArrowDown', 1), '2026-12-08');
    // Tuesday 1 December: the week starts Monday 30 November (fr) or Sunday 29 November (en-US).
    assert.equal(moveDate('2026-12-01', 'Home', 1), '2026-11-30');
    assert.equal(moveDate('2026-12-01', 'End', 1), '2026-12-06');
    assert.equal(moveDate('2026-12-01', 'Home', 7), '2026-11-29');
    assert.equal(moveDate('2026-12-01', 'End', 7), '2026-12-05');
    assert.equal(moveDate('2026-01-31', 'PageDown', 1), '2026-02-28');
    assert.equal(moveDate('2026-03-31', 'PageUp', 1), '2026-02-28');
    assert.equal(moveDate('2028-02-29', 'PageDown', 1, true), '2029-02-28');
    assert.equal(moveDate('2026-12-01', 'PageUp', 1, true), '2025-12-01');
    assert.equal(moveDate('2026-12-01', 'Enter', 1), undefined);
  });
});

describe('datesOfMonth', () => {
  it('lists every day of the month', () => {
    assert.equal(datesOfMonth('2028-02-10').length, 29);
    assert.equal(datesOfMonth('2026-12-31').at(-1), '2026-12-31');
  });
});
