import { loadDatabaseUrl } from '../config.ts';
import { configFlags, databaseOption, type Command } from './command.ts';
import { describeDatabase, openMigratedStore } from './store.ts';

export const migrateCommand: Command = {
  name: 'migrate',
  summary: 'Bring the database schema up to date',
  synopsis: '[--database <url|file>]',
  description: [
    'Applies the migrations the database has not had yet, in order, then stops. Safe to run at any',
    'time and more than once; `serve` and `seed` also migrate before they start.',
  ].join('\n'),
  options: { database: databaseOption },
  async run(values) {
    const url = loadDatabaseUrl(configFlags(values));
    const { store, applied } = await openMigratedStore(url);
    await store.close();
    console.log(applied.length > 0 ? `Applied ${applied.join(', ')} to ${describeDatabase(url)}.` : `${describeDatabase(url)} is up to date.`);
    return 0;
  },
};
