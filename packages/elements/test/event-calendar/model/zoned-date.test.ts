import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  addDays,
  clockChangeOn,
  dayFromIso,
  dayFromParts,
  dayLengthMinutes,
  daysInMonth,
  firstDayOfWeek,
  instantOf,
  isoFromDay,
  isTimeZone,
  localDayOf,
  offsetAt,
  parseIsoDate,
  partsFromDay,
  startOfDay,
  startOfWeek,
  today,
  transitionBetween,
  weekdayOf,
  zonedParts,
  DAY,
  HOUR,
  MINUTE,
} from '../../../src/event-calendar/model/zoned-date.ts';

const PARIS = 'Europe/Paris';
const t = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();

const referenceFormats = new Map<string, Intl.DateTimeFormat>();

/** The offset the slow way, one `Intl` call per instant, to check the cached one against. */
function referenceOffset(instant: number, timeZone: string): number {
  let format = referenceFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    referenceFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour') % 24, get('minute'), get('second'));
  return wall - Math.floor(instant / 1000) * 1000;
}

describe('calendar dates', () => {
  test('day numbers match Date.UTC over four centuries of days', () => {
    for (let d = -200_000; d <= 200_000; d += 37) {
      const date = new Date(d * DAY);
      assert.equal(dayFromParts(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()), d);
      assert.deepEqual(partsFromDay(d), { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() });
    }
    assert.equal(dayFromIso('1970-01-01'), 0);
    assert.equal(dayFromIso('2026-03-29'), 20541);
    assert.equal(isoFromDay(20541), '2026-03-29');
  });

  test('months out of range roll over', () => {
    assert.equal(isoFromDay(dayFromParts(2026, 13, 1)), '2027-01-01');
    assert.equal(isoFromDay(dayFromParts(2026, 0, 1)), '2025-12-01');
    assert.equal(isoFromDay(dayFromParts(2026, -11, 1)), '2025-01-01');
    assert.equal(isoFromDay(dayFromParts(2026, 3, 0)), '2026-02-28');
  });

  test('parses only real YYYY-MM-DD dates', () => {
    assert.equal(parseIsoDate('2024-02-29'), dayFromParts(2024, 2, 29));
    for (const bad of ['2026-02-29', '2026-13-01', '2026-04-31', '2026-3-1', '', null, undefined, '2026-03-01T00:00']) {
      assert.equal(parseIsoDate(bad), undefined, String(bad));
    }
    assert.throws(() => dayFromIso('2026-02-30'), RangeError);
  });

  test('adds days across months, years and leap days', () => {
    assert.equal(addDays('2026-02-28', 1), '2026-03-01');
    assert.equal(addDays('2024-02-28', 1), '2024-02-29');
    assert.equal(addDays('2026-12-31', 1), '2027-01-01');
    assert.equal(addDays('2026-03-01', -1), '2026-02-28');
    assert.equal(addDays(100, 5), 105);
    assert.equal(daysInMonth(2024, 2), 29);
    assert.equal(daysInMonth(2100, 2), 28);
    assert.equal(daysInMonth(2000, 2), 29);
  });

  test('weekdays, and the start of a week for Monday and Sunday weeks', () => {
    assert.equal(weekdayOf(0), 4); // 1970-01-01, a Thursday
    assert.equal(weekdayOf(dayFromIso('2026-03-29')), 0); // a Sunday
    assert.equal(weekdayOf(dayFromIso('2026-03-30')), 1);
    assert.equal(weekdayOf(dayFromIso('1969-12-31')), 3);
    const sunday = dayFromIso('2026-03-29');
    assert.equal(isoFromDay(startOfWeek(sunday, 1)), '2026-03-23');
    assert.equal(isoFromDay(startOfWeek(sunday, 0)), '2026-03-29');
    assert.equal(isoFromDay(startOfWeek(dayFromIso('2026-03-23'), 1)), '2026-03-23');
    assert.equal(isoFromDay(startOfWeek(dayFromIso('2026-03-23'), 0)), '2026-03-22');
    assert.equal(isoFromDay(startOfWeek(dayFromIso('2026-03-23'), 6)), '2026-03-21');
  });
});

