import type { Caller } from '../http/caller.ts';
import { spaceOf } from '../http/request-context.ts';
import { notFound, unauthorized, validationError, type FieldError } from '../http/problem.ts';
import { dataVersion } from '../db/data-version.ts';
import { addDuration } from '../domain/time.ts';
import { AnswerCache } from '../services/answer-cache.ts';
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

/**
 * The availability of many resources, remembered while the database does not change, for a
 * second at most (lead times and horizons move with the clock); what a caller sees of it depends
 * on their kind of credentials only (bookableByCaller), the rest is in the database.
 */
const manyResourcesCaches = new WeakMap<object, AnswerCache<ResourceAvailability[]>>();

function cacheOf(store: object): AnswerCache<ResourceAvailability[]> {
  let cache = manyResourcesCaches.get(store);
  if (!cache) manyResourcesCaches.set(store, (cache = new AnswerCache({ maxAge: 1000, maxEntries: 1000 })));
  return cache;
}

export const availabilityHandlers: HandlerGroup = (deps) => ({
  async getAvailability(request) {
    const manyResources = cacheOf(deps.store);
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
    // Many resources (a type's, the space's): the costliest question, and the one every visitor of
    // a booking page asks in the same words.
    const now = deps.now();
    const key = [space.id, request.caller.kind, type ?? '', from.getTime(), to.getTime(), quantity].join('|');
    const resources = await manyResources.get(key, await dataVersion(deps.store), now.getTime(), async () => {
      const listed = (await listSpaceResources(deps.store.db, space.id, { includeArchived: false, type })).filter(shown);
      return resourcesAvailability(deps.store.db, space, listed, from, to, quantity, now);
    });
    return answer(resources);
  },
});
