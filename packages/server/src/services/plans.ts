import type { components } from '@coworking-commons/client';
import type { Kysely, Selectable } from 'kysely';
import type { Database, PlansTable } from '../db/schema.ts';
import { newId } from '../domain/ids.ts';
import { ruleViolation, validationError, type FieldError } from '../http/problem.ts';
import { compact, extensionsOf, parseJson } from './json.ts';
import type { Space } from './spaces.ts';

export type Plan = components['schemas']['Plan'];
export type PlanCreate = components['schemas']['PlanCreate'];
export type PlanUpdate = components['schemas']['PlanUpdate'];
export type PlanPeriod = components['schemas']['PlanPeriod'];
export type PlanRow = Selectable<PlansTable>;
export type PlanGrants = components['schemas']['PlanGrants'];
type PlanGrantsUpdate = components['schemas']['PlanGrantsUpdate'];

export function toPlan(row: PlanRow): Plan {
  return { ...parseJson<Omit<Plan, 'id' | 'version'>>(row.document), id: row.id, version: row.version } as Plan;
}

export async function findPlan(db: Kysely<Database>, spaceId: string, planId: string): Promise<PlanRow | undefined> {
  return db.selectFrom('plans').selectAll().where('space_id', '=', spaceId).where('id', '=', planId).executeTakeFirst();
}

// The order of listPlans: by period (day to year), then cheapest first, then oldest first. A space
// has few plans: they are sorted here and paged with a keyset cursor on this sort key.

const PERIODS: readonly PlanPeriod[] = ['day', 'week', 'month', 'year'];

export type PlanKey = [period: string, amount: number, position: number, id: string];

export function planKey(row: PlanRow): PlanKey {
  const plan = toPlan(row);
  return [plan.period, plan.price.amount, Number(row.position), row.id];
}

export function comparePlanKeys(a: PlanKey, b: PlanKey): number {
  return (
    PERIODS.indexOf(a[0] as PlanPeriod) - PERIODS.indexOf(b[0] as PlanPeriod) ||
    a[1] - b[1] ||
    a[2] - b[2] ||
    (a[3] < b[3] ? -1 : a[3] > b[3] ? 1 : 0)
  );
}

/** The space's plans in listing order. */
export async function listSpacePlans(db: Kysely<Database>, spaceId: string): Promise<PlanRow[]> {
  const rows = await db.selectFrom('plans').selectAll().where('space_id', '=', spaceId).execute();
  return rows.sort((a, b) => comparePlanKeys(planKey(a), planKey(b)));
}

function checkCurrency(plan: Plan, space: Space): void {
  if (plan.price.currency !== space.currency) {
    throw ruleViolation('currency', `The plan is priced in ${plan.price.currency}; every price of this space is in ${space.currency}.`);
  }
}

const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/**
 * Refuses what the schema cannot say about access hours: each range closes after it opens, within
 * the day (`24:00` at most), and the ranges of one day do not overlap. Each error names its range.
 */
function checkGrants(grants: PlanGrants | undefined): void {
  const errors: FieldError[] = [];
  const ranges = grants?.accessHours ?? [];
  ranges.forEach((range, i) => {
    const pointer = `/grants/accessHours/${i}`;
    const opens = minutes(range.opens);
    const closes = minutes(range.closes);
    if (opens > 24 * 60 || closes > 24 * 60) errors.push({ pointer, detail: 'has a time after 24:00' });
    else if (closes <= opens) errors.push({ pointer, detail: `closes (${range.closes}) at or before it opens (${range.opens}); access past midnight is two ranges` });
    else {
      const other = ranges.findIndex((r, j) => j < i && r.day === range.day && minutes(r.opens) < closes && opens < minutes(r.closes) && minutes(r.opens) < minutes(r.closes));
      if (other >= 0) errors.push({ pointer, detail: `overlaps range ${other} of ${range.day}` });
    }
  });
  if (errors.length > 0) throw validationError(errors, 'The access hours of the plan are not weekly ranges that close after they open and do not overlap.');
}

/** The grants as stored: copied field by field, an empty object none at all. */
function grantsFrom(input: PlanGrants | undefined): PlanGrants | undefined {
  if (input === undefined) return undefined;
  const grants = compact({
    credits: input.credits,
    includedDays: input.includedDays,
    resourceTypes: input.resourceTypes ? [...input.resourceTypes] : undefined,
    accessHours: input.accessHours?.map((r) => ({ day: r.day, opens: r.opens, closes: r.closes })),
  }) as PlanGrants;
  return Object.keys(grants).length > 0 ? grants : undefined;
}

/** The grants with a change applied: fields present replace theirs, `null` removes one; `null` for all removes them. */
function patchGrants(current: PlanGrants | undefined, change: PlanGrantsUpdate | null | undefined): PlanGrants | undefined {
  if (change === undefined) return current;
  if (change === null) return undefined;
  const merged: Record<string, unknown> = { ...current };
  for (const [key, value] of Object.entries(change)) {
    if (value === null) delete merged[key];
    else if (value !== undefined) merged[key] = value;
  }
  return grantsFrom(merged as PlanGrants);
}

export function newPlan(input: PlanCreate, space: Space): Plan {
  const plan = compact({
    ...extensionsOf(input),
    id: newId('pl'),
    name: input.name,
    description: input.description,
    price: { amount: input.price.amount, currency: input.price.currency },
    period: input.period,
    includes: input.includes ?? [],
    featured: input.featured ?? false,
    grants: grantsFrom(input.grants),
    // Absent means false (servers of 0.1.0 never sent it): only a self-service plan says so.
    selfService: input.selfService === true ? true : undefined,
    translations: input.translations,
  }) as Plan;
  checkGrants(plan.grants);
  checkCurrency(plan, space);
  return plan;
}

export function patchPlan(current: Plan, change: PlanUpdate, space: Space): Plan {
  const { grants, ...rest } = change;
  const plan = compact({
    ...current,
    ...rest,
    id: current.id,
    grants: patchGrants(current.grants, grants),
    ...(change.selfService === false ? { selfService: undefined } : {}),
  }) as Plan;
  checkGrants(plan.grants);
  checkCurrency(plan, space);
  return plan;
}

export async function insertPlan(db: Kysely<Database>, spaceId: string, plan: Plan, now: number): Promise<Plan> {
  const { id, version: _version, ...document } = plan;
  const last = await db.selectFrom('plans').select((eb) => eb.fn.max('position').as('position')).where('space_id', '=', spaceId).executeTakeFirst();
  await db
    .insertInto('plans')
    .values({ id, space_id: spaceId, position: Number(last?.position ?? 0) + 1, document: JSON.stringify(document), created_at: now, updated_at: now })
    .execute();
  return { ...plan, version: 1 };
}

/**
 * Writes a change of the plan read at `version`: its version goes up by one. False, and nothing
 * written, when the row is no longer at `version` (another request changed it since).
 */
export async function updatePlanRow(db: Kysely<Database>, plan: Plan, version: number, now: number): Promise<boolean> {
  const { id, version: _version, ...document } = plan;
  const result = await db
    .updateTable('plans')
    .set({ document: JSON.stringify(document), updated_at: now, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
