import type { Check } from '../context.ts';
import { describeResponse, expect, expectStatus } from '../failure.ts';
import { publicResource } from './public-resource.ts';

const day = 86_400_000;

export const getAvailability: Check = {
  id: 'availability.get',
  title: 'Availability of a resource: its slots are inside the window, earliest first, never overlapping',
  feature: 'core',
  specSection: 'getAvailability',
  async run(context) {
    const base = `/spaces/${encodeURIComponent(context.spaceId)}`;
    const resource = await publicResource(context);
    const from = new Date(Math.ceil(Date.now() / day) * day + day);
    const to = new Date(from.getTime() + 7 * day);
    const answer = await context.http.request('GET', `${base}/availability`, { query: { from: from.toISOString(), to: to.toISOString(), resourceId: resource.id } });
    expectStatus(answer, 200, 'getAvailability for one resource');
    const entries: any[] = answer.json?.resources ?? [];
    expect(entries.length === 1 && entries[0].resourceId === resource.id, 'getAvailability with resourceId must answer that resource only', `resources: [{resourceId: ${resource.id}}]`, describeResponse(answer), [answer]);
    let previousEnd = from.getTime();
    for (const slot of entries[0].slots ?? []) {
      const start = Date.parse(slot.start);
      const end = Date.parse(slot.end);
      expect(start >= previousEnd && end > start && end <= to.getTime(), 'slots must lie in the window, earliest first, never overlapping, end after start', `a slot after ${new Date(previousEnd).toISOString()} ending by ${to.toISOString()}`, JSON.stringify(slot), [answer]);
      previousEnd = end;
    }
  },
};
