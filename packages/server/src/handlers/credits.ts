import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../deps.ts';
import { personOf } from '../http/caller.ts';
import { runIdempotent } from '../http/idempotency.ts';
import { notFound, ruleViolation, validationError } from '../http/problem.ts';
import { spaceOf } from '../http/request-context.ts';
import { adjustCredits, ledgerPage } from '../services/credits.ts';
import type { MembershipHolder } from '../services/memberships.ts';
import { findMember } from '../services/members.ts';
import { findOrganisation } from '../services/organisations.ts';
import { decodeCursor } from '../services/pagination.ts';
import type { HandlerGroup } from './types.ts';

async function existingHolder(deps: Deps, spaceId: string, holder: MembershipHolder): Promise<MembershipHolder> {
  if (holder.type === 'organisation') {
    if (!(await findOrganisation(deps.store.db, spaceId, holder.id))) throw notFound(`There is no organisation "${holder.id}" in this space.`);
  } else {
    const member = await findMember(deps.store.db, spaceId, holder.id);
    if (!member || member.email === null) throw notFound(`There is no member "${holder.id}" in this space.`);
  }
  return holder;
}

function readLedger(deps: Deps, request: FastifyRequest, holder: MembershipHolder, query: { limit?: number; cursor?: string }) {
  const { space } = spaceOf(request);
  return ledgerPage(deps.store.db, space, holder, deps.now(), query.limit ?? 20, decodeCursor(query.cursor, ['number', 'string']));
}

type Adjustment = { amount: number; reason: string; expiresAt?: string };

function adjust(deps: Deps, request: FastifyRequest, reply: FastifyReply, operation: string, holder: MembershipHolder, body: Adjustment) {
  const { space } = spaceOf(request);
  const { caller } = request;
  if (caller.kind !== 'staff') throw new Error('staff only');
  const now = deps.now();
  let expiresAt: number | undefined;
  if (body.expiresAt !== undefined) {
    if (body.amount < 0) throw validationError([{ pointer: '/expiresAt', detail: 'is only for credits added (a positive amount)' }]);
    expiresAt = Date.parse(body.expiresAt);
    if (expiresAt <= now.getTime()) throw ruleViolation('expiry_in_past', 'The credits would expire before they are added.');
  }
  return runIdempotent(deps, request, reply, operation, async (trx) => {
    const entry = await adjustCredits(trx, deps.store.kind, space, holder, { amount: body.amount, reason: body.reason.trim(), ...(expiresAt === undefined ? {} : { expiresAt }) }, caller.actor, now);
    return { status: 201, body: entry, headers: {} };
  });
}

export const creditsHandlers: HandlerGroup = (deps) => ({
  async getMyCredits(request) {
    const { space } = spaceOf(request);
    const memberId = personOf(request.caller)!;
    let holder: MembershipHolder = { type: 'member', id: memberId };
    if (request.query.holder === 'organisation') {
      const member = await findMember(deps.store.db, space.id, memberId);
      if (!member?.organisation_id) throw notFound('You belong to no organisation of this space.');
      holder = { type: 'organisation', id: member.organisation_id };
    }
    return readLedger(deps, request, holder, request.query);
  },

  async getMemberCredits(request) {
    const holder = await existingHolder(deps, spaceOf(request).space.id, { type: 'member', id: request.params.memberId });
    return readLedger(deps, request, holder, request.query);
  },

  async getOrganisationCredits(request) {
    const holder = await existingHolder(deps, spaceOf(request).space.id, { type: 'organisation', id: request.params.organisationId });
    return readLedger(deps, request, holder, request.query);
  },

  async adjustMemberCredits(request, reply) {
    const holder = await existingHolder(deps, spaceOf(request).space.id, { type: 'member', id: request.params.memberId });
    return adjust(deps, request, reply, 'adjustMemberCredits', holder, request.body) as never;
  },

  async adjustOrganisationCredits(request, reply) {
    const holder = await existingHolder(deps, spaceOf(request).space.id, { type: 'organisation', id: request.params.organisationId });
    return adjust(deps, request, reply, 'adjustOrganisationCredits', holder, request.body) as never;
  },
});
