import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '../db/schema.ts';
import { csvDocument } from '../domain/csv.ts';
import { registrationsQuery, toRegistration } from './registrations.ts';

const columns = ['registrationId', 'status', 'waitlistPosition', 'kind', 'memberId', 'name', 'email', 'note', 'registeredAt', 'cancelledAt', 'cancellationReason'] as const;

/** Every registration of an event as CSV: registered, then the waitlist in its order, then cancelled. */
export async function registrationsCsv(db: Kysely<Database>, spaceId: string, eventId: string): Promise<string> {
  const rows = await registrationsQuery(db)
    .where('registrations.space_id', '=', spaceId)
    .where('registrations.event_id', '=', eventId)
    .orderBy(sql`case registrations.status when 'registered' then 0 when 'waitlisted' then 1 else 2 end`)
    .orderBy('registrations.created_at')
    .orderBy('registrations.id')
    .execute();
  const lines = rows.map(toRegistration).map((r) => [
    r.id,
    r.status,
    r.waitlistPosition,
    r.registrant.kind,
    r.registrant.kind === 'member' ? r.registrant.memberId : undefined,
    r.registrant.name,
    r.registrant.email,
    r.note,
    r.createdAt,
    r.cancelledAt,
    r.cancellationReason,
  ]);
  return csvDocument(columns, lines);
}
