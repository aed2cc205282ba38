#!/usr/bin/env -S node --disable-warning=ExperimentalWarning
// The `coworking-commons` command: runs the reference server and looks after its database.
import { readFileSync } from 'node:fs';
import { backupCommand } from './cli/backup.ts';
import { commandHelp, isUsageError, parseCommandArgs, programName, type Command } from './cli/command.ts';
import { createApiKeyCommand } from './cli/create-api-key.ts';
import { createSpaceCommand } from './cli/create-space.ts';
import { exportCommand } from './cli/export.ts';
import { importCommand } from './cli/import.ts';
import { importMembersCommand } from './cli/import-members.ts';
import { migrateCommand } from './cli/migrate.ts';
import { seedCommand } from './cli/seed.ts';
import { serveCommand } from './cli/serve.ts';
import { reasonOf } from './cli/store.ts';

const commands: Command[] = [serveCommand, migrateCommand, seedCommand, createSpaceCommand, createApiKeyCommand, backupCommand, exportCommand, importCommand, importMembersCommand];
const version = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

function mainHelp(): string {
  const width = Math.max(...commands.map((c) => c.name.length)) + 2;
  return [
    `Usage: ${programName} <command> [options]`,
    '',
    'The reference server of the Coworking Commons API, on SQLite (the default, ./data) or PostgreSQL.',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}${c.summary}`),
    '',
    'Options:',
    '  -h, --help     Show this help; `<command> --help` shows a command\'s.',
    '  -v, --version  Show the version.',
    '',
    `Exit codes: 0 done, 1 failed, 2 wrong usage (an unknown option, a missing or bad value).`,
    '',
  ].join('\n');
}

/** Runs the command line; resolves to the exit code. */
async function main(args: string[]): Promise<number> {
  const [name, ...rest] = args;
  if (name === undefined) {
    process.stderr.write(mainHelp());
    return 2;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? commands.find((c) => c.name === rest[0]) : undefined;
    process.stdout.write(topic ? commandHelp(topic) : mainHelp());
    return 0;
  }
  if (name === '--version' || name === '-v') {
    console.log(version);
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    const what = name.startsWith('-') ? `unknown option ${name}` : `unknown command "${name}"`;
    console.error(`${programName}: ${what}; the commands are ${commands.map((c) => c.name).join(', ')} (see ${programName} --help)`);
    return 2;
  }
  try {
    const values = parseCommandArgs(command, rest);
    if (values.help) {
      process.stdout.write(commandHelp(command));
      return 0;
    }
    return await command.run(values);
  } catch (error) {
    if (isUsageError(error)) {
      console.error(`${programName} ${command.name}: ${(error as Error).message} (see ${programName} ${command.name} --help)`);
      return 2;
    }
    console.error(`${programName} ${command.name}: ${reasonOf(error)}`);
    if (process.env.DEBUG && error instanceof Error && error.stack) console.error(error.stack);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
