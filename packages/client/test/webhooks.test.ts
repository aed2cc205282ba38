import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { afterEach, mock, test } from 'node:test';
import { verifyWebhook, WebhookSignatureError, type WebhookDelivery } from '../src/webhooks.ts';

// The Standard Webhooks specification's example, used by its reference libraries' own tests.
const vector = {
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
  timestamp: '1614265330',
  body: '{"test": 2432232314}',
  signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
};
const headersOf = (v = vector) => ({ 'webhook-id': v.id, 'webhook-timestamp': v.timestamp, 'webhook-signature': v.signature });

/** Signs as a space does, independently of the library under test. */
function sign(secret: string, id: string, timestamp: number, body: string): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
}
const secret = `whsec_${Buffer.from('a space secret of 32 bytes long!').toString('base64')}`;
const now = () => Math.floor(Date.now() / 1000);

afterEach(() => mock.timers.reset());

test('the specification’s vector: its signature is accepted at its own time, and one changed byte of the body is refused', () => {
  assert.equal(sign(vector.secret, vector.id, Number(vector.timestamp), vector.body), vector.signature);
  mock.timers.enable({ apis: ['Date'], now: Number(vector.timestamp) * 1000 + 30_000 });
  // The signature is accepted; the vector's body has no type, so it is then refused as a payload.
  assert.throws(() => verifyWebhook(vector.secret, vector.body, headersOf()), (error: unknown) => error instanceof WebhookSignatureError && /not a webhook payload/.test(error.message));
  // The same signature over a tampered body is refused as a bad signature.
  assert.throws(() => verifyWebhook(vector.secret, '{"test": 2432232315}', headersOf()), (error: unknown) => error instanceof WebhookSignatureError && /No matching signature/i.test(error.message));
});

test('a delivery signed by the space verifies and answers its payload, from a record or from Headers', () => {
  const body = JSON.stringify({ type: 'booking.created', timestamp: '2026-12-07T10:00:00Z', data: { id: 'bk_1' } });
  const timestamp = now();
  const signature = sign(secret, 'msg_1', timestamp, body);
  const record = { 'Webhook-Id': 'msg_1', 'webhook-timestamp': String(timestamp), 'webhook-signature': `v1,bm90IHRoaXMgb25l ${signature}` };
  assert.deepEqual(verifyWebhook<WebhookDelivery>(secret, body, record), { type: 'booking.created', timestamp: '2026-12-07T10:00:00Z', data: { id: 'bk_1' } });
  const headers = new Headers({ 'webhook-id': 'msg_1', 'webhook-timestamp': String(timestamp), 'webhook-signature': signature });
  assert.equal(verifyWebhook(secret, new TextEncoder().encode(body), headers).type, 'booking.created');
});

test('a tampered body, another secret, an old or future timestamp and missing headers are refused', () => {
  const body = JSON.stringify({ type: 'booking.created', timestamp: '2026-12-07T10:00:00Z', data: { id: 'bk_1' } });
  const fresh = now();
  const headers = (timestamp: number, over: Record<string, string> = {}) => ({ 'webhook-id': 'msg_1', 'webhook-timestamp': String(timestamp), 'webhook-signature': sign(secret, 'msg_1', timestamp, body), ...over });
  const refused = (pattern: RegExp) => (error: unknown) => error instanceof WebhookSignatureError && pattern.test(error.message);
  assert.throws(() => verifyWebhook(secret, body.replace('bk_1', 'bk_2'), headers(fresh)), refused(/msg_1 is refused: No matching signature/i));
  assert.throws(() => verifyWebhook(`whsec_${Buffer.from('another secret').toString('base64')}`, body, headers(fresh)), refused(/No matching signature/i));
  assert.throws(() => verifyWebhook(secret, body, headers(fresh - 6 * 60)), refused(/too old/i));
  assert.throws(() => verifyWebhook(secret, body, headers(fresh + 6 * 60)), refused(/too new/i));
  assert.throws(() => verifyWebhook(secret, body, { 'webhook-id': 'msg_1', 'webhook-timestamp': String(fresh) }), refused(/no webhook-signature header/));
  // The id is signed too: a delivery replayed under another id is refused.
  assert.throws(() => verifyWebhook(secret, body, headers(fresh, { 'webhook-id': 'msg_2' })), refused(/No matching signature/i));
});
