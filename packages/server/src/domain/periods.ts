// The periods of a membership, in calendar dates of the space's zone (`YYYY-MM-DD`): no clock
// time is involved, so daylight-saving changes cannot move a boundary. Each boundary is counted
// from the anchor, never from the previous one: anchored on 31 January, months start on 28 (or
// 29) February, then 31 March, not 28 March.

export type Period = 'day' | 'week' | 'month' | 'year';

interface Ymd {
  y: number;
  m: number;
  d: number;
}

function parse(date: string): Ymd {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return { y, m, d };
}

function format({ y, m, d }: Ymd): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

const dayNumber = (date: string) => {
  const { y, m, d } = parse(date);
  return Math.round(Date.UTC(y, m - 1, d) / 86_400_000);
};

/** `date` plus `days` days. */
export function addDays(date: string, days: number): string {
  const at = new Date((dayNumber(date) + days) * 86_400_000);
  return format({ y: at.getUTCFullYear(), m: at.getUTCMonth() + 1, d: at.getUTCDate() });
}

/** `date` plus `months` months: the same day of the month, clamped to the month's last day. */
export function addMonths(date: string, months: number): string {
  const { y, m, d } = parse(date);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return format({ y: year, m: month, d: Math.min(d, daysInMonth(year, month)) });
}

/** The first day of the `n`-th period after `anchor` (the 0th is the anchor itself). */
export function periodStart(anchor: string, period: Period, n: number): string {
  switch (period) {
    case 'day':
      return addDays(anchor, n);
    case 'week':
      return addDays(anchor, 7 * n);
    case 'month':
      return addMonths(anchor, n);
    case 'year':
      return addMonths(anchor, 12 * n);
  }
}

/**
 * The period `date` falls in (`start` included, `end` the next period's first day), for a date
 * on or after the anchor.
 */
export function periodContaining(anchor: string, period: Period, date: string): { start: string; end: string } {
  if (date < anchor) throw new RangeError(`${date} is before the anchor ${anchor}`);
  let n: number;
  if (period === 'day' || period === 'week') {
    n = Math.floor((dayNumber(date) - dayNumber(anchor)) / (period === 'day' ? 1 : 7));
  } else {
    const a = parse(anchor);
    const b = parse(date);
    const months = (b.y - a.y) * 12 + (b.m - a.m);
    n = period === 'month' ? months : Math.floor(months / 12);
    // The estimate is at most one too many (the anchor's day is later in the month than the date's).
    if (periodStart(anchor, period, n) > date) n -= 1;
  }
  return { start: periodStart(anchor, period, n), end: periodStart(anchor, period, n + 1) };
}
