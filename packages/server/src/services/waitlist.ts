import type { Transaction } from 'kysely';
import type { Database, EventsTable } from '../db/schema.ts';
import type { Deps } from '../deps.ts';
import { emitEvent } from '../webhooks/emit.ts';
import { promoteWaitlisted } from './events.ts';
import { findRegistration, toRegistration } from './registrations.ts';

/**
 * Gives the seats that came free to the first waitlisted registrations, and tells the space's
 * subscribers of each one promoted (`registration.promoted`), in the same transaction.
 */
export async function promoteAndTell(deps: Pick<Deps, 'now' | 'webhooks'>, trx: Transaction<Database>, spaceId: string, event: { id: string; capacity: EventsTable['capacity']; status: string }, now: number): Promise<void> {
  for (const id of await promoteWaitlisted(trx, event, now)) {
    const promoted = await findRegistration(trx, spaceId, id);
    if (promoted) await emitEvent(deps, trx, spaceId, 'registration.promoted', toRegistration(promoted));
  }
}
