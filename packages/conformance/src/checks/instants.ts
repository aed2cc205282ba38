import type { Check } from '../context.ts';
import { expect, expectStatus } from '../failure.ts';
import { publicResource } from './public-resource.ts';

const day = 86_400_000;

/** `2026-12-09T10:00:00+05:30` for an instant, in a zone east of UTC. */
function withOffset(instant: number, minutes: number): string {
  const local = new Date(instant + minutes * 60_000).toISOString().slice(0, 19);
  const sign = minutes >= 0 ? '+' : '-';
  const abs = Math.abs(minutes);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

export const instantsInUtc: Check = {
  id: 'instants.utc',
  title: 'Instants are accepted with any offset and answered in UTC (Z): getAvailability with +05:30 and -03:00',
  feature: 'core',
  specSection: '/info/description',
  async run(context) {
    const base = `/spaces/${encodeURIComponent(context.spaceId)}`;
    const resource = await publicResource(context);
    const from = Math.ceil(Date.now() / day) * day + day;
    const to = from + 2 * day;
    const answer = await context.http.request('GET', `${base}/availability`, { query: { from: withOffset(from, 330), to: withOffset(to, -180), resourceId: resource.id } });
    expectStatus(answer, 200, 'getAvailability with offsets other than Z');
    const same = (answered: unknown, instant: number) => typeof answered === 'string' && answered.endsWith('Z') && Date.parse(answered) === instant;
    expect(same(answer.json?.from, from), 'from must be answered as the same instant, in UTC', new Date(from).toISOString(), String(answer.json?.from), [answer]);
    expect(same(answer.json?.to, to), 'to must be answered as the same instant, in UTC', new Date(to).toISOString(), String(answer.json?.to), [answer]);
    const slots: any[] = answer.json?.resources?.flatMap((entry: any) => entry.slots ?? []) ?? [];
    const notUtc = slots.flatMap((slot) => [slot.start, slot.end]).filter((instant) => !/Z$/.test(String(instant)));
    expect(notUtc.length === 0, 'every instant of the answer must be in UTC (Z)', 'instants ending in Z', notUtc.slice(0, 5).join(', '), [answer]);
  },
};
