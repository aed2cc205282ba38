import type { FastifyRequest } from 'fastify';
import type { Deps } from '../deps.ts';
import { personOf } from '../http/caller.ts';
import { changedMeanwhile, checkOptionalIfMatch, setEtag } from '../http/etag.ts';
import { conflict, notFound, ruleViolation } from '../http/problem.ts';
import { spaceOf } from '../http/request-context.ts';
import {
  changeMembership,
  findMembership,
  hasOpenMembership,
  newMembershipRow,
  planOn,
  rowOf,
  stateOn,
  statusOn,
  toMembership,
  writeMembership,
  type MembershipHolder,
  type MembershipRow,
} from '../services/memberships.ts';
import { grantPeriods } from '../services/credits.ts';
import { extensionsOf } from '../services/json.ts';
import { findMember, todayIn } from '../services/members.ts';
import { findOrganisation } from '../services/organisations.ts';
import { decodeCursor, page } from '../services/pagination.ts';
import { findPlan, toPlan, type Plan } from '../services/plans.ts';
import type { HandlerGroup } from './types.ts';
import { writeWithEvent } from '../webhooks/emit.ts';

const missing = (id: string) => notFound(`There is no membership "${id}" in this space.`);

function today(deps: Deps, request: FastifyRequest): string {
  return todayIn(spaceOf(request).space.timeZone, deps.now());
}

async function planOrRefuse(deps: Deps, spaceId: string, planId: string): Promise<Plan> {
  const row = await findPlan(deps.store.db, spaceId, planId);
  if (!row) throw ruleViolation('unknown_plan', `There is no plan "${planId}" in this space.`);
  return toPlan(row);
}

async function holderExists(deps: Deps, spaceId: string, holder: MembershipHolder): Promise<boolean> {
  if (holder.type === 'organisation') return (await findOrganisation(deps.store.db, spaceId, holder.id)) !== undefined;
  const member = await findMember(deps.store.db, spaceId, holder.id);
  return member !== undefined && member.email !== null;
}

type Filters = { holders?: MembershipHolder[]; planId?: string; status?: MembershipRow['status'] };

/** A page of the space's memberships, newest first, with the filters applied as of `day`. */
async function listPage(deps: Deps, spaceId: string, day: string, filters: Filters, limit: number, cursor: string | undefined) {
  const after = decodeCursor(cursor, ['number', 'string']);
  const { holders, planId, status } = filters;
  const rows = await deps.store.db
    .selectFrom('memberships')
    .selectAll()
    .where('space_id', '=', spaceId)
    .$if(holders !== undefined, (q) =>
      q.where((eb) => eb.or(holders!.map((holder) => eb.and([eb('holder_type', '=', holder.type), eb('holder_id', '=', holder.id)])))),
    )
    .$if(planId !== undefined, (q) => q.where((eb) => planOn(eb, planId!, day)))
    .$if(status !== undefined, (q) => q.where((eb) => statusOn(eb, status as never, day)))
    .$if(after !== undefined, (q) =>
      q.where((eb) => eb.or([eb('created_at', '<', after![0]), eb.and([eb('created_at', '=', after![0]), eb('id', '<', after![1])])])),
    )
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
  return page(rows, limit, (row) => toMembership(stateOn(row, day), day), (row) => [Number(row.created_at), row.id]);
}

