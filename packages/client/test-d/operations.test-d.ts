// Type-level tests, compiled by `npm run typecheck` and never run: every `@ts-expect-error`
// line must fail to compile, or the type check fails.
import { expectTypeOf } from 'expect-type';
import {
  cancelBooking,
  createBooking,
  createClient,
  deleteResource,
  getAvailability,
  getBookingIcal,
  getSpace,
  listBookings,
  paginate,
  type components,
  type CoworkResponse,
} from '../src/index.ts';
import { createRestClient } from '../src/rest.ts';

type Space = components['schemas']['Space'];
type Booking = components['schemas']['Booking'];

const client = createClient({ baseUrl: 'https://la-ruche.example/api' });

export async function friendlyMethods() {
  const space = await getSpace(client, { path: { spaceId: 'la-ruche' } });
  expectTypeOf(space).toEqualTypeOf<CoworkResponse<Space>>();
  expectTypeOf(space.data.timeZone).toBeString();

  // @ts-expect-error the path parameter is required
  await getSpace(client, { path: {} });
  // @ts-expect-error options are required when the operation has path parameters
  await getSpace(client);
  // @ts-expect-error unknown path parameter
  await getSpace(client, { path: { spaceId: 'la-ruche', nope: 1 } });
  // @ts-expect-error wrong parameter type
  await getSpace(client, { path: { spaceId: 42 } });

  await getAvailability(client, { path: { spaceId: 'la-ruche' }, query: { from: '2026-12-01T08:00:00Z', to: '2026-12-02T08:00:00Z', type: 'meeting_room' } });
  // @ts-expect-error `to` is a required query parameter
  await getAvailability(client, { path: { spaceId: 'la-ruche' }, query: { from: '2026-12-01T08:00:00Z' } });
  // @ts-expect-error not a resource type of the spec
  await getAvailability(client, { path: { spaceId: 'la-ruche' }, query: { from: 'a', to: 'b', type: 'sauna' } });
  // @ts-expect-error unknown query parameter
  await listBookings(client, { path: { spaceId: 'la-ruche' }, query: { sort: 'start' } });

  const body = { resourceId: 'rs_1', start: '2026-12-01T09:00:00Z', end: '2026-12-01T10:00:00Z' };
  const booking = await createBooking(client, { path: { spaceId: 'la-ruche' }, body });
  expectTypeOf(booking.data).toEqualTypeOf<Booking>();
  expectTypeOf(booking.etag).toEqualTypeOf<string | undefined>();
  // The Idempotency-Key may be given, and must then be a string.
  await createBooking(client, { path: { spaceId: 'la-ruche' }, header: { 'Idempotency-Key': 'my-own-key-123' }, body });
  // @ts-expect-error the body is required
  await createBooking(client, { path: { spaceId: 'la-ruche' } });
  // @ts-expect-error a required body field is missing
  await createBooking(client, { path: { spaceId: 'la-ruche' }, body: { resourceId: 'rs_1', start: 'x' } });
  // @ts-expect-error an unknown body field (not an x- extension)
  await createBooking(client, { path: { spaceId: 'la-ruche' }, body: { ...body, colour: 'red' } });
  // Extensions named x-<namespace>-<name> are allowed.
  await createBooking(client, { path: { spaceId: 'la-ruche' }, body: { ...body, 'x-ruche-parking': true } });
  // @ts-expect-error wrong field type
  await createBooking(client, { path: { spaceId: 'la-ruche' }, body: { ...body, quantity: 'two' } });

  const removed = await deleteResource(client, { path: { spaceId: 'la-ruche', resourceId: 'rs_1' } });
  expectTypeOf(removed.data).toEqualTypeOf<undefined>();

  const ics = await getBookingIcal(client, { path: { spaceId: 'la-ruche', bookingId: 'bk_1' } });
  expectTypeOf(ics.data).toEqualTypeOf<string>();
}

export async function requestByRoute() {
  const { data } = await client.request('GET /spaces/{spaceId}', { path: { spaceId: 'la-ruche' } });
  expectTypeOf(data).toEqualTypeOf<Space>();
  const spaces = await client.request('GET /spaces');
  expectTypeOf(spaces.data.items).toEqualTypeOf<Space[]>();

  // @ts-expect-error no such route
  await client.request('GET /spaces/{spaceId}/lockers', { path: { spaceId: 'la-ruche' } });
  // @ts-expect-error no such method on this path
  await client.request('PUT /spaces/{spaceId}', { path: { spaceId: 'la-ruche' } });
  // @ts-expect-error wrong path parameter name
  await client.request('GET /spaces/{spaceId}', { path: { space: 'la-ruche' } });
  // @ts-expect-error the generic call needs the Idempotency-Key the spec requires
  await client.request('POST /spaces/{spaceId}/bookings', { path: { spaceId: 'la-ruche' }, body: { resourceId: 'r', start: 'a', end: 'b' } });
}

export async function paginationAndRest() {
  for await (const booking of paginate(listBookings, client, { path: { spaceId: 'la-ruche' }, query: { limit: 50 } })) {
    expectTypeOf(booking).toEqualTypeOf<Booking>();
  }
  const rest = createRestClient(client);
  const { data } = await rest.getSpace({ path: { spaceId: 'la-ruche' } });
  expectTypeOf(data).toEqualTypeOf<Space>();
  // @ts-expect-error unknown operation
  rest.getLockers;
}

export async function guests() {
  await cancelBooking(client, { path: { spaceId: 'la-ruche', bookingId: 'bk_1' }, guestToken: 'ccg_secret', header: { 'If-Match': '"1"' } });
  // @ts-expect-error an operation that guests may not call takes no guest token
  await getSpace(client, { path: { spaceId: 'la-ruche' }, guestToken: 'ccg_secret' });
}
