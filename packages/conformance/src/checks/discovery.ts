import type { Check } from '../context.ts';
import { describeResponse, expect, expectStatus } from '../failure.ts';

export const discoveryDocument: Check = {
  id: 'discovery.document',
  title: 'The discovery document is served at /.well-known/coworking-commons and lists the space',
  feature: 'core',
  specSection: 'getDiscovery',
  async run(context) {
    const answer = await context.http.request('GET', `${new URL(context.http.url('/')).origin}/.well-known/coworking-commons`);
    expectStatus(answer, 200, 'getDiscovery must answer the discovery document');
    context.discovery = answer.json;
    const spaces: any[] = answer.json?.spaces ?? [];
    expect(spaces.some((space) => space?.id === context.spaceId), `the discovery document must list the space ${context.spaceId}`, `spaces[] with id ${context.spaceId}`, describeResponse(answer), [answer]);
  },
};
