// Deliveries are signed as the Standard Webhooks specification says, with its own library; the
// receiving end is the client's verifyWebhook.
import { createCipheriv, createDecipheriv, hkdfSync } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { randomBytesFromPool } from '../domain/secrets.ts';

/** A new subscription secret: `whsec_` and 32 random bytes in base64, as the specification writes them. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytesFromPool(32).toString('base64')}`;
}

/** The three headers of a delivery. `timestamp` is the attempt's time, so each retry is signed anew. */
export function signatureHeaders(secret: string, id: string, timestamp: Date, body: string): Record<string, string> {
  return {
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
    'webhook-signature': new Webhook(secret).sign(id, timestamp, body),
  };
}

// Secrets are kept encrypted: a copy of the database alone does not let anyone sign as the space.
const keyOf = (serverSecret: string) => Buffer.from(hkdfSync('sha256', serverSecret, 'coworking-commons', 'webhook-secret', 32));

export function sealSecret(secret: string, serverSecret: string): string {
  const iv = randomBytesFromPool(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(serverSecret), iv);
  const sealed = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), sealed].map((part) => part.toString('base64url')).join('.');
}

export function openSecret(sealed: string, serverSecret: string): string {
  const [iv, tag, data] = sealed.split('.').map((part) => Buffer.from(part, 'base64url'));
  const decipher = createDecipheriv('aes-256-gcm', keyOf(serverSecret), iv!);
  decipher.setAuthTag(tag!);
  return Buffer.concat([decipher.update(data!), decipher.final()]).toString('utf8');
}
