import type { Store } from '../src/db/database.ts';
import { issueApiKey } from '../src/services/api-keys.ts';
import { saveResource, type Resource } from '../src/services/resources.ts';
import { saveSpace, type Space } from '../src/services/spaces.ts';

export const benchSpaceId = 'bench';
/** The week whose availability is measured, and the first day of the 100 that bookings are created in (after every existing booking). */
export const measuredWeek = { from: '2027-01-04T00:00:00Z', to: '2027-01-11T00:00:00Z' };
export const bookingDays = { from: '2027-03-01T00:00:00Z', count: 100 };

const days = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
const hour = 3600_000;

/**
 * The benchmark's space: 50 rooms open every day 07:00–22:00 (Paris), 10,000 existing bookings
 * of one hour spread over ten weeks around the measured one, and a staff key.
 */
export async function seedBenchSpace(store: Store, now: Date): Promise<{ staffKey: string; resourceIds: string[] }> {
  const deps = { store, now: () => now } as never;
  const space = {
    id: benchSpaceId,
    name: 'Bench',
    timeZone: 'Europe/Paris',
    currency: 'EUR',
    languages: ['en'],
    openingHours: days.map((day) => ({ day, opens: '07:00', closes: '22:00' })),
    closures: [],
    amenities: [],
    images: [],
    policies: { guestBookingAllowed: true, cancellationNotice: 'PT1H', directoryVisibility: 'public', halfDays: { morning: { start: '07:00', end: '13:00' }, afternoon: { start: '13:00', end: '22:00' } } },
    updatedAt: now.toISOString(),
  } as Space;
  await saveSpace(deps, space);
  const resourceIds: string[] = [];
  for (let i = 0; i < 50; i++) {
    const id = `rs_room_${String(i).padStart(2, '0')}`;
    resourceIds.push(id);
    const resource = {
      id,
      type: 'meeting_room',
      name: `Room ${i}`,
      capacity: 6,
      quantity: 1,
      amenities: [],
      images: [],
      bookableBy: ['guest', 'member'],
      rules: { minDuration: 'PT30M', maxDuration: 'PT8H', granularity: 'PT30M', leadTime: 'PT0M', horizon: 'P400D', bufferBefore: 'PT0M', bufferAfter: 'PT0M', approvalRequired: false },
      offers: [{ id: `of_${i}`, unit: 'hour', price: { amount: 2000, currency: 'EUR' }, audience: 'guest' }, { id: `of_m${i}`, unit: 'hour', price: { amount: 1500, currency: 'EUR' }, audience: 'member' }],
      status: 'active',
    } as unknown as Resource;
    await saveResource(store.db, benchSpaceId, resource, now.getTime());
  }
  // 10,000 one-hour bookings: 50 rooms × 10 weeks × 20 per week (2–3 a day, 08:00 UTC onwards).
  const firstWeek = Date.parse(measuredWeek.from) - 5 * 7 * 24 * hour;
  const rows = [];
  const units = [];
  let n = 0;
  for (let week = 0; week < 10; week++) {
    for (const [r, resourceId] of resourceIds.entries()) {
      for (let k = 0; k < 20; k++) {
        const day = k % 7;
        const slot = Math.floor(k / 7) * 3 + (r % 3);
        const start = firstWeek + week * 7 * 24 * hour + day * 24 * hour + (8 + slot) * hour;
        const id = `bk_bench_${String(n++).padStart(6, '0')}`;
        rows.push({
          id, space_id: benchSpaceId, resource_id: resourceId, member_id: null, guest_name: 'Bench', guest_email: 'bench@example.org', guest_token_hash: null,
          start_at: start, end_at: start + hour, quantity: 1, attendees: 1, title: null, notes: null, price_amount: 2000, price_currency: 'EUR',
          status: 'confirmed', version: 1, extensions: '{}', created_at: now.getTime(), updated_at: now.getTime(), cancelled_at: null, cancelled_by: null, cancellation_reason: null,
        });
        units.push({ booking_id: id, resource_id: resourceId, unit: 1, block_start: start, block_end: start + hour });
      }
    }
  }
  await store.db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += 500) {
      await trx.insertInto('bookings').values(rows.slice(i, i + 500)).execute();
      await trx.insertInto('booking_units').values(units.slice(i, i + 500)).execute();
    }
  });
  const { secret } = await issueApiKey(deps, benchSpaceId, 'Benchmark');
  return { staffKey: secret, resourceIds };
}
