import { spaceOf } from '../http/request-context.ts';
import { changedMeanwhile, checkOptionalIfMatch, setEtag } from '../http/etag.ts';
import { notFound } from '../http/problem.ts';
import { decodeCursor, page } from '../services/pagination.ts';
import { comparePlanKeys, findPlan, insertPlan, listSpacePlans, newPlan, patchPlan, planKey, toPlan, updatePlanRow } from '../services/plans.ts';
import type { HandlerGroup } from './types.ts';

const missing = (planId: string) => notFound(`There is no plan "${planId}" in this space.`);

export const plansHandlers: HandlerGroup = (deps) => ({
  async listPlans(request) {
    const { space } = spaceOf(request);
    const limit = request.query.limit ?? 20;
    const after = decodeCursor(request.query.cursor, ['string', 'number', 'number', 'string']);
    const rows = await listSpacePlans(deps.store.db, space.id);
    const rest = after ? rows.filter((row) => comparePlanKeys(planKey(row), after) > 0) : rows;
    return page(rest.slice(0, limit + 1), limit, toPlan, planKey);
  },

  async createPlan(request, reply) {
    const { space } = spaceOf(request);
    const plan = await insertPlan(deps.store.db, space.id, newPlan(request.body, space), deps.now().getTime());
    reply.code(201).header('location', `${deps.config.publicUrl}/spaces/${encodeURIComponent(space.id)}/plans/${plan.id}`);
    setEtag(reply, 1);
    return plan;
  },

  async getPlan(request, reply) {
    const { space } = spaceOf(request);
    const row = await findPlan(deps.store.db, space.id, request.params.planId);
    if (!row) throw missing(request.params.planId);
    setEtag(reply, row.version);
    return toPlan(row);
  },

  async updatePlan(request, reply) {
    const { space } = spaceOf(request);
    const row = await findPlan(deps.store.db, space.id, request.params.planId);
    if (!row) throw missing(request.params.planId);
    checkOptionalIfMatch(request, row.version);
    const plan = { ...patchPlan(toPlan(row), request.body, space), version: row.version + 1 };
    // Written only if still at the version read: a change committed in between is not overwritten.
    if (!(await updatePlanRow(deps.store.db, plan, row.version, deps.now().getTime()))) throw changedMeanwhile(request, 'plan');
    setEtag(reply, plan.version);
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
