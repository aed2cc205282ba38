import { spaceOf } from '../http/request-context.ts';
import { notFound, ruleViolation } from '../http/problem.ts';
import { bookingViolations } from '../services/availability.ts';
import { audienceOf, priceBooking } from '../services/pricing.ts';
import { findResource } from '../services/resources.ts';
import { creditHolderOf, creditPrice } from '../services/credits.ts';
import type { HandlerGroup } from './types.ts';

export const quotesHandlers: HandlerGroup = (deps) => ({
  async createQuote(request) {
    const { space } = spaceOf(request);
    const { resourceId } = request.body;
    const quantity = request.body.quantity ?? 1;
    const start = new Date(request.body.start);
    const end = new Date(request.body.end);

    const resource = await findResource(deps.store.db, space.id, resourceId);
    if (!resource || resource.status !== 'active') throw notFound(`There is no bookable resource "${resourceId}" in this space.`);

    // Staff may book any resource; a quote without saying for whom is priced at the guest offers.
    const audience = audienceOf(request.caller);
    const violation = bookingViolations(space, resource, {
      start,
      end,
      quantity,
      audience: request.caller.kind === 'staff' ? 'staff' : audience,
      now: deps.now(),
    })[0];
    if (violation) throw ruleViolation(violation.code, violation.detail);

    const price = priceBooking(space, resource, { start, end, quantity, audience });
    const holder = request.caller.kind === 'member' ? await creditHolderOf(deps.store.db, space, request.caller.memberId, deps.now()) : undefined;
    const credits = holder && creditPrice(resource, price);
    return {
      resourceId: resource.id,
      start: start.toISOString(),
      end: end.toISOString(),
      quantity,
      audience: price.audience,
      lines: price.lines,
      total: credits === undefined ? price.total : { amount: 0, currency: price.total.currency },
      ...(credits === undefined ? {} : { credits }),
    };
  },
});
