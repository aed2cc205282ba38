import { relative } from 'node:path';
import type { Store } from '../db/database.ts';
import { CommandError } from './command.ts';

/** The database for people to read: a SQLite file relative to here, a PostgreSQL URL without its password. */
export function describeDatabase(url: string): string {
  if (/^postgres(ql)?:\/\//.test(url)) {
    const parsed = new URL(url);
    parsed.password = '';
    return `PostgreSQL ${parsed.toString()}`;
  }
  const file = url.replace(/^sqlite:(\/\/)?/, '');
  const shown = relative(process.cwd(), file);
  return `SQLite ${shown.startsWith('..') || shown === '' ? file : shown}`;
}

/** Opens the database and brings its schema up to date; a database that cannot be reached is one clear line. */
export async function openMigratedStore(url: string): Promise<{ store: Store; applied: string[] }> {
  // Loaded on use, so that `--help` and usage errors answer at once.
  const [{ openStore }, { migrateToLatest }] = await Promise.all([import('../db/database.ts'), import('../db/migrate.ts')]);
  let store: Store;
  try {
    store = openStore(url);
  } catch (error) {
    throw new CommandError(`cannot open the database (${describeDatabase(url)}): ${reasonOf(error)}`);
  }
  try {
    const result = await migrateToLatest(store);
    return { store, applied: (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
  } catch (error) {
    await store.close().catch(() => {});
    throw new CommandError(`cannot migrate the database (${describeDatabase(url)}): ${reasonOf(error)}`);
  }
}

/** Runs `work` with the migrated store, closing it afterwards whatever happens. */
export async function withStore<T>(url: string, work: (store: Store) => Promise<T>): Promise<T> {
  const { store } = await openMigratedStore(url);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/** An error's message; connection failures (an AggregateError of each address tried) have none of their own. */
export function reasonOf(error: unknown): string {
  const e = error as { message?: string; code?: string; errors?: { message?: string }[] };
  return e.message || e.errors?.map((inner) => inner.message).filter(Boolean).join('; ') || e.code || String(error);
}