describe('first day of the week', () => {
  test('from the locale’s week info', () => {
    assert.equal(firstDayOfWeek('fr'), 1);
    assert.equal(firstDayOfWeek('fr-FR'), 1);
    assert.equal(firstDayOfWeek('en-US'), 0);
    assert.equal(firstDayOfWeek('en-GB'), 1);
    assert.equal(firstDayOfWeek(new Intl.Locale('de')), 1);
  });

  test('Monday without a locale or with one Intl refuses', () => {
    assert.equal(firstDayOfWeek(undefined), 1);
    assert.equal(firstDayOfWeek(''), 1);
    assert.equal(firstDayOfWeek('not a locale!'), 1);
  });

  test('without week info in the engine: Sunday for en-US, Monday for fr and by default', () => {
    const proto = Intl.Locale.prototype as unknown as Record<string, unknown>;
    const saved = ['getWeekInfo', 'weekInfo'].map((name) => [name, Object.getOwnPropertyDescriptor(proto, name)] as const);
    for (const [name] of saved) Object.defineProperty(proto, name, { value: undefined, configurable: true });
    try {
      // Locales not asked before (the answers are cached per locale).
      assert.equal(firstDayOfWeek('en-US-u-nu-latn'), 0);
      assert.equal(firstDayOfWeek('en-u-nu-latn'), 0);
      assert.equal(firstDayOfWeek('fr-u-nu-latn'), 1);
      assert.equal(firstDayOfWeek('fr-CA-u-nu-latn'), 0);
      assert.equal(firstDayOfWeek('nl-u-nu-latn'), 1);
    } finally {
      for (const [name, descriptor] of saved) {
        if (descriptor) Object.defineProperty(proto, name, descriptor);
        else delete proto[name];
      }
    }
  });
});

