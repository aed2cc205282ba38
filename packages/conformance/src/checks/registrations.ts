import { randomUUID } from 'node:crypto';
import type { Check } from '../context.ts';
import { describeResponse, expect, expectProblem, expectStatus } from '../failure.ts';
import { fixturePrefix } from '../fixtures.ts';

const day = 86_400_000;

export const registrationCapacity: Check = {
  id: 'registrations.capacity',
  title: "An event's seats are its capacity: a guest registers (registered, read back with their token); once full, without a waitlist, the next is refused (422 event_full)",
  feature: 'registrations',
  alsoNeeds: ['events'],
  specSection: 'createRegistration',
  needsStaffKey: true,
  async run(context) {
    const base = context.fixtures.base;
    const start = new Date(Math.ceil((Date.now() + 3 * day) / 3_600_000) * 3_600_000);
    const event = await context.http.request('POST', `${base}/events`, {
      staff: true,
      body: {
        title: `${fixturePrefix}event-${context.fixtures.runId}`,
        summary: 'Created by the conformance suite; removed at the end of its run.',
        start: start.toISOString(),
        end: new Date(start.getTime() + 3_600_000).toISOString(),
        capacity: 1,
        waitlistEnabled: false,
        visibility: 'public',
        registration: { required: true, audience: ['guest', 'member'] },
      },
    });
    expectStatus(event, 201, 'createEvent (public, 1 seat, no waitlist) as staff');
    context.fixtures.trackEvent(event.json.id);
    const register = (who: string) =>
      context.http.request('POST', `${base}/events/${encodeURIComponent(event.json.id)}/registrations`, {
        headers: { 'idempotency-key': `${fixturePrefix}${randomUUID()}` },
        body: { guest: { name: 'Conformance Suite', email: `conformance+${who}-${context.fixtures.runId}@example.org` } },
      });
    const first = await register('seat');
    expectStatus(first, 201, 'createRegistration by a guest (no credentials) for the one seat');
    expect(first.json?.status === 'registered' && typeof first.json?.guestToken === 'string', 'the first guest gets the seat and a guest token', 'status registered with a guestToken', describeResponse(first), [first]);
    const read = await context.http.request('GET', `${base}/registrations/${encodeURIComponent(first.json.id)}`, { query: { guestToken: first.json.guestToken } });
    expectStatus(read, 200, 'getRegistration with the guest token');
    expect(read.json?.status === 'registered', 'the registration reads back registered', 'status registered', describeResponse(read), [read]);
    const second = await register('full');
    expectProblem(second, 422, 'urn:coworking-commons:problem:rule-violation', 'createRegistration by another guest once the one seat is taken, the waitlist closed');
    expect(second.json?.code === 'event_full', 'the refusal must name its rule', 'code event_full', describeResponse(second), [second]);
  },
};
