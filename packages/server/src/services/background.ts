import type { FastifyBaseLogger } from 'fastify';
import { outsideRequestTransaction } from '../db/request-transaction.ts';

/** Work done after the answer is sent: what a caller must not be able to time. */
export interface Background {
  /** Runs `task` once the current request has been answered; a failure is logged. */
  run(task: () => Promise<void>): void;
  /** Resolves when no task is pending (for shutdown, and for tests that read what a task did). */
  idle(): Promise<void>;
}

export function createBackground(log: Pick<FastifyBaseLogger, 'error'>): Background {
  const pending = new Set<Promise<void>>();
  return {
    run(task) {
      // setImmediate runs after the reply the current handler resolves with has been written.
      // Outside the request's transaction, which has ended by then.
      const done: Promise<void> = outsideRequestTransaction(() =>
        new Promise<void>((resolve) => setImmediate(resolve))
          .then(task)
          .catch((error: unknown) => log.error({ err: error }, 'A background task failed'))
          .finally(() => pending.delete(done)),
      );
      pending.add(done);
    },
    async idle() {
      while (pending.size > 0) await Promise.all(pending);
    },
  };
}
