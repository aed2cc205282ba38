/**
 * The data of the calendar benchmark (`npm run bench:calendar`): events in the spec's shape,
 * generated from a fixed seed, the same for both calendars.
 *
 * Exports:
 * - `BENCH_ZONE` (Europe/Paris), `MONTH_DATE` / `WEEK_DATE` (the dates the views show).
 * - `monthEvents(count)`: `count` events over the 42 days of the March 2026 month grid (weeks from
 *   Monday): 15 % all-day events of 1–3 days, 10 % timed events of 24–72 h, the others 30 min to
 *   2 h 45 from 07:00 to 21:45; one in twenty cancelled; four tags.
 * - `weekEvents(count)`: `count` events in the week of Monday 9 March 2026: 10 % all-day, the others
 *   timed as above (many overlap).
 * Both lists are ordered by start, as the API lists them.
 */
import type { components } from '@coworking-commons/client';
import { dayFromIso, instantOf, MINUTE } from '../src/event-calendar/model/zoned-date.ts';

type Event = components['schemas']['Event'];

export const BENCH_ZONE = 'Europe/Paris';
export const MONTH_DATE = '2026-03-15';
export const WEEK_DATE = '2026-03-11';

function generator(seed: number) {
  let state = seed;
  const random = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const pick = (n: number) => Math.floor(random() * n);
  return { random, pick };
}

const tags = ['talk', 'atelier', 'lunch', 'community'];
const words = ['Atelier', 'Déjeuner', 'Conférence', 'Permanence', 'Apéro', 'Rencontre', 'Formation', 'Meetup'];
const topics = ['accessibilité', 'comptabilité', 'design', 'Python', 'juridique', 'vélo', 'photo', 'écriture'];

function make(count: number, firstDay: string, days: number, seed: number, shares: { allDay: number; long: number }): Event[] {
  const { random, pick } = generator(seed);
  const start = dayFromIso(firstDay);
  const out: Event[] = [];
  for (let i = 0; i < count; i++) {
    const day = start + pick(days);
    const kind = random();
    const base = {
      id: `ev_${String(i).padStart(5, '0')}`,
      spaceId: 'bench',
      title: `${words[pick(words.length)]} ${topics[pick(topics.length)]}`,
      tags: [tags[pick(tags.length)]!],
      waitlistEnabled: false,
      visibility: 'public' as const,
      status: pick(20) === 0 ? ('cancelled' as const) : ('scheduled' as const),
      registration: { required: false, audience: ['guest' as const, 'member' as const] },
      createdAt: '2026-01-01T00:00:00Z',
      updatedAt: '2026-01-01T00:00:00Z',
    };
    if (kind < shares.allDay) {
      const s = instantOf(day, 0, BENCH_ZONE);
      const e = instantOf(day + 1 + pick(3), 0, BENCH_ZONE);
      out.push({ ...base, start: new Date(s).toISOString(), end: new Date(e).toISOString(), allDay: true });
    } else {
      const from = 7 * 60 + pick(15 * 4) * 15;
      const length = kind < shares.allDay + shares.long ? 24 * 60 + pick(48) * 60 : 30 + pick(10) * 15;
      const s = instantOf(day, from, BENCH_ZONE);
      out.push({ ...base, start: new Date(s).toISOString(), end: new Date(s + length * MINUTE).toISOString(), allDay: false });
    }
  }
  return out.sort((a, b) => Date.parse(a.start) - Date.parse(b.start) || (a.id < b.id ? -1 : 1));
}

export function monthEvents(count = 1000): Event[] {
  return make(count, '2026-02-23', 42, 42, { allDay: 0.15, long: 0.1 });
}

export function weekEvents(count = 200): Event[] {
  return make(count, '2026-03-09', 7, 7, { allDay: 0.1, long: 0 });
}
