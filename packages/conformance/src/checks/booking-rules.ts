import type { Check } from '../context.ts';
import { describeResponse, expect, expectProblem, expectStatus } from '../failure.ts';

export const endBeforeStart: Check = {
  id: 'bookings.end-before-start',
  title: 'A booking that ends before it starts is a broken rule: 422 rule-violation, code end_before_start, nothing created',
  feature: 'core',
  specSection: 'createBooking',
  needsStaffKey: true,
  async run(context) {
    const slot = await context.fixtures.slot();
    const answer = await context.fixtures.book({ start: slot.end, end: slot.start });
    expectProblem(answer, 422, 'urn:coworking-commons:problem:rule-violation', 'createBooking with end before start');
    expect(answer.json?.code === 'end_before_start', 'the rule violation must name its rule', 'code end_before_start', describeResponse(answer), [answer]);
  },
};

export const cancelTwice: Check = {
  id: 'bookings.cancel-twice',
  title: 'Cancelling a cancelled booking is answered 409 conflict',
  feature: 'core',
  specSection: 'cancelBooking',
  needsStaffKey: true,
  async run(context) {
    const created = await context.fixtures.book(await context.fixtures.slot());
    expectStatus(created, 201, 'createBooking of a free slot');
    const path = `/spaces/${encodeURIComponent(context.spaceId)}/bookings/${encodeURIComponent(created.json.id)}`;
    const first = await context.http.request('POST', `${path}/cancel`, { staff: true, headers: { 'if-match': created.responseHeaders.etag ?? `"${created.json.version}"` }, body: {} });
    expectStatus(first, 200, 'cancelBooking with the current ETag');
    expect(first.json?.status === 'cancelled', 'the answer must be the cancelled booking', 'status cancelled', describeResponse(first), [first]);
    const second = await context.http.request('POST', `${path}/cancel`, { staff: true, headers: { 'if-match': first.responseHeaders.etag ?? `"${first.json.version}"` }, body: {} });
    expectProblem(second, 409, 'urn:coworking-commons:problem:conflict', 'cancelBooking of a cancelled booking, with its current ETag');
  },
};
