import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { loadDatabaseUrl } from '../config.ts';
import { CommandError, configFlags, databaseOption, UsageError, type Command } from './command.ts';
import { describeDatabase, withStore } from './store.ts';

export const exportCommand: Command = {
  name: 'export',
  summary: "Write everything of a space to a JSON file, to import it into another server",
  synopsis: '--space <id> --to <file> [--database <url|file>]',
  description: [
    "Writes every row the space owns (its resources, plans, members, organisations, memberships,",
    'credits, bookings, events and registrations, API keys, audit log, webhook subscriptions and',
    'their deliveries) as they are stored, read in one transaction while the server may keep',
    'running. `import` reads the file into another server, on SQLite or PostgreSQL. Sign-in codes,',
    'member tokens and idempotency records stay behind: people sign in again on the new server.',
    'The file holds personal data and is readable only by its owner. It never overwrites a file.',
    'The format is described in docs/export-a-space.md.',
  ].join('\n'),
  options: {
    space: { type: 'string', value: '<id>', description: 'The space to export.' },
    to: { type: 'string', value: '<file>', description: 'The JSON file to write; it must not exist yet.' },
    database: databaseOption,
  },
  notes: 'Example:\n  coworking-commons export --space la-ruche --to la-ruche-$(date +%F).json',
  async run(values) {
    if (typeof values.space !== 'string') throw new UsageError('--space <id> is required');
    if (typeof values.to !== 'string') throw new UsageError('--to <file> is required');
    const target = resolve(values.to);
    if (existsSync(target)) throw new CommandError(`${target} already exists; export never overwrites a file: remove it or choose another name`);
    const url = loadDatabaseUrl(configFlags(values));
    const [{ exportSpace, SpaceNotFound }, { latestMigration }] = await Promise.all([import('../portability/space-export.ts'), import('../db/migrate.ts')]);
    return withStore(url, async (store) => {
      let document;
      try {
        document = await exportSpace(store.db, String(values.space), latestMigration(store), new Date());
      } catch (error) {
        if (error instanceof SpaceNotFound) throw new CommandError(`${describeDatabase(url)} has no space "${error.spaceId}"`);
        throw error;
      }
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, `${JSON.stringify(document, null, 1)}\n`, { mode: 0o600, flag: 'wx' });
      const counted = Object.entries(document.tables).filter(([, rows]) => rows.length > 0).map(([name, rows]) => `${rows.length} ${name}`);
      console.log(`Exported the space "${document.spaceId}" of ${describeDatabase(url)} to ${target}: ${counted.join(', ')}.`);
      return 0;
    });
  },
};
