// The server's data, in memory: one space, its resources and bookings, and the idempotency keys.
import { randomBytes } from 'node:crypto';

export interface OpeningRange {
  day: string;
  opens: string;
  closes: string;
}

export interface Space {
  id: string;
  name: string;
  description: string;
  timeZone: string;
  currency: string;
  languages: string[];
  openingHours: OpeningRange[];
  closures: { from: string; to: string; reason?: string }[];
  amenities: string[];
  policies: {
    guestBookingAllowed: boolean;
    cancellationNotice: string;
    directoryVisibility: 'public' | 'members' | 'staff';
    halfDays: { morning: { start: string; end: string }; afternoon: { start: string; end: string } };
  };
  allowedOrigins: string[];
  updatedAt: string;
  version: number;
}

export interface Rules {
  minDuration: string;
  maxDuration: string;
  granularity: string;
  leadTime: string;
  horizon: string;
  bufferBefore: string;
  bufferAfter: string;
  approvalRequired: boolean;
}

export interface Offer {
  id: string;
  unit: 'hour' | 'half_day' | 'day' | 'week' | 'month';
  price: { amount: number; currency: string };
  audience: 'guest' | 'member';
  label?: string;
  [extension: `x-${string}`]: unknown;
}

export interface Resource {
  id: string;
  type: string;
  name: string;
  description?: string;
  capacity: number;
  quantity: number;
  amenities: string[];
  images: object[];
  bookableBy: ('guest' | 'member')[];
  rules: Rules;
  openingHours?: OpeningRange[];
  offers: Offer[];
  translations?: object;
  status: 'active' | 'archived';
  version: number;
  [extension: `x-${string}`]: unknown;
}

export interface Booking {
  id: string;
  spaceId: string;
  resourceId: string;
  start: number;
  end: number;
  quantity: number;
  attendees: number;
  title?: string;
  notes?: string;
  booker: { kind: 'guest' | 'member'; memberId?: string; name: string; email?: string };
  price: { amount: number; currency: string };
  status: 'pending' | 'confirmed' | 'cancelled';
  createdAt: string;
  updatedAt: string;
  cancellation?: { at: string; by: 'member' | 'guest' | 'staff'; reason?: string };
  version: number;
  /** The SHA-256 of the guest's token, for a guest booking made without credentials. */
  guestTokenHash?: string;
  extensions: Record<string, unknown>;
}

export interface StoredAnswer {
  fingerprint: string;
  at: number;
  status: number;
  headers: Record<string, string>;
  body: string;
}

export class Store {
  readonly spaces = new Map<string, Space>();
  readonly resources = new Map<string, Map<string, Resource>>();
  readonly bookings = new Map<string, Map<string, Booking>>();
  /** By space, caller and key. */
  readonly idempotency = new Map<string, StoredAnswer>();
  /** Sign-in code requests, by limit key: the instants of the recent ones. */
  readonly signInRequests = new Map<string, number[]>();

  addSpace(space: Space, resources: Resource[]): void {
    this.spaces.set(space.id, space);
    this.resources.set(space.id, new Map(resources.map((resource) => [resource.id, resource])));
    this.bookings.set(space.id, new Map());
  }
}

export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(9).toString('base64url')}`;
}
