import type { Caller } from '../http/caller.ts';
import { spaceOf } from '../http/request-context.ts';
import { notFound, unauthorized, validationError, type FieldError } from '../http/problem.ts';
import { addDuration } from '../domain/time.ts';
import { availabilityFromBlocks, resourcesAvailability, resourceWithBlocks, type ResourceAvailability } from '../services/availability.ts';
import { listSpaceResources, type Resource } from '../services/resources.ts';
import type { Space } from '../services/spaces.ts';
import type { HandlerGroup } from './types.ts';

/** The longest window, in calendar days of the space's zone. */
const MAX_WINDOW = 'P31D';

/**
 * Whether the caller sees a resource's availability: without credentials, the resources guests
 * may book (if the space takes guest bookings); with a member token, those members may book;
 * staff, who may book anything, every active resource.
 */
function bookableByCaller(caller: Caller, resource: Resource, space: Space): boolean {
  if (caller.kind === 'staff') return true;
  if (caller.kind === 'member') return resource.bookableBy.includes('member');
  return space.policies.guestBookingAllowed && resource.bookableBy.includes('guest');
}

export const availabilityHandlers: HandlerGroup = (deps) => ({
  async getAvailability(request) {
    const { space } = spaceOf(request);
    const { resourceId, type } = request.query;
    const quantity = request.query.quantity ?? 1;
    const from = new Date(request.query.from);
    const to = new Date(request.query.to);
    const errors: FieldError[] = [];
    if (to.getTime() <= from.getTime()) errors.push({ pointer: '/query/to', detail: 'must be after from' });
    else if (to.getTime() > addDuration(from, MAX_WINDOW, space.timeZone).getTime()) errors.push({ pointer: '/query/to', detail: 'must be at most 31 days after from' });
    if (errors.length > 0) throw validationError(errors, 'The availability window must end after it starts, and last at most 31 days.');

    const answer = (resources: ResourceAvailability[]) => ({ spaceId: space.id, timeZone: space.timeZone, from: from.toISOString(), to: to.toISOString(), quantity, resources });
    const shown = (r: Resource) => (type === undefined || r.type === type) && bookableByCaller(request.caller, r, space) && r.quantity >= quantity;
    if (resourceId !== undefined) {
      // One resource (the booking widget's question): the resource and its blocks in one query.
      const found = await resourceWithBlocks(deps.store.db, space.id, resourceId, from, to);
      const resource = found?.resource;
      if (!resource || resource.status !== 'active') throw notFound(`There is no bookable resource "${resourceId}" in this space.`);
      if (!bookableByCaller(request.caller, resource, space) && request.caller.kind === 'anonymous' && resource.bookableBy.includes('member')) {
        throw unauthorized('This resource is for members: sign in to see its availability.');
      }
      return answer(shown(resource) ? [availabilityFromBlocks(space, resource, found.blocks, { from, to, quantity, now: deps.now() })] : []);
    }
    const resources = (await listSpaceResources(deps.store.db, space.id, { includeArchived: false, type })).filter(shown);
    return answer(await resourcesAvailability(deps.store.db, space, resources, from, to, quantity, deps.now()));
  },
});
