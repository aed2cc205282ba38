import type { components } from '@coworking-commons/client';
import { sql } from 'kysely';
import type { Deps } from '../deps.ts';
import { CSV_CONTENT_TYPE } from '../domain/csv.ts';
import { newId } from '../domain/ids.ts';
import { hashSecret, newSecret, safeEqual } from '../domain/secrets.ts';
import type { Caller } from '../http/caller.ts';
import { guestTokenOf } from '../http/guest-token.ts';
import { isUniqueViolation, runIdempotent } from '../http/idempotency.ts';
import { acceptsMediaType } from '../http/accept.ts';
import { conflict, forbidden, notAcceptable, notFound, ruleViolation, unauthorized, validationError } from '../http/problem.ts';
import { spaceOf } from '../http/request-context.ts';
import { lockEvent, registeredCount, seesMembersOnly, toEvent } from '../services/events.ts';
import { promoteAndTell } from '../services/waitlist.ts';
import { iso } from '../services/json.ts';
import { decodeCursor, page } from '../services/pagination.ts';
import { findRegistration, registrationsQuery, toRegistration, type RegistrationRow } from '../services/registrations.ts';
import { registrationsCsv } from '../services/registrations-export.ts';
import type { HandlerGroup } from './types.ts';
import { emitEvent } from '../webhooks/emit.ts';

type RegistrationCreated = components['schemas']['RegistrationCreated'];

/** Who a new registration is for, from the caller and the body (the rules of RegistrationCreate). */
type Registrant = { kind: 'member'; memberId: string } | { kind: 'guest'; name: string; email: string };

function registrantOf(caller: Caller, body: components['schemas']['RegistrationCreate']): Registrant {
  if (caller.kind === 'member') {
    if (body.memberId !== undefined && body.memberId !== caller.memberId) throw forbidden('Members register themselves; `memberId` is for staff.');
    if (body.guest !== undefined) throw validationError([{ pointer: '/guest', detail: 'must be left out with a member token: the signed-in member registers' }]);
    return { kind: 'member', memberId: caller.memberId };
  }
  if (caller.kind === 'staff') {
    if ((body.memberId === undefined) === (body.guest === undefined)) {
      throw validationError([{ pointer: body.guest ? '/guest' : '/memberId', detail: 'staff give either `memberId` or `guest`, not both nor neither' }]);
    }
    return body.memberId !== undefined ? { kind: 'member', memberId: body.memberId } : { kind: 'guest', name: body.guest!.name, email: body.guest!.email };
  }
  if (body.memberId !== undefined) throw unauthorized("Registering a member needs that member's token or a staff key.");
  if (body.guest === undefined) throw validationError([{ pointer: '/guest', detail: 'is required without credentials' }]);
  return { kind: 'guest', name: body.guest.name, email: body.guest.email };
}

/** Whether the caller may open this registration: staff, its member, or the holder of its guest token. */
function mayOpen(caller: Caller, row: Pick<RegistrationRow, 'member_id' | 'guest_token_hash'>, guestToken: string | undefined): boolean {
  if (caller.kind === 'staff') return true;
  if (caller.kind === 'member' && row.member_id === caller.memberId) return true;
  return typeof guestToken === 'string' && row.guest_token_hash !== null && safeEqual(row.guest_token_hash, hashSecret(guestToken));
}

