import type { Check } from '../context.ts';
import { describeResponse, expect, expectProblem, expectStatus } from '../failure.ts';

export const approvalPending: Check = {
  id: 'approvals.pending',
  title: "A guest's booking of a resource requiring approval is pending until staff confirm it (a second confirm: 409); staff's own booking is confirmed",
  feature: 'approvals',
  alsoNeeds: ['guest-bookings'],
  specSection: 'confirmBooking',
  needsStaffKey: true,
  async run(context) {
    const resource = await context.fixtures.resource('approval');
    expect(resource.rules?.approvalRequired === true, 'createResource must keep rules.approvalRequired', 'rules.approvalRequired true', JSON.stringify(resource.rules));
    const guest = await context.fixtures.book(await context.fixtures.slot('approval'), { kind: 'approval', staff: false, guestEmail: `conformance+approval-${context.fixtures.runId}@example.org` });
    expectStatus(guest, 201, 'createBooking by a guest of a resource requiring approval');
    expect(guest.json?.status === 'pending', "a guest's booking of a resource requiring approval must wait for staff", 'status pending', describeResponse(guest), [guest]);
    const path = `${context.fixtures.base}/bookings/${encodeURIComponent(guest.json.id)}`;
    const read = await context.http.request('GET', path, { query: { guestToken: guest.json.guestToken } });
    expectStatus(read, 200, 'getBooking with the guest token');
    expect(read.json?.status === 'pending', 'the guest must read their booking as pending', 'status pending', describeResponse(read), [read]);

    const staff = await context.fixtures.book(await context.fixtures.slot('approval'), { kind: 'approval' });
    expectStatus(staff, 201, 'createBooking by staff of a resource requiring approval');
    expect(staff.json?.status === 'confirmed', "staff's booking needs no approval", 'status confirmed', describeResponse(staff), [staff]);

    const confirmed = await context.http.request('POST', `${path}/confirm`, { staff: true, headers: { 'if-match': read.responseHeaders.etag ?? `"${read.json.version}"` } });
    expectStatus(confirmed, 200, 'confirmBooking of the pending booking, with its ETag');
    expect(confirmed.json?.status === 'confirmed', 'a confirmed booking is answered confirmed', 'status confirmed', describeResponse(confirmed), [confirmed]);
    const again = await context.http.request('POST', `${path}/confirm`, { staff: true, headers: { 'if-match': confirmed.responseHeaders.etag ?? `"${confirmed.json.version}"` } });
    expectProblem(again, 409, 'urn:coworking-commons:problem:conflict', 'confirmBooking of a booking already confirmed, with its current ETag');
  },
};