describe('offsets in a zone', () => {
  test('Paris around the 2026 transitions (2026-03-29 01:00Z and 2026-10-25 01:00Z)', () => {
    assert.equal(offsetAt(t('2026-03-29T00:59:59Z'), PARIS), HOUR);
    assert.equal(offsetAt(t('2026-03-29T00:59:59.999Z'), PARIS), HOUR);
    assert.equal(offsetAt(t('2026-03-29T01:00:00Z'), PARIS), 2 * HOUR);
    assert.equal(offsetAt(t('2026-10-25T00:59:59.999Z'), PARIS), 2 * HOUR);
    assert.equal(offsetAt(t('2026-10-25T01:00:00Z'), PARIS), HOUR);
    assert.equal(transitionBetween(t('2026-03-28T00:00:00Z'), t('2026-03-30T00:00:00Z'), PARIS), t('2026-03-29T01:00:00Z'));
    assert.equal(transitionBetween(t('2026-04-01T00:00:00Z'), t('2026-04-30T00:00:00Z'), PARIS), undefined);
  });

  test('the cached offsets agree with Intl, every 3 h 07 over two years in several zones', () => {
    const zones = [PARIS, 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata', 'Pacific/Auckland', 'America/Sao_Paulo', 'UTC'];
    for (const zone of zones) {
      for (let ms = t('2025-01-01T00:00:00Z'); ms < t('2027-01-01T00:00:00Z'); ms += 3 * HOUR + 7 * MINUTE) {
        assert.equal(offsetAt(ms, zone), referenceOffset(ms, zone), `${zone} at ${iso(ms)}`);
      }
    }
    for (const change of ['2026-03-29T01:00:00Z', '2026-10-25T01:00:00Z']) {
      for (let ms = t(change) - 3 * HOUR; ms <= t(change) + 3 * HOUR; ms += MINUTE) {
        assert.equal(offsetAt(ms, PARIS), referenceOffset(ms, PARIS), iso(ms));
      }
    }
  });

  test('half-hour shifts (Lord Howe Island) and fractional offsets (Kolkata)', () => {
    assert.equal(offsetAt(t('2026-01-15T00:00:00Z'), 'Australia/Lord_Howe'), 11 * HOUR);
    assert.equal(offsetAt(t('2026-07-15T00:00:00Z'), 'Australia/Lord_Howe'), 10.5 * HOUR);
    assert.equal(offsetAt(t('2026-07-15T00:00:00Z'), 'Asia/Kolkata'), 5.5 * HOUR);
  });

  test('unknown zones', () => {
    assert.equal(isTimeZone(PARIS), true);
    assert.equal(isTimeZone('Mars/Olympus_Mons'), false);
    assert.equal(isTimeZone(''), false);
    assert.throws(() => offsetAt(0, 'Mars/Olympus_Mons'), RangeError);
  });
});

describe('wall clock of an instant', () => {
  test('parts in Paris on both sides of the spring change', () => {
    const before = zonedParts(t('2026-03-29T00:59:00Z'), PARIS);
    assert.deepEqual(
      { ...before },
      { year: 2026, month: 3, day: 29, dayNumber: 20541, hour: 1, minute: 59, second: 0, millisecond: 0, weekday: 0, minuteOfDay: 119, offset: 60 },
    );
    const after = zonedParts(new Date('2026-03-29T01:00:00Z'), PARIS);
    assert.equal(after.hour, 3);
    assert.equal(after.offset, 120);
  });

  test('the repeated hour in autumn reads the same wall time twice', () => {
    const first = zonedParts(t('2026-10-25T00:30:00Z'), PARIS);
    const second = zonedParts(t('2026-10-25T01:30:00Z'), PARIS);
    assert.equal(first.minuteOfDay, 150);
    assert.equal(second.minuteOfDay, 150);
    assert.equal(first.offset, 120);
    assert.equal(second.offset, 60);
  });

  test('the local day depends on the zone', () => {
    const instant = t('2026-03-28T23:30:00Z');
    assert.equal(isoFromDay(localDayOf(instant, PARIS)), '2026-03-29');
    assert.equal(isoFromDay(localDayOf(instant, 'America/New_York')), '2026-03-28');
    assert.equal(isoFromDay(today('Pacific/Auckland', instant)), '2026-03-29');
    assert.equal(isoFromDay(today('UTC', instant)), '2026-03-28');
  });
});

describe('instant of a wall time', () => {
  test('ordinary times', () => {
    assert.equal(iso(instantOf('2026-03-28', 9 * 60, PARIS)), '2026-03-28T08:00:00.000Z');
    assert.equal(iso(instantOf(dayFromIso('2026-03-30'), 9 * 60, PARIS)), '2026-03-30T07:00:00.000Z');
    assert.equal(iso(instantOf('2026-03-28', 1440, PARIS)), '2026-03-28T23:00:00.000Z');
    assert.equal(iso(instantOf('2026-07-01', 90.5, 'America/New_York')), '2026-07-01T05:30:30.000Z');
  });

  test('a wall time in the spring gap moves forward, or to the change', () => {
    assert.equal(iso(instantOf('2026-03-29', 150, PARIS)), '2026-03-29T01:30:00.000Z'); // 03:30 CEST
    assert.equal(iso(instantOf('2026-03-29', 150, PARIS, { gap: 'transition' })), '2026-03-29T01:00:00.000Z'); // 03:00 CEST
    assert.equal(iso(instantOf('2026-03-29', 119, PARIS)), '2026-03-29T00:59:00.000Z');
    assert.equal(iso(instantOf('2026-03-29', 180, PARIS)), '2026-03-29T01:00:00.000Z');
  });

  test('a wall time in the autumn overlap is the first occurrence, or the second', () => {
    assert.equal(iso(instantOf('2026-10-25', 150, PARIS)), '2026-10-25T00:30:00.000Z'); // 02:30 CEST
    assert.equal(iso(instantOf('2026-10-25', 150, PARIS, { overlap: 'later' })), '2026-10-25T01:30:00.000Z'); // 02:30 CET
    assert.equal(iso(instantOf('2026-10-25', 119, PARIS, { overlap: 'later' })), '2026-10-24T23:59:00.000Z');
    assert.equal(iso(instantOf('2026-10-25', 180, PARIS)), '2026-10-25T02:00:00.000Z');
  });

  test('round trip: every quarter hour of 2026 in Paris outside the gap', () => {
    for (let ms = t('2026-01-01T00:00:00Z'); ms < t('2027-01-01T00:00:00Z'); ms += 15 * MINUTE) {
      const parts = zonedParts(ms, PARIS);
      const back = instantOf(parts.dayNumber, parts.minuteOfDay, PARIS, { overlap: parts.offset === 60 ? 'later' : 'earlier' });
      assert.equal(back, ms, iso(ms));
    }
  });

  test('start and length of days', () => {
    assert.equal(iso(startOfDay('2026-03-29', PARIS)), '2026-03-28T23:00:00.000Z');
    assert.equal(iso(startOfDay('2026-03-30', PARIS)), '2026-03-29T22:00:00.000Z');
    assert.equal(dayLengthMinutes(dayFromIso('2026-03-29'), PARIS), 1380);
    assert.equal(dayLengthMinutes(dayFromIso('2026-10-25'), PARIS), 1500);
    assert.equal(dayLengthMinutes(dayFromIso('2026-10-26'), PARIS), 1440);
    // São Paulo moved its clocks from 00:00 to 01:00 on 2018-11-04: that day starts at 01:00.
    assert.equal(iso(startOfDay('2018-11-04', 'America/Sao_Paulo')), '2018-11-04T03:00:00.000Z');
    assert.equal(dayLengthMinutes(dayFromIso('2018-11-04'), 'America/Sao_Paulo'), 1380);
  });

  test('clock changes during a day', () => {
    assert.deepEqual(clockChangeOn(dayFromIso('2026-03-29'), PARIS), { instant: t('2026-03-29T01:00:00Z'), minute: 120, shift: 60 });
    assert.deepEqual(clockChangeOn(dayFromIso('2026-10-25'), PARIS), { instant: t('2026-10-25T01:00:00Z'), minute: 180, shift: -60 });
    assert.equal(clockChangeOn(dayFromIso('2026-10-24'), PARIS), undefined);
    assert.deepEqual(clockChangeOn(dayFromIso('2026-04-05'), 'Australia/Lord_Howe'), { instant: t('2026-04-04T15:00:00Z'), minute: 120, shift: -30 });
  });
});
