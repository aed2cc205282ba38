import { spaceOf } from '../http/request-context.ts';
import { decodeCursor, page } from '../services/pagination.ts';
import { loadSpace, staffView, toSpace, updateSpaceRow, type Space } from '../services/spaces.ts';
import { isAllowedOrigin } from '../domain/origins.ts';
import { isValidTimeZone } from '../domain/time.ts';
import { changedMeanwhile, checkOptionalIfMatch, setEtag } from '../http/etag.ts';
import { conflict, notFound, validationError, type FieldError } from '../http/problem.ts';
import type { HandlerGroup } from './types.ts';

export const spacesHandlers: HandlerGroup = (deps) => ({
  async listSpaces(request) {
    const limit = request.query.limit ?? 20;
    const after = decodeCursor(request.query.cursor, ['string']);
    let query = deps.store.db.selectFrom('spaces').selectAll().orderBy('id').limit(limit + 1);
    if (after) query = query.where('id', '>', after[0]);
    return page(await query.execute(), limit, toSpace, (row) => [row.id]);
  },

  async getSpace(request, reply) {
    const loaded = spaceOf(request);
    setEtag(reply, loaded.row.version);
    return request.caller.kind === 'staff' ? staffView(loaded) : loaded.space;
  },

  async updateSpace(request, reply) {
    // Read again in the request's transaction: the copy the request context loaded may be older.
    const current = await loadSpace(deps, spaceOf(request).space.id);
    if (!current) throw notFound('There is no such space on this server.');
    const { space, row } = current;
    checkOptionalIfMatch(request, row.version);
    const { allowedOrigins, ...changes } = request.body;
    const errors: FieldError[] = [];
    if (changes.timeZone !== undefined && !isValidTimeZone(changes.timeZone)) {
      errors.push({ pointer: '/timeZone', detail: 'must be an IANA time zone name, such as Europe/Paris' });
    }
    allowedOrigins?.forEach((origin, i) => {
      if (!isAllowedOrigin(origin)) {
        errors.push({ pointer: `/allowedOrigins/${i}`, detail: 'must be an origin as browsers send it, such as https://www.example.org (http or https, a lower-case host, no default port, no path or trailing slash), or *' });
      }
    });
    if (errors.length > 0) throw validationError(errors);
    if (changes.currency && changes.currency !== space.currency) {
      const priced = await deps.store.db.selectFrom('resources').select('id').where('space_id', '=', space.id).limit(1).executeTakeFirst();
      if (priced) throw conflict('The currency cannot change while resources have offers in the current one.');
    }
    const updated: Space = { ...space, ...changes, updatedAt: deps.now().toISOString(), version: row.version + 1 } as Space;
    if (!(await updateSpaceRow(deps, updated, row.version, allowedOrigins))) throw changedMeanwhile(request, 'space');
    setEtag(reply, row.version + 1);
    return staffView({ space: updated, allowedOrigins: allowedOrigins ?? current.allowedOrigins });
  },
});
