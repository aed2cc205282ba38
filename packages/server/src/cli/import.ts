import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadDatabaseUrl } from '../config.ts';
import { CommandError, configFlags, databaseOption, UsageError, type Command } from './command.ts';
import { describeDatabase, reasonOf, withStore } from './store.ts';

export const importCommand: Command = {
  name: 'import',
  summary: 'Read a space written by `export` into this server',
  synopsis: '--from <file> [--database <url|file>]',
  description: [
    'Reads a space exported by `coworking-commons export` (from SQLite or PostgreSQL) into this',
    'server, in one transaction: all of it, or nothing when anything is refused. The server must',
    'not have a space of that id yet, and must be of the version that wrote the export (both',
    'migrated to the same newest migration). API keys keep working; webhook subscriptions deliver',
    'only where CODE_SECRET is the one of the server that wrote them (it seals their secrets);',
    'members sign in again.',
  ].join('\n'),
  options: {
    from: { type: 'string', value: '<file>', description: 'The JSON file written by `export`.' },
    database: databaseOption,
  },
  notes: 'Example:\n  coworking-commons import --from la-ruche-2026-12-08.json --database postgres://cowork@localhost/cowork',
  async run(values) {
    if (typeof values.from !== 'string') throw new UsageError('--from <file> is required');
    const source = resolve(values.from);
    let document: unknown;
    try {
      document = JSON.parse(readFileSync(source, 'utf8'));
    } catch (error) {
      throw new CommandError(`cannot read ${source} as JSON: ${reasonOf(error)}`);
    }
    const url = loadDatabaseUrl(configFlags(values));
    const [{ importSpace, ImportRefused }, { latestMigration }] = await Promise.all([import('../portability/space-export.ts'), import('../db/migrate.ts')]);
    return withStore(url, async (store) => {
      try {
        const { spaceId, rows } = await importSpace(store.db, document, latestMigration(store));
        console.log(`Imported the space "${spaceId}" into ${describeDatabase(url)}: ${rows} rows.`);
        return 0;
      } catch (error) {
        if (error instanceof ImportRefused) throw new CommandError(`cannot import ${source}: ${error.message}; nothing was written`);
        throw new CommandError(`cannot import ${source}: ${reasonOf(error)}; nothing was written`);
      }
    });
  },
};
