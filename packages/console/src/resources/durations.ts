/** ISO 8601 durations as people give them: a number and a unit (minutes, hours or days). */
export type DurationUnit = 'minutes' | 'hours' | 'days';

export interface FriendlyDuration {
  amount: string;
  unit: DurationUnit;
}

/** `PT90M` → 90 minutes, `PT2H` → 2 hours, `P60D` → 60 days, `PT0S` → 0 minutes. */
export function friendly(duration: string): FriendlyDuration {
  const match = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(duration);
  if (!match) return { amount: '', unit: 'minutes' };
  const [weeks, days, hours, minutes, seconds] = match.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number, number];
  const totalDays = weeks * 7 + days;
  if (totalDays > 0 && hours === 0 && minutes === 0 && seconds === 0) return { amount: String(totalDays), unit: 'days' };
  const totalMinutes = totalDays * 1440 + hours * 60 + minutes + Math.round(seconds / 60);
  if (totalMinutes > 0 && totalMinutes % 60 === 0) return { amount: String(totalMinutes / 60), unit: 'hours' };
  return { amount: String(totalMinutes), unit: 'minutes' };
}

/** The ISO 8601 duration of what was typed, or undefined when it is not a whole number from 0 to 100,000. */
export function iso(value: FriendlyDuration): string | undefined {
  const text = value.amount.trim();
  if (!/^\d{1,6}$/.test(text) || Number(text) > 100_000) return undefined;
  const n = Number(text);
  if (n === 0) return 'PT0S';
  return value.unit === 'days' ? `P${n}D` : value.unit === 'hours' ? `PT${n}H` : `PT${n}M`;
}

/** Minutes in a duration, counting a day as 24 hours (to compare durations and check multiples). */
export function minutesOf(value: FriendlyDuration): number {
  const n = Number(value.amount.trim());
  return value.unit === 'days' ? n * 1440 : value.unit === 'hours' ? n * 60 : n;
}
