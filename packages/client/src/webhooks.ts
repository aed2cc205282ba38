// Receiving a space's webhooks: a delivery is signed as the Standard Webhooks specification says
// (webhook-id, webhook-timestamp, webhook-signature: HMAC-SHA256 over `id.timestamp.body`), and
// verified here with the specification's own library before anything in it is trusted.
import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import type { components } from './generated/schema.ts';

/** Every event a space sends, as the spec's `webhooks` section describes it: narrow on `type`. */
export type WebhookEvent =
  | components['schemas']['BookingEvent']
  | components['schemas']['MemberEvent']
  | components['schemas']['MemberErasedEvent']
  | components['schemas']['MembershipEvent']
  | components['schemas']['RegistrationEvent'];

/** What every delivery carries (the Standard Webhooks payload structure); a space's own events (an overlay's) take this shape too. */
export interface WebhookDelivery<Data = Record<string, unknown>> {
  /** The event type, such as `booking.created`. */
  type: string;
  /** When the event happened (RFC 3339, UTC). */
  timestamp: string;
  data: Data;
}

/** A delivery that must not be trusted: its headers are missing, its signature wrong, or it is too old or too new. */
export class WebhookSignatureError extends Error {
  override name = 'WebhookSignatureError';
}

/** The headers of a request, as `fetch` (a `Headers`) or Node's `http` (a record) give them. */
export type DeliveryHeaders = Headers | Record<string, string | string[] | undefined>;

const signatureHeaders = ['webhook-id', 'webhook-timestamp', 'webhook-signature'] as const;

function headerValues(headers: DeliveryHeaders): Record<string, string> {
  const read = (name: string) => {
    if (headers instanceof Headers) return headers.get(name) ?? undefined;
    const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
    const value = key === undefined ? undefined : headers[key];
    return Array.isArray(value) ? value.join(' ') : value;
  };
  const values: Record<string, string> = {};
  for (const name of signatureHeaders) {
    const value = read(name);
    if (value === undefined || value === '') throw new WebhookSignatureError(`The delivery has no ${name} header: it was not sent by the space, or a proxy removed it.`);
    values[name] = value;
  }
  return values;
}

/**
 * Verifies a delivery and answers its payload. `body` is the request's raw body, exactly as
 * received (parsing and serialising it again changes the bytes the signature covers); `secret` is
 * the subscription's secret (`whsec_…`). A delivery whose timestamp is more than five minutes from
 * now is refused, so that a captured one cannot be replayed later.
 */
export function verifyWebhook<Event extends WebhookDelivery<unknown> = WebhookEvent>(secret: string, body: string | Uint8Array, headers: DeliveryHeaders): Event {
  const values = headerValues(headers);
  let payload: unknown;
  try {
    payload = new Webhook(secret).verify(body, values);
  } catch (error) {
    if (error instanceof WebhookVerificationError) throw new WebhookSignatureError(`The delivery ${values['webhook-id']} is refused: ${error.message}.`, { cause: error });
    throw error;
  }
  if (typeof payload !== 'object' || payload === null || typeof (payload as WebhookDelivery).type !== 'string') {
    throw new WebhookSignatureError(`The delivery ${values['webhook-id']} is signed but its body is not a webhook payload (an object with a type).`);
  }
  return payload as Event;
}
