import type { components } from '@coworking-commons/client';
import type { ExpressionBuilder, Kysely, Selectable } from 'kysely';
import type { Database, MembershipsTable } from '../db/schema.ts';
import { newId } from '../domain/ids.ts';
import { periodContaining, type Period } from '../domain/periods.ts';
import { ruleViolation } from '../http/problem.ts';
import { compact, extensionsOf, iso, parseJson } from './json.ts';
import type { Plan } from './plans.ts';

export type Membership = components['schemas']['Membership'];
export type MembershipCreate = components['schemas']['MembershipCreate'];
export type MembershipUpdate = components['schemas']['MembershipUpdate'];
export type MembershipStatus = components['schemas']['MembershipStatus'];
export type MembershipHolder = components['schemas']['MembershipHolder'];
export type MembershipRow = Selectable<MembershipsTable>;
type Money = components['schemas']['Money'];

/** What the row keeps as JSON: the frozen terms, and those of a pending change of plan. */
interface MembershipDocument {
  price: Money;
  period: Period;
  periodAnchor: string;
  pending?: { price: Money; period: Period };
  [extension: `x-${string}`]: unknown;
}

/** A membership's state on a given day: the stored one with what that day changes applied. */
export interface MembershipState {
  row: MembershipRow;
  status: MembershipStatus;
  planId: string;
  price: Money;
  period: Period;
  periodAnchor: string;
  startDate: string;
  endDate?: string;
  pendingChange?: { planId: string; price: Money; period: Period; effectiveDate: string };
  extensions: Record<string, unknown>;
}

const running = (status: MembershipStatus) => status === 'active' || status === 'paused';

/**
 * The membership as it is on `today` (a local date): a pending change of plan whose date has come
 * applies, and a running membership whose last day has passed is ended.
 */
export function stateOn(row: MembershipRow, today: string): MembershipState {
  const document = parseJson<MembershipDocument>(row.document);
  let status = row.status as MembershipStatus;
  if (running(status) && row.end_date !== null && row.end_date < today) status = 'ended';
  const state: MembershipState = {
    row,
    status,
    planId: row.plan_id,
    price: document.price,
    period: document.period,
    periodAnchor: document.periodAnchor,
    startDate: row.start_date,
    ...(row.end_date === null ? {} : { endDate: row.end_date }),
    extensions: extensionsOf(document),
  };
  if (row.pending_plan_id !== null && row.pending_date !== null && document.pending) {
    const change = { planId: row.pending_plan_id, ...document.pending, effectiveDate: row.pending_date };
    if (row.pending_date <= today) Object.assign(state, { planId: change.planId, price: change.price, period: change.period, periodAnchor: change.effectiveDate });
    else state.pendingChange = change;
  }
  return state;
}

export function toMembership(state: MembershipState, today: string): Membership {
  const { row } = state;
  const current = running(state.status) && today >= state.periodAnchor ? periodContaining(state.periodAnchor, state.period, today) : undefined;
  return compact({
    ...state.extensions,
    id: row.id,
    holder: { type: row.holder_type, id: row.holder_id } as MembershipHolder,
    planId: state.planId,
    status: state.status,
    startDate: state.startDate,
    endDate: state.endDate,
    price: state.price,
    period: state.period,
    periodAnchor: state.periodAnchor,
    currentPeriod: current,
    pendingChange: state.pendingChange,
    createdAt: iso(Number(row.created_at)),
    updatedAt: iso(Number(row.updated_at)),
    version: row.version,
  }) as Membership;
}

/** The row that stores a state (a pending change included), at the next version. */
export function rowOf(state: MembershipState, now: number): MembershipRow {
  const document: MembershipDocument = {
    ...(state.extensions as object),
    price: state.price,
    period: state.period,
    periodAnchor: state.periodAnchor,
    ...(state.pendingChange ? { pending: { price: state.pendingChange.price, period: state.pendingChange.period } } : {}),
  };
  return {
    ...state.row,
    plan_id: state.planId,
    status: state.status,
    start_date: state.startDate,
    end_date: state.endDate ?? null,
    pending_plan_id: state.pendingChange?.planId ?? null,
    pending_date: state.pendingChange?.effectiveDate ?? null,
    document: JSON.stringify(document),
    updated_at: now,
    version: state.row.version + 1,
  };
}

export const terms = (plan: Plan) => ({ price: { amount: plan.price.amount, currency: plan.price.currency }, period: plan.period as Period });

/** A new membership row (not inserted), its terms copied from the plan. */
export function newMembershipRow(options: {
  spaceId: string;
  holder: MembershipHolder;
  plan: Plan;
  status: MembershipStatus;
  startDate: string;
  endDate?: string;
  extensions?: Record<string, unknown>;
  now: number;
}): MembershipRow {
  if (options.endDate !== undefined && options.endDate < options.startDate) throw ruleViolation('end_before_start', 'The membership’s last day is before its first.');
  const document: MembershipDocument = { ...(options.extensions ?? {}), ...terms(options.plan), periodAnchor: options.startDate };
  return {
    id: newId('ms'),
    space_id: options.spaceId,
    holder_type: options.holder.type,
    holder_id: options.holder.id,
    plan_id: options.plan.id,
    status: options.status,
    start_date: options.startDate,
    end_date: options.endDate ?? null,
    pending_plan_id: null,
    pending_date: null,
    document: JSON.stringify(document),
    created_at: options.now,
    updated_at: options.now,
    version: 1,
  };
}

