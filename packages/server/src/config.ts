import { resolve } from 'node:path';
import { isAllowedOrigin } from './domain/origins.ts';

export type LogFormat = 'pretty' | 'json';

export interface ServerConfig {
  /** `postgres://…` or a SQLite file path. */
  databaseUrl: string;
  host: string;
  port: number;
  /** The public URL the API is reached at, for links (Location headers, discovery, emails). */
  publicUrl: string;
  /** SMTP URL for sign-in codes; without one, codes are written to the server log. */
  smtpUrl: string | undefined;
  mailFrom: string;
  /** Secret mixed into one-time code hashes. */
  codePepper: string;
  /** Largest request body, in bytes. */
  bodyLimit: number;
  /** Whether to trust X-Forwarded-* headers (behind a reverse proxy or load balancer). */
  trustProxy: boolean;
  logLevel: string;
  /** `pretty`: one readable line per entry, for people; `json`: pino's JSON lines, for log collectors. */
  logFormat: LogFormat;
  /**
   * Browser origins allowed to call the API of a space this server creates itself (the demo
   * space). Every space keeps its own list afterwards; `*` allows any origin.
   */
  allowedOrigins: string[];
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Source = Record<string, string | undefined>;

/** Where the embedded SQLite database lives when DATABASE_URL is not set: ./data under the working directory. */
export const defaultDatabaseFile = 'data/coworking-commons.sqlite';
const developmentPepper = 'coworking-commons-development-only';
const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
/** The local development servers that embed the widgets (Vite, its preview, Storybook). */
export const defaultAllowedOrigins = ['http://localhost:5173', 'http://localhost:4173', 'http://localhost:6006', 'http://127.0.0.1:5173', 'http://127.0.0.1:4173', 'http://127.0.0.1:6006'];

/** The database only (`--database` or DATABASE_URL), for commands that need nothing else. */
export function loadDatabaseUrl(flags: Source, env: Source = process.env): string {
  const value = flags.database ?? env.DATABASE_URL;
  if (value === undefined) return resolve(defaultDatabaseFile);
  if (value.trim() === '') throw new ConfigError('database (--database or DATABASE_URL) must be a postgres:// URL or a SQLite file path, not empty');
  if (/^postgres(ql)?:/i.test(value)) {
    let url: URL | undefined;
    try {
      url = new URL(value);
    } catch {}
    if (!url || !/^postgres(ql)?:$/.test(url.protocol) || !url.hostname || url.pathname.length < 2) {
      throw new ConfigError('database (--database or DATABASE_URL) must look like postgres://user:password@host:5432/database');
    }
    return value;
  }
  return value;
}

/** Reads the configuration from flags (already parsed) over environment variables, and validates it. */
export function loadConfig(flags: Source, env: Source = process.env): ServerConfig {
  const pick = (flag: string, variable: string) => flags[flag] ?? env[variable];
  const port = integer(pick('port', 'PORT') ?? '8080', 'port (--port or PORT)', 0, 65535);
  const host = pick('host', 'HOST') ?? '127.0.0.1';
  if (!/^[A-Za-z0-9.:[\]-]+$/.test(host)) throw new ConfigError(`host (--host or HOST) must be a host name or an IP address such as 127.0.0.1 or 0.0.0.0, not "${host}"`);
  const databaseUrl = loadDatabaseUrl(flags, env);
  const publicUrl = httpUrl(pick('public-url', 'PUBLIC_URL') ?? `http://localhost:${port}`, 'public URL (--public-url or PUBLIC_URL)').replace(/\/+$/, '');
  const smtpUrl = pick('smtp', 'SMTP_URL');
  if (smtpUrl !== undefined && !/^smtps?:\/\/[^/]+/.test(smtpUrl)) throw new ConfigError('SMTP URL (SMTP_URL) must look like smtp://user:password@host:587 or smtps://…');
  const mailFrom = pick('mail-from', 'MAIL_FROM') ?? 'Coworking Commons <no-reply@localhost>';
  if (!/^[^<>@\s]+@[^<>@\s]+$|<[^<>@\s]+@[^<>@\s]+>$/.test(mailFrom.trim())) {
    throw new ConfigError(`sender address (--mail-from or MAIL_FROM) must be an email address, optionally with a name ("La Ruche <hello@example.org>"), not "${mailFrom}"`);
  }
  const production = env.NODE_ENV === 'production';
  const codePepper = pick('code-secret', 'CODE_SECRET') ?? developmentPepper;
  if (production && codePepper === developmentPepper) {
    throw new ConfigError('CODE_SECRET must be set in production: a long random string that hashes one-time codes (for example the output of `openssl rand -base64 32`).');
  }
  if (production && codePepper.length < 16) throw new ConfigError('CODE_SECRET is too short for production: use at least 16 random characters (`openssl rand -base64 32`).');
  const logLevel = pick('log-level', 'LOG_LEVEL') ?? 'info';
  if (!logLevels.includes(logLevel)) throw new ConfigError(`log level (--log-level or LOG_LEVEL) must be one of ${logLevels.join(', ')}, not "${logLevel}"`);
  const logFormat = pick('log-format', 'LOG_FORMAT') ?? (process.stdout.isTTY ? 'pretty' : 'json');
  if (logFormat !== 'pretty' && logFormat !== 'json') throw new ConfigError(`log format (--log-format or LOG_FORMAT) must be pretty or json, not "${logFormat}"`);
  return {
    databaseUrl,
    host,
    port,
    publicUrl,
    smtpUrl,
    mailFrom,
    codePepper,
    bodyLimit: integer(pick('body-limit', 'BODY_LIMIT') ?? '65536', 'body limit (--body-limit or BODY_LIMIT)', 1024, 10 * 1024 * 1024),
    trustProxy: boolean(pick('trust-proxy', 'TRUST_PROXY') ?? 'false', 'trust proxy (--trust-proxy or TRUST_PROXY)'),
    logLevel,
    logFormat,
    allowedOrigins: loadAllowedOrigins(flags, env),
  };
}

function integer(text: string, what: string, min: number, max: number): number {
  const value = /^\s*\d+\s*$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(value) || value < min || value > max) throw new ConfigError(`${what} must be a whole number from ${min} to ${max}, not "${text}"`);
  return value;
}

function boolean(text: string, what: string): boolean {
  if (/^(true|1|yes)$/i.test(text)) return true;
  if (/^(false|0|no)$/i.test(text)) return false;
  throw new ConfigError(`${what} must be true or false, not "${text}"`);
}

function httpUrl(text: string, what: string): string {
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {}
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || !/^https?:\/\/[^/]/.test(text)) {
    throw new ConfigError(`${what} must be an http(s) URL such as https://coworking.example.org, not "${text}"`);
  }
  if (url.search || url.hash) throw new ConfigError(`${what} must not have a query or a fragment, not "${text}"`);
  return text;
}

/** The browser origins for the spaces the server creates (`--allowed-origins` or ALLOWED_ORIGINS). */
export function loadAllowedOrigins(flags: Source, env: Source = process.env): string[] {
  const text = flags['allowed-origins'] ?? env.ALLOWED_ORIGINS;
  if (text === undefined) return [...defaultAllowedOrigins];
  const list = text.split(',').map((origin) => origin.trim()).filter(Boolean);
  for (const origin of list) {
    if (!isAllowedOrigin(origin)) {
      throw new ConfigError(`allowed origins (--allowed-origins or ALLOWED_ORIGINS) must be a comma-separated list of origins such as https://www.example.org (scheme, host and port, no path or trailing slash), or *; "${origin}" is not one`);
    }
  }
  return list;
}
