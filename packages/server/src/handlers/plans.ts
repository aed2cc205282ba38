import { spaceOf } from '../http/request-context.ts';
import { notFound, validationError } from '../http/problem.ts';
import { decodeCursor, page } from '../services/pagination.ts';
import { comparePlanKeys, findPlan, insertPlan, listSpacePlans, newPlan, patchPlan, planKey, toPlan, updatePlanRow, type PlanKey } from '../services/plans.ts';
import type { HandlerGroup } from './types.ts';

const badCursor = () => validationError([{ pointer: '/query/cursor', detail: 'is not a cursor this server gave' }]);

const missing = (planId: string) => notFound(`There is no plan "${planId}" in this space.`);

const isPlanKey = (key: unknown[]): key is PlanKey =>
  typeof key[0] === 'string' && typeof key[1] === 'number' && typeof key[2] === 'number' && typeof key[3] === 'string';

export const plansHandlers: HandlerGroup = (deps) => ({
  async listPlans(request) {
    const { space } = spaceOf(request);
    const limit = request.query.limit ?? 20;
    const after = decodeCursor(request.query.cursor, 4);
    if (after && !isPlanKey(after)) throw badCursor();
    const rows = await listSpacePlans(deps.store.db, space.id);
    const rest = after ? rows.filter((row) => comparePlanKeys(planKey(row), after as PlanKey) > 0) : rows;
    return page(rest.slice(0, limit + 1), limit, toPlan, planKey);
  },

  async createPlan(request, reply) {
    const { space } = spaceOf(request);
    const plan = newPlan(request.body, space);
    await insertPlan(deps.store.db, space.id, plan, deps.now().getTime());
    reply.code(201).header('location', `${deps.config.publicUrl}/spaces/${encodeURIComponent(space.id)}/plans/${plan.id}`);
    return plan;
  },

  async getPlan(request) {
    const { space } = spaceOf(request);
    const row = await findPlan(deps.store.db, space.id, request.params.planId);
    if (!row) throw missing(request.params.planId);
    return toPlan(row);
  },

  async updatePlan(request) {
    const { space } = spaceOf(request);
    const row = await findPlan(deps.store.db, space.id, request.params.planId);
    if (!row) throw missing(request.params.planId);
    const plan = patchPlan(toPlan(row), request.body, space);
    await updatePlanRow(deps.store.db, plan, deps.now().getTime());
    return plan;
  },

  async deletePlan(request, reply) {
    const { space } = spaceOf(request);
    const result = await deps.store.db.deleteFrom('plans').where('space_id', '=', space.id).where('id', '=', request.params.planId).executeTakeFirst();
    if (Number(result.numDeletedRows) === 0) throw missing(request.params.planId);
    reply.code(204);
    return undefined;
  },
});
