import type { Deps } from '../deps.ts';
import { discoveryHandlers } from './discovery.ts';
import { spacesHandlers } from './spaces.ts';
import { resourcesHandlers } from './resources.ts';
import { availabilityHandlers } from './availability.ts';
import { quotesHandlers } from './quotes.ts';
import { plansHandlers } from './plans.ts';
import { bookingsHandlers } from './bookings.ts';
import { membersHandlers } from './members.ts';
import { meHandlers } from './me.ts';
import { staffMembersHandlers } from './staff-members.ts';
import { eventsHandlers } from './events.ts';
import { registrationsHandlers } from './registrations.ts';
import { authHandlers } from './auth.ts';
import { apiKeysHandlers } from './api-keys.ts';
import { auditLogHandlers } from './audit-log.ts';
import { scheduleHandlers } from './schedule.ts';
import { organisationsHandlers } from './organisations.ts';
import { membershipsHandlers } from './memberships.ts';
import { creditsHandlers } from './credits.ts';
import { webhooksHandlers } from './webhooks.ts';
import type { Handlers } from './types.ts';

/** Every operation's handler, grouped by resource; a test checks that none of the spec's is missing. */
export function allHandlers(deps: Deps): Handlers {
  return {
    ...discoveryHandlers(deps),
    ...spacesHandlers(deps),
    ...resourcesHandlers(deps),
    ...availabilityHandlers(deps),
    ...quotesHandlers(deps),
    ...plansHandlers(deps),
    ...bookingsHandlers(deps),
    ...membersHandlers(deps),
    ...meHandlers(deps),
    ...staffMembersHandlers(deps),
    ...eventsHandlers(deps),
    ...registrationsHandlers(deps),
    ...authHandlers(deps),
    ...apiKeysHandlers(deps),
    ...auditLogHandlers(deps),
    ...scheduleHandlers(deps),
    ...organisationsHandlers(deps),
    ...membershipsHandlers(deps),
    ...creditsHandlers(deps),
    ...webhooksHandlers(deps),
  };
}
