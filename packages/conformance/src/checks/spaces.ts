import type { Check } from '../context.ts';
import { describeResponse, expect, expectStatus } from '../failure.ts';

export const getSpace: Check = {
  id: 'spaces.get',
  title: 'The space is readable without credentials',
  feature: 'core',
  specSection: 'getSpace',
  async run(context) {
    const answer = await context.http.request('GET', `/spaces/${encodeURIComponent(context.spaceId)}`);
    expectStatus(answer, 200, 'getSpace without credentials must answer the space');
    expect(answer.json?.id === context.spaceId, 'getSpace must answer the space asked for', `id ${context.spaceId}`, describeResponse(answer), [answer]);
  },
};
