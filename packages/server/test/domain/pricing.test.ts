import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { quote, addOneMonth, type PricingOffer, type QuoteInput } from '../../src/domain/pricing.ts';
import { PARIS, local } from './helpers.ts';

const eur = (amount: number) => ({ amount, currency: 'EUR' });
const halfDays = { morning: { start: '08:00', end: '13:00' }, afternoon: { start: '13:00', end: '19:00' } };
const memberOffers: PricingOffer[] = [
  { id: 'of_mh', unit: 'hour', price: eur(1000), audience: 'member' },
  { id: 'of_mhd', unit: 'half_day', price: eur(2500), audience: 'member', label: 'Demi-journée' },
  { id: 'of_md', unit: 'day', price: eur(6000), audience: 'member' },
  { id: 'of_mw', unit: 'week', price: eur(25000), audience: 'member' },
  { id: 'of_mm', unit: 'month', price: eur(80000), audience: 'member' },
];
const guestOffers: PricingOffer[] = [
  { id: 'of_gh', unit: 'hour', price: eur(1500), audience: 'guest' },
  { id: 'of_ghd', unit: 'half_day', price: eur(5000), audience: 'guest' },
  { id: 'of_gd', unit: 'day', price: eur(9000), audience: 'guest' },
];

function q(start: string, end: string, over: Partial<QuoteInput> = {}) {
  return quote({ offers: [...memberOffers, ...guestOffers], audience: 'member', start: local(start), end: local(end), timeZone: PARIS, halfDays, currency: 'EUR', ...over });
}
/** Lines as `unit×count` strings, and the total. */
function summary(r: ReturnType<typeof quote>): [string[], number] {
  return [r.lines.map((l) => `${l.unit}×${l.count}`), r.total.amount];
}

