import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Deps } from '../deps.ts';
import { enqueueEvent } from './outbox.ts';

/**
 * Tells the space's subscribers that something happened: the deliveries are written in `db`, the
 * transaction of the change (see outbox.ts), and sent once the request has been answered (so
 * after its commit: see the app's onResponse hook), or by the dispatcher's timer.
 */
export async function emitEvent(deps: Pick<Deps, 'now'> & { webhooks: Pick<Deps['webhooks'], 'notify'> }, db: Kysely<Database>, spaceId: string, type: string, data: unknown): Promise<void> {
  const written = await enqueueEvent(db, { spaceId, type, data, at: deps.now() });
  if (written > 0) deps.webhooks.notify();
}

/** Writes a change with `write` and its event in one transaction: the event is told only if the change commits. */
export async function writeWithEvent(deps: Pick<Deps, 'now' | 'webhooks' | 'store'>, spaceId: string, type: string, data: unknown, write: (trx: Kysely<Database>) => Promise<unknown>): Promise<void> {
  await deps.store.db.transaction().execute(async (trx) => {
    await write(trx);
    await emitEvent(deps, trx, spaceId, type, data);
  });
}
