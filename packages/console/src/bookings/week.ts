import { instantOf, localDate } from '@coworking-commons/elements';

/** A week of the space's calendar, Monday to Sunday: its days (`YYYY-MM-DD`) and the instants it starts and ends. */
export interface Week {
  days: string[];
  from: Date;
  to: Date;
}

/** The date `days` after `date` (`YYYY-MM-DD`, calendar arithmetic, no time zone involved). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The week, in the space's time zone, that holds `instant`. */
export function weekOf(instant: Date, timeZone: string): Week {
  const today = localDate(instant, timeZone);
  // 0 for Monday … 6 for Sunday.
  const weekday = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7;
  const monday = addDays(today, -weekday);
  const days = Array.from({ length: 7 }, (_, i) => addDays(monday, i));
  return { days, from: instantOf(monday, '00:00', timeZone), to: instantOf(addDays(monday, 7), '00:00', timeZone) };
}

/** The week after (or, with -1, before) `week`. */
export function shiftWeek(week: Week, by: number, timeZone: string): Week {
  const monday = addDays(week.days[0]!, 7 * by);
  return weekOf(instantOf(monday, '12:00', timeZone), timeZone);
}
