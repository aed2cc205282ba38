import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  addDays,
  addDuration,
  daysBetween,
  describeDuration,
  durationMillis,
  formatDuration,
  formatInstant,
  instantToLocal,
  isCalendarDuration,
  isDuration,
  isValidTimeZone,
  localDateOf,
  localDayOf,
  localToInstant,
  parseDuration,
  parseInstant,
  parseLocalTime,
  startOfLocalDay,
  subtractDuration,
  weekdayOf,
} from '../../src/domain/time.ts';
import { DateTime, IANAZone } from 'luxon';
import { PARIS, utc, hours } from './helpers.ts';

describe('parseDuration', () => {
  test('parses the spec’s durations', () => {
    assert.deepEqual(parseDuration('PT30M'), { days: 0, millis: 30 * 60_000 });
    assert.deepEqual(parseDuration('PT2H'), { days: 0, millis: 2 * 3_600_000 });
    assert.deepEqual(parseDuration('P1D'), { days: 1, millis: 0 });
    assert.deepEqual(parseDuration('P2W'), { days: 14, millis: 0 });
    assert.deepEqual(parseDuration('P1DT1H30M15S'), { days: 1, millis: 5_415_000 });
    assert.deepEqual(parseDuration('PT0S'), { days: 0, millis: 0 });
    assert.equal(durationMillis('P90D'), 90 * 86_400_000);
    assert.equal(durationMillis('PT15M'), 900_000);
  });

  test('refuses years, months, fractions and malformed strings', () => {
    for (const bad of ['P1Y', 'P1M', 'P1Y2M', 'PT', 'P', '', 'PT1.5H', 'P-1D', 'PT30m', '30M', 'P1DT', 'PT1H30']) {
      assert.throws(() => parseDuration(bad), RangeError, bad);
      assert.equal(isDuration(bad), false, bad);
    }
    assert.throws(() => parseDuration('P1M'), /years or months/);
    assert.ok(isDuration('PT1M'), 'PT1M is one minute');
  });

  test('formats and describes durations', () => {
    assert.equal(formatDuration('PT90M'), 'PT1H30M');
    assert.equal(formatDuration('P14D'), 'P2W');
    assert.equal(formatDuration(0), 'PT0S');
    assert.equal(describeDuration('PT30M'), '30 minutes');
    assert.equal(describeDuration('PT1H'), '1 hour');
    assert.equal(describeDuration('PT1H30M'), '1 hour 30 minutes');
    assert.equal(describeDuration('P90D'), '90 days');
    assert.equal(describeDuration('P1W'), '1 week');
    assert.equal(isCalendarDuration('P1D'), true);
    assert.equal(isCalendarDuration('PT24H'), false);
  });
});

describe('addDuration across DST (Europe/Paris)', () => {
  test('P1D is a calendar day: 23 h across the spring change, 25 h across the autumn one', () => {
    const before = utc('2026-03-28T11:00:00'); // 12:00 CET
    assert.equal(hours(addDuration(before, 'P1D', PARIS).getTime() - before.getTime()), 23);
    const autumn = utc('2026-10-24T10:00:00'); // 12:00 CEST
    assert.equal(hours(addDuration(autumn, 'P1D', PARIS).getTime() - autumn.getTime()), 25);
  });

  test('PT24H is exact', () => {
    const before = utc('2026-03-28T11:00:00');
    assert.equal(hours(addDuration(before, 'PT24H', PARIS).getTime() - before.getTime()), 24);
  });

  test('numbers are exact milliseconds; subtraction mirrors addition', () => {
    const t = utc('2026-03-29T12:00:00');
    assert.equal(addDuration(t, 90_000, PARIS).getTime() - t.getTime(), 90_000);
    assert.equal(subtractDuration(t, 'P1D', PARIS).toISOString(), '2026-03-28T13:00:00.000Z');
  });
});

