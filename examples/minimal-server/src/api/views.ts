// How the stored objects are answered, as the spec's schemas say them.
import type { Booking, Resource, Space } from '../store.ts';
import { iso, wallClock } from '../time.ts';

export function spaceView(space: Space, staff: boolean, now: number): object {
  const today = wallClock(now, space.timeZone).date;
  const { allowedOrigins, ...rest } = space;
  return { ...rest, closures: space.closures.filter((closure) => closure.to >= today), images: [], ...(staff ? { allowedOrigins } : {}) };
}

export function spaceSummary(space: Space): object {
  return { id: space.id, name: space.name, timeZone: space.timeZone };
}

export function resourceView(resource: Resource): object {
  return resource;
}

export function bookingView(booking: Booking, guestToken?: string): object {
  const { guestTokenHash: _hash, extensions, start, end, ...rest } = booking;
  return { ...rest, ...extensions, start: iso(start), end: iso(end), ...(guestToken ? { guestToken } : {}) };
}

export const etag = (version: number) => ({ etag: `"${version}"` });
