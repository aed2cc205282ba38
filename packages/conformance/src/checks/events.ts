import type { Check } from '../context.ts';
import { describeResponse, expect, expectStatus } from '../failure.ts';

export const listEvents: Check = {
  id: 'events.list',
  title: 'The public events are listed without credentials',
  feature: 'events',
  specSection: 'listEvents',
  async run(context) {
    const answer = await context.http.request('GET', `/spaces/${encodeURIComponent(context.spaceId)}/events`);
    expectStatus(answer, 200, 'listEvents without credentials must answer the public events');
    const items: any[] = answer.json?.items ?? [];
    expect(items.every((event) => event.visibility !== 'members'), 'an anonymous caller must see only public events', 'no event with visibility "members"', describeResponse(answer), [answer]);
  },
};
