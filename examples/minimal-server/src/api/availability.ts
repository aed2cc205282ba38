// getAvailability and createQuote.
import { freeSlots } from '../availability.ts';
import { bodyOf, queryOf, rejectUnknownCredentials, spaceOf, type Answer, type Call } from '../call.ts';
import { invalid, notFound, unauthorized } from '../problem.ts';
import { priceOf } from '../pricing.ts';
import { checkRules } from '../rules.ts';
import { id, quoteRequest, resourceTypes } from '../schemas.ts';
import { iso, parseInstant } from '../time.ts';
import { oneOf } from '../validate.ts';
import { resourceKey, resourcesOf } from './resources.ts';
import { compareKeys } from '../call.ts';

const maxWindow = 31 * 86_400_000;

export function getAvailability(call: Call): Answer {
  const space = spaceOf(call);
  rejectUnknownCredentials(call);
  const query = queryOf(
    call,
    { from: { kind: 'instant' }, to: { kind: 'instant' }, resourceId: { kind: 'string', schema: id }, type: { kind: 'string', schema: oneOf(resourceTypes) }, quantity: { kind: 'integer', min: 1, max: 1000 } },
    ['from', 'to'],
  );
  if (query.to <= query.from) throw invalid([{ pointer: '/query/to', detail: 'must be after from' }]);
  if (query.to - query.from > maxWindow) throw invalid([{ pointer: '/query/to', detail: 'must be at most 31 days after from' }]);
  const quantity: number = query.quantity ?? 1;
  // Without a member token the caller books as a guest; staff see every resource.
  const mayBook = (resource: { bookableBy: string[] }) => call.caller.kind === 'staff' || resource.bookableBy.includes('guest');
  let resources = [...resourcesOf(call).values()].filter((resource) => resource.status === 'active').toSorted((a, b) => compareKeys(resourceKey(a), resourceKey(b)));
  if (query.resourceId !== undefined) {
    const named = resources.find((resource) => resource.id === query.resourceId);
    if (!named) throw notFound(`No active resource ${query.resourceId} in this space.`);
    if (!mayBook(named)) throw unauthorized('This resource is for members: sign in to see its availability.');
    resources = [named];
  }
  const bookings = call.store.bookings.get(space.id)!.values();
  const all = [...bookings];
  const entries = resources
    .filter((resource) => mayBook(resource) && (!query.type || resource.type === query.type) && resource.quantity >= quantity)
    .map((resource) => ({
      resourceId: resource.id,
      quantity: resource.quantity,
      rules: { granularity: resource.rules.granularity, minDuration: resource.rules.minDuration, maxDuration: resource.rules.maxDuration },
      slots: freeSlots(space, resource, all, query.from, query.to, quantity, call.now).map((slot) => ({ start: iso(slot.start), end: iso(slot.end), remaining: slot.remaining })),
    }));
  return { status: 200, body: { spaceId: space.id, timeZone: space.timeZone, from: iso(query.from), to: iso(query.to), quantity, resources: entries } };
}

export function createQuote(call: Call): Answer {
  const space = spaceOf(call);
  rejectUnknownCredentials(call);
  const input = bodyOf(call, quoteRequest, { required: true });
  const resource = resourcesOf(call).get(input.resourceId);
  if (!resource || resource.status !== 'active') throw notFound(`No active resource ${input.resourceId} in this space.`);
  const start = parseInstant(input.start)!;
  const end = parseInstant(input.end)!;
  const quantity = input.quantity ?? 1;
  checkRules(space, resource, { start, end, quantity, attendees: quantity }, { audience: 'guest', staff: false }, call.now);
  const price = priceOf(space, resource, 'guest', start, end, quantity);
  return { status: 200, body: { resourceId: resource.id, start: iso(start), end: iso(end), quantity, audience: 'guest', lines: price.lines, total: price.total } };
}
