import type { FastifyRequest } from 'fastify';
import { changedMeanwhile, checkOptionalIfMatch, setEtag } from '../http/etag.ts';
import { requireScope } from '../http/operation-scopes.ts';
import { conflict, notFound, ruleViolation } from '../http/problem.ts';
import { isUniqueViolation } from '../http/idempotency.ts';
import { spaceOf } from '../http/request-context.ts';
import { normalizeEmail } from '../domain/secrets.ts';
import { revokeAllMemberTokens } from '../services/auth.ts';
import { invitationMail } from '../services/invitation.ts';
import { afterPosition, eraseMember, findMember, insertMember, isLastAdmin, likeContains, newMemberRow, patchMemberRow, searchWords, toMember, writeMemberChanges, type MemberRow } from '../services/members.ts';
import { findOrganisation } from '../services/organisations.ts';
import { page } from '../services/pagination.ts';
import { namePosition } from './members.ts';
import type { HandlerGroup } from './types.ts';
import { writeWithEvent } from '../webhooks/emit.ts';

const emailTaken = () => conflict('Another member of this space has this email.');
const lastAdmin = () => conflict('This is the space\'s only active admin: make another person admin first.');

/**
 * Only admins grant a role or touch a staff or admin person at all (their email, status, record):
 * otherwise a staff person could take over an admin's sign-in by changing their email.
 */
function requireAdminFor(request: FastifyRequest, row: Pick<MemberRow, 'role'> | undefined, newRole: string | undefined): void {
  const touchesStaff = row !== undefined && row.role !== 'member';
  const grants = newRole !== undefined && newRole !== (row?.role ?? 'member');
  if (touchesStaff || grants) requireScope(request.caller, 'admin', grants ? 'changing a role' : `changing a person whose role is ${row!.role}`);
}

export const staffMembersHandlers: HandlerGroup = (deps) => ({
  async listMembers(request) {
    const { space } = spaceOf(request);
    const limit = request.query.limit ?? 20;
    const after = namePosition(request.query.cursor);
    const words = searchWords(request.query.q);
    let query = deps.store.db
      .selectFrom('members')
      .selectAll()
      .where('space_id', '=', space.id)
      // Erased members have no record left to show.
      .where('email', 'is not', null)
      .where((eb) =>
        eb.and([afterPosition(eb, after), ...words.map((word) => eb.or([likeContains('members.search_text', word), likeContains('members.email', word)]))]),
      )
      .orderBy('display_name')
      .orderBy('id')
      .limit(limit + 1);
    if (request.query.status !== undefined) query = query.where('status', '=', request.query.status);
    if (request.query.role !== undefined) query = query.where('role', '=', request.query.role);
    return page(await query.execute(), limit, toMember, (row) => [row.display_name, row.id]);
  },

  async createMember(request, reply) {
    const { space } = spaceOf(request);
    requireAdminFor(request, undefined, request.body.role);
    const email = normalizeEmail(request.body.email);
    const taken = await deps.store.db.selectFrom('members').select('id').where('space_id', '=', space.id).where('email', '=', email).executeTakeFirst();
    if (taken) throw emailTaken();
    const row = newMemberRow({ ...request.body, email }, { spaceId: space.id, timeZone: space.timeZone, now: deps.now() });
    try {
      await writeWithEvent(deps, space.id, 'member.created', toMember(row), (trx) => insertMember(trx, row));
    } catch (error) {
      if (isUniqueViolation(error)) throw emailTaken();
      throw error;
    }
    if (row.status === 'active') {
      const mail = invitationMail(space, { email, displayName: row.display_name });
      deps.background.run(() => deps.mailer.send(mail).catch((error: unknown) => deps.log.error({ err: error, mailTo: email }, 'The invitation could not be mailed')));
    }
    reply.code(201).header('location', `${deps.config.publicUrl}/spaces/${encodeURIComponent(space.id)}/staff/members/${row.id}`);
    setEtag(reply, row.version);
    return toMember(row);
  },

  async getMember(request, reply) {
    const { space } = spaceOf(request);
    const row = await findMember(deps.store.db, space.id, request.params.memberId);
    if (!row) throw notFound('There is no such member in this space.');
    setEtag(reply, row.version);
    return toMember(row);
  },

  async updateMember(request, reply) {
    const { space } = spaceOf(request);
    const row = await findMember(deps.store.db, space.id, request.params.memberId);
    if (!row) throw notFound('There is no such member in this space.');
    checkOptionalIfMatch(request, row.version);
    const patch = request.body;
    requireAdminFor(request, row, patch.role);
    const demoted = (patch.role !== undefined && patch.role !== 'admin') || patch.status === 'inactive';
    if (demoted && (await isLastAdmin(deps.store.db, row))) throw lastAdmin();
    if (patch.email !== undefined) {
      const email = normalizeEmail(patch.email);
      const other = await deps.store.db
        .selectFrom('members')
        .select('id')
        .where('space_id', '=', space.id)
        .where('email', '=', email)
        .where('id', '<>', row.id)
        .executeTakeFirst();
      if (other) throw emailTaken();
    }
    if (patch.organisationId != null && !(await findOrganisation(deps.store.db, space.id, patch.organisationId))) {
      throw ruleViolation('unknown_organisation', `There is no organisation "${patch.organisationId}" in this space.`);
    }
    const changes = patchMemberRow(row, patch, deps.now());
    try {
      // Written only if still at the version read: a change committed in between is not overwritten.
      await writeWithEvent(deps, space.id, 'member.updated', toMember({ ...row, ...changes, version: row.version + 1 }), async (trx) => {
        if (!(await writeMemberChanges(trx, row, changes))) throw changedMeanwhile(request, 'member');
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw emailTaken();
      throw error;
    }
    // An inactive member is signed out everywhere; a new email also ends the old sessions' codes.
    if (changes.status === 'inactive') await revokeAllMemberTokens(deps, row.id);
    if (changes.email !== undefined && changes.email !== row.email && row.email !== null) {
      await deps.store.db.deleteFrom('sign_in_codes').where('space_id', '=', space.id).where('email', '=', row.email).execute();
    }
    setEtag(reply, row.version + 1);
    return toMember({ ...row, ...changes, version: row.version + 1 });
  },

  async deleteMember(request, reply) {
    const { space } = spaceOf(request);
    const row = await findMember(deps.store.db, space.id, request.params.memberId);
    if (row) {
      requireAdminFor(request, row, undefined);
      if (await isLastAdmin(deps.store.db, row)) throw lastAdmin();
    }
    if (!(await eraseMember(deps, space.id, request.params.memberId, 'staff'))) throw notFound('There is no such member in this space.');
    reply.code(204);
    return undefined;
  },
});
