import { AsyncLocalStorage } from 'node:async_hooks';
import type { ControlledTransaction, Kysely, Transaction } from 'kysely';
import type { Database } from './schema.ts';

/**
 * One transaction per changing request. While a request runs in it, `store.db` is that
 * transaction, so every service writes into it without being told; a service's own
 * `db.transaction()` becomes a savepoint inside it (rolled back on its own when it fails, as a
 * transaction would be). The request's answer is checked before the commit, so a request that
 * fails, even while its answer is prepared, leaves nothing written.
 */
const current = new AsyncLocalStorage<Kysely<Database>>();

export function scopedDb(base: Kysely<Database>): Kysely<Database> {
  return current.getStore() ?? base;
}

export async function inRequestTransaction<T>(base: Kysely<Database>, run: () => Promise<T>): Promise<T> {
  const trx = await base.startTransaction().execute();
  let result: T;
  try {
    result = await current.run(withSavepoints(trx), run);
  } catch (error) {
    await trx.rollback().execute().catch(() => undefined);
    throw error;
  }
  await trx.commit().execute();
  return result;
}

/** Runs `run` outside any request's transaction (work that outlives the request). */
export function outsideRequestTransaction<T>(run: () => T): T {
  return current.exit(run);
}

function withSavepoints(trx: ControlledTransaction<Database>): Kysely<Database> {
  // Names are unique within the transaction only: the same few texts in every request, so the
  // SQLite adapter's prepared statements keep them (a name counted across requests was a new
  // statement each time, and pushed the hot queries out of its cache).
  let savepoints = 0;
  const nested = {
    execute: async <R>(fn: (inner: Transaction<Database>) => Promise<R>): Promise<R> => {
      const name = `sp_${++savepoints}`;
      const point = await trx.savepoint(name).execute();
      try {
        // Not released: the request's commit releases it with the rest, one statement (a round
        // trip on PostgreSQL) less; a failure later still rolls back to it or to the start.
        return await fn(trx);
      } catch (error) {
        await point.rollbackToSavepoint(name).execute();
        throw error;
      }
    },
  };
  return new Proxy(trx, {
    get(target, property, receiver) {
      if (property === 'transaction') return () => nested;
      const value = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  }) as unknown as Kysely<Database>;
}
