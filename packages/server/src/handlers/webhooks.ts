import { changedMeanwhile, checkOptionalIfMatch, setEtag } from '../http/etag.ts';
import { conflict, notFound, validationError } from '../http/problem.ts';
import { spaceOf } from '../http/request-context.ts';
import { decodeCursor, page } from '../services/pagination.ts';
import { addSubscription, attemptsOf, findSubscription, toDelivery, toSubscription, urlProblem } from '../webhooks/subscriptions.ts';
import type { HandlerGroup } from './types.ts';

const missing = (id: string) => notFound(`There is no webhook subscription "${id}" in this space.`);

function checkUrl(url: string | undefined): void {
  const problem = url === undefined ? undefined : urlProblem(url);
  if (problem) throw validationError([{ pointer: '/url', detail: problem }]);
}

export const webhooksHandlers: HandlerGroup = (deps) => ({
  async listWebhookSubscriptions(request) {
    const { space } = spaceOf(request);
    const limit = request.query.limit ?? 20;
    const after = decodeCursor(request.query.cursor, ['number', 'string']);
    const rows = await deps.store.db
      .selectFrom('webhook_subscriptions')
      .selectAll()
      .where('space_id', '=', space.id)
      .$if(after !== undefined, (q) => q.where((eb) => eb.or([eb('created_at', '>', after![0]), eb.and([eb('created_at', '=', after![0]), eb('id', '>', after![1])])])))
      .orderBy('created_at')
      .orderBy('id')
      .limit(limit + 1)
      .execute();
    return page(rows, limit, toSubscription, (row) => [Number(row.created_at), row.id]);
  },

  async createWebhookSubscription(request, reply) {
    const { space } = spaceOf(request);
    checkUrl(request.body.url);
    const { id, secret } = await addSubscription(deps.store.db, { spaceId: space.id, url: request.body.url, eventTypes: request.body.eventTypes, description: request.body.description }, deps.config.codePepper, deps.now());
    const row = (await findSubscription(deps.store.db, space.id, id))!;
    reply.code(201).header('location', `${deps.config.publicUrl}/spaces/${encodeURIComponent(space.id)}/staff/webhooks/${id}`);
    setEtag(reply, row.version);
    return { ...toSubscription(row), secret };
  },

  async getWebhookSubscription(request, reply) {
    const { space } = spaceOf(request);
    const row = await findSubscription(deps.store.db, space.id, request.params.subscriptionId);
    if (!row) throw missing(request.params.subscriptionId);
    setEtag(reply, row.version);
    return toSubscription(row);
  },

  async updateWebhookSubscription(request, reply) {
    const { space } = spaceOf(request);
    const row = await findSubscription(deps.store.db, space.id, request.params.subscriptionId);
    if (!row) throw missing(request.params.subscriptionId);
    checkOptionalIfMatch(request, row.version);
    const body = request.body;
    checkUrl(body.url);
    const document = JSON.parse(row.document) as { description?: string };
    const status = body.status ?? row.status;
    const changed = {
      url: body.url ?? row.url,
      event_types: body.eventTypes ? JSON.stringify(body.eventTypes) : row.event_types,
      document: JSON.stringify({ ...document, ...(body.description !== undefined ? { description: body.description } : {}) }),
      status,
      disabled_reason: status === 'active' ? null : body.status === 'disabled' ? 'staff' : row.disabled_reason,
      updated_at: deps.now().getTime(),
      version: row.version + 1,
    };
    const result = await deps.store.db.updateTable('webhook_subscriptions').set(changed).where('id', '=', row.id).where('version', '=', row.version).executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw changedMeanwhile(request, 'webhook subscription');
    // Disabled: what is waiting is not sent (a replay can send one once it is active again).
    if (status === 'disabled') {
      await deps.store.db.updateTable('webhook_deliveries').set({ status: 'disabled', lease_until: null, lease_owner: null }).where('subscription_id', '=', row.id).where('status', '=', 'pending').execute();
    }
    setEtag(reply, changed.version);
    return toSubscription({ ...row, ...changed });
  },

  async deleteWebhookSubscription(request, reply) {
    const { space } = spaceOf(request);
    const row = await findSubscription(deps.store.db, space.id, request.params.subscriptionId);
    if (!row) throw missing(request.params.subscriptionId);
    checkOptionalIfMatch(request, row.version);
    const result = await deps.store.db.deleteFrom('webhook_subscriptions').where('id', '=', row.id).where('version', '=', row.version).executeTakeFirst();
    if (Number(result.numDeletedRows) === 0) throw changedMeanwhile(request, 'webhook subscription');
    reply.code(204);
    return undefined;
  },

  async listWebhookDeliveries(request) {
    const { space } = spaceOf(request);
    const subscription = await findSubscription(deps.store.db, space.id, request.params.subscriptionId);
    if (!subscription) throw missing(request.params.subscriptionId);
    const limit = request.query.limit ?? 20;
    const after = decodeCursor(request.query.cursor, ['number', 'string']);
    const rows = await deps.store.db
      .selectFrom('webhook_deliveries')
      .selectAll()
      .where('subscription_id', '=', subscription.id)
      .$if(after !== undefined, (q) => q.where((eb) => eb.or([eb('created_at', '<', after![0]), eb.and([eb('created_at', '=', after![0]), eb('id', '<', after![1])])])))
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit + 1)
      .execute();
    const attempts = await attemptsOf(deps.store.db, rows.slice(0, limit).map((row) => row.id));
    return page(rows, limit, (row) => toDelivery(row, attempts.get(row.id) ?? []), (row) => [Number(row.created_at), row.id]);
  },

  async replayWebhookDelivery(request, reply) {
    const { space } = spaceOf(request);
    const subscription = await findSubscription(deps.store.db, space.id, request.params.subscriptionId);
    if (!subscription) throw missing(request.params.subscriptionId);
    const delivery = await deps.store.db.selectFrom('webhook_deliveries').selectAll().where('subscription_id', '=', subscription.id).where('id', '=', request.params.deliveryId).executeTakeFirst();
    if (!delivery) throw notFound(`There is no delivery "${request.params.deliveryId}" of this subscription.`);
    if (subscription.status !== 'active') throw conflict('The subscription is disabled: set its status to active first (updateWebhookSubscription).');
    const replayed = { status: 'pending', attempts: 0, next_attempt_at: deps.now().getTime(), lease_until: null, lease_owner: null, delivered_at: null };
    await deps.store.db.updateTable('webhook_deliveries').set(replayed).where('id', '=', delivery.id).execute();
    deps.webhooks.notify();
    reply.code(202);
    return toDelivery({ ...delivery, ...replayed }, (await attemptsOf(deps.store.db, [delivery.id])).get(delivery.id) ?? []);
  },
});