describe('local wall time ↔ instant', () => {
  test('ordinary times', () => {
    assert.equal(localToInstant('2026-12-01', '09:00', PARIS).toISOString(), '2026-12-01T08:00:00.000Z');
    assert.equal(localToInstant('2026-07-01', '09:00', PARIS).toISOString(), '2026-07-01T07:00:00.000Z');
    assert.equal(localToInstant('2026-07-01', '24:00', PARIS).toISOString(), '2026-07-01T22:00:00.000Z');
    assert.equal(localToInstant('2026-07-01', 9 * 60, 'UTC').toISOString(), '2026-07-01T09:00:00.000Z');
  });

  test('a wall time in the spring gap: forward by default, the jump with `transition`, or rejected', () => {
    assert.equal(localToInstant('2026-03-29', '02:30', PARIS).toISOString(), '2026-03-29T01:30:00.000Z'); // 03:30 CEST
    assert.equal(localToInstant('2026-03-29', '02:30', PARIS, { gap: 'transition' }).toISOString(), '2026-03-29T01:00:00.000Z'); // 03:00 CEST
    assert.throws(() => localToInstant('2026-03-29', '02:30', PARIS, { gap: 'reject' }), /does not exist/);
  });

  test('a wall time in the autumn overlap: earlier by default, later on demand, or rejected', () => {
    assert.equal(localToInstant('2026-10-25', '02:30', PARIS).toISOString(), '2026-10-25T00:30:00.000Z'); // CEST
    assert.equal(localToInstant('2026-10-25', '02:30', PARIS, { overlap: 'later' }).toISOString(), '2026-10-25T01:30:00.000Z'); // CET
    assert.throws(() => localToInstant('2026-10-25', '02:30', PARIS, { overlap: 'reject' }), /twice/);
  });

  test('days are 23, 24 or 25 hours long', () => {
    const len = (date: string) => {
      const d = localDayOf(startOfLocalDay(date, PARIS), PARIS);
      return hours(d.end.getTime() - d.start.getTime());
    };
    assert.equal(len('2026-03-29'), 23);
    assert.equal(len('2026-10-25'), 25);
    assert.equal(len('2026-06-15'), 24);
  });

  test('a zone whose midnight does not exist on its DST day starts the day at 01:00', () => {
    // Chile springs forward at 00:00 → 01:00.
    const start = startOfLocalDay('2026-09-06', 'America/Santiago');
    assert.equal(start.toISOString(), '2026-09-06T04:00:00.000Z');
    assert.equal(instantToLocal(start, 'America/Santiago').time, '01:00');
  });

  test('instantToLocal reads the wall clock', () => {
    const r = instantToLocal(utc('2026-10-25T01:30:00'), PARIS);
    assert.deepEqual(r, { date: '2026-10-25', time: '02:30', weekday: 'sunday', wallMillis: 2.5 * 3_600_000, offsetMinutes: 60 });
    assert.equal(localDateOf(utc('2026-12-31T23:30:00'), PARIS), '2027-01-01');
  });

  test('calendar helpers', () => {
    assert.equal(addDays('2026-02-28', 1), '2026-03-01');
    assert.equal(addDays('2026-03-01', -1), '2026-02-28');
    assert.equal(daysBetween('2026-03-01', '2026-03-31'), 30);
    assert.equal(weekdayOf('2026-03-29'), 'sunday');
    assert.equal(weekdayOf('2026-12-01'), 'tuesday');
    assert.equal(parseLocalTime('24:00'), 1440);
    assert.throws(() => parseLocalTime('24:30'));
    assert.throws(() => parseLocalTime('9:00'));
    assert.throws(() => addDays('2026-02-30', 1));
  });

  test('time zones', () => {
    assert.equal(isValidTimeZone('Europe/Paris'), true);
    assert.equal(isValidTimeZone('Mars/Olympus'), false);
    assert.throws(() => localToInstant('2026-01-01', '09:00', 'Mars/Olympus'), /Unknown time zone/);
  });
});

