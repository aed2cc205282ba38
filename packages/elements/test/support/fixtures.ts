/**
 * Fixture data in the spec's shapes, for unit tests against the fixture server
 * (fixture-server.ts): a space like the demo's "La Ruche" (Europe/Paris, EUR, fr + en, guests
 * allowed, 24 h cancellation notice), resources, members and bookings placed relative to now.
 *
 * Exports: `spaceId`, `api`, `space()`, `resources()`, `members`, `memberEmail`, `bookingsFor(now)`,
 * `discovery()`, `atParis(date, time)`, `parisDate(daysFromToday)`, and the spec types used.
 */
import type { components } from '@coworking-commons/client';
import { instantOf, localDate } from '../../src/localization/format.ts';

export type Space = components['schemas']['Space'];
export type Resource = components['schemas']['Resource'];
export type Booking = components['schemas']['Booking'];
export type Member = components['schemas']['Member'];
export type Discovery = components['schemas']['Discovery'];

export const spaceId = 'la-ruche';
export const api = 'https://api.fixture.test';
export const timeZone = 'Europe/Paris';

/** The Paris calendar date `days` after today. */
export function parisDate(days: number, now = new Date()): string {
  return localDate(new Date(now.getTime() + days * 86_400_000), timeZone);
}

/** The ISO instant of a Paris wall-clock date and time. */
export const atParis = (date: string, time: string) => instantOf(date, time, timeZone).toISOString();

export function space(): Space {
  return {
    id: spaceId,
    name: 'La Ruche',
    description: 'Espace de coworking coopératif sur l’Île de Nantes.',
    timeZone,
    openingHours: [
      { day: 'monday', opens: '08:00', closes: '19:00' },
      { day: 'tuesday', opens: '08:00', closes: '19:00' },
      { day: 'wednesday', opens: '08:00', closes: '19:00' },
      { day: 'thursday', opens: '08:00', closes: '19:00' },
      { day: 'friday', opens: '08:00', closes: '19:00' },
      { day: 'saturday', opens: '09:00', closes: '13:00' },
    ],
    closures: [],
    currency: 'EUR',
    languages: ['fr', 'en'],
    amenities: ['wifi', 'coffee'],
    images: [],
    policies: {
      guestBookingAllowed: true,
      cancellationNotice: 'PT24H',
      directoryVisibility: 'public',
      halfDays: { morning: { start: '08:00', end: '13:00' }, afternoon: { start: '13:00', end: '19:00' } },
    },
    translations: { en: { description: 'A cooperative coworking space on the Île de Nantes.' } },
    updatedAt: '2026-01-05T09:00:00Z',
  };
}

const rules = { minDuration: 'PT30M', maxDuration: 'PT8H', granularity: 'PT30M', leadTime: 'PT0S', horizon: 'P90D', bufferBefore: 'PT0S', bufferAfter: 'PT0S', approvalRequired: false };

export function resources(): Resource[] {
  return [
    {
      id: 'rs_atelier',
      type: 'meeting_room',
      name: 'Salle Atelier',
      description: 'Une salle lumineuse pour huit personnes, avec écran.',
      capacity: 8,
      quantity: 1,
      amenities: ['screen', 'whiteboard'],
      images: [],
      bookableBy: ['guest', 'member'],
      rules,
      offers: [
        { id: 'of_atelier_h_g', unit: 'hour', price: { amount: 3500, currency: 'EUR' }, audience: 'guest' },
        { id: 'of_atelier_h_m', unit: 'hour', price: { amount: 2500, currency: 'EUR' }, audience: 'member' },
      ],
      translations: { en: { name: 'Workshop room', description: 'A bright room for eight people, with a screen.' } },
      status: 'active',
    },
    {
      id: 'rs_cabine',
      type: 'phone_booth',
      name: 'Cabine téléphonique',
      capacity: 1,
      quantity: 2,
      amenities: [],
      images: [],
      bookableBy: ['member'],
      rules,
      offers: [{ id: 'of_cabine_m', unit: 'hour', price: { amount: 0, currency: 'EUR' }, audience: 'member' }],
      translations: { en: { name: 'Phone booth' } },
      status: 'active',
    },
  ];
}

export const memberEmail = 'camille.durand@example.org';

export const members: Member[] = [
  {
    id: 'mb_camille',
    displayName: 'Camille Durand',
    headline: 'Designer produit indépendante',
    skills: ['ux-design'],
    links: [],
    memberSince: '2024-03-01',
    email: memberEmail,
    status: 'active',
    directoryConsent: true,
    createdAt: '2024-03-01T09:00:00Z',
    updatedAt: '2024-03-01T09:00:00Z',
  } as Member,
  {
    id: 'mb_yanis',
    displayName: 'Yanis Benali',
    skills: [],
    links: [],
    memberSince: '2025-01-10',
    email: 'yanis.benali@example.org',
    status: 'active',
    directoryConsent: false,
    createdAt: '2025-01-10T09:00:00Z',
    updatedAt: '2025-01-10T09:00:00Z',
  } as Member,
];

/** Camille's bookings: one in three days (cancellable), one tomorrow morning (inside the 24 h notice), one cancelled, one past. */
export function bookingsFor(now = new Date()): Booking[] {
  const booker = { kind: 'member' as const, memberId: 'mb_camille', name: 'Camille Durand', email: memberEmail };
  const base = { spaceId, quantity: 1, attendees: 1, booker, createdAt: '2026-01-05T09:00:00Z', updatedAt: '2026-01-05T09:00:00Z', version: 1 };
  const in3 = parisDate(3, now);
  const soon = new Date(now.getTime() + 3 * 3_600_000);
  return [
    { ...base, id: 'bk_past', resourceId: 'rs_atelier', start: new Date(now.getTime() - 2 * 86_400_000).toISOString(), end: new Date(now.getTime() - 2 * 86_400_000 + 3_600_000).toISOString(), price: { amount: 2500, currency: 'EUR' }, status: 'confirmed' },
    { ...base, id: 'bk_soon', resourceId: 'rs_cabine', start: soon.toISOString(), end: new Date(soon.getTime() + 1_800_000).toISOString(), price: { amount: 0, currency: 'EUR' }, status: 'confirmed' },
    { ...base, id: 'bk_workshop', resourceId: 'rs_atelier', start: atParis(in3, '10:00'), end: atParis(in3, '12:00'), attendees: 6, title: 'Atelier design produit', price: { amount: 5000, currency: 'EUR' }, status: 'confirmed' },
    { ...base, id: 'bk_pending', resourceId: 'rs_atelier', start: atParis(parisDate(5, now), '14:00'), end: atParis(parisDate(5, now), '15:30'), price: { amount: 3750, currency: 'EUR' }, status: 'pending' },
    {
      ...base,
      id: 'bk_cancelled',
      resourceId: 'rs_atelier',
      start: atParis(parisDate(4, now), '09:00'),
      end: atParis(parisDate(4, now), '10:00'),
      price: { amount: 2500, currency: 'EUR' },
      status: 'cancelled',
      cancellation: { at: '2026-01-06T09:00:00Z', by: 'member' },
      version: 2,
    },
  ];
}

export function discovery(features: components['schemas']['Feature'][] = ['guest-bookings', 'quotes', 'ical', 'events', 'registrations', 'member-directory']): Discovery {
  return { specVersion: '0.1.0', apiBaseUrl: api, spaces: [{ id: spaceId, name: 'La Ruche', timeZone }], features };
}
