import { chmodSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { loadDatabaseUrl } from '../config.ts';
import { CommandError, configFlags, databaseOption, UsageError, type Command } from './command.ts';
import { describeDatabase, reasonOf } from './store.ts';

export const backupCommand: Command = {
  name: 'backup',
  summary: 'Copy a SQLite database consistently, even while the server runs',
  synopsis: '--to <file> [--database <url|file>]',
  description: [
    'Writes a consistent copy of the SQLite database to a new file with VACUUM INTO: a snapshot',
    'taken in one read transaction, so the server may keep running and writing meanwhile. The copy',
    'is compacted, checked (PRAGMA quick_check) and readable only by its owner. It never overwrites',
    'a file. To restore, stop the server and put the copy in place of the database file.',
    '',
    'PostgreSQL databases are backed up with PostgreSQL\'s own tools (pg_dump), not with this command.',
  ].join('\n'),
  options: {
    to: { type: 'string', value: '<file>', description: 'The file to write; it must not exist yet. Its folder is created if needed.' },
    database: databaseOption,
  },
  notes: 'Example:\n  coworking-commons backup --to backups/coworking-commons-$(date +%F).sqlite',
  async run(values) {
    if (values.to === undefined) throw new UsageError('--to <file> is required');
    const url = loadDatabaseUrl(configFlags(values));
    if (/^postgres(ql)?:\/\//.test(url)) {
      throw new CommandError('backup copies SQLite databases only; back up PostgreSQL with pg_dump, for example: pg_dump --format=custom --file=coworking-commons.dump "$DATABASE_URL" (restore with pg_restore)');
    }
    const source = resolve(url.replace(/^sqlite:(\/\/)?/, ''));
    const target = resolve(String(values.to));
    if (!existsSync(source)) throw new CommandError(`there is no SQLite database at ${source} (set --database or DATABASE_URL)`);
    if (target === source) throw new CommandError('--to names the database itself; choose another file');
    if (existsSync(target)) throw new CommandError(`${target} already exists; backup never overwrites a file: remove it or choose another name`);
    mkdirSync(dirname(target), { recursive: true });

    const database = new DatabaseSync(source);
    try {
      database.exec('PRAGMA busy_timeout = 10000');
      const isOurs = database.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'spaces'").get();
      if (!isOurs) throw new CommandError(`${source} is not a Coworking Commons database (it has no spaces table)`);
      database.prepare('VACUUM INTO ?').run(target);
    } catch (error) {
      if (error instanceof CommandError) throw error;
      throw new CommandError(`could not copy ${describeDatabase(source)}: ${reasonOf(error)}`);
    } finally {
      database.close();
    }
    chmodSync(target, 0o600);

    const copy = new DatabaseSync(target, { readOnly: true });
    try {
      const check = copy.prepare('PRAGMA quick_check').get() as { quick_check: string };
      if (check.quick_check !== 'ok') throw new CommandError(`the copy at ${target} failed its integrity check: ${check.quick_check}`);
      const { n } = copy.prepare('SELECT count(*) AS n FROM spaces').get() as { n: number };
      const size = statSync(target).size;
      console.log(`Backed up ${describeDatabase(source)} to ${target}: ${n} space${n === 1 ? '' : 's'}, ${formatSize(size)}, integrity checked.`);
    } finally {
      copy.close();
    }
    return 0;
  },
};

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} kB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
