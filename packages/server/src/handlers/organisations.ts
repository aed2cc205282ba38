import { changedMeanwhile, checkOptionalIfMatch, setEtag } from '../http/etag.ts';
import { conflict, notFound } from '../http/problem.ts';
import { spaceOf } from '../http/request-context.ts';
import { hasOpenMembership } from '../services/memberships.ts';
import { todayIn } from '../services/members.ts';
import { findOrganisation, memberCounts, newOrganisationRow, patchOrganisationRow, toOrganisation, writeOrganisation } from '../services/organisations.ts';
import { decodeCursor, page } from '../services/pagination.ts';
import type { HandlerGroup } from './types.ts';

const missing = (id: string) => notFound(`There is no organisation "${id}" in this space.`);

export const organisationsHandlers: HandlerGroup = (deps) => ({
  async listOrganisations(request) {
    const { space } = spaceOf(request);
    const limit = request.query.limit ?? 20;
    const after = decodeCursor(request.query.cursor, ['string', 'string']);
    const rows = await deps.store.db
      .selectFrom('organisations')
      .selectAll()
      .where('space_id', '=', space.id)
      .$if(after !== undefined, (q) => q.where((eb) => eb.or([eb('name', '>', after![0]), eb.and([eb('name', '=', after![0]), eb('id', '>', after![1])])])))
      .orderBy('name')
      .orderBy('id')
      .limit(limit + 1)
      .execute();
    const counts = await memberCounts(deps.store.db, space.id, rows.map((row) => row.id));
    return page(rows, limit, (row) => toOrganisation(row, counts.get(row.id) ?? 0), (row) => [row.name, row.id]);
  },

  async createOrganisation(request, reply) {
    const { space } = spaceOf(request);
    const row = newOrganisationRow(space.id, request.body, deps.now().getTime());
    await deps.store.db.insertInto('organisations').values(row).execute();
    reply.code(201).header('location', `${deps.config.publicUrl}/spaces/${encodeURIComponent(space.id)}/staff/organisations/${row.id}`);
    setEtag(reply, row.version);
    return toOrganisation(row, 0);
  },

  async getOrganisation(request, reply) {
    const { space } = spaceOf(request);
    const row = await findOrganisation(deps.store.db, space.id, request.params.organisationId);
    if (!row) throw missing(request.params.organisationId);
    setEtag(reply, row.version);
    return toOrganisation(row, (await memberCounts(deps.store.db, space.id, [row.id])).get(row.id) ?? 0);
  },

  async updateOrganisation(request, reply) {
    const { space } = spaceOf(request);
    const row = await findOrganisation(deps.store.db, space.id, request.params.organisationId);
    if (!row) throw missing(request.params.organisationId);
    checkOptionalIfMatch(request, row.version);
    const changed = patchOrganisationRow(row, request.body, deps.now().getTime());
    // Written only if still at the version read: a change committed in between is not overwritten.
    if (!(await writeOrganisation(deps.store.db, changed, row.version))) throw changedMeanwhile(request, 'organisation');
    setEtag(reply, changed.version);
    return toOrganisation(changed, (await memberCounts(deps.store.db, space.id, [row.id])).get(row.id) ?? 0);
  },

  async deleteOrganisation(request, reply) {
    const { space } = spaceOf(request);
    const row = await findOrganisation(deps.store.db, space.id, request.params.organisationId);
    if (!row) throw missing(request.params.organisationId);
    checkOptionalIfMatch(request, row.version);
    const members = (await memberCounts(deps.store.db, space.id, [row.id])).get(row.id) ?? 0;
    if (members > 0) throw conflict(`${members} member(s) belong to this organisation: unlink them first (updateMember, organisationId: null).`);
    const today = todayIn(space.timeZone, deps.now());
    if (await hasOpenMembership(deps.store.db, space.id, { type: 'organisation', id: row.id }, today)) {
      throw conflict('This organisation holds a membership that is requested, active or paused: end it first.');
    }
    const result = await deps.store.db.deleteFrom('organisations').where('id', '=', row.id).where('version', '=', row.version).executeTakeFirst();
    if (Number(result.numDeletedRows) === 0) throw changedMeanwhile(request, 'organisation');
    reply.code(204);
    return undefined;
  },
});
