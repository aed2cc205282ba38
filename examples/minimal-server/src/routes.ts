// Which handler answers which operation of the spec. Operations this server does not implement
// answer 501 not-implemented (the README lists them).
import { createToken, memberOnly, requestSignInCode } from './api/auth.ts';
import { createQuote, getAvailability } from './api/availability.ts';
import { cancelBooking, confirmBooking, createBooking, getBooking, listBookings, rescheduleBooking } from './api/bookings.ts';
import { getDiscovery, getSpace, listSpaces } from './api/discovery.ts';
import { createResource, deleteResource, getResource, listResources } from './api/resources.ts';
import type { Answer, Call } from './call.ts';

type Handler = (call: Call) => Answer;

const implemented: [method: string, template: string, handler: Handler][] = [
  ['GET', '/.well-known/coworking-commons', getDiscovery],
  ['GET', '/spaces', listSpaces],
  ['GET', '/spaces/{spaceId}', getSpace],
  ['GET', '/spaces/{spaceId}/resources', listResources],
  ['POST', '/spaces/{spaceId}/resources', createResource],
  ['GET', '/spaces/{spaceId}/resources/{resourceId}', getResource],
  ['DELETE', '/spaces/{spaceId}/resources/{resourceId}', deleteResource],
  ['GET', '/spaces/{spaceId}/availability', getAvailability],
  ['POST', '/spaces/{spaceId}/quotes', createQuote],
  ['GET', '/spaces/{spaceId}/bookings', listBookings],
  ['POST', '/spaces/{spaceId}/bookings', createBooking],
  ['GET', '/spaces/{spaceId}/bookings/{bookingId}', getBooking],
  ['PATCH', '/spaces/{spaceId}/bookings/{bookingId}', rescheduleBooking],
  ['POST', '/spaces/{spaceId}/bookings/{bookingId}/cancel', cancelBooking],
  ['POST', '/spaces/{spaceId}/bookings/{bookingId}/confirm', confirmBooking],
  ['POST', '/spaces/{spaceId}/auth/code', requestSignInCode],
  ['POST', '/spaces/{spaceId}/auth/token', createToken],
  ['DELETE', '/spaces/{spaceId}/auth/token', memberOnly],
  ['GET', '/spaces/{spaceId}/me', memberOnly],
  ['PATCH', '/spaces/{spaceId}/me', memberOnly],
  ['DELETE', '/spaces/{spaceId}/me', memberOnly],
  ['GET', '/spaces/{spaceId}/me/export', memberOnly],
  ['GET', '/spaces/{spaceId}/me/memberships', memberOnly],
  ['POST', '/spaces/{spaceId}/me/memberships', memberOnly],
];

/** Paths of the spec this server does not implement (any method). */
const notImplemented = [
  '/spaces/{spaceId}/bookings/{bookingId}/booking.ics',
  '/spaces/{spaceId}/members',
  '/spaces/{spaceId}/members/{memberId}',
  '/spaces/{spaceId}/staff/{collection}',
  '/spaces/{spaceId}/staff/{collection}/{id}',
  '/spaces/{spaceId}/plans',
  '/spaces/{spaceId}/plans/{planId}',
  '/spaces/{spaceId}/events',
  '/spaces/{spaceId}/events.ics',
  '/spaces/{spaceId}/events/{eventId}',
  '/spaces/{spaceId}/events/{eventId}/event.ics',
  '/spaces/{spaceId}/events/{eventId}/registrations',
  '/spaces/{spaceId}/events/{eventId}/registrations.csv',
  '/spaces/{spaceId}/registrations',
  '/spaces/{spaceId}/registrations/{registrationId}',
  '/spaces/{spaceId}/registrations/{registrationId}/cancel',
];

/** Changes the spec declares but this server does not make. */
const notImplementedChanges: [string, string][] = [
  ['PATCH', '/spaces/{spaceId}'],
  ['PATCH', '/spaces/{spaceId}/resources/{resourceId}'],
];

function match(template: string, segments: string[]): Record<string, string> | undefined {
  const parts = template.split('/').slice(1);
  if (parts.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (const [index, part] of parts.entries()) {
    const segment = segments[index]!;
    if (part.startsWith('{')) {
      if (segment === '') return undefined;
      params[part.slice(1, -1)] = segment;
    } else if (part !== segment) return undefined;
  }
  return params;
}

export type Route = { kind: 'handler'; handler: Handler; params: Record<string, string> } | { kind: 'not-implemented'; params: Record<string, string> } | { kind: 'none' };

export function route(method: string, segments: string[]): Route {
  for (const [m, template, handler] of implemented) {
    const params = m === method ? match(template, segments) : undefined;
    if (params) return { kind: 'handler', handler, params };
  }
  for (const [m, template] of notImplementedChanges) {
    const params = m === method ? match(template, segments) : undefined;
    if (params) return { kind: 'not-implemented', params };
  }
  for (const template of notImplemented) {
    const params = match(template, segments);
    if (params) return { kind: 'not-implemented', params };
  }
  return { kind: 'none' };
}
