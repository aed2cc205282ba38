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

export const getEvents: Check = {
  id: 'events.get',
  title: 'Each listed public event reads back with getEvent, the same as in the list',
  feature: 'events',
  specSection: 'getEvent',
  async run(context) {
    const list = await context.http.request('GET', `/spaces/${encodeURIComponent(context.spaceId)}/events`, { query: { limit: 5 } });
    expectStatus(list, 200, 'listEvents?limit=5');
    for (const event of list.json?.items ?? []) {
      const answer = await context.http.request('GET', `/spaces/${encodeURIComponent(context.spaceId)}/events/${encodeURIComponent(event.id)}`);
      expectStatus(answer, 200, 'getEvent of a listed event');
      expect(answer.json?.id === event.id && answer.json?.start === event.start && answer.json?.title === event.title, 'getEvent must answer the listed event', JSON.stringify({ id: event.id, start: event.start, title: event.title }), describeResponse(answer), [list, answer]);
    }
  },
};
