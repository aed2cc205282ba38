/**
 * The month model of the date picker: six weeks starting on the locale's first day of the week,
 * which days are outside the month and which cannot be picked (and why), and where the keys of the
 * WAI-ARIA date picker grid move the focus.
 */
import type { components } from '@coworking-commons/client';
import { addDays, addMonths, daysInMonth, isoWeekday, startOfMonth } from './time.ts';
import { firstDayOfWeek as weekStart } from '../localization/week-start.ts';

type OpeningRange = components['schemas']['OpeningRange'];
type Closure = components['schemas']['Closure'];

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

/** Why a day cannot be picked. */
export type DayUnavailable = 'past' | 'closed' | 'horizon' | 'full';

export interface CalendarDay {
  /** `YYYY-MM-DD`. */
  date: string;
  /** Day of the month, 1…31. */
  day: number;
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
  inMonth: boolean;
  isToday: boolean;
  /** Set when the day cannot be picked. */
  unavailable: DayUnavailable | undefined;
}

export interface MonthModel {
  /** The month's first day, `YYYY-MM-01`. */
  month: string;
  /** ISO weekdays in display order (the header row). */
  weekdays: number[];
  /** Six weeks of seven days, so that the grid's height never changes. */
  weeks: CalendarDay[][];
}

/** The locale's first day of the week as an ISO weekday (1 = Monday … 7 = Sunday). */
export const firstDayOfWeek = (locale: string): number => weekStart(locale) || 7;

/** The month containing `date` as six weeks starting on `firstDay`. */
export function monthModel(
  date: string,
  options: { firstDay: number; today: string; unavailable?: (date: string) => DayUnavailable | undefined },
): MonthModel {
  const month = startOfMonth(date);
  const lead = (isoWeekday(month) - options.firstDay + 7) % 7;
  const start = addDays(month, -lead);
  const weeks: CalendarDay[][] = [];
  for (let w = 0; w < 6; w++) {
    const week: CalendarDay[] = [];
    for (let i = 0; i < 7; i++) {
      const d = addDays(start, w * 7 + i);
      week.push({
        date: d,
        day: +d.slice(8, 10),
        weekday: isoWeekday(d),
        inMonth: d.slice(0, 7) === month.slice(0, 7),
        isToday: d === options.today,
        unavailable: options.unavailable?.(d),
      });
    }
    weeks.push(week);
  }
  return { month, weekdays: Array.from({ length: 7 }, (_, i) => ((options.firstDay - 1 + i) % 7) + 1), weeks };
}

export interface DayRules {
  /** Today in the space's zone. */
  today: string;
  /** The first date a booking may start on (today, or later with a long lead time). */
  first?: string;
  /** The last date a booking may start on (the horizon). */
  last?: string;
  /** The weekly hours that apply (the resource's own, or the space's). A day without a range is closed. */
  openingHours?: readonly OpeningRange[];
  closures?: readonly Closure[];
  /** When known (the month's availability was loaded), the dates with at least one start time. */
  available?: ReadonlySet<string>;
}

/** Why `date` cannot be picked under `rules`, or `undefined` when it can. */
export function dayUnavailable(date: string, rules: DayRules): DayUnavailable | undefined {
  if (date < rules.today || (rules.first && date < rules.first)) return 'past';
  if (rules.last && date > rules.last) return 'horizon';
  const weekday = WEEKDAYS[isoWeekday(date) - 1];
  if (rules.openingHours && !rules.openingHours.some((r) => r.day === weekday && r.closes > r.opens)) return 'closed';
  if (rules.closures?.some((c) => c.from <= date && date <= c.to)) return 'closed';
  if (rules.available && !rules.available.has(date)) return 'full';
  return undefined;
}

/**
 * Where a key of the date grid moves the focus from `date` (WAI-ARIA APG date picker): arrows by a
 * day or a week, Home and End to the week's first and last day, Page Up and Page Down by a month
 * (by a year with Shift). `undefined` for any other key.
 */
export function moveDate(date: string, key: string, firstDay: number, shiftKey = false): string | undefined {
  switch (key) {
    case 'ArrowLeft':
      return addDays(date, -1);
    case 'ArrowRight':
      return addDays(date, 1);
    case 'ArrowUp':
      return addDays(date, -7);
    case 'ArrowDown':
      return addDays(date, 7);
    case 'Home':
      return addDays(date, -((isoWeekday(date) - firstDay + 7) % 7));
    case 'End':
      return addDays(date, 6 - ((isoWeekday(date) - firstDay + 7) % 7));
    case 'PageUp':
      return addMonths(date, shiftKey ? -12 : -1);
    case 'PageDown':
      return addMonths(date, shiftKey ? 12 : 1);
    default:
      return undefined;
  }
}

/** The month's days (`YYYY-MM-DD`), for a month given by any of its dates. */
export function datesOfMonth(date: string): string[] {
  const first = startOfMonth(date);
  return Array.from({ length: daysInMonth(first) }, (_, i) => addDays(first, i));
}
