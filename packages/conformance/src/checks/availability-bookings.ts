import type { Check } from '../context.ts';
import { describeResponse, expect, expectStatus } from '../failure.ts';

export const availabilityAfterBooking: Check = {
  id: 'availability.after-booking',
  title: 'A booked single-unit slot is no longer offered by getAvailability',
  feature: 'core',
  specSection: 'getAvailability',
  needsStaffKey: true,
  async run(context) {
    const resource = await context.fixtures.resource();
    const slot = await context.fixtures.slot();
    const path = `/spaces/${encodeURIComponent(context.spaceId)}/availability`;
    const query = { from: slot.start, to: slot.end, resourceId: resource.id };
    const before = await context.http.request('GET', path, { query });
    expectStatus(before, 200, 'getAvailability of the free slot');
    const covers = (answer: typeof before) => (answer.json?.resources?.[0]?.slots ?? []).some((free: any) => Date.parse(free.start) < Date.parse(slot.end) && Date.parse(free.end) > Date.parse(slot.start));
    expect(covers(before), 'the slot must be offered before it is booked', `a slot within ${slot.start}–${slot.end}`, describeResponse(before), [before]);
    const booked = await context.fixtures.book(slot);
    expectStatus(booked, 201, 'createBooking of the free slot');
    const after = await context.http.request('GET', path, { query });
    expectStatus(after, 200, 'getAvailability of the booked slot');
    expect(!covers(after), 'a booked slot of a resource of quantity 1 must not be offered any more', `no slot within ${slot.start}–${slot.end}`, describeResponse(after), [booked, after]);
  },
};
