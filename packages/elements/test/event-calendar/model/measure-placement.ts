// How long the model takes to place 1,000 events in a month and 200 in a week (not a test: run
// `node --conditions=source packages/elements/test/event-calendar/model/measure-placement.ts`).
// Medians of 200 runs after 50 warm-up runs, and the very first run (generating the data has
// filled the zone cache, but the model's code runs for the first time, unoptimised).
import { filterItems } from '../../../src/event-calendar/model/filter.ts';
import { toCalendarItems } from '../../../src/event-calendar/model/items.ts';
import { layoutList } from '../../../src/event-calendar/model/list.ts';
import { layoutMonth, monthGrid } from '../../../src/event-calendar/model/month.ts';
import { fetchWindow } from '../../../src/event-calendar/model/navigation.ts';
import { layoutWeek } from '../../../src/event-calendar/model/week.ts';
import { dayFromIso, instantOf } from '../../../src/event-calendar/model/zoned-date.ts';
import { event, PARIS, type Event } from './support.ts';

let seed = 42;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = (n: number) => Math.floor(random() * n);

/** `count` events over `days` days from `first`: timed (1–3 h, some past midnight), all-day, multi-day. */
function events(count: number, first: string, days: number): Event[] {
  const start = dayFromIso(first);
  const out: Event[] = [];
  for (let i = 0; i < count; i++) {
    const d = start + pick(days);
    const kind = random();
    const tags = [['talk', 'atelier', 'lunch', 'a11y'][pick(4)]!];
    if (kind < 0.15) {
      const s = instantOf(d, 0, PARIS);
      const e = instantOf(d + 1 + pick(3), 0, PARIS);
      out.push(event({ start: new Date(s).toISOString(), end: new Date(e).toISOString(), allDay: true, tags }));
    } else {
      const from = 7 * 60 + pick(15 * 4) * 15;
      const length = kind < 0.25 ? 24 * 60 + pick(48) * 60 : 30 + pick(10) * 15;
      const s = instantOf(d, from, PARIS);
      out.push(event({ start: new Date(s).toISOString(), end: new Date(s + length * 60_000).toISOString(), tags, status: pick(20) === 0 ? 'cancelled' : 'scheduled' }));
    }
  }
  // As the API lists them: ordered by start.
  return out.sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
}

function median(fn: () => unknown, runs = 200, warmup = 50): number {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(runs / 2)]!;
}

const month = events(1000, '2026-02-23', 42);
const week = events(200, '2026-03-23', 7); // the week of the spring change
const grid = monthGrid(2026, 3, 1);
const options = { timeZone: PARIS, firstWeekday: 1 as const };

let t0 = performance.now();
const coldItems = toCalendarItems(month, PARIS);
const coldRead = performance.now() - t0;
t0 = performance.now();
const coldLayout = layoutMonth(grid, coldItems, { maxLanes: 3 });
const coldPlace = performance.now() - t0;

const rows: [string, number][] = [
  ['month, 1,000 events: read (parse + zone)', median(() => toCalendarItems(month, PARIS))],
  ['month, 1,000 events: lay out (lanes, +N more)', median(() => layoutMonth(grid, coldItems, { maxLanes: 3 }))],
  ['month, 1,000 events: read + filter + lay out', median(() => layoutMonth(grid, filterItems(toCalendarItems(month, PARIS), { tags: ['talk', 'a11y'] }), { maxLanes: 3 }))],
  ['week, 200 events: read + lay out (columns, all-day row)', median(() => layoutWeek(dayFromIso('2026-03-26'), toCalendarItems(week, PARIS), options))],
  ['list, 1,000 events over the month: lay out', median(() => layoutList(coldItems, grid.monthStart, grid.monthEnd))],
  ['fetch window of the month view', median(() => fetchWindow('month', dayFromIso('2026-03-18'), options))],
];
console.log(`first run (code not yet optimised, zone cache filled): read 1,000 events ${coldRead.toFixed(2)} ms, lay out the month ${coldPlace.toFixed(2)} ms`);
for (const [name, ms] of rows) console.log(`${name}: ${ms.toFixed(3)} ms (median)`);
const hidden = coldLayout.weeks.reduce((n, w) => n + w.segments.filter((s) => s.hidden).length, 0);
console.log(`(${coldLayout.weeks.reduce((n, w) => n + w.segments.length, 0)} segments, ${hidden} hidden, busiest row ${Math.max(...coldLayout.weeks.map((w) => w.lanes))} lanes)`);
