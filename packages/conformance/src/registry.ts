// Every check of the suite, in the order they run. Ids are stable: add, never rename.
import { cancelTwice, endBeforeStart } from './checks/booking-rules.ts';
import { approvalPending } from './checks/approvals.ts';
import { registrationCapacity } from './checks/registrations.ts';
import { availabilityAfterBooking } from './checks/availability-bookings.ts';
import { getAvailability } from './checks/availability.ts';
import { etagPresent, guestBooking, guestTokenScope, idempotencyKeyReused, idempotencyScope, idempotentReplay, ifMatchMissing, ifMatchStale, noDoubleBooking, noOverbookingPool } from './checks/bookings.ts';
import { bookingLocation, etagChanges } from './checks/headers.ts';
import { fixturesCleanup } from './checks/cleanup.ts';
import { corsAllowedOrigin, corsOtherOrigin } from './checks/cors.ts';
import { creditLedger } from './checks/credits.ts';
import { directoryConsent } from './checks/directory.ts';
import { discoveryDocument } from './checks/discovery.ts';
import { memberIsolation } from './checks/members.ts';
import { membershipLifecycle } from './checks/memberships.ts';
import { guestTokenNotMember, scopedKey } from './checks/isolation.ts';
import { signInRateLimit } from './checks/rate-limits.ts';
import { instantsInUtc } from './checks/instants.ts';
import { getEvents, listEvents } from './checks/events.ts';
import { eventFeed } from './checks/ical.ts';
import { malformedQuery, unknownResource, unknownSpace } from './checks/problems.ts';
import { createResource, listResources, paginationWhileAdding, resourcesPagination } from './checks/resources.ts';
import { quoteMatchesBooking } from './checks/quotes.ts';
import { responsesMatchSpec } from './checks/responses.ts';
import { getSpace } from './checks/spaces.ts';
import { unauthorized } from './checks/unauthorized.ts';
import type { Check } from './context.ts';
import { webhookSubscriptions } from './checks/webhooks.ts';

export const checks: readonly Check[] = [
  discoveryDocument,
  getSpace,
  listResources,
  resourcesPagination,
  getAvailability,
  instantsInUtc,
  listEvents,
  getEvents,
  eventFeed,
  unknownSpace,
  unknownResource,
  malformedQuery,
  unauthorized,
  signInRateLimit,
  corsOtherOrigin,
  createResource,
  paginationWhileAdding,
  corsAllowedOrigin,
  guestBooking,
  guestTokenScope,
  guestTokenNotMember,
  scopedKey,
  memberIsolation,
  idempotentReplay,
  idempotencyKeyReused,
  idempotencyScope,
  etagPresent,
  bookingLocation,
  ifMatchStale,
  etagChanges,
  ifMatchMissing,
  noDoubleBooking,
  noOverbookingPool,
  endBeforeStart,
  cancelTwice,
  availabilityAfterBooking,
  quoteMatchesBooking,
  directoryConsent,
  membershipLifecycle,
  creditLedger,
  webhookSubscriptions,
  approvalPending,
  registrationCapacity,
  // Always run once the others have (whatever --only says), so that no fixture stays behind.
  fixturesCleanup,
  // Last: it validates every response the checks above received.
  responsesMatchSpec,
];

/** A feature every server implements: the spec's core. The others are named by the discovery document. */
export const coreFeature = 'core';