describe('quote: within one day', () => {
  test('started hours', () => {
    assert.deepEqual(summary(q('2026-12-01T09:00', '2026-12-01T10:00')), [['hour×1'], 1000]);
    assert.deepEqual(summary(q('2026-12-01T09:00', '2026-12-01T10:30')), [['hour×2'], 2000]);
    assert.deepEqual(summary(q('2026-12-01T09:00', '2026-12-01T09:01')), [['hour×1'], 1000]);
  });

  test('a half-day rather than three hours when cheaper, within the morning', () => {
    assert.deepEqual(summary(q('2026-12-01T09:00', '2026-12-01T11:00')), [['hour×2'], 2000]);
    assert.deepEqual(summary(q('2026-12-01T09:00', '2026-12-01T12:00')), [['half_day×1'], 2500]);
    assert.deepEqual(summary(q('2026-12-01T08:00', '2026-12-01T13:00')), [['half_day×1'], 2500]);
    assert.deepEqual(summary(q('2026-12-01T14:00', '2026-12-01T19:00')), [['half_day×1'], 2500]);
  });

  test('a portion covering both halves costs two half-days, or a day when cheaper', () => {
    const noDay = memberOffers.filter((o) => o.unit !== 'day');
    assert.deepEqual(summary(q('2026-12-01T09:00', '2026-12-01T17:00', { offers: noDay })), [['half_day×2'], 5000]);
    assert.deepEqual(summary(q('2026-12-01T09:00', '2026-12-01T17:00')), [['half_day×2'], 5000]);
    const cheapDay = [...noDay, { id: 'of_d', unit: 'day' as const, price: eur(4500), audience: 'member' as const }];
    assert.deepEqual(summary(q('2026-12-01T09:00', '2026-12-01T17:00', { offers: cheapDay })), [['day×1'], 4500]);
    assert.deepEqual(summary(q('2026-12-01T09:00', '2026-12-01T12:00', { offers: cheapDay })), [['half_day×1'], 2500]);
  });

  test('half-days and hours combine: a morning plus an hour of the afternoon', () => {
    const r = q('2026-12-01T10:00', '2026-12-01T14:00');
    assert.deepEqual(summary(r), [['hour×1', 'half_day×1'], 3500]);
    assert.deepEqual(r.lines[1], { offerId: 'of_mhd', unit: 'half_day', label: 'Demi-journée', count: 1, unitPrice: eur(2500), subtotal: eur(2500) });
  });

  test('time outside the half-day ranges is charged in hours', () => {
    // 07:00–12:00: the morning covers 08:00–12:00, 07:00–08:00 is an hour.
    assert.deepEqual(summary(q('2026-12-01T07:00', '2026-12-01T12:00')), [['hour×1', 'half_day×1'], 3500]);
    // The space's own halves, with a lunch gap: 12:00–13:30 touches only the morning side.
    const gap = { morning: { start: '08:30', end: '13:00' }, afternoon: { start: '14:00', end: '19:30' } };
    assert.deepEqual(summary(q('2026-12-01T10:00', '2026-12-01T13:30', { halfDays: gap })), [['hour×1', 'half_day×1'], 3500]);
  });

  test('without an hourly offer, a half-day covers its whole side of the day', () => {
    const onlyHalf: PricingOffer[] = [{ id: 'of_hd', unit: 'half_day', price: eur(3000), audience: 'member' }];
    assert.deepEqual(summary(q('2026-12-01T19:00', '2026-12-01T20:00', { offers: onlyHalf })), [['half_day×1'], 3000]);
    assert.deepEqual(summary(q('2026-12-01T07:00', '2026-12-01T09:00', { offers: onlyHalf })), [['half_day×1'], 3000]);
    assert.deepEqual(summary(q('2026-12-01T12:00', '2026-12-01T14:00', { offers: onlyHalf })), [['half_day×2'], 6000]);
  });

  test('on equal cost the larger unit wins', () => {
    const offers: PricingOffer[] = [
      { id: 'h', unit: 'hour', price: eur(1000), audience: 'member' },
      { id: 'hd', unit: 'half_day', price: eur(4000), audience: 'member' },
    ];
    assert.deepEqual(summary(q('2026-12-01T09:00', '2026-12-01T13:00', { offers })), [['half_day×1'], 4000]);
  });

  test('the cheapest of several offers of one unit is used; lines follow the offers’ order', () => {
    const offers: PricingOffer[] = [
      { id: 'h1', unit: 'hour', price: eur(1200), audience: 'member' },
      { id: 'h2', unit: 'hour', price: eur(900), audience: 'member', label: 'Tarif solidaire' },
    ];
    const r = q('2026-12-01T09:00', '2026-12-01T11:00', { offers });
    assert.deepEqual(r.lines.map((l) => [l.offerId, l.label, l.count]), [['h2', 'Tarif solidaire', 2]]);
  });
});

describe('quote: audiences and quantities', () => {
  test('members and guests pay their own prices', () => {
    assert.deepEqual(summary(q('2026-12-01T09:00', '2026-12-01T12:00', { audience: 'guest' })), [['hour×3'], 4500]);
    assert.deepEqual(summary(q('2026-12-01T09:00', '2026-12-01T13:00', { audience: 'guest' })), [['half_day×1'], 5000]);
    assert.deepEqual(summary(q('2026-12-01T09:00', '2026-12-01T12:00', { audience: 'member' })), [['half_day×1'], 2500]);
    assert.equal(q('2026-12-01T09:00', '2026-12-01T12:00', { audience: 'guest' }).audience, 'guest');
    assert.deepEqual(q('2026-12-01T09:00', '2026-12-01T12:00', { audience: 'guest' }).lines.map((l) => l.offerId), ['of_gh']);
  });

  test('an audience without offers books for free', () => {
    const r = q('2026-12-01T09:00', '2026-12-01T12:00', { audience: 'guest', offers: memberOffers });
    assert.deepEqual(r, { audience: 'guest', lines: [], total: eur(0) });
  });

  test('count covers every booked unit: 2 desks for 3 hours is 6 hours', () => {
    const offers: PricingOffer[] = [{ id: 'h', unit: 'hour', price: eur(500), audience: 'member' }];
    const r = q('2026-12-01T09:00', '2026-12-01T12:00', { offers, quantity: 2 });
    assert.deepEqual(r.lines, [{ offerId: 'h', unit: 'hour', count: 6, unitPrice: eur(500), subtotal: eur(3000) }]);
    assert.deepEqual(r.total, eur(3000));
  });

  test('refuses empty bookings and bad quantities', () => {
    assert.throws(() => q('2026-12-01T09:00', '2026-12-01T09:00'), RangeError);
    assert.throws(() => q('2026-12-01T09:00', '2026-12-01T10:00', { quantity: 0 }), RangeError);
  });
});