const moves: Record<MembershipStatus, readonly MembershipStatus[]> = {
  requested: ['active', 'refused'],
  active: ['paused', 'ended'],
  paused: ['active', 'ended'],
  ended: [],
  refused: [],
};

/**
 * Applies a staff change to the state of `today`: the move of status first, then the change of
 * plan (`plan`, already looked up), then the last day. Throws a rule violation for what the
 * spec refuses.
 */
export function changeMembership(state: MembershipState, change: MembershipUpdate, plan: Plan | undefined, today: string): MembershipState {
  const next: MembershipState = { ...state };
  let planDone = false;
  if (change.status !== undefined && change.status !== state.status) {
    if (!moves[state.status].includes(change.status)) {
      throw ruleViolation('status_transition', `A membership that is ${state.status} cannot become ${change.status}.`);
    }
    next.status = change.status;
    if (state.status === 'requested' && change.status === 'active') {
      // Approved: it starts today at the earliest, at the plan's price of now (frozen from then).
      if (!plan) throw ruleViolation('unknown_plan', `There is no plan "${change.planId ?? state.planId}" in this space.`);
      next.startDate = state.startDate < today ? today : state.startDate;
      Object.assign(next, { planId: plan.id, ...terms(plan), periodAnchor: next.startDate });
      planDone = true;
    }
    if (change.status === 'ended') next.endDate = state.endDate !== undefined && state.endDate < today ? state.endDate : today;
  }
  if (change.planId !== undefined && !planDone) {
    if (!plan) throw ruleViolation('unknown_plan', `There is no plan "${change.planId}" in this space.`);
    if (next.status === 'requested') {
      Object.assign(next, { planId: plan.id, ...terms(plan) });
    } else if (!running(next.status)) {
      throw ruleViolation('not_running', `The plan of a membership that is ${next.status} cannot change.`);
    } else if (plan.id === next.planId) {
      // Back to the plan that applies: a pending change is dropped.
      next.pendingChange = undefined;
    } else if (change.effective === 'now' || today < next.periodAnchor) {
      Object.assign(next, { planId: plan.id, ...terms(plan), periodAnchor: today < next.startDate ? next.startDate : today, pendingChange: undefined });
    } else {
      const { end } = periodContaining(next.periodAnchor, next.period, today);
      next.pendingChange = { planId: plan.id, ...terms(plan), effectiveDate: end };
    }
  }
  if (change.endDate !== undefined) {
    if (change.status === 'ended') throw ruleViolation('conflicting_changes', 'Ending a membership sets its last day to today: to end it another day, send `endDate` alone.');
    if (next.status === 'ended' || next.status === 'refused') throw ruleViolation('not_running', `The last day of a membership that is ${next.status} cannot change.`);
    if (change.endDate === null) next.endDate = undefined;
    else if (change.endDate < next.startDate) throw ruleViolation('end_before_start', 'The membership’s last day is before its first.');
    else next.endDate = change.endDate;
  }
  return next;
}

/** Writes a changed row read at `version`; false, and nothing written, when it changed since. */
export async function writeMembership(db: Kysely<Database>, row: MembershipRow, version: number): Promise<boolean> {
  const { id, space_id: _space, created_at: _created, ...changes } = row;
  const result = await db.updateTable('memberships').set(changes).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function findMembership(db: Kysely<Database>, spaceId: string, id: string): Promise<MembershipRow | undefined> {
  return db.selectFrom('memberships').selectAll().where('space_id', '=', spaceId).where('id', '=', id).executeTakeFirst();
}

type Where = ExpressionBuilder<Database, 'memberships'>;

/** Memberships whose status on `today` is `status` (a running one past its last day is ended). */
export function statusOn(eb: Where, status: MembershipStatus, today: string) {
  const pastEnd = eb.and([eb('end_date', 'is not', null), eb('end_date', '<', today)]);
  if (status === 'ended') return eb.or([eb('status', '=', 'ended'), eb.and([eb('status', 'in', ['active', 'paused']), pastEnd])]);
  if (status === 'active' || status === 'paused') return eb.and([eb('status', '=', status), eb.not(pastEnd)]);
  return eb('status', '=', status);
}

/** Memberships whose plan on `today` is `planId` (a pending change applies from its date). */
export function planOn(eb: Where, planId: string, today: string) {
  const pendingApplies = eb.and([eb('pending_date', 'is not', null), eb('pending_date', '<=', today)]);
  return eb.or([eb.and([eb('plan_id', '=', planId), eb.not(pendingApplies)]), eb.and([eb('pending_plan_id', '=', planId), pendingApplies])]);
}

/** Whether the holder has a membership that is requested, active or paused on `today` (of `planId`, when given). */
export async function hasOpenMembership(db: Kysely<Database>, spaceId: string, holder: MembershipHolder, today: string, planId?: string): Promise<boolean> {
  const row = await db
    .selectFrom('memberships')
    .select('id')
    .where('space_id', '=', spaceId)
    .where('holder_type', '=', holder.type)
    .where('holder_id', '=', holder.id)
    .where((eb) => eb.or([statusOn(eb, 'requested', today), statusOn(eb, 'active', today), statusOn(eb, 'paused', today)]))
    .$if(planId !== undefined, (q) => q.where((eb) => planOn(eb, planId!, today)))
    .executeTakeFirst();
  return row !== undefined;
}
