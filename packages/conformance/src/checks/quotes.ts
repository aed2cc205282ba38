import type { Check } from '../context.ts';
import { describeResponse, expect, expectStatus } from '../failure.ts';

export const quoteMatchesBooking: Check = {
  id: 'quotes.price-matches-booking',
  title: "A guest's quote carries the price the same guest's booking is then given",
  feature: 'quotes',
  alsoNeeds: ['guest-bookings'],
  specSection: 'createQuote',
  needsStaffKey: true,
  async run(context) {
    const resource = await context.fixtures.resource();
    const slot = await context.fixtures.slot();
    const quote = await context.http.request('POST', `/spaces/${encodeURIComponent(context.spaceId)}/quotes`, { body: { resourceId: resource.id, start: slot.start, end: slot.end } });
    expectStatus(quote, 200, 'createQuote without credentials (a guest) for a free slot');
    expect(quote.json?.audience === 'guest' && quote.json?.total?.amount === 1200, 'a guest quote of one hour must apply the guest offer (1200 per hour)', 'audience guest, total.amount 1200', describeResponse(quote), [quote]);
    const booked = await context.fixtures.book(slot, { staff: false, guestEmail: `conformance+quote-${context.fixtures.runId}@example.org` });
    expectStatus(booked, 201, 'createBooking by a guest of the quoted slot');
    expect(JSON.stringify(booked.json?.price) === JSON.stringify(quote.json.total), 'the booking must carry the quoted price', JSON.stringify(quote.json.total), JSON.stringify(booked.json?.price), [quote, booked]);
  },
};
