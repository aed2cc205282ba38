// Fixtures of the bookings tests: resources written straight into the database (so these tests
// do not depend on the resources operations), counts of rows, and small helpers.
import assert from 'node:assert/strict';
import type { components } from '@coworking-commons/client';
import { newId } from '../../src/domain/ids.ts';
import { saveResource } from '../../src/services/resources.ts';
import type { TestServer } from './test-server.ts';

export type Resource = components['schemas']['Resource'];
export type Booking = components['schemas']['Booking'];

/** A meeting room (quantity 1, 8 people) bookable by guests and members, 30-minute grid, hourly offers. */
export function resourceFixture(overrides: Partial<Omit<Resource, 'rules'>> & { rules?: Partial<Resource['rules']> } = {}): Resource {
  const { rules, ...rest } = overrides;
  return {
    id: newId('rs'),
    type: 'meeting_room',
    name: 'Salle Lovelace',
    capacity: 8,
    quantity: 1,
    amenities: [],
    images: [],
    bookableBy: ['guest', 'member'],
    rules: {
      minDuration: 'PT30M',
      maxDuration: 'P1D',
      granularity: 'PT30M',
      leadTime: 'PT0S',
      horizon: 'P90D',
      bufferBefore: 'PT0S',
      bufferAfter: 'PT0S',
      approvalRequired: false,
      ...rules,
    },
    offers: [
      { id: newId('of'), unit: 'hour', price: { amount: 2500, currency: 'EUR' }, audience: 'member' },
      { id: newId('of'), unit: 'hour', price: { amount: 4000, currency: 'EUR' }, audience: 'guest' },
    ],
    status: 'active',
    ...rest,
  } as Resource;
}

/** Stores a resource of the space. */
export async function addResource(server: TestServer, spaceId: string, overrides: Parameters<typeof resourceFixture>[0] = {}): Promise<Resource> {
  const resource = resourceFixture(overrides);
  await saveResource(server.store.db, spaceId, resource, server.clock.now.getTime());
  return resource;
}

/** How many bookings and booking units the resource has in the database (all statuses). */
export async function countRows(server: TestServer, resourceId: string): Promise<{ bookings: number; units: number }> {
  const bookings = await server.store.db.selectFrom('bookings').select((eb) => eb.fn.countAll<number>().as('n')).where('resource_id', '=', resourceId).executeTakeFirstOrThrow();
  const units = await server.store.db.selectFrom('booking_units').select((eb) => eb.fn.countAll<number>().as('n')).where('resource_id', '=', resourceId).executeTakeFirstOrThrow();
  return { bookings: Number(bookings.n), units: Number(units.n) };
}

/** The units rows of the resource, sorted. */
export async function unitRows(server: TestServer, resourceId: string) {
  const rows = await server.store.db.selectFrom('booking_units').selectAll().where('resource_id', '=', resourceId).orderBy('block_start').orderBy('unit').execute();
  return rows.map((r) => ({ bookingId: r.booking_id, unit: Number(r.unit), from: Number(r.block_start), to: Number(r.block_end) }));
}

/** Asserts that no two units rows of the resource share a unit and overlap in time. */
export async function assertNoOverlap(server: TestServer, resourceId: string): Promise<void> {
  const rows = await unitRows(server, resourceId);
  for (let i = 0; i < rows.length; i++) {
    for (let j = i + 1; j < rows.length; j++) {
      const a = rows[i]!;
      const b = rows[j]!;
      if (a.unit === b.unit) assert.ok(a.to <= b.from || b.to <= a.from, `units overlap: ${JSON.stringify([a, b])}`);
    }
  }
}

/** The rejection of a promise that must fail (an ApiError). */
export const fail = (promise: Promise<unknown>): Promise<any> => promise.then(() => assert.fail('expected an error'), (e: unknown) => e);

/** Asserts a problem: status, type slug and, for rule violations, the code. */
export function assertProblem(error: any, status: number, slug: string, code?: string): void {
  assert.equal(error?.status, status, `expected ${status} ${slug}, got ${error?.status} ${error?.type} ${JSON.stringify(error?.problem ?? error?.message)}`);
  assert.equal(error.type, `urn:coworking-commons:problem:${slug}`);
  if (code !== undefined) assert.equal(error.problem?.code, code, `expected code ${code}, got ${JSON.stringify(error.problem)}`);
}
