import type { Check } from '../context.ts';
import { describeResponse, expect, expectProblem } from '../failure.ts';

export const unknownSpace: Check = {
  id: 'problems.not-found',
  title: 'An unknown space is answered 404 with a not-found problem document',
  feature: 'core',
  specSection: '/components/responses/NotFound',
  async run(context) {
    const answer = await context.http.request('GET', '/spaces/conformance-no-such-space');
    expectProblem(answer, 404, 'urn:coworking-commons:problem:not-found', 'getSpace of an unknown space');
  },
};

export const malformedQuery: Check = {
  id: 'problems.validation',
  title: 'A malformed query is answered 400 with a validation-error problem naming the field',
  feature: 'core',
  specSection: '/components/responses/ValidationError',
  async run(context) {
    const answer = await context.http.request('GET', `/spaces/${encodeURIComponent(context.spaceId)}/resources`, { query: { limit: 0 } });
    expectProblem(answer, 400, 'urn:coworking-commons:problem:validation-error', 'listResources?limit=0 (below the minimum of 1)');
    const pointers: string[] = (answer.json?.errors ?? []).map((error: any) => error.pointer);
    expect(pointers.includes('/query/limit'), 'the problem must name the bad field by its pointer', 'errors[] with pointer /query/limit', describeResponse(answer), [answer]);
  },
};

export const unknownResource: Check = {
  id: 'problems.not-found-resource',
  title: 'An unknown resource of the space is answered 404 with a not-found problem document',
  feature: 'core',
  specSection: 'getResource',
  async run(context) {
    const answer = await context.http.request('GET', `/spaces/${encodeURIComponent(context.spaceId)}/resources/conformance-no-such-resource`);
    expectProblem(answer, 404, 'urn:coworking-commons:problem:not-found', 'getResource of an unknown resource');
  },
};
