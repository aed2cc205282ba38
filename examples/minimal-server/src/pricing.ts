// What a booking costs its audience, from the resource's offers (createQuote and the bookings).
import { datesOf } from './availability.ts';
import type { Offer, Resource, Space } from './store.ts';
import { addDays, addDuration, instantAt, minutesOf } from './time.ts';

export interface Line {
  offerId: string;
  unit: string;
  label?: string;
  count: number;
  unitPrice: { amount: number; currency: string };
  subtotal: { amount: number; currency: string };
}

export interface Price {
  lines: Line[];
  total: { amount: number; currency: string };
}

const hour = 3_600_000;

/**
 * Day by day the cheapest of hours, half-days and a day; then a whole number of weeks or months
 * if that is cheaper. Each unit uses its cheapest offer.
 */
export function priceOf(space: Space, resource: Resource, audience: 'guest' | 'member', start: number, end: number, quantity: number): Price {
  const cheapest = new Map<string, Offer>();
  for (const offer of resource.offers) {
    if (offer.audience !== audience) continue;
    const known = cheapest.get(offer.unit);
    if (!known || offer.price.amount < known.price.amount) cheapest.set(offer.unit, offer);
  }
  const candidates: Map<Offer, number>[] = [];
  const daily = new Map<Offer, number>();
  let dailyComplete = true;
  for (const date of datesOf(start, end, space.timeZone)) {
    const from = Math.max(start, instantAt(date, 0, space.timeZone));
    const to = Math.min(end, instantAt(addDays(date, 1), 0, space.timeZone));
    const options: [Offer, number][] = [];
    const hourly = cheapest.get('hour');
    if (hourly) options.push([hourly, Math.ceil((to - from) / hour)]);
    const halfDay = cheapest.get('half_day');
    if (halfDay) options.push([halfDay, halfDaysOf(space, date, from, to)]);
    const whole = cheapest.get('day');
    if (whole) options.push([whole, 1]);
    const best = options.reduce<[Offer, number] | undefined>((kept, option) => (!kept || option[0].price.amount * option[1] < kept[0].price.amount * kept[1] ? option : kept), undefined);
    if (!best) dailyComplete = false;
    else daily.set(best[0], (daily.get(best[0]) ?? 0) + best[1]);
  }
  if (dailyComplete) candidates.push(daily);
  for (const [unit, days] of [['week', 7], ['month', 0]] as const) {
    const offer = cheapest.get(unit);
    if (!offer) continue;
    let count = 1;
    while (periodEnd(space, start, unit === 'week' ? days * count : 0, unit === 'month' ? count : 0) < end) count++;
    candidates.push(new Map([[offer, count]]));
  }
  const totalOf = (counts: Map<Offer, number>) => [...counts].reduce((sum, [offer, count]) => sum + offer.price.amount * count * quantity, 0);
  const chosen = candidates.reduce<Map<Offer, number> | undefined>((kept, counts) => (!kept || totalOf(counts) < totalOf(kept) ? counts : kept), undefined) ?? new Map();
  const currency = space.currency;
  const lines: Line[] = [...chosen].map(([offer, count]) => ({
    offerId: offer.id,
    unit: offer.unit,
    ...(offer.label ? { label: offer.label } : {}),
    count: count * quantity,
    unitPrice: { amount: offer.price.amount, currency },
    subtotal: { amount: offer.price.amount * count * quantity, currency },
  }));
  return { lines, total: { amount: totalOf(chosen), currency } };
}

/** The half-day ranges of the date that the part [from, to) of a booking touches (at least one). */
function halfDaysOf(space: Space, date: string, from: number, to: number): number {
  const { morning, afternoon } = space.policies.halfDays;
  const touches = [morning, afternoon].filter((range) => instantAt(date, minutesOf(range.start), space.timeZone) < to && instantAt(date, minutesOf(range.end), space.timeZone) > from);
  return Math.max(1, touches.length);
}

function periodEnd(space: Space, start: number, days: number, months: number): number {
  if (!months) return addDuration(start, { weeks: 0, days, elapsedMs: 0 }, space.timeZone);
  const date = new Date(start);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, date.getUTCDate(), date.getUTCHours(), date.getUTCMinutes());
}
