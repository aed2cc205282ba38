import { spaceOf } from '../http/request-context.ts';
import { decodeCursor, page } from '../services/pagination.ts';
import { saveSpace, toSpace, type Space } from '../services/spaces.ts';
import { isValidTimeZone } from '../domain/time.ts';
import { conflict, validationError } from '../http/problem.ts';
import type { HandlerGroup } from './types.ts';

export const spacesHandlers: HandlerGroup = (deps) => ({
  async listSpaces(request) {
    const limit = request.query.limit ?? 20;
    const after = decodeCursor(request.query.cursor, ['string']);
    let query = deps.store.db.selectFrom('spaces').selectAll().orderBy('id').limit(limit + 1);
    if (after) query = query.where('id', '>', after[0]);
    return page(await query.execute(), limit, toSpace, (row) => [row.id]);
  },

  async getSpace(request) {
    return spaceOf(request).space;
  },

  async updateSpace(request) {
    const { space } = spaceOf(request);
    const changes = request.body;
    if (changes.timeZone !== undefined && !isValidTimeZone(changes.timeZone)) {
      throw validationError([{ pointer: '/timeZone', detail: 'must be an IANA time zone name, such as Europe/Paris' }]);
    }
    if (changes.currency && changes.currency !== space.currency) {
      const priced = await deps.store.db.selectFrom('resources').select('id').where('space_id', '=', space.id).limit(1).executeTakeFirst();
      if (priced) throw conflict('The currency cannot change while resources have offers in the current one.');
    }
    const updated: Space = { ...space, ...changes, updatedAt: deps.now().toISOString() } as Space;
    await saveSpace(deps, updated);
    return updated;
  },
});