describe('quote: several days', () => {
  test('each calendar day touched is priced on its own', () => {
    // Mon 14:00 → Wed 11:00 occupies the nights too: Mon 14:00–24:00, Tue, Wed 00:00–11:00 are a day each.
    assert.deepEqual(summary(q('2026-11-30T14:00', '2026-12-02T11:00')), [['day×3'], 18000]);
    // Without the nights' hours: Mon afternoon 14:00–19:00 = a half-day.
    const hd = memberOffers.filter((o) => o.unit === 'half_day' || o.unit === 'day');
    assert.deepEqual(summary(q('2026-11-30T14:00', '2026-12-01T11:00', { offers: hd })), [['half_day×2'], 5000]);
    // Guests: Mon 17:00–24:00 (afternoon half-day + 5 h = 12500, 7 h = 10500, day 9000) then Tue 00:00–02:00 (2 h).
    assert.deepEqual(summary(q('2026-11-30T17:00', '2026-12-01T02:00', { audience: 'guest' })), [['hour×2', 'day×1'], 12000]);
  });

  test('five weekdays cost a week when cheaper', () => {
    assert.deepEqual(summary(q('2026-11-30T00:00', '2026-12-05T00:00')), [['week×1'], 25000]);
    assert.deepEqual(summary(q('2026-11-30T00:00', '2026-12-05T00:00', { audience: 'guest' })), [['day×5'], 45000]);
  });

  test('a started 7-day block: nine days are a week and two days', () => {
    assert.deepEqual(summary(q('2026-11-30T00:00', '2026-12-09T00:00')), [['day×2', 'week×1'], 37000]);
    assert.deepEqual(summary(q('2026-11-30T00:00', '2026-12-12T00:00')), [['week×2'], 50000]);
  });

  test('a calendar month', () => {
    assert.deepEqual(summary(q('2026-02-01T00:00', '2026-03-01T00:00')), [['month×1'], 80000]);
    assert.deepEqual(summary(q('2026-02-01T00:00', '2026-03-02T00:00')), [['day×1', 'month×1'], 86000]);
    assert.equal(addOneMonth('2026-01-31'), '2026-02-28');
    assert.equal(addOneMonth('2026-12-15'), '2027-01-15');
  });

  test('a resource rented by the month only', () => {
    const offers: PricingOffer[] = [{ id: 'm', unit: 'month', price: eur(50000), audience: 'member' }];
    assert.deepEqual(summary(q('2026-12-01T09:00', '2026-12-03T18:00', { offers })), [['month×1'], 50000]);
    assert.deepEqual(summary(q('2026-12-01T00:00', '2027-01-02T00:00', { offers })), [['month×2'], 100000]);
  });

  test('hours are not restarted at midnight', () => {
    const offers: PricingOffer[] = [{ id: 'h', unit: 'hour', price: eur(1000), audience: 'member' }];
    assert.deepEqual(summary(q('2026-12-01T23:30', '2026-12-02T00:30', { offers })), [['hour×1'], 1000]);
  });
});

describe('quote: DST', () => {
  test('01:30–03:30 on 2026-10-25 is 3 hours', () => {
    const offers: PricingOffer[] = [{ id: 'h', unit: 'hour', price: eur(1000), audience: 'member' }];
    assert.deepEqual(summary(q('2026-10-25T01:30', '2026-10-25T03:30', { offers })), [['hour×3'], 3000]);
  });

  test('the 23-hour spring day is one day', () => {
    assert.deepEqual(summary(q('2026-03-29T00:00', '2026-03-30T00:00')), [['day×1'], 6000]);
  });
});
