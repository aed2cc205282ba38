import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { formatDate, formatMonth, formatTime, formatTimeRange, weekdayName } from '../../src/booking/format.ts';

// Intl may use narrow no-break spaces; compare with plain spaces.
const plain = (s: string | undefined) => s?.replace(/[\u202f\u00a0\u2009]/g, ' ');
const t = (iso: string) => Date.parse(iso);

describe('formatting with Intl', () => {
  it('shows times in the space’s zone', () => {
    assert.equal(formatTime(t('2026-12-01T08:00:00Z'), 'fr', 'Europe/Paris'), '09:00');
    assert.equal(plain(formatTime(t('2026-12-01T08:00:00Z'), 'en', 'Europe/Paris')), '9:00 AM');
    assert.equal(plain(formatTime(t('2026-12-01T08:00:00Z'), 'en-GB', 'Europe/Paris')), '09:00');
    assert.match(plain(formatTimeRange(t('2026-12-01T08:00:00Z'), t('2026-12-01T09:30:00Z'), 'fr', 'Europe/Paris'))!, /^09:00\s?–\s?10:30$/);
  });
  it('shows calendar dates without shifting them', () => {
    assert.equal(formatDate('2026-12-01', 'fr'), 'mardi 1 décembre 2026');
    assert.equal(formatDate('2026-12-01', 'en'), 'Tuesday, December 1, 2026');
    assert.equal(formatMonth('2026-12-01', 'fr'), 'décembre 2026');
    assert.equal(formatMonth('2026-12-01', 'en'), 'December 2026');
    assert.equal(weekdayName(1, 'fr', 'long'), 'lundi');
    assert.equal(weekdayName(7, 'en', 'short'), 'Sun');
  });
});