describe('instants on the wire', () => {
  test('parses any offset and formats UTC with Z', () => {
    assert.equal(parseInstant('2026-12-01T10:00:00+02:00').toISOString(), '2026-12-01T08:00:00.000Z');
    assert.equal(formatInstant(parseInstant('2026-12-01T09:00:00Z')), '2026-12-01T09:00:00Z');
    assert.equal(formatInstant(new Date('2026-12-01T09:00:00.250Z')), '2026-12-01T09:00:00.250Z');
    assert.equal(parseInstant('2026-12-01 10:00:00+0200').toISOString(), '2026-12-01T08:00:00.000Z');
    assert.equal(parseInstant('2026-12-01t08:00:00.5z').toISOString(), '2026-12-01T08:00:00.500Z');
  });

  test('refuses what is not RFC 3339', () => {
    for (const bad of ['2026-12-01', '2026-12-01T09:00:00', '2026-02-30T09:00:00Z', 'tomorrow', '2026-12-01T25:00:00Z', '2026-12-01T09:00Z']) {
      assert.throws(() => parseInstant(bad), RangeError, bad);
    }
  });
});

describe('remembered zone offsets agree with luxon everywhere', () => {
  // The offsets are remembered by UTC hour (see ZoneOffsets in time.ts); luxon asks Intl each time.
  const zones = ['Europe/Paris', 'America/New_York', 'America/St_Johns', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'Africa/Monrovia', 'Pacific/Apia', 'America/Santiago', 'Antarctica/Troll', 'Asia/Gaza', 'UTC'];
  const instants: number[] = [];
  let seed = 7;
  const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  for (let i = 0; i < 400; i++) instants.push(Math.floor(random() * Date.UTC(2100, 0, 1)));

  test('offsets, dates and wall clocks at random instants and around every change', () => {
    for (const zone of zones) {
      const luxonZone = IANAZone.create(zone);
      const around: number[] = [];
      // A change of offset in every week that has one between 1970 and 2040 (found by bisection to the hour), and the minutes around it.
      const week = 7 * 86_400_000;
      for (let from = 0; from < Date.UTC(2040, 0, 1); from += week) {
        if (luxonZone.offset(from) === luxonZone.offset(from + week)) continue;
        let lo = from;
        let hi = from + week;
        while (hi - lo > 3_600_000) {
          const mid = lo + Math.floor((hi - lo) / 7_200_000) * 3_600_000;
          if (luxonZone.offset(mid) === luxonZone.offset(lo)) lo = mid;
          else hi = mid;
        }
        for (let m = -61; m <= 121; m += 13) around.push(lo + m * 60_000);
      }
      for (const t of [...instants, ...around]) {
        const expected = DateTime.fromMillis(t, { zone });
        assert.equal(instantToLocal(new Date(t), zone).offsetMinutes, expected.offset, `${zone} at ${new Date(t).toISOString()}`);
        assert.equal(localDateOf(new Date(t), zone), expected.toISODate(), `${zone} at ${new Date(t).toISOString()}`);
        const local = instantToLocal(new Date(t), zone);
        assert.equal(local.wallMillis, expected.hour * 3_600_000 + expected.minute * 60_000 + expected.second * 1000 + expected.millisecond);
        assert.equal(local.weekday, ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'][expected.weekday - 1]);
        // A calendar day later keeps the wall clock where it exists (what luxon's plus({days}) does too).
        const later = addDuration(new Date(t), 'P1D', zone).getTime();
        const luxonLater = expected.plus({ days: 1 });
        if (luxonLater.hour === expected.hour && luxonLater.minute === expected.minute) {
          assert.equal(DateTime.fromMillis(later, { zone }).toFormat('yyyy-MM-dd HH:mm:ss.SSS'), luxonLater.toFormat('yyyy-MM-dd HH:mm:ss.SSS'), `${zone} at ${new Date(t).toISOString()}`);
        }
      }
    }
  });
});
