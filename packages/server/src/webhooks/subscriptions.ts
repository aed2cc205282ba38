import type { components } from '@coworking-commons/client';
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { WebhookAttemptsTable, WebhookDeliveriesTable, WebhookSubscriptionsTable } from '../db/schema-webhooks.ts';
import { newId } from '../domain/ids.ts';
import { newWebhookSecret, sealSecret } from './signing.ts';

export interface NewSubscription {
  spaceId: string;
  url: string;
  eventTypes: string[];
  description?: string;
}

/** Stores a subscription with a new secret (or `secret`), kept sealed; answers its id and the secret, shown once. */
export async function addSubscription(db: Kysely<Database>, subscription: NewSubscription, serverSecret: string, now: Date, secret = newWebhookSecret()): Promise<{ id: string; secret: string }> {
  const id = newId('wh', now);
  const at = now.getTime();
  await db
    .insertInto('webhook_subscriptions')
    .values({
      id,
      space_id: subscription.spaceId,
      url: subscription.url,
      event_types: JSON.stringify(subscription.eventTypes),
      secret: sealSecret(secret, serverSecret),
      status: 'active',
      disabled_reason: null,
      document: JSON.stringify({ description: subscription.description }),
      created_at: at,
      updated_at: at,
      version: 1,
    })
    .execute();
  return { id, secret };
}

type SubscriptionRow = Selectable<WebhookSubscriptionsTable>;
type DeliveryRow = Selectable<WebhookDeliveriesTable>;
type AttemptRow = Selectable<WebhookAttemptsTable>;

const iso = (ms: number) => new Date(Number(ms)).toISOString();

/** A subscription as the API shows it (never its secret). */
export function toSubscription(row: SubscriptionRow): components['schemas']['WebhookSubscription'] {
  const document = JSON.parse(row.document) as { description?: string };
  return {
    id: row.id,
    url: row.url,
    eventTypes: JSON.parse(row.event_types) as components['schemas']['WebhookEventTypes'],
    ...(document.description ? { description: document.description } : {}),
    status: row.status as 'active' | 'disabled',
    ...(row.disabled_reason ? { disabledReason: row.disabled_reason as 'gone' | 'staff' } : {}),
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    version: row.version,
  };
}

export function findSubscription(db: Kysely<Database>, spaceId: string, id: string): Promise<SubscriptionRow | undefined> {
  return db.selectFrom('webhook_subscriptions').selectAll().where('space_id', '=', spaceId).where('id', '=', id).executeTakeFirst();
}

/** A delivery with its last attempts, newest first. */
export function toDelivery(row: DeliveryRow, attempts: AttemptRow[]): components['schemas']['WebhookDelivery'] {
  return {
    id: row.id,
    subscriptionId: row.subscription_id,
    eventType: row.event_type as components['schemas']['WebhookEventType'],
    status: row.status as components['schemas']['WebhookDelivery']['status'],
    attemptCount: row.attempts,
    ...(row.status === 'pending' ? { nextAttemptAt: iso(row.next_attempt_at) } : {}),
    createdAt: iso(row.created_at),
    ...(row.delivered_at !== null ? { deliveredAt: iso(row.delivered_at) } : {}),
    payload: JSON.parse(row.payload),
    attempts: attempts.map((a) => ({
      at: iso(a.attempted_at),
      durationMs: a.duration_ms,
      ...(a.status !== null ? { status: a.status } : {}),
      ...(a.error !== null ? { error: a.error } : a.status !== null && (a.status < 200 || a.status >= 300) && a.response_excerpt ? { error: `Answered ${a.status}: ${a.response_excerpt.slice(0, 400)}` } : {}),
    })),
  };
}

/** The last attempts of each delivery, newest first. */
export async function attemptsOf(db: Kysely<Database>, deliveryIds: string[], perDelivery = 20): Promise<Map<string, AttemptRow[]>> {
  const byDelivery = new Map<string, AttemptRow[]>(deliveryIds.map((id) => [id, []]));
  if (deliveryIds.length === 0) return byDelivery;
  const rows = await db.selectFrom('webhook_attempts').selectAll().where('delivery_id', 'in', deliveryIds).orderBy('attempted_at', 'desc').orderBy('id', 'desc').execute();
  for (const row of rows) {
    const list = byDelivery.get(row.delivery_id)!;
    if (list.length < perDelivery) list.push(row);
  }
  return byDelivery;
}

const loopback = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Why a subscription URL is refused, or undefined: `https`, or `http` to this machine only. */
export function urlProblem(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'must be an absolute URL';
  }
  if (parsed.username || parsed.password) return 'must not carry a user name or password (put credentials in the receiver, the signature proves the sender)';
  if (parsed.protocol === 'https:') return undefined;
  if (parsed.protocol === 'http:' && loopback.has(parsed.hostname)) return undefined;
  return 'must be an https URL (http is accepted only for localhost, 127.0.0.1 and [::1])';
}
