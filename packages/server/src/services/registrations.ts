import type { components } from '@coworking-commons/client';
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { Database, RegistrationsTable } from '../db/schema.ts';
import { iso } from './json.ts';

export type Registration = components['schemas']['Registration'];
export type RegistrationRow = Selectable<RegistrationsTable>;

/**
 * A registration row with what its document needs from elsewhere: the member's display name and
 * email (for member registrations) and the place in the waitlist (for waitlisted ones). A bare
 * row works too: the registrant then shows without name details and no position.
 */
export type RegistrationView = RegistrationRow & {
  member_name?: string | null;
  member_email?: string | null;
  waitlist_position?: number | string | null;
};

/** The row → the spec's Registration. Only the registrant and staff see one, so the email is included. */
export function toRegistration(row: RegistrationView): Registration {
  let registrant: Registration['registrant'];
  if (row.member_id !== null) {
    registrant = {
      kind: 'member',
      memberId: row.member_id,
      name: row.member_name ?? 'Member',
      ...(row.member_email ? { email: row.member_email } : {}),
    };
  } else if (row.guest_name !== null) {
    registrant = { kind: 'guest', name: row.guest_name, ...(row.guest_email ? { email: row.guest_email } : {}) };
  } else {
    // The member's record was removed (member_id set null): keep the registration, nameless.
    registrant = { kind: 'member', name: 'Former member' };
  }
  const position = row.waitlist_position === null || row.waitlist_position === undefined ? undefined : Number(row.waitlist_position);
  return {
    id: row.id,
    eventId: row.event_id,
    spaceId: row.space_id,
    registrant,
    status: row.status as Registration['status'],
    ...(row.status === 'waitlisted' && position !== undefined && position >= 1 ? { waitlistPosition: position } : {}),
    ...(row.note !== null ? { note: row.note } : {}),
    createdAt: iso(row.created_at),
    ...(row.cancelled_at !== null ? { cancelledAt: iso(row.cancelled_at) } : {}),
    ...(row.cancellation_reason !== null ? { cancellationReason: row.cancellation_reason } : {}),
  };
}

/**
 * Registrations with the member's name and email and the waitlist position (1 + the waitlisted
 * registrations of the same event created before, in (created_at, id) order); callers add
 * conditions on `registrations.*`.
 */
export function registrationsQuery(db: Kysely<Database> | Transaction<Database>) {
  return db
    .selectFrom('registrations')
    .leftJoin('members', 'members.id', 'registrations.member_id')
    .selectAll('registrations')
    .select(['members.display_name as member_name', 'members.email as member_email'])
    .select(
      sql<number | null>`(case when registrations.status = 'waitlisted' then (select count(*) from registrations w where w.event_id = registrations.event_id and w.status = 'waitlisted' and (w.created_at < registrations.created_at or (w.created_at = registrations.created_at and w.id <= registrations.id))) end)`.as(
        'waitlist_position',
      ),
    );
}

/** One registration of the space as a document-ready view, or undefined. */
export async function findRegistration(db: Kysely<Database> | Transaction<Database>, spaceId: string, registrationId: string): Promise<RegistrationView | undefined> {
  return registrationsQuery(db).where('registrations.space_id', '=', spaceId).where('registrations.id', '=', registrationId).executeTakeFirst();
}

/** Every registration of a member, newest first (for the member's data export). */
export async function registrationsOfMember(db: Kysely<Database> | Transaction<Database>, spaceId: string, memberId: string): Promise<Registration[]> {
  const rows = await registrationsQuery(db)
    .where('registrations.space_id', '=', spaceId)
    .where('registrations.member_id', '=', memberId)
    .orderBy('registrations.created_at', 'desc')
    .orderBy('registrations.id', 'desc')
    .execute();
  return rows.map(toRegistration);
}
