/**
 * Pricing: the quote of a prospective booking from the resource's offers.
 *
 * Instants are JS `Date`s; money is `{amount, currency}` in integer minor units. Days, weeks and
 * months are calendar units in the space's zone; half-days follow `policies.halfDays`.
 *
 * Algorithm (deterministic; the cheapest combination under these rules):
 * 1. Keep the audience's offers; for each unit, the cheapest offer (the first listed on a tie).
 *    None: the booking is free (no lines, total 0).
 * 2. Cut the booking at local midnights into day portions. Each portion costs the cheapest of:
 *    - one `day`;
 *    - `half_day`s and `hour`s: the day is split into a morning side and an afternoon side at the
 *      midpoint between the morning's end and the afternoon's start. The part of the portion on a
 *      side costs one half-day when it lies within that side's range, or started hours, or one
 *      half-day for the part within the range plus started hours for the rest. Started hours are
 *      counted once per day over all the hourly-charged time (`ceil(ms / 1 h)`). Without any
 *      `hour` offer, a half-day also covers the part of its side outside its range, so that a
 *      booking is always priceable;
 *    - started hours of the whole portion.
 * 3. Over the days touched, a dynamic programme picks the cheapest cover of the day sequence by
 *    day-portion costs, `week`s (7 consecutive calendar days, the last block may be cut short: a
 *    started week is charged) and `month`s (from a date to the same date next month, clamped to the
 *    month's last day).
 * 4. Started hours of the whole booking (which does not restart the count at midnight) replace the
 *    result when strictly cheaper.
 * On equal cost, larger units win (month, week, day, half-day, hour). Every count is then
 * multiplied by `quantity`; one line per offer used, in the order of the offers.
 */
import { addDays, daysBetween, localDateOf, parseLocalDate, parseLocalTime, startOfLocalDay, HOUR } from './time.ts';
import { wallRangeToInterval } from './opening-hours.ts';
import type { Interval } from './intervals.ts';
import type { Audience } from './booking-rules.ts';

export type OfferUnit = 'hour' | 'half_day' | 'day' | 'week' | 'month';

export interface Money {
  amount: number;
  currency: string;
}

export interface PricingOffer {
  id: string;
  unit: OfferUnit;
  price: Money;
  audience: Audience;
  label?: string;
}

export interface HalfDayRange {
  /** `HH:MM` */
  start: string;
  /** `HH:MM`, exclusive. */
  end: string;
}

export interface HalfDays {
  morning: HalfDayRange;
  afternoon: HalfDayRange;
}

export interface QuoteInput {
  /** The resource's offers, for every audience. */
  offers: readonly PricingOffer[];
  /** The booker's audience. */
  audience: Audience;
  start: Date;
  end: Date;
  /** Units of the resource booked. Default 1. */
  quantity?: number;
  /** The space's zone. */
  timeZone: string;
  /** The space's `policies.halfDays`. */
  halfDays: HalfDays;
  /** The space's currency, used for the total when no offer applies. Default: the offers' currency, else `EUR`. */
  currency?: string;
}

export interface QuoteLine {
  offerId: string;
  unit: OfferUnit;
  label?: string;
  count: number;
  unitPrice: Money;
  subtotal: Money;
}

export interface QuoteResult {
  audience: Audience;
  lines: QuoteLine[];
  total: Money;
}

type Counts = Record<OfferUnit, number>;
const UNITS: readonly OfferUnit[] = ['month', 'week', 'day', 'half_day', 'hour'];
const zero = (): Counts => ({ hour: 0, half_day: 0, day: 0, week: 0, month: 0 });

interface Option {
  cost: number;
  counts: Counts;
}

function len(i: Interval | null): number {
  return i ? Math.max(0, i.end.getTime() - i.start.getTime()) : 0;
}

function intersect(a: Interval, b: Interval | null): Interval | null {
  if (!b) return null;
  const s = Math.max(a.start.getTime(), b.start.getTime());
  const e = Math.min(a.end.getTime(), b.end.getTime());
  return s < e ? { start: new Date(s), end: new Date(e) } : null;
}

/** The same date one calendar month later, clamped to the month's last day (01-31 → 02-28). */
export function addOneMonth(date: string): string {
  const { year, month, day } = parseLocalDate(date);
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(day, lastDay))).toISOString().slice(0, 10);
}

