// The webhook tables (migration 008), apart from schema.ts so that the delivery machinery reads as one part.

/** A space's subscription: where to send which events, signed with its secret. */
export interface WebhookSubscriptionsTable {
  id: string;
  space_id: string;
  url: string;
  /** The event types sent, as a JSON array (`["booking.created"]`); `["*"]` for every type. */
  event_types: string;
  /** The signing secret (`whsec_…`), encrypted with a key derived from the server's secret. */
  secret: string;
  /** `active` or `disabled`. */
  status: string;
  /** Why it was disabled: `gone` (the receiver answered 410) or `staff`. */
  disabled_reason: string | null;
  /** The rest of the subscription (description), as JSON. */
  document: string;
  created_at: number;
  updated_at: number;
  version: number;
}

/** One event for one subscription: the outbox row, written in the transaction of the change. */
export interface WebhookDeliveriesTable {
  /** The `webhook-id` header: the same on every attempt, so that a receiver can drop a repeat. */
  id: string;
  space_id: string;
  subscription_id: string;
  event_type: string;
  /** The exact body sent (and signed). */
  payload: string;
  /** `pending`, `delivered`, `failed` (every attempt refused) or `disabled` (the subscription was). */
  status: string;
  attempts: number;
  next_attempt_at: number;
  /** Until when one dispatcher holds it: no other sends it meanwhile. */
  lease_until: number | null;
  lease_owner: string | null;
  last_status: number | null;
  last_error: string | null;
  created_at: number;
  delivered_at: number | null;
}

/** One attempt at a delivery: the log staff read. */
export interface WebhookAttemptsTable {
  id: string;
  delivery_id: string;
  attempted_at: number;
  duration_ms: number;
  /** The receiver's HTTP status; null when no answer came (timeout, refused connection). */
  status: number | null;
  error: string | null;
  /** The first characters of the receiver's answer. */
  response_excerpt: string | null;
}

export interface WebhookTables {
  webhook_subscriptions: WebhookSubscriptionsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  webhook_attempts: WebhookAttemptsTable;
}
