// The demo space's webhook subscription: every event goes to a receiver on loopback that
// `npm run demo:receiver` starts (examples/webhook-receiver). Nothing needs it: while nobody
// listens there, the deliveries fail quietly and are retried on the usual schedule.
import type { Store } from '../db/database.ts';
import { addSubscription } from '../webhooks/subscriptions.ts';

export const demoReceiverUrl = 'http://127.0.0.1:8091/webhooks';

/**
 * The demo subscription's secret, the same in every demo so that the demo receiver can verify what
 * it gets. Public, as the demo is: a real subscription gets a random secret, shown once.
 */
export const demoWebhookSecret = `whsec_${Buffer.from('coworking-commons demo receiver!').toString('base64')}`;

/** Subscribes the demo receiver to every event of the space, unless the space has a subscription to it already. */
export async function seedDemoWebhook(store: Store, spaceId: string, serverSecret: string, now: Date, url = demoReceiverUrl): Promise<boolean> {
  const existing = await store.db.selectFrom('webhook_subscriptions').select('id').where('space_id', '=', spaceId).where('url', '=', url).executeTakeFirst();
  if (existing) return false;
  await addSubscription(store.db, { spaceId, url, eventTypes: ['*'], description: 'The demo receiver: npm run demo:receiver shows what it gets' }, serverSecret, now, demoWebhookSecret);
  return true;
}