/** Computes the quote of a booking (see the algorithm at the top of the module). */
export function quote(input: QuoteInput): QuoteResult {
  const quantity = input.quantity ?? 1;
  const { audience, timeZone, halfDays } = input;
  const s = input.start.getTime();
  const e = input.end.getTime();
  if (e <= s) throw new RangeError('The booking must end after it starts.');
  if (!Number.isInteger(quantity) || quantity < 1) throw new RangeError('The quantity must be a positive integer.');

  // 1. The cheapest offer per unit for the audience.
  const best = new Map<OfferUnit, PricingOffer>();
  for (const o of input.offers) {
    if (o.audience !== audience) continue;
    const cur = best.get(o.unit);
    if (!cur || o.price.amount < cur.price.amount) best.set(o.unit, o);
  }
  const currency = input.currency ?? input.offers[0]?.price.currency ?? 'EUR';
  if (best.size === 0) return { audience, lines: [], total: { amount: 0, currency } };
  const price = (u: OfferUnit) => best.get(u)?.price.amount;
  const H = price('hour');
  const HD = price('half_day');
  const D = price('day');
  const W = price('week');
  const M = price('month');

  // 2. Day portions and their cheapest cost.
  const firstDate = localDateOf(input.start, timeZone);
  const lastDate = localDateOf(new Date(e - 1), timeZone);
  const n = daysBetween(firstDate, lastDate) + 1;
  const dates: string[] = [];
  const dayCosts: (Option | null)[] = [];
  const morningStart = parseLocalTime(halfDays.morning.start);
  const morningEnd = parseLocalTime(halfDays.morning.end);
  const afternoonStart = parseLocalTime(halfDays.afternoon.start);
  const afternoonEnd = parseLocalTime(halfDays.afternoon.end);

  for (let i = 0; i < n; i++) {
    const date = addDays(firstDate, i);
    dates.push(date);
    const portion: Interval = {
      start: new Date(Math.max(s, startOfLocalDay(date, timeZone).getTime())),
      end: new Date(Math.min(e, startOfLocalDay(addDays(date, 1), timeZone).getTime())),
    };
    const options: Option[] = [];
    if (D !== undefined) options.push({ cost: D, counts: { ...zero(), day: 1 } });
    if (HD !== undefined) {
      const morning = wallRangeToInterval(date, morningStart, morningEnd, timeZone);
      const afternoon = wallRangeToInterval(date, afternoonStart, afternoonEnd, timeZone);
      const splitAt =
        morning && afternoon
          ? Math.round((morning.end.getTime() + afternoon.start.getTime()) / 2)
          : (morning?.end ?? afternoon?.start ?? portion.start).getTime();
      const sides: { part: Interval | null; range: Interval | null }[] = [
        { part: intersect(portion, { start: new Date(-8.64e15), end: new Date(splitAt) }), range: morning },
        { part: intersect(portion, { start: new Date(splitAt), end: new Date(8.64e15) }), range: afternoon },
      ];
      // Per side: [half-days, hourly ms] choices.
      const sideChoices = sides.map(({ part, range }) => {
        if (!part) return [[0, 0]];
        const inRange = len(intersect(part, range));
        const choices: [number, number][] = [];
        if (inRange === len(part) || H === undefined) choices.push([1, 0]);
        else if (inRange > 0) choices.push([1, len(part) - inRange]);
        if (H !== undefined) choices.push([0, len(part)]);
        return choices;
      });
      const combos: [number, number][] = [];
      for (const a of sideChoices[0]!) for (const b of sideChoices[1]!) combos.push([a[0]! + b[0]!, a[1]! + b[1]!]);
      combos.sort((x, y) => y[0] - x[0] || x[1] - y[1]);
      for (const [hd, ms] of combos) {
        if (hd === 0) continue; // hours only: below
        const hours = Math.ceil(ms / HOUR);
        if (hours > 0 && H === undefined) continue;
        options.push({ cost: hd * HD + hours * (H ?? 0), counts: { ...zero(), half_day: hd, hour: hours } });
      }
    }
    if (H !== undefined) options.push({ cost: Math.ceil(len(portion) / HOUR) * H, counts: { ...zero(), hour: Math.ceil(len(portion) / HOUR) } });
    let chosen: Option | null = null;
    for (const o of options) if (!chosen || o.cost < chosen.cost) chosen = o;
    dayCosts.push(chosen);
  }

  // 3. Cover the sequence of days with months, weeks and day portions.
  const dp: (Option | null)[] = Array.from({ length: n + 1 }, () => null);
  dp[0] = { cost: 0, counts: zero() };
  const relax = (j: number, from: Option, cost: number, unit: OfferUnit | null, extra?: Counts) => {
    const counts = { ...from.counts };
    if (unit) counts[unit] += 1;
    if (extra) for (const u of UNITS) counts[u] += extra[u];
    const cand = { cost: from.cost + cost, counts };
    const cur = dp[j];
    if (!cur || cand.cost < cur.cost) dp[j] = cand;
  };
  for (let i = 0; i < n; i++) {
    const here = dp[i];
    if (!here) continue;
    if (M !== undefined) relax(Math.min(n, daysBetween(firstDate, addOneMonth(dates[i]!))), here, M, 'month');
    if (W !== undefined) relax(Math.min(n, i + 7), here, W, 'week');
    const day = dayCosts[i];
    if (day) relax(i + 1, here, day.cost, null, day.counts);
  }
  let result = dp[n];

  // 4. Started hours of the whole booking, when cheaper.
  if (H !== undefined) {
    const hours = Math.ceil((e - s) / HOUR);
    if (!result || hours * H < result.cost) result = { cost: hours * H, counts: { ...zero(), hour: hours } };
  }
  if (!result) throw new Error('No combination of offers prices this booking.'); // unreachable: some unit always covers a day

  const lines: QuoteLine[] = [];
  for (const offer of input.offers) {
    if (best.get(offer.unit) !== offer) continue;
    const count = result.counts[offer.unit] * quantity;
    if (count === 0) continue;
    const line: QuoteLine = {
      offerId: offer.id,
      unit: offer.unit,
      count,
      unitPrice: { amount: offer.price.amount, currency: offer.price.currency },
      subtotal: { amount: count * offer.price.amount, currency: offer.price.currency },
    };
    if (offer.label !== undefined) line.label = offer.label;
    lines.push(line);
  }
  const total = { amount: lines.reduce((sum, l) => sum + l.subtotal.amount, 0), currency };
  return { audience, lines, total };
}
