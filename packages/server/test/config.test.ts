// The server's configuration: flags over environment variables, defaults, and one clear message
// for each bad value. No database is involved.
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { describe, test } from 'node:test';
import { ConfigError, defaultAllowedOrigins, loadAllowedOrigins, loadConfig, loadDatabaseUrl } from '../src/config.ts';

/** The ConfigError message of a configuration that must be refused. */
function refusal(flags: Record<string, string>, env: Record<string, string> = {}): string {
  try {
    loadConfig(flags, env);
  } catch (error) {
    assert.ok(error instanceof ConfigError, `a ConfigError, not ${String(error)}`);
    return error.message;
  }
  assert.fail(`accepted ${JSON.stringify({ flags, env })}`);
}

describe('configuration', () => {
  test('defaults: local SQLite under ./data, 127.0.0.1:8080, no SMTP, the development origins', () => {
    const config = loadConfig({}, {});
    assert.equal(config.databaseUrl, resolve('data/coworking-commons.sqlite'));
    assert.equal(config.host, '127.0.0.1');
    assert.equal(config.port, 8080);
    assert.equal(config.publicUrl, 'http://localhost:8080');
    assert.equal(config.smtpUrl, undefined);
    assert.equal(config.bodyLimit, 65536);
    assert.equal(config.trustProxy, false);
    assert.equal(config.logLevel, 'info');
    assert.deepEqual(config.allowedOrigins, defaultAllowedOrigins);
    assert.ok(config.allowedOrigins.includes('http://localhost:6006'));
  });

  test('environment variables are read, and flags win over them', () => {
    const env = {
      PORT: '9000',
      HOST: '0.0.0.0',
      DATABASE_URL: 'postgres://cowork:secret@db.internal:5432/cowork',
      PUBLIC_URL: 'https://coworking.example.org/api/',
      SMTP_URL: 'smtps://user:pass@mail.example.org:465',
      MAIL_FROM: 'La Ruche <bonjour@la-ruche.example>',
      CODE_SECRET: 'a-long-random-secret-for-codes',
      BODY_LIMIT: '131072',
      TRUST_PROXY: 'true',
      LOG_LEVEL: 'warn',
      LOG_FORMAT: 'json',
      ALLOWED_ORIGINS: 'https://www.la-ruche.example, https://la-ruche.example',
    };
    const fromEnv = loadConfig({}, env);
    assert.equal(fromEnv.port, 9000);
    assert.equal(fromEnv.host, '0.0.0.0');
    assert.equal(fromEnv.databaseUrl, env.DATABASE_URL);
    assert.equal(fromEnv.publicUrl, 'https://coworking.example.org/api', 'without the trailing slash');
    assert.equal(fromEnv.smtpUrl, env.SMTP_URL);
    assert.equal(fromEnv.mailFrom, env.MAIL_FROM);
    assert.equal(fromEnv.codePepper, env.CODE_SECRET);
    assert.equal(fromEnv.bodyLimit, 131072);
    assert.equal(fromEnv.trustProxy, true);
    assert.equal(fromEnv.logLevel, 'warn');
    assert.equal(fromEnv.logFormat, 'json');
    assert.deepEqual(fromEnv.allowedOrigins, ['https://www.la-ruche.example', 'https://la-ruche.example']);

    const flagged = loadConfig({ port: '9100', database: 'other.sqlite', 'log-level': 'debug', 'log-format': 'pretty', 'trust-proxy': 'false' }, env);
    assert.equal(flagged.port, 9100);
    assert.equal(flagged.databaseUrl, 'other.sqlite');
    assert.equal(flagged.logLevel, 'debug');
    assert.equal(flagged.logFormat, 'pretty');
    assert.equal(flagged.trustProxy, false);
    assert.equal(flagged.publicUrl, 'https://coworking.example.org/api', 'PUBLIC_URL still applies');
  });

  test('the public URL follows the port unless it is set', () => {
    assert.equal(loadConfig({ port: '3000' }, {}).publicUrl, 'http://localhost:3000');
  });

  test('a bad port is refused with a message naming the flag, the variable and the value', () => {
    for (const port of ['abc', '70000', '-1', '80.5', '', '8080x']) {
      assert.equal(refusal({}, { PORT: port }), `port (--port or PORT) must be a whole number from 0 to 65535, not "${port}"`);
    }
    assert.match(refusal({ port: '65536' }), /^port \(--port or PORT\) must be a whole number from 0 to 65535, not "65536"$/);
    assert.equal(loadConfig({ port: '0' }, {}).port, 0, '0 picks a free port');
  });

  test('a bad public URL is refused', () => {
    for (const url of ['localhost:8080', 'ftp://files.example.org', 'https://', 'not a url', 'http//example.org']) {
      assert.match(refusal({}, { PUBLIC_URL: url }), /^public URL \(--public-url or PUBLIC_URL\) must be an http\(s\) URL such as https:\/\/coworking\.example\.org, not ".*"$/, url);
    }
    assert.match(refusal({ 'public-url': 'https://example.org/?x=1' }), /must not have a query or a fragment/);
  });

  test('production refuses to start without CODE_SECRET, or with a short one', () => {
    assert.match(refusal({}, { NODE_ENV: 'production' }), /^CODE_SECRET must be set in production: a long random string that hashes one-time codes/);
    assert.match(refusal({}, { NODE_ENV: 'production', CODE_SECRET: 'short' }), /^CODE_SECRET is too short for production/);
    assert.equal(loadConfig({}, { NODE_ENV: 'production', CODE_SECRET: 'k3J9xQ2mV8pL5wR7tY1zB4nC6' }).codePepper, 'k3J9xQ2mV8pL5wR7tY1zB4nC6');
    // Outside production a development secret is used, so that a first run needs no setup.
    assert.ok(loadConfig({}, {}).codePepper.length > 0);
  });

  test('other bad values are refused, each with its own message', () => {
    assert.match(refusal({}, { SMTP_URL: 'mail.example.org' }), /^SMTP URL \(SMTP_URL\) must look like smtp:\/\//);
    assert.match(refusal({}, { LOG_LEVEL: 'loud' }), /^log level \(--log-level or LOG_LEVEL\) must be one of fatal, error, warn, info, debug, trace, silent, not "loud"$/);
    assert.match(refusal({}, { LOG_FORMAT: 'xml' }), /^log format \(--log-format or LOG_FORMAT\) must be pretty or json, not "xml"$/);
    assert.match(refusal({}, { BODY_LIMIT: '10' }), /^body limit \(--body-limit or BODY_LIMIT\) must be a whole number from 1024 to 10485760, not "10"$/);
    assert.match(refusal({}, { TRUST_PROXY: 'maybe' }), /^trust proxy \(--trust-proxy or TRUST_PROXY\) must be true or false, not "maybe"$/);
    assert.match(refusal({}, { MAIL_FROM: 'nobody' }), /^sender address \(--mail-from or MAIL_FROM\) must be an email address/);
    assert.match(refusal({}, { HOST: 'local host' }), /^host \(--host or HOST\) must be a host name or an IP address/);
    assert.match(refusal({}, { DATABASE_URL: 'postgres://' }), /^database \(--database or DATABASE_URL\) must look like postgres:\/\/user:password@host:5432\/database$/);
    assert.match(refusal({}, { DATABASE_URL: ' ' }), /^database \(--database or DATABASE_URL\) must be a postgres:\/\/ URL or a SQLite file path, not empty$/);
    assert.match(refusal({}, { ALLOWED_ORIGINS: 'https://example.org/' }), /"https:\/\/example\.org\/" is not one$/);
    assert.match(refusal({}, { ALLOWED_ORIGINS: 'example.org' }), /"example\.org" is not one$/);
  });

  test('TRUST_PROXY takes the usual spellings of true and false', () => {
    for (const yes of ['true', 'TRUE', '1', 'yes']) assert.equal(loadConfig({}, { TRUST_PROXY: yes }).trustProxy, true, yes);
    for (const no of ['false', '0', 'no']) assert.equal(loadConfig({}, { TRUST_PROXY: no }).trustProxy, false, no);
  });

  test('commands that only need the database or the origins read just those', () => {
    // A production setup without CODE_SECRET still lets `migrate` find its database.
    assert.equal(loadDatabaseUrl({}, { NODE_ENV: 'production', DATABASE_URL: 'postgresql://u:p@h/db' }), 'postgresql://u:p@h/db');
    assert.equal(loadDatabaseUrl({ database: 'sqlite:demo.sqlite' }, {}), 'sqlite:demo.sqlite');
    assert.deepEqual(loadAllowedOrigins({}, { ALLOWED_ORIGINS: '*' }), ['*']);
    assert.deepEqual(loadAllowedOrigins({ 'allowed-origins': 'http://localhost:8000' }, { ALLOWED_ORIGINS: '*' }), ['http://localhost:8000']);
  });
});
