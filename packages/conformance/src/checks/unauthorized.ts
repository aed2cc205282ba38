import type { Check } from '../context.ts';
import { expectProblem } from '../failure.ts';

export const unauthorized: Check = {
  id: 'problems.unauthorized',
  title: 'Listing the bookings without credentials is answered 401 with an unauthorized problem document',
  feature: 'core',
  specSection: 'listBookings',
  async run(context) {
    const answer = await context.http.request('GET', `/spaces/${encodeURIComponent(context.spaceId)}/bookings`);
    expectProblem(answer, 401, 'urn:coworking-commons:problem:unauthorized', 'listBookings without credentials');
  },
};
