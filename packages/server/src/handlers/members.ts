import type { FastifyRequest } from 'fastify';
import { forbidden, notFound, unauthorized } from '../http/problem.ts';
import { spaceOf } from '../http/request-context.ts';
import { afterPosition, hasSkill, likeContains, searchWords, toMemberCard } from '../services/members.ts';
import { decodeCursor, page } from '../services/pagination.ts';
import type { HandlerGroup } from './types.ts';

/** Who may read the directory, by the space's `directoryVisibility` policy. */
function checkDirectoryAccess(request: FastifyRequest): void {
  const visibility = spaceOf(request).space.policies.directoryVisibility;
  const { kind } = request.caller;
  if (visibility === 'public' || kind === 'staff') return;
  if (visibility === 'members') {
    if (kind === 'member') return;
    throw unauthorized("This space's member directory is for its members: sign in.");
  }
  if (kind === 'member') throw forbidden("This space's member directory is for its staff only.");
  throw unauthorized("This space's member directory is for its staff only.");
}

/** A keyset position (display name, id) from a cursor. */
export function namePosition(cursor: string | undefined): [string, string] | undefined {
  return decodeCursor(cursor, ['string', 'string']);
}

export const membersHandlers: HandlerGroup = (deps) => ({
  async listMemberCards(request) {
    checkDirectoryAccess(request);
    const { space } = spaceOf(request);
    const limit = request.query.limit ?? 20;
    const after = namePosition(request.query.cursor);
    const words = searchWords(request.query.q);
    const skill = request.query.skill;
    const rows = await deps.store.db
      .selectFrom('members')
      .selectAll()
      .where('space_id', '=', space.id)
      .where('status', '=', 'active')
      .where('directory_consent', '=', 1)
      .where('email', 'is not', null)
      .where((eb) => eb.and([afterPosition(eb, after), ...words.map((word) => likeContains('members.search_text', word)), ...(skill === undefined ? [] : [hasSkill(deps.store.kind, skill)])]))
      .orderBy('display_name')
      .orderBy('id')
      .limit(limit + 1)
      .execute();
    return page(rows, limit, toMemberCard, (row) => [row.display_name, row.id]);
  },

  async getMemberCard(request) {
    checkDirectoryAccess(request);
    const { space } = spaceOf(request);
    const row = await deps.store.db
      .selectFrom('members')
      .selectAll()
      .where('space_id', '=', space.id)
      .where('id', '=', request.params.memberId)
      .where('status', '=', 'active')
      .where('directory_consent', '=', 1)
      .where('email', 'is not', null)
      .executeTakeFirst();
    if (!row) throw notFound('There is no such member card in this space.');
    return toMemberCard(row);
  },
});
