// listResources, createResource, getResource, deleteResource.
import { bodyOf, checkIdParams, checkIfMatch, pageQuery, page, queryOf, rejectUnknownCredentials, requireStaff, spaceOf, type Answer, type Call } from '../call.ts';
import { notFound, Problem, ruleViolation } from '../problem.ts';
import { oneOf } from '../validate.ts';
import { resourceCreate, resourceTypes } from '../schemas.ts';
import { newId, type OpeningRange, type Resource, type Rules } from '../store.ts';
import { elapsedOf, minutesOf, parseDuration } from '../time.ts';
import { etag, resourceView } from './views.ts';

export const resourceKey = (resource: Resource) => [resource.type, resource.name, resource.id];

export function resourcesOf(call: Call): Map<string, Resource> {
  return call.store.resources.get(spaceOf(call).id)!;
}

export function listResources(call: Call): Answer {
  const resources = resourcesOf(call);
  rejectUnknownCredentials(call);
  const query = queryOf(call, { type: { kind: 'string', schema: oneOf(resourceTypes) }, ...pageQuery });
  const visible = [...resources.values()].filter((resource) => (call.caller.kind === 'staff' || resource.status === 'active') && (!query.type || resource.type === query.type));
  const result = page(visible, resourceKey, 3, query);
  return { status: 200, body: { ...result, items: result.items.map(resourceView) } };
}

export function getResource(call: Call): Answer {
  const resources = resourcesOf(call);
  checkIdParams(call);
  const resource = resources.get(call.params.resourceId!);
  if (!resource) throw notFound(`No resource ${call.params.resourceId} in this space.`);
  return { status: 200, headers: etag(resource.version), body: resourceView(resource) };
}

export function createResource(call: Call): Answer {
  const space = spaceOf(call);
  const resources = resourcesOf(call);
  requireStaff(call);
  const input = bodyOf(call, resourceCreate, { required: true });
  const granularity = input.rules?.granularity ?? 'PT30M';
  const rules: Rules = {
    granularity,
    minDuration: granularity,
    maxDuration: 'P1D',
    leadTime: 'PT0S',
    horizon: 'P90D',
    bufferBefore: 'PT0S',
    bufferAfter: 'PT0S',
    approvalRequired: false,
    ...input.rules,
  };
  checkResourceRules(rules);
  if (input.openingHours) checkOpeningHours(input.openingHours);
  for (const offer of input.offers ?? []) {
    if (offer.price.currency !== space.currency) throw ruleViolation('currency', `Offers are priced in the space's currency, ${space.currency}.`);
  }
  const extensions = Object.fromEntries(Object.entries(input).filter(([name]) => name.startsWith('x-')));
  const resource: Resource = {
    ...extensions,
    id: newId('rs'),
    type: input.type,
    name: input.name,
    ...(input.description !== undefined ? { description: input.description } : {}),
    capacity: input.capacity,
    quantity: input.quantity ?? 1,
    amenities: input.amenities ?? [],
    images: input.images ?? [],
    bookableBy: input.bookableBy ?? ['member'],
    rules,
    ...(input.openingHours ? { openingHours: input.openingHours } : {}),
    offers: (input.offers ?? []).map((offer: any) => ({ ...offer, id: newId('of') })),
    ...(input.translations ? { translations: input.translations } : {}),
    status: input.status ?? 'active',
    version: 1,
  };
  resources.set(resource.id, resource);
  return { status: 201, headers: { ...etag(1), location: `${call.publicUrl}/spaces/${space.id}/resources/${resource.id}` }, body: resourceView(resource) };
}

export function deleteResource(call: Call): Answer {
  const space = spaceOf(call);
  const resources = resourcesOf(call);
  checkIdParams(call);
  requireStaff(call);
  const resource = resources.get(call.params.resourceId!);
  if (!resource) throw notFound(`No resource ${call.params.resourceId} in this space.`);
  checkIfMatch(call, resource.version, false);
  const toCome = [...call.store.bookings.get(space.id)!.values()].some((booking) => booking.resourceId === resource.id && booking.status !== 'cancelled' && booking.end > call.now);
  if (toCome) throw new Problem(409, 'conflict', 'This resource has bookings still to come: cancel them first, or archive the resource.');
  resources.delete(resource.id);
  return { status: 204 };
}

function checkResourceRules(rules: Rules): void {
  const grid = elapsedOf(parseDuration(rules.granularity));
  const min = elapsedOf(parseDuration(rules.minDuration));
  const max = elapsedOf(parseDuration(rules.maxDuration));
  if (grid === 0) throw ruleViolation('granularity', 'The granularity must be longer than zero.');
  if (min > max) throw ruleViolation('min_duration', 'minDuration may not exceed maxDuration.');
  if (min % grid !== 0 || max % grid !== 0) throw ruleViolation('granularity', 'minDuration and maxDuration must be multiples of the granularity.');
}

function checkOpeningHours(ranges: OpeningRange[]): void {
  for (const [index, range] of ranges.entries()) {
    if (range.opens === '24:00' || minutesOf(range.closes) <= minutesOf(range.opens) || minutesOf(range.closes) > 1440) throw ruleViolation('opening_hours', `Opening range ${index} must close after it opens, by 24:00.`);
    const overlapping = ranges.some((other, j) => j !== index && other.day === range.day && minutesOf(other.opens) < minutesOf(range.closes) && minutesOf(range.opens) < minutesOf(other.closes));
    if (overlapping) throw ruleViolation('opening_hours', `Opening ranges of ${range.day} overlap.`);
  }
}