export const membershipsHandlers: HandlerGroup = (deps) => ({
  async listMemberships(request) {
    const { space } = spaceOf(request);
    const { memberId, organisationId, planId, status, limit, cursor } = request.query;
    const holders: MembershipHolder[] = [
      ...(memberId === undefined ? [] : [{ type: 'member' as const, id: memberId }]),
      ...(organisationId === undefined ? [] : [{ type: 'organisation' as const, id: organisationId }]),
    ];
    // Both a member and an organisation: the memberships of either.
    return listPage(deps, space.id, today(deps, request), { holders: holders.length > 0 ? holders : undefined, planId, status }, limit ?? 20, cursor);
  },

  async getMembership(request, reply) {
    const { space } = spaceOf(request);
    const row = await findMembership(deps.store.db, space.id, request.params.membershipId);
    if (!row) throw missing(request.params.membershipId);
    setEtag(reply, row.version);
    return toMembership(stateOn(row, today(deps, request)), today(deps, request));
  },

  async createMembership(request, reply) {
    const { space } = spaceOf(request);
    const { holder, planId, startDate, endDate } = request.body;
    if (!(await holderExists(deps, space.id, holder))) throw ruleViolation('unknown_holder', `There is no ${holder.type} "${holder.id}" in this space.`);
    const plan = await planOrRefuse(deps, space.id, planId);
    const day = today(deps, request);
    const row = newMembershipRow({
      spaceId: space.id,
      holder,
      plan,
      status: 'active',
      startDate: startDate ?? day,
      endDate,
      extensions: extensionsOf(request.body),
      now: deps.now().getTime(),
    });
    const membership = toMembership(stateOn(row, day), day);
    await writeWithEvent(deps, space.id, 'membership.created', membership, (trx) => trx.insertInto('memberships').values(row).execute());
    reply.code(201).header('location', `${deps.config.publicUrl}/spaces/${encodeURIComponent(space.id)}/staff/memberships/${row.id}`);
    setEtag(reply, row.version);
    return membership;
  },

  async updateMembership(request, reply) {
    const { space } = spaceOf(request);
    const row = await findMembership(deps.store.db, space.id, request.params.membershipId);
    if (!row) throw missing(request.params.membershipId);
    checkOptionalIfMatch(request, row.version);
    const day = today(deps, request);
    const state = stateOn(row, day);
    const change = request.body;
    const approving = state.status === 'requested' && change.status === 'active';
    const planId = change.planId ?? (approving ? state.planId : undefined);
    const planRow = planId === undefined ? undefined : await findPlan(deps.store.db, space.id, planId);
    const next = rowOf(changeMembership(state, change, planRow && toPlan(planRow), day), deps.now().getTime());
    // The periods granted under the terms that end with this write (a pause, an end, a change of plan).
    await grantPeriods(deps.store.db, space, { type: row.holder_type, id: row.holder_id } as MembershipHolder, deps.now());
    // Written only if still at the version read: a change committed in between is not overwritten.
    const membership = toMembership(stateOn(next, day), day);
    await writeWithEvent(deps, space.id, 'membership.updated', membership, async (trx) => {
      if (!(await writeMembership(trx, next, row.version))) throw changedMeanwhile(request, 'membership');
    });
    setEtag(reply, next.version);
    return membership;
  },

  async listMyMemberships(request) {
    const { space } = spaceOf(request);
    const memberId = personOf(request.caller)!;
    const member = await findMember(deps.store.db, space.id, memberId);
    const holders: MembershipHolder[] = [{ type: 'member', id: memberId }];
    if (member?.organisation_id) holders.push({ type: 'organisation', id: member.organisation_id });
    return listPage(deps, space.id, today(deps, request), { holders }, request.query.limit ?? 20, request.query.cursor);
  },

  async requestMembership(request, reply) {
    const { space } = spaceOf(request);
    const memberId = personOf(request.caller)!;
    const day = today(deps, request);
    const { planId, startDate = day } = request.body;
    if (startDate < day) throw ruleViolation('start_in_past', `The first day asked for (${startDate}) has passed; today is ${day} in the space.`);
    const plan = await planOrRefuse(deps, space.id, planId);
    const holder = { type: 'member', id: memberId } as const;
    if (await hasOpenMembership(deps.store.db, space.id, holder, day, planId)) throw conflict('You already have a membership of this plan, or have asked for one.');
    const row = newMembershipRow({ spaceId: space.id, holder, plan, status: plan.selfService ? 'active' : 'requested', startDate, now: deps.now().getTime() });
    const membership = toMembership(stateOn(row, day), day);
    await writeWithEvent(deps, space.id, 'membership.created', membership, (trx) => trx.insertInto('memberships').values(row).execute());
    reply.code(201);
    setEtag(reply, row.version);
    return membership;
  },
});
