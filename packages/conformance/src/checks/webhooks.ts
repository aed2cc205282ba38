import type { Check } from '../context.ts';
import { describeResponse, expect, expectProblem, expectStatus } from '../failure.ts';

export const webhookSubscriptions: Check = {
  id: 'webhooks.subscriptions',
  title: 'A webhook subscription answers its secret once (never when read), refuses a plain http address, disables, lists its deliveries and is deleted (404 after)',
  feature: 'webhooks',
  specSection: 'createWebhookSubscription',
  needsStaffKey: true,
  async run(context) {
    const base = `/spaces/${encodeURIComponent(context.spaceId)}/staff/webhooks`;
    const runId = context.fixtures.runId;
    // A reserved name (RFC 2606): nothing is ever delivered there.
    const url = `https://conformance-${runId}.invalid/hooks`;
    const plain = await context.http.request('POST', base, { staff: true, body: { url: `http://conformance-${runId}.invalid/hooks`, eventTypes: ['booking.created'] } });
    expectProblem(plain, 400, 'urn:coworking-commons:problem:validation-error', 'createWebhookSubscription with a plain http address that is not this machine');
    const created = await context.http.request('POST', base, { staff: true, body: { url, eventTypes: ['booking.created'], description: `conformance-${runId}` } });
    expectStatus(created, 201, 'createWebhookSubscription (https, booking.created)');
    const id = created.json?.id;
    try {
      expect(/^whsec_[A-Za-z0-9+/=]+$/.test(created.json?.secret ?? ''), 'the creation answers the signing secret', 'secret whsec_…', describeResponse(created), [created]);
      const read = await context.http.request('GET', `${base}/${encodeURIComponent(id)}`, { staff: true });
      expectStatus(read, 200, 'getWebhookSubscription');
      expect(read.json?.secret === undefined, 'the secret is shown only when the subscription is created', 'no secret', describeResponse(read), [created, read]);
      expect(read.json?.url === url && read.json?.status === 'active', 'the subscription reads back as created', `url ${url}, status active`, describeResponse(read), [read]);
      const disabled = await context.http.request('PATCH', `${base}/${encodeURIComponent(id)}`, { staff: true, body: { status: 'disabled' } });
      expectStatus(disabled, 200, 'updateWebhookSubscription status disabled');
      expect(disabled.json?.status === 'disabled' && disabled.json?.disabledReason === 'staff', 'a subscription disabled by staff says so', 'status disabled, disabledReason staff', describeResponse(disabled), [disabled]);
      const deliveries = await context.http.request('GET', `${base}/${encodeURIComponent(id)}/deliveries`, { staff: true });
      expectStatus(deliveries, 200, 'listWebhookDeliveries');
      expect(Array.isArray(deliveries.json?.items), 'the delivery log is a list', 'items', describeResponse(deliveries), [deliveries]);
    } finally {
      const deleted = await context.http.request('DELETE', `${base}/${encodeURIComponent(id)}`, { staff: true });
      expect(deleted.status === 204, 'the fixture subscription must be removed', 'deleteWebhookSubscription 204', describeResponse(deleted), [deleted]);
    }
    const gone = await context.http.request('GET', `${base}/${encodeURIComponent(id)}`, { staff: true });
    expectProblem(gone, 404, 'urn:coworking-commons:problem:not-found', 'getWebhookSubscription of the deleted subscription');
  },
};
