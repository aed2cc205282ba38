import type { FastifyRequest } from 'fastify';
import type { Deps } from '../deps.ts';
import { personOf } from '../http/caller.ts';
import { changedMeanwhile } from '../http/etag.ts';
import { conflict, notFound, unauthorized } from '../http/problem.ts';
import { spaceOf } from '../http/request-context.ts';
import { selectBookings, toBooking } from '../services/bookings.ts';
import { eraseMember, findMember, isLastAdmin, patchMemberRow, toMember, writeMemberChanges, type MemberRow, type MemberUpdate } from '../services/members.ts';
import { registrationsOfMember } from '../services/registrations.ts';
import type { HandlerGroup } from './types.ts';
import { writeWithEvent } from '../webhooks/emit.ts';

/** The signed-in member's own row: a member only ever reaches their own record here. */
async function ownRow(deps: Deps, request: FastifyRequest): Promise<MemberRow> {
  const memberId = personOf(request.caller);
  if (memberId === undefined) throw unauthorized('Sign in: this needs a member token.');
  const row = await findMember(deps.store.db, spaceOf(request).space.id, memberId);
  if (!row) throw notFound('Your member record no longer exists.');
  return row;
}

export const meHandlers: HandlerGroup = (deps) => ({
  async getMe(request) {
    return toMember(await ownRow(deps, request));
  },

  async updateMe(request) {
    const row = await ownRow(deps, request);
    // The schema already refuses them; a member never changes their email, status or seniority.
    const { email: _email, status: _status, memberSince: _since, ...patch } = request.body as MemberUpdate & { email?: unknown; status?: unknown; memberSince?: unknown };
    const changes = patchMemberRow(row, patch, deps.now());
    const member = toMember({ ...row, ...changes, version: row.version + 1 });
    await writeWithEvent(deps, row.space_id, 'member.updated', member, async (trx) => {
      if (!(await writeMemberChanges(trx, row, changes))) throw changedMeanwhile(request, 'member record');
    });
    return member;
  },

  async eraseMe(request, reply) {
    const row = await ownRow(deps, request);
    if (await isLastAdmin(deps.store.db, row)) throw conflict("You are the space's only active admin: make another person admin first.");
    if (!(await eraseMember(deps, row.space_id, row.id, 'member'))) throw notFound('Your member record no longer exists.');
    reply.code(204);
    return undefined;
  },

  async exportMe(request) {
    const row = await ownRow(deps, request);
    // Everything, past and future, cancelled included: read as one snapshot.
    return deps.store.db.transaction().execute(async (trx) => {
      const bookings = await selectBookings(trx)
        .where('bookings.space_id', '=', row.space_id)
        .where('bookings.member_id', '=', row.id)
        .orderBy('bookings.start_at', 'desc')
        .orderBy('bookings.id', 'desc')
        .execute();
      const registrations = await registrationsOfMember(trx, row.space_id, row.id);
      return { member: toMember(row), bookings: bookings.map(toBooking), registrations, exportedAt: deps.now().toISOString() };
    });
  },
});
