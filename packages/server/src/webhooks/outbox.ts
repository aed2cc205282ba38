import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { newId } from '../domain/ids.ts';

export interface WebhookEvent {
  spaceId: string;
  /** `booking.created`, `member.updated`… (the spec's `webhooks` section names them). */
  type: string;
  data: unknown;
  at: Date;
}

/**
 * Writes the event's deliveries, one per active subscription of the space that wants its type,
 * into `db`: inside a changing request that is the request's transaction, so an event is in the
 * outbox exactly when its change is committed (never for a change that rolled back, never lost
 * when the process dies after the commit). Answers how many deliveries were written.
 */
export async function enqueueEvent(db: Kysely<Database>, event: WebhookEvent): Promise<number> {
  const subscriptions = await db.selectFrom('webhook_subscriptions').select(['id', 'event_types']).where('space_id', '=', event.spaceId).where('status', '=', 'active').execute();
  const wanted = subscriptions.filter((s) => {
    const types = JSON.parse(s.event_types) as string[];
    return types.includes('*') || types.includes(event.type);
  });
  if (wanted.length === 0) return 0;
  const at = event.at.getTime();
  const payload = JSON.stringify({ type: event.type, timestamp: event.at.toISOString(), data: event.data });
  await db
    .insertInto('webhook_deliveries')
    .values(
      wanted.map((s) => ({
        id: newId('msg', at),
        space_id: event.spaceId,
        subscription_id: s.id,
        event_type: event.type,
        payload,
        status: 'pending',
        attempts: 0,
        next_attempt_at: at,
        lease_until: null,
        lease_owner: null,
        last_status: null,
        last_error: null,
        created_at: at,
        delivered_at: null,
      })),
    )
    .execute();
  return wanted.length;
}
