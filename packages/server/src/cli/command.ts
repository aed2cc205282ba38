import { parseArgs } from 'node:util';
import { ConfigError } from '../config.ts';

export const programName = 'coworking-commons';

/** A mistake in how the command was called (an unknown flag, a missing or bad value): exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** A failure the user can act on, reported as one line without a stack trace: exit code 1. */
export class CommandError extends Error {
  override name = 'CommandError';
}

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** The placeholder of the value in the help (`<number>`). */
  value?: string;
  description: string;
  /** The environment variable the option overrides. */
  env?: string;
}

export type Values = Record<string, string | boolean | undefined>;

export interface Command {
  name: string;
  /** One line, for the list of commands. */
  summary: string;
  /** The arguments shown after the command name in the usage line. */
  synopsis: string;
  /** Paragraphs shown under the usage line. */
  description: string;
  options: Record<string, OptionSpec>;
  /** Extra lines at the end of the help (environment-only settings, examples). */
  notes?: string;
  /** Runs the command; resolves to the process's exit code. */
  run(values: Values): Promise<number>;
}

export const databaseOption: OptionSpec = {
  type: 'string',
  value: '<url|file>',
  description: 'postgres://user:password@host/database, or a SQLite file (default: ./data/coworking-commons.sqlite).',
  env: 'DATABASE_URL',
};

const helpOption: OptionSpec = { type: 'boolean', short: 'h', description: 'Show this help.' };

/** Parses a command's arguments strictly; every parse error becomes a one-line UsageError. */
export function parseCommandArgs(command: Command, args: string[]): Values {
  const options: Record<string, OptionSpec> = { ...command.options, help: helpOption };
  try {
    const { values } = parseArgs({
      args,
      options: Object.fromEntries(Object.entries(options).map(([name, spec]) => [name, { type: spec.type, ...(spec.short ? { short: spec.short } : {}) }])),
      strict: true,
      allowPositionals: false,
    });
    for (const [name, value] of Object.entries(values)) {
      if (typeof value === 'string' && value.trim() === '') throw new UsageError(`--${name} needs a value (--${name} ${options[name]?.value ?? '<value>'})`);
    }
    return values as Values;
  } catch (error) {
    throw toUsageError(error, options);
  }
}

function toUsageError(error: unknown, options: Record<string, OptionSpec>): unknown {
  if (error instanceof UsageError) return error;
  const code = (error as { code?: string }).code;
  const message = String((error as Error).message ?? error);
  const quoted = /'([^']+)'/.exec(message)?.[1] ?? '';
  // "-p, --port <value>", "--demo", "-z": the long name when there is one.
  const flag = /--[\w-]+/.exec(quoted)?.[0] ?? quoted.split(/[ ,=]/)[0]!;
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return new UsageError(`unknown option ${flag}`);
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return new UsageError(`unexpected argument "${quoted}"`);
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
      if (/does not take an argument/.test(message)) return new UsageError(`${flag} takes no value`);
      const name = flag.replace(/^-+/, '');
      const spec = options[name] ?? Object.values(options).find((o) => o.short === name);
      return new UsageError(`${flag} needs a value (${flag} ${spec?.value ?? '<value>'})`);
    }
  }
  return error;
}

/** The help of one command. */
export function commandHelp(command: Command): string {
  const options: Record<string, OptionSpec> = { ...command.options, help: helpOption };
  const rows = Object.entries(options).map(([name, spec]) => {
    const flag = `${spec.short ? `-${spec.short}, ` : '    '}--${name}${spec.value ? ` ${spec.value}` : ''}`;
    return [flag, spec.description + (spec.env ? ` [${spec.env}]` : '')] as const;
  });
  const width = Math.max(...rows.map(([flag]) => flag.length)) + 2;
  return [
    `Usage: ${programName} ${command.name}${command.synopsis ? ` ${command.synopsis}` : ''}`,
    '',
    command.description,
    '',
    'Options:',
    ...rows.map(([flag, text]) => `  ${flag.padEnd(width)}${text}`),
    ...(command.notes ? ['', command.notes] : []),
    '',
  ].join('\n');
}

/** The flags given on the command line, as strings for loadConfig (booleans as "true"). */
export function configFlags(values: Values): Record<string, string | undefined> {
  return Object.fromEntries(
    Object.entries(values)
      .filter(([name, value]) => name !== 'help' && value !== undefined && value !== false)
      .map(([name, value]) => [name, value === true ? 'true' : String(value)]),
  );
}

/** Whether an error is the caller's mistake (exit code 2) rather than a failure (exit code 1). */
export function isUsageError(error: unknown): boolean {
  return error instanceof UsageError || error instanceof ConfigError;
}
