import type { Check } from '../context.ts';
import { describeResponse, expect, expectStatus } from '../failure.ts';
import { fixturePrefix } from '../fixtures.ts';

const bookingPath = (spaceId: string, id: string) => `/spaces/${encodeURIComponent(spaceId)}/bookings/${encodeURIComponent(id)}`;

export const bookingLocation: Check = {
  id: 'bookings.location',
  title: "createBooking's 201 carries Location, the URL of the created booking",
  feature: 'core',
  specSection: '/components/headers/Location',
  needsStaffKey: true,
  async run(context) {
    const created = await context.fixtures.book(await context.fixtures.slot());
    expectStatus(created, 201, 'createBooking of a free slot');
    const location = created.responseHeaders.location;
    expect(location, "createBooking's 201 must carry the Location of the booking", 'a Location header', `headers: ${Object.keys(created.responseHeaders).join(', ')}`, [created]);
    // The server's public URL may differ from the one the suite reaches it by: compare the paths.
    const path = new URL(location, context.http.url('/')).pathname;
    const expected = bookingPath(context.spaceId, created.json?.id);
    expect(path.endsWith(expected), 'Location must name the created booking', `a URL ending in ${expected}`, location, [created]);
  },
};

export const etagChanges: Check = {
  id: 'etag.changes',
  title: 'A change answers a new ETag, getBooking answers it too, and it is accepted for the next change',
  feature: 'core',
  specSection: '/components/parameters/IfMatch',
  needsStaffKey: true,
  async run(context) {
    const created = await context.fixtures.book(await context.fixtures.slot());
    expectStatus(created, 201, 'createBooking of a free slot');
    const path = bookingPath(context.spaceId, created.json.id);
    const before = created.responseHeaders.etag;
    expect(before, "createBooking's 201 must carry the ETag", 'an ETag header', 'none', [created]);
    const changed = await context.http.request('PATCH', path, { staff: true, headers: { 'if-match': before }, body: { title: `${fixturePrefix}changed once` } });
    expectStatus(changed, 200, 'rescheduleBooking (a new title) with the current ETag in If-Match');
    const after = changed.responseHeaders.etag;
    expect(after && after !== before, 'a change must answer a new ETag', `an ETag other than ${before}`, String(after ?? '(none)'), [created, changed]);
    const read = await context.http.request('GET', path, { staff: true });
    expectStatus(read, 200, 'getBooking as staff');
    expect(read.responseHeaders.etag === after, 'getBooking must answer the ETag of the last change', String(after), String(read.responseHeaders.etag ?? '(none)'), [changed, read]);
    const again = await context.http.request('PATCH', path, { staff: true, headers: { 'if-match': after }, body: { title: `${fixturePrefix}changed twice` } });
    expectStatus(again, 200, 'rescheduleBooking with the ETag the last change answered');
  },
};
