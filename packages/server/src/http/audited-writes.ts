import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Deps } from '../deps.ts';
import { toApiKey } from '../services/api-keys.ts';
import { appendAuditEntry, type AuditResourceType } from '../services/audit-log.ts';
import { findBooking, toBooking } from '../services/bookings.ts';
import { findCreditEntry } from '../services/credits.ts';
import { findEvent, toEvent } from '../services/events.ts';
import { parseJson } from '../services/json.ts';
import { findMember, toMember, todayIn } from '../services/members.ts';
import { findMembership, stateOn, toMembership } from '../services/memberships.ts';
import { loadOrganisation } from '../services/organisations.ts';
import { findPlan, toPlan } from '../services/plans.ts';
import { findRegistration, toRegistration } from '../services/registrations.ts';
import { findResource } from '../services/resources.ts';
import { toSpace } from '../services/spaces.ts';
import { findSubscription, toSubscription } from '../webhooks/subscriptions.ts';

type Document = Record<string, unknown>;
type Load = (db: Kysely<Database>, spaceId: string, id: string, now: Date) => Promise<Document | undefined>;

const asStaff = { kind: 'staff', actor: { type: 'apiKey', id: '' }, scopes: [] } as const;

/** Each kind of object as the API shows it to staff; undefined once it is gone (deleted, erased, revoked). */
const loaders: Record<AuditResourceType, Load> = {
  async space(db, spaceId) {
    const row = await db.selectFrom('spaces').selectAll().where('id', '=', spaceId).executeTakeFirst();
    return row && { ...toSpace(row), allowedOrigins: parseJson<string[]>(row.allowed_origins) };
  },
  resource: (db, spaceId, id) => findResource(db, spaceId, id) as Promise<Document | undefined>,
  async booking(db, spaceId, id) {
    const row = await findBooking(db, spaceId, id);
    return row && toBooking(row);
  },
  async member(db, spaceId, id) {
    const row = await findMember(db, spaceId, id);
    return row && toMember(row);
  },
  async plan(db, spaceId, id) {
    const row = await findPlan(db, spaceId, id);
    return row && toPlan(row);
  },
  async event(db, spaceId, id) {
    const row = await findEvent(db, spaceId, id, asStaff);
    return row && toEvent(row);
  },
  async registration(db, spaceId, id) {
    const row = await findRegistration(db, spaceId, id);
    return row && toRegistration(row);
  },
  organisation: (db, spaceId, id) => loadOrganisation(db, spaceId, id) as Promise<Document | undefined>,
  async membership(db, spaceId, id, now) {
    const row = await findMembership(db, spaceId, id);
    if (!row) return undefined;
    const space = await db.selectFrom('spaces').select('document').where('id', '=', spaceId).executeTakeFirstOrThrow();
    // As it reads on the day of the write, in the space's zone.
    const day = todayIn(parseJson<{ timeZone: string }>(space.document).timeZone, now);
    return toMembership(stateOn(row, day), day);
  },
  creditEntry: (db, spaceId, id) => findCreditEntry(db, spaceId, id) as Promise<Document | undefined>,
  async webhookSubscription(db, spaceId, id) {
    const row = await findSubscription(db, spaceId, id);
    return row && toSubscription(row);
  },
  async webhookDelivery(db, spaceId, id) {
    const row = await db.selectFrom('webhook_deliveries').selectAll().where('space_id', '=', spaceId).where('id', '=', id).executeTakeFirst();
    return row && { id: row.id, subscriptionId: row.subscription_id, eventType: row.event_type, status: row.status, attemptCount: row.attempts };
  },
  async apiKey(db, spaceId, id) {
    const row = await db.selectFrom('api_keys').selectAll().where('space_id', '=', spaceId).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
    return row && toApiKey(row);
  },
};

/**
 * The object each staff write changes: its kind, and the path parameter naming it (a creation
 * names it in its answer's `id`).
 */
const subjects: Record<string, { type: AuditResourceType; param?: string }> = {
  updateSpace: { type: 'space', param: 'spaceId' },
  createResource: { type: 'resource' },
  updateResource: { type: 'resource', param: 'resourceId' },
  deleteResource: { type: 'resource', param: 'resourceId' },
  createBooking: { type: 'booking' },
  rescheduleBooking: { type: 'booking', param: 'bookingId' },
  cancelBooking: { type: 'booking', param: 'bookingId' },
  confirmBooking: { type: 'booking', param: 'bookingId' },
  createMember: { type: 'member' },
  updateMember: { type: 'member', param: 'memberId' },
  deleteMember: { type: 'member', param: 'memberId' },
  createPlan: { type: 'plan' },
  updatePlan: { type: 'plan', param: 'planId' },
  deletePlan: { type: 'plan', param: 'planId' },
  createEvent: { type: 'event' },
  updateEvent: { type: 'event', param: 'eventId' },
  deleteEvent: { type: 'event', param: 'eventId' },
  createRegistration: { type: 'registration' },
  cancelRegistration: { type: 'registration', param: 'registrationId' },
  createApiKey: { type: 'apiKey' },
  revokeApiKey: { type: 'apiKey', param: 'apiKeyId' },
  createOrganisation: { type: 'organisation' },
  updateOrganisation: { type: 'organisation', param: 'organisationId' },
  deleteOrganisation: { type: 'organisation', param: 'organisationId' },
  createMembership: { type: 'membership' },
  updateMembership: { type: 'membership', param: 'membershipId' },
  adjustMemberCredits: { type: 'creditEntry' },
  adjustOrganisationCredits: { type: 'creditEntry' },
  createWebhookSubscription: { type: 'webhookSubscription' },
  updateWebhookSubscription: { type: 'webhookSubscription', param: 'subscriptionId' },
  deleteWebhookSubscription: { type: 'webhookSubscription', param: 'subscriptionId' },
  replayWebhookDelivery: { type: 'webhookDelivery', param: 'deliveryId' },
};

/** The changing operations open to staff: each must say what it changes, or the server does not start. */
export function checkAuditedOperations(changingStaffOperations: Iterable<string>): void {
  const missing = [...changingStaffOperations].filter((id) => !(id in subjects));
  if (missing.length > 0) throw new Error(`Staff writes without an audit subject: ${missing.join(', ')}`);
}

/**
 * Runs a write and, when the caller has staff rights, records it in the audit log: the object
 * before and after, read in the request's transaction, so the entry commits or rolls back with
 * the change. A replayed answer (`Idempotent-Replayed`) wrote nothing and records nothing.
 */
export async function withAudit<T>(deps: Pick<Deps, 'store' | 'now'>, operationId: string, request: FastifyRequest, reply: FastifyReply, run: () => Promise<T>): Promise<T> {
  const subject = subjects[operationId];
  const { caller } = request;
  if (subject === undefined || caller.kind !== 'staff') return run();
  const spaceId = (request.params as { spaceId: string }).spaceId;
  const load = loaders[subject.type];
  const named = subject.param === undefined ? undefined : (request.params as Record<string, string>)[subject.param];
  const before = named === undefined ? undefined : await load(deps.store.db, spaceId, named, deps.now());
  const body = await run();
  if (reply.getHeader('idempotent-replayed') === 'true') return body;
  const resourceId = named ?? (body as { id?: string } | undefined)?.id;
  if (resourceId === undefined) throw new Error(`${operationId} answered no id to audit`);
  const after = await load(deps.store.db, spaceId, resourceId, deps.now());
  await appendAuditEntry(deps, { spaceId, actor: caller.actor, operationId, resourceType: subject.type, resourceId, before, after });
  return body;
}
