// The one space this server serves: a small coworking space in Paris.
import { iso } from './time.ts';
import type { Resource, Space } from './store.ts';

export const minimalSpaceId = 'minimal-space';

const weekday = (day: string) => ({ day, opens: '08:00', closes: '20:00' });

export function seedSpace(allowedOrigins: string[]): { space: Space; resources: Resource[] } {
  const space: Space = {
    id: minimalSpaceId,
    name: 'Minimal Space',
    description: 'A small coworking space, served by the minimal example server of Coworking Commons.',
    timeZone: 'Europe/Paris',
    currency: 'EUR',
    languages: ['en', 'fr'],
    openingHours: [...['monday', 'tuesday', 'wednesday', 'thursday', 'friday'].map(weekday), { day: 'saturday', opens: '10:00', closes: '18:00' }],
    closures: [{ from: '2026-12-25', to: '2026-12-26', reason: 'Christmas' }],
    amenities: ['wifi', 'coffee'],
    policies: {
      guestBookingAllowed: true,
      cancellationNotice: 'PT24H',
      directoryVisibility: 'staff',
      halfDays: { morning: { start: '08:00', end: '13:00' }, afternoon: { start: '13:00', end: '20:00' } },
    },
    allowedOrigins,
    updatedAt: iso(Date.UTC(2026, 11, 1)),
    version: 1,
  };
  const rules = { minDuration: 'PT30M', maxDuration: 'PT8H', granularity: 'PT30M', leadTime: 'PT0S', horizon: 'P60D', bufferBefore: 'PT0S', bufferAfter: 'PT0S', approvalRequired: false };
  const resources: Resource[] = [
    {
      id: 'rs_desks',
      type: 'hot_desk',
      name: 'Open space desks',
      capacity: 1,
      quantity: 8,
      amenities: ['standing_desk'],
      images: [],
      bookableBy: ['guest', 'member'],
      rules: { ...rules, granularity: 'PT1H', minDuration: 'PT1H', maxDuration: 'P1D' },
      offers: [
        { id: 'of_desk_hour', unit: 'hour', price: { amount: 400, currency: 'EUR' }, audience: 'guest', label: 'Hourly' },
        { id: 'of_desk_half', unit: 'half_day', price: { amount: 1200, currency: 'EUR' }, audience: 'guest', label: 'Half-day' },
        { id: 'of_desk_day', unit: 'day', price: { amount: 2000, currency: 'EUR' }, audience: 'guest', label: 'Day pass' },
      ],
      status: 'active',
      version: 1,
    },
    {
      id: 'rs_room',
      type: 'meeting_room',
      name: 'Meeting room',
      description: 'Six seats, a screen and a whiteboard.',
      capacity: 6,
      quantity: 1,
      amenities: ['screen', 'whiteboard'],
      images: [],
      bookableBy: ['guest', 'member'],
      rules: { ...rules, bufferAfter: 'PT15M' },
      offers: [
        { id: 'of_room_guest', unit: 'hour', price: { amount: 2500, currency: 'EUR' }, audience: 'guest' },
        { id: 'of_room_member', unit: 'hour', price: { amount: 1500, currency: 'EUR' }, audience: 'member', label: 'Member rate' },
      ],
      status: 'active',
      version: 1,
    },
  ];
  return { space, resources };
}
