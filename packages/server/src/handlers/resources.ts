import { spaceOf } from '../http/request-context.ts';
import { checkOptionalIfMatch, setEtag } from '../http/etag.ts';
import { conflict, notFound } from '../http/problem.ts';
import { peakFutureUsage } from '../services/availability.ts';
import { decodeCursor, page } from '../services/pagination.ts';
import { compareResourceKeys, DELETED, findResource, findResourceForUpdate, listSpaceResources, newResource, patchResource, resourceKey, saveResource } from '../services/resources.ts';
import type { HandlerGroup } from './types.ts';

const missing = (resourceId: string) => notFound(`There is no resource "${resourceId}" in this space.`);

export const resourcesHandlers: HandlerGroup = (deps) => ({
  async listResources(request) {
    const { space } = spaceOf(request);
    const limit = request.query.limit ?? 20;
    const after = decodeCursor(request.query.cursor, ['string', 'string', 'string']);
    const all = await listSpaceResources(deps.store.db, space.id, { includeArchived: request.caller.kind === 'staff', type: request.query.type });
    const rest = after ? all.filter((r) => compareResourceKeys(resourceKey(r), after) > 0) : all;
    return page(rest.slice(0, limit + 1), limit, (r) => r, resourceKey);
  },

  async createResource(request, reply) {
    const { space } = spaceOf(request);
    const resource = await saveResource(deps.store.db, space.id, newResource(request.body, space), deps.now().getTime());
    reply.code(201).header('location', `${deps.config.publicUrl}/spaces/${encodeURIComponent(space.id)}/resources/${resource.id}`);
    setEtag(reply, resource.version!);
    return resource;
  },

  async getResource(request, reply) {
    const { space } = spaceOf(request);
    const resource = await findResource(deps.store.db, space.id, request.params.resourceId);
    if (!resource) throw missing(request.params.resourceId);
    setEtag(reply, resource.version!);
    return resource;
  },

  async updateResource(request, reply) {
    const { space } = spaceOf(request);
    const { resourceId } = request.params;
    return deps.store.db.transaction().execute(async (trx) => {
      const current = await findResourceForUpdate(trx, deps.store.kind, space.id, resourceId);
      if (!current) throw missing(resourceId);
      // Under the row's lock (PostgreSQL; SQLite runs one transaction at a time): no change can come in between.
      checkOptionalIfMatch(request, current.version!);
      const updated = patchResource(current, request.body, space);
      if (updated.quantity < current.quantity) {
        const held = await peakFutureUsage(trx, resourceId, deps.now());
        if (held > updated.quantity) {
          throw conflict(`${held} units of this resource are booked at the same time in the future; cancel bookings before lowering its quantity to ${updated.quantity}.`);
        }
      }
      const saved = await saveResource(trx, space.id, updated, deps.now().getTime());
      setEtag(reply, saved.version!);
      return saved;
    });
  },

  async deleteResource(request, reply) {
    const { space } = spaceOf(request);
    const { resourceId } = request.params;
    const now = deps.now().getTime();
    await deps.store.db.transaction().execute(async (trx) => {
      const current = await findResourceForUpdate(trx, deps.store.kind, space.id, resourceId);
      if (!current) throw missing(resourceId);
      checkOptionalIfMatch(request, current.version!);
      const upcoming = await trx
        .selectFrom('bookings')
        .select('id')
        .where('resource_id', '=', resourceId)
        .where('status', '<>', 'cancelled')
        .where('end_at', '>', now)
        .limit(1)
        .executeTakeFirst();
      if (upcoming) throw conflict('The resource has bookings still to come: cancel them first, or archive the resource instead.');
      const booked = await trx.selectFrom('bookings').select('id').where('resource_id', '=', resourceId).limit(1).executeTakeFirst();
      if (booked) {
        // Past bookings keep the resource's id: the row stays, invisible to every operation.
        await trx.updateTable('resources').set({ status: DELETED, updated_at: now, version: current.version! + 1 }).where('id', '=', resourceId).execute();
      } else {
        await trx.deleteFrom('resources').where('id', '=', resourceId).execute();
      }
    });
    reply.code(204);
    return undefined;
  },
});