export const registrationsHandlers: HandlerGroup = (deps: Deps) => ({
  async createRegistration(request, reply) {
    const { space } = spaceOf(request);
    const { eventId } = request.params;
    const caller = request.caller;
    const body = request.body;
    const registrant = registrantOf(caller, body);

    return (await runIdempotent(deps, request, reply, 'createRegistration', async (trx) => {
      const now = deps.now().getTime();
      // Locked (PostgreSQL) for the rest of the transaction: seats are counted and taken one request at a time.
      const row = await lockEvent(trx, deps.store.kind, space.id, eventId);
      if (!row || (row.visibility === 'members' && !seesMembersOnly(caller))) throw notFound('No such event in this space.');
      const event = toEvent({ ...row, registered: 0 });

      if (event.status === 'cancelled') throw ruleViolation('event_cancelled', 'The event is cancelled.');
      if (!event.registration.audience.includes(registrant.kind)) {
        throw ruleViolation('audience_not_allowed', registrant.kind === 'guest' ? 'This event takes registrations from members only.' : 'This event does not take registrations from members.');
      }
      if (caller.kind === 'staff') {
        // Staff may register someone outside the window (at the door), but not once the event is over.
        if (now >= row.end_at) throw ruleViolation('registration_closed', 'The event is over.');
      } else {
        const opensAt = event.registration.opensAt ? Date.parse(event.registration.opensAt) : undefined;
        const closesAt = event.registration.closesAt ? Date.parse(event.registration.closesAt) : row.start_at;
        if (opensAt !== undefined && now < opensAt) throw ruleViolation('registration_closed', `Registrations open at ${iso(opensAt)}.`);
        if (now >= closesAt || now >= row.end_at) throw ruleViolation('registration_closed', `Registrations closed at ${iso(Math.min(closesAt, row.end_at))}.`);
      }

      let person: { member_id: string | null; guest_name: string | null; guest_email: string | null };
      if (registrant.kind === 'member') {
        const member = await trx.selectFrom('members').select(['id', 'status']).where('space_id', '=', space.id).where('id', '=', registrant.memberId).executeTakeFirst();
        if (!member || member.status !== 'active') throw validationError([{ pointer: '/memberId', detail: 'is not an active member of this space' }]);
        const existing = await trx
          .selectFrom('registrations')
          .select('id')
          .where('event_id', '=', row.id)
          .where('member_id', '=', registrant.memberId)
          .where('status', '<>', 'cancelled')
          .executeTakeFirst();
        if (existing) throw conflict('This member is already registered for this event.');
        person = { member_id: registrant.memberId, guest_name: null, guest_email: null };
      } else if (caller.kind === 'staff') {
        // Only staff, who see every registration anyway, learn that an address is registered: an
        // anonymous guest's answer must not tell whether someone registered with an email, so a
        // guest registering again gets a registration (a seat and a token) of their own.
        const existing = await trx
          .selectFrom('registrations')
          .select('id')
          .where('event_id', '=', row.id)
          .where('member_id', 'is', null)
          .where(sql<string>`lower(guest_email)`, '=', registrant.email.toLowerCase())
          .where('status', '<>', 'cancelled')
          .executeTakeFirst();
        if (existing) throw conflict('This email is already registered for this event.');
        person = { member_id: null, guest_name: registrant.name, guest_email: registrant.email };
      } else {
        person = { member_id: null, guest_name: registrant.name, guest_email: registrant.email };
      }

      let status: 'registered' | 'waitlisted' = 'registered';
      if (row.capacity !== null && (await registeredCount(trx, row.id)) >= row.capacity) {
        if (!event.waitlistEnabled) throw ruleViolation('event_full', 'The event is full and has no waitlist.');
        status = 'waitlisted';
      }

      const guestToken = registrant.kind === 'guest' ? newSecret('ccg_') : undefined;
      const id = newId('rg');
      try {
        await trx
          .insertInto('registrations')
          .values({
            id,
            space_id: space.id,
            event_id: row.id,
            ...person,
            guest_token_hash: guestToken ? hashSecret(guestToken) : null,
            status,
            note: body.note ?? null,
            created_at: now,
            updated_at: now,
            cancelled_at: null,
            cancellation_reason: null,
          })
          .execute();
      } catch (error) {
        // The unique partial index (one live registration per member and event) is the last guard.
        if (isUniqueViolation(error)) throw conflict('This member is already registered for this event.');
        throw error;
      }
      const view = await findRegistration(trx, space.id, id);
      await emitEvent(deps, trx, space.id, 'registration.created', toRegistration(view!));
      const created: RegistrationCreated = { ...toRegistration(view!), ...(guestToken ? { guestToken } : {}) };
      return { status: 201, body: created, headers: { location: `${deps.config.publicUrl}/spaces/${space.id}/registrations/${id}` } };
    })) as RegistrationCreated;
  },

  async listRegistrations(request) {
    const { space } = spaceOf(request);
    const caller = request.caller;
    if (caller.kind === 'anonymous') throw unauthorized();
    const limit = request.query.limit ?? 20;
    const after = decodeCursor(request.query.cursor, ['number', 'string']);
    let query = registrationsQuery(deps.store.db).where('registrations.space_id', '=', space.id);
    if (caller.kind === 'member' && request.query.memberId !== undefined && request.query.memberId !== caller.memberId) {
      throw forbidden('A member sees only their own registrations; memberId is for staff.');
    }
    if (caller.kind === 'member') query = query.where('registrations.member_id', '=', caller.memberId);
    else if (request.query.memberId !== undefined) query = query.where('registrations.member_id', '=', request.query.memberId);
    if (request.query.eventId) query = query.where('registrations.event_id', '=', request.query.eventId);
    if (request.query.status) query = query.where('registrations.status', '=', request.query.status);
    if (after) {
      const [createdAt, id] = after as [number, string];
      query = query.where((eb) =>
        eb.or([eb('registrations.created_at', '<', createdAt), eb.and([eb('registrations.created_at', '=', createdAt), eb('registrations.id', '<', id)])]),
      );
    }
    const rows = await query.orderBy('registrations.created_at', 'desc').orderBy('registrations.id', 'desc').limit(limit + 1).execute();
    return page(rows, limit, toRegistration, (row) => [row.created_at, row.id]);
  },

  async exportEventRegistrations(request, reply) {
    const { space } = spaceOf(request);
    const { eventId } = request.params;
    const event = await deps.store.db.selectFrom('events').select('id').where('space_id', '=', space.id).where('id', '=', eventId).executeTakeFirst();
    if (!event) throw notFound('No such event in this space.');
    if (!acceptsMediaType(request.headers.accept, 'text/csv')) throw notAcceptable('The registrations are exported as text/csv only.');
    reply.type(CSV_CONTENT_TYPE).header('content-disposition', `attachment; filename="registrations-${eventId}.csv"`);
    return registrationsCsv(deps.store.db, space.id, eventId);
  },

  async getRegistration(request) {
    const { space } = spaceOf(request);
    const view = await findRegistration(deps.store.db, space.id, request.params.registrationId);
    if (!view || !mayOpen(request.caller, view, guestTokenOf(request))) throw notFound('No such registration in this space.');
    return toRegistration(view);
  },

  async cancelRegistration(request) {
    const { space } = spaceOf(request);
    const reason = request.body?.reason;
    const registrationId = request.params.registrationId;
    return deps.store.db.transaction().execute(async (trx) => {
      const now = deps.now().getTime();
      const found = await trx.selectFrom('registrations').select(['event_id', 'member_id', 'guest_token_hash']).where('space_id', '=', space.id).where('id', '=', registrationId).executeTakeFirst();
      if (!found || !mayOpen(request.caller, found, guestTokenOf(request))) throw notFound('No such registration in this space.');
      // Lock the event first (as registrations do), then read the registration's current status.
      const event = await lockEvent(trx, deps.store.kind, space.id, found.event_id);
      if (!event) throw notFound('No such registration in this space.');
      const current = await trx.selectFrom('registrations').select('status').where('id', '=', registrationId).executeTakeFirstOrThrow();
      if (current.status === 'cancelled') throw conflict('This registration is already cancelled.');
      if (now >= event.start_at) throw ruleViolation('event_started', 'The event has started; its registrations can no longer be cancelled.');
      await trx
        .updateTable('registrations')
        .set({ status: 'cancelled', cancelled_at: now, cancellation_reason: reason ?? null, updated_at: now })
        .where('id', '=', registrationId)
        .execute();
      if (current.status === 'registered') await promoteAndTell(deps, trx, space.id, event, now);
      const cancelled = toRegistration((await findRegistration(trx, space.id, registrationId))!);
      await emitEvent(deps, trx, space.id, 'registration.cancelled', cancelled);
      return cancelled;
    });
  },
});
