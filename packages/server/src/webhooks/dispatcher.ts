import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import { outsideRequestTransaction } from '../db/request-transaction.ts';
import type { DatabaseKind } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { newId } from '../domain/ids.ts';
import { nextDelay } from './retry-schedule.ts';
import { openSecret, signatureHeaders } from './signing.ts';

export interface DispatcherOptions {
  db: Kysely<Database>;
  kind: DatabaseKind;
  /** The server's secret, from which the key of the stored subscription secrets is derived. */
  serverSecret: string;
  now: () => Date;
  log: Pick<FastifyBaseLogger, 'warn' | 'error'>;
  /** How long a receiver has to answer, in ms (default 10 s). */
  timeoutMs?: number;
  /** How often the outbox is read, in ms (default 1 s). */
  intervalMs?: number;
  /** Deliveries sent at once (default 20). */
  batch?: number;
  /** How long a claimed delivery is this dispatcher's before another may take it, in ms (default: the timeout and 30 s). */
  leaseMs?: number;
  fetch?: typeof fetch;
}

export interface Dispatcher {
  /** Sends every delivery due now (once each, whatever other dispatchers do); answers how many were attempted. */
  runOnce(): Promise<number>;
  /** Says that deliveries were written; `takeNotice()` answers whether any were since it was last asked. */
  notify(): void;
  takeNotice(): boolean;
  start(): void;
  /** Stops reading the outbox and waits for the attempts under way. */
  stop(): Promise<void>;
}

interface Claimed {
  id: string;
  subscription_id: string;
  payload: string;
  attempts: number;
}

/**
 * Sends the outbox's deliveries. Any number of dispatchers, in one process or several over one
 * PostgreSQL, share the work: each claims due deliveries by setting a lease in one statement (on
 * PostgreSQL with SKIP LOCKED, so two never claim the same row), and writes an attempt's outcome
 * only while it still holds the lease. A dispatcher that dies mid-attempt leaves a lease that
 * expires; the delivery is then tried again, with the same webhook-id, so a receiver can drop it.
 */
const unopenable = 'The subscription’s signing secret cannot be opened: CODE_SECRET changed since it was made. Delete the subscription and subscribe again.';

export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const { db, kind, serverSecret, now, log } = options;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const batch = options.batch ?? 20;
  const send = options.fetch ?? fetch;
  const owner = newId('dsp');
  const leaseMs = options.leaseMs ?? timeoutMs + 30_000;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;
  let queued: Promise<number> | undefined;
  let noticed = false;
  // While stop() waits: a run in progress finishes the batch it holds and claims no more.
  let stopping = false;

  async function claim(): Promise<Claimed[]> {
    const at = now().getTime();
    let due = db
      .selectFrom('webhook_deliveries')
      .select('id')
      .where('status', '=', 'pending')
      .where('next_attempt_at', '<=', at)
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', at)]))
      .orderBy('next_attempt_at')
      .limit(batch);
    if (kind === 'postgres') due = due.forUpdate().skipLocked();
    return db
      .updateTable('webhook_deliveries')
      .set({ lease_until: at + leaseMs, lease_owner: owner })
      .where('id', 'in', due)
      .returning(['id', 'subscription_id', 'payload', 'attempts'])
      .execute();
  }

  async function attempt(delivery: Claimed): Promise<void> {
    const subscription = await db.selectFrom('webhook_subscriptions').select(['url', 'secret', 'status']).where('id', '=', delivery.subscription_id).executeTakeFirst();
    if (!subscription || subscription.status !== 'active') {
      await finish(delivery, { status: 'disabled', attempts: delivery.attempts, next_attempt_at: now().getTime(), last_error: 'The subscription is disabled.' });
      return;
    }
    let secret: string;
    try {
      secret = openSecret(subscription.secret, serverSecret);
    } catch {
      // Sealed under another CODE_SECRET: no retry can open it, only a new subscription.
      const at = now().getTime();
      await db.insertInto('webhook_attempts').values({ id: newId('wha', at), delivery_id: delivery.id, attempted_at: at, duration_ms: 0, status: null, error: unopenable, response_excerpt: null }).execute();
      await finish(delivery, { status: 'failed', attempts: delivery.attempts + 1, next_attempt_at: at, last_status: null, last_error: unopenable });
      return;
    }
    const started = now();
    const clock = performance.now();
    // Signed at the wall clock's time, whatever the server's clock says: the receiver compares it with its own.
    const signedAt = new Date();
    let status: number | null = null;
    let error: string | null = null;
    let excerpt: string | null = null;
    try {
      const response = await send(subscription.url, {
        method: 'POST',
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
        headers: { 'content-type': 'application/json', 'user-agent': 'coworking-commons-webhooks/0.2', ...signatureHeaders(secret, delivery.id, signedAt, delivery.payload) },
        body: delivery.payload,
      });
      status = response.status;
      excerpt = (await response.text().catch(() => '')).slice(0, 500) || null;
    } catch (failure) {
      error = failure instanceof Error && failure.name === 'TimeoutError' ? `No answer within ${timeoutMs} ms.` : `Not reached: ${(failure as Error).cause instanceof Error ? ((failure as Error).cause as Error).message : (failure as Error).message}`;
    }
    const attempts = delivery.attempts + 1;
    const ended = now().getTime();
    await db
      .insertInto('webhook_attempts')
      .values({ id: newId('wha', ended), delivery_id: delivery.id, attempted_at: started.getTime(), duration_ms: Math.round(performance.now() - clock), status, error, response_excerpt: excerpt })
      .execute();
    if (status !== null && status >= 200 && status < 300) {
      await finish(delivery, { status: 'delivered', attempts, next_attempt_at: ended, last_status: status, last_error: null, delivered_at: ended });
    } else if (status === 410) {
      // The receiver says the endpoint is gone for good: stop sending there at all.
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('webhook_subscriptions').set({ status: 'disabled', disabled_reason: 'gone', updated_at: ended }).where('id', '=', delivery.subscription_id).execute();
        await trx.updateTable('webhook_deliveries').set({ status: 'disabled', lease_until: null, lease_owner: null }).where('subscription_id', '=', delivery.subscription_id).where('status', '=', 'pending').where('id', '!=', delivery.id).execute();
        await finishIn(trx, delivery, { status: 'failed', attempts, next_attempt_at: ended, last_status: status, last_error: 'The receiver answered 410 Gone: the subscription is disabled.' });
      });
    } else {
      const delay = nextDelay(attempts);
      await finish(delivery, {
        status: delay === undefined ? 'failed' : 'pending',
        attempts,
        next_attempt_at: ended + (delay ?? 0),
        last_status: status,
        last_error: error ?? `The receiver answered ${status}.`,
      });
    }
  }

  type Outcome = { status: string; attempts: number; next_attempt_at: number; last_status?: number | null; last_error?: string | null; delivered_at?: number };
  const finish = (delivery: Claimed, outcome: Outcome) => finishIn(db, delivery, outcome);
  async function finishIn(on: Kysely<Database>, delivery: Claimed, outcome: Outcome): Promise<void> {
    // Only while this dispatcher holds the lease: one that lost it (it took too long) writes nothing.
    await on.updateTable('webhook_deliveries').set({ ...outcome, lease_until: null, lease_owner: null }).where('id', '=', delivery.id).where('lease_owner', '=', owner).execute();
  }

  async function runOnce(): Promise<number> {
    return outsideRequestTransaction(async () => {
      let attempted = 0;
      while (!stopping) {
        const claimed = await claim();
        if (claimed.length === 0) return attempted;
        await Promise.all(claimed.map((delivery) => attempt(delivery).catch((failure: unknown) => log.error({ err: failure, delivery: delivery.id }, 'A webhook delivery failed to be recorded'))));
        attempted += claimed.length;
      }
      return attempted;
    });
  }

  return {
    runOnce() {
      // One run at a time; a call during a run gets one more run after it (which sees what was written meanwhile), shared by every such call.
      if (queued) return queued;
      if (!running) {
        running = runOnce().finally(() => (running = undefined));
        return running;
      }
      queued = running.catch(() => 0).then(() => {
        queued = undefined;
        return this.runOnce();
      });
      return queued;
    },
    notify() {
      noticed = true;
    },
    takeNotice() {
      const was = noticed;
      noticed = false;
      return was;
    },
    start() {
      if (timer) return;
      timer = setInterval(() => {
        if (!running) void this.runOnce().catch((failure: unknown) => log.warn({ err: failure }, 'The webhook outbox could not be read'));
      }, options.intervalMs ?? 1_000);
      timer.unref();
    },
    async stop() {
      clearInterval(timer);
      timer = undefined;
      stopping = true;
      try {
        await queued;
        await running;
      } finally {
        stopping = false;
      }
    },
  };
}
