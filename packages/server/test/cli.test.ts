// The `coworking-commons` command, run as a child process the way people run it: help, usage
// errors and exit codes, migrate and seed on both databases, and serve, create-api-key and backup
// on a live SQLite database.
import assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { openStore, type Store } from '../src/db/database.ts';
import type { Database } from '../src/db/schema.ts';
import { hashSecret } from '../src/domain/secrets.ts';
import { createTestDatabase, testDatabases } from './support/databases.ts';
import { childEnv, cli, runCli } from './support/run-cli.ts';

const commands = ['serve', 'migrate', 'seed', 'create-space', 'create-api-key', 'backup', 'export', 'import', 'import-members'];
const run = runCli;

interface Serving {
  url: string;
  child: ChildProcessWithoutNullStreams;
  output(): string;
  /** Sends the signal and resolves to the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Starts `serve` and waits until it prints the address it listens on. */
function serve(args: string[], env: Record<string, string> = {}): Promise<Serving> {
  const child = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', cli, 'serve', '--port', '0', ...args], { env: childEnv({ LOG_FORMAT: 'json', ...env }) });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({
          url: match[1]!,
          child,
          output: () => output,
          stop: (signal = 'SIGTERM') => {
            if (child.exitCode === null) child.kill(signal);
            return exited;
          },
        });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk) => (output += chunk));
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code}:\n${output}`));
    });
  });
}

async function rowCounts(store: Store): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of ['spaces', 'resources', 'plans', 'members', 'api_keys', 'bookings', 'booking_units', 'events', 'registrations'] as (keyof Database)[]) {
    const row = await store.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts;
}

const oneLine = (text: string) => text.trim().split('\n').length === 1;

describe('coworking-commons: help and usage errors', () => {
  test('--help lists every command; the file runs by itself (shebang, executable)', async () => {
    assert.ok(statSync(cli).mode & 0o111, 'the bin is executable');
    assert.match(readFileSync(cli, 'utf8').split('\n')[0]!, /^#!\/usr\/bin\/env -S node --disable-warning=ExperimentalWarning$/);
    const result = await run(['--help'], { direct: true });
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^Usage: coworking-commons <command> \[options\]/);
    for (const command of commands) assert.match(result.stdout, new RegExp(`^  ${command} +\\S`, 'm'), command);
    assert.equal(result.stderr, '', 'no warnings');
  });

  test('each command has its --help', async () => {
    const expected: Record<string, RegExp[]> = {
      serve: [/--port <number>/, /\[PORT\]/, /--host/, /--database/, /--public-url/, /--demo/, /SMTP_URL/, /CODE_SECRET/, /SIGTERM/],
      migrate: [/--database <url\|file>/, /\[DATABASE_URL\]/],
      seed: [/--demo/, /La Ruche/, /idempotent/i],
      'create-space': [/--id <slug>/, /--name <name>/, /--time-zone <zone>/, /--allowed-origins/],
      'create-api-key': [/--space <id>/, /--name <name>/, /once/],
      backup: [/--to <file>/, /VACUUM INTO/, /pg_dump/],
      export: [/--space <id>/, /--to <file>/, /one transaction/, /docs\/export-a-space\.md/],
      import: [/--from <file>/, /all of it, or nothing/, /CODE_SECRET/],
      'import-members': [/--from <file\.csv>/, /--dry-run/, /Cobot/, /Nexudus/],
    };
    // In parallel: each run is a new process.
    const helps = await Promise.all(commands.map((command) => Promise.all([run([command, '--help']), run([command, '-h'])])));
    for (const [i, command] of commands.entries()) {
      const [result, short] = helps[i]!;
      assert.equal(result.code, 0, `${command}: ${result.stderr}`);
      assert.ok(result.stdout.startsWith(`Usage: coworking-commons ${command}`), command);
      assert.match(result.stdout, /-h, --help/);
      for (const pattern of expected[command]!) assert.match(result.stdout, pattern, `${command} --help mentions ${pattern}`);
      assert.equal(short.stdout, result.stdout);
    }
    const viaHelp = await run(['help', 'backup']);
    assert.match(viaHelp.stdout, /^Usage: coworking-commons backup/);
  });

  test('--version prints the package version', async () => {
    const result = await run(['--version']);
    assert.equal(result.code, 0);
    const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    assert.equal(result.stdout.trim(), version);
  });

  test('mistakes exit with code 2 and one clear line', async () => {
    const cases: [string[], RegExp, Record<string, string>?][] = [
      [['serve', '--bogus'], /^coworking-commons serve: unknown option --bogus \(see coworking-commons serve --help\)$/],
      [['migrate', '-x'], /^coworking-commons migrate: unknown option -x /],
      [['serve', '--port'], /^coworking-commons serve: --port needs a value \(--port <number>\)/],
      [['serve', '--port', 'abc'], /^coworking-commons serve: port \(--port or PORT\) must be a whole number from 0 to 65535, not "abc"/],
      [['serve'], /^coworking-commons serve: port \(--port or PORT\) must be a whole number from 0 to 65535, not "99999"/, { PORT: '99999' }],
      [['serve', '--public-url', 'example.org'], /^coworking-commons serve: public URL \(--public-url or PUBLIC_URL\) must be an http\(s\) URL/],
      [['serve'], /^coworking-commons serve: CODE_SECRET must be set in production/, { NODE_ENV: 'production' }],
      [['serve', '--demo=yes'], /^coworking-commons serve: --demo takes no value/],
      [['seed'], /^coworking-commons seed: say what to seed: --demo/],
      [['seed', '--demo', 'now'], /^coworking-commons seed: unexpected argument "now"/],
      [['create-api-key', '--name', 'Front desk'], /^coworking-commons create-api-key: --space <id> is required/],
      [['create-api-key', '--space', 'la-ruche'], /^coworking-commons create-api-key: --name <name> is required/],
      [['create-api-key', '--space', 'La Ruche', '--name', 'x'], /^coworking-commons create-api-key: --space must be a space id such as la-ruche/],
      [['backup'], /^coworking-commons backup: --to <file> is required/],
      [['migrate', '--database', 'postgres://nowhere'], /^coworking-commons migrate: database \(--database or DATABASE_URL\) must look like postgres:\/\//],
      [['launch'], /^coworking-commons: unknown command "launch"; the commands are serve, migrate, seed, create-space, create-api-key, backup/],
    ];
    const results = await Promise.all(cases.map(([args, , env]) => run(args, { env })));
    for (const [i, [args, pattern]] of cases.entries()) {
      const result = results[i]!;
      assert.equal(result.code, 2, `${args.join(' ')}: exit code (${result.stderr})`);
      assert.match(result.stderr.trim(), pattern, args.join(' '));
      assert.ok(oneLine(result.stderr), `${args.join(' ')}: one line, not ${JSON.stringify(result.stderr)}`);
      assert.equal(result.stdout, '');
    }
  });

  test('without a command, the usage goes to stderr with code 2', async () => {
    const result = await run([]);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /^Usage: coworking-commons <command>/);
  });

  test('backup refuses PostgreSQL and points to pg_dump', async () => {
    const result = await run(['backup', '--to', join(tmpdir(), 'never-written.sqlite'), '--database', 'postgres://cowork@127.0.0.1:5432/cowork']);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /^coworking-commons backup: backup copies SQLite databases only; back up PostgreSQL with pg_dump, for example: pg_dump /);
    assert.ok(oneLine(result.stderr));
    assert.ok(!existsSync(join(tmpdir(), 'never-written.sqlite')));
  });

  test('a database that cannot be reached is one line and code 1', async () => {
    const result = await run(['migrate', '--database', 'postgres://cowork:secret@127.0.0.1:1/cowork']);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /^coworking-commons migrate: cannot migrate the database \(PostgreSQL postgres:\/\/cowork@127\.0\.0\.1:1\/cowork\): /);
    assert.ok(!result.stderr.includes('secret'), 'the password is not shown');
    assert.ok(oneLine(result.stderr));
  });
});

for (const kind of testDatabases()) {
  describe(`coworking-commons migrate and seed --demo (${kind})`, () => {
    test('migrate, then seed the demo space; seeding again changes nothing', async () => {
      const database = await createTestDatabase(kind);
      try {
        const migrated = await run(['migrate', '--database', database.url]);
        assert.equal(migrated.code, 0, migrated.stderr);
        assert.match(migrated.stdout, /^Applied 001-initial, 002-units-by-end, 003-longest-block, 004-staff-roles, 005-versions, 006-memberships, 007-credits, 008-webhooks to /);
        const again = await run(['migrate'], { env: { DATABASE_URL: database.url } });
        assert.equal(again.code, 0, again.stderr);
        assert.match(again.stdout, /is up to date\.$/m, 'DATABASE_URL is read too');

        const seeded = await run(['seed', '--demo', '--database', database.url]);
        assert.equal(seeded.code, 0, seeded.stderr);
        assert.match(seeded.stdout, /^Created the demo space "La Ruche" \(la-ruche\) in .*: \d+ resources, \d+ plans, \d+ members, \d+ organisations, \d+ memberships, \d+ events with \d+ registrations, \d+ bookings\.$/m);
        const key = /Staff API key, shown only this once \(keep it\): (cck_\S+)$/m.exec(seeded.stdout)?.[1];
        assert.ok(key, 'the staff key is printed');
        assert.match(seeded.stdout, /^Staff sign in the same way: the admin helene\.marchand@example\.org, the staff person bastien\.leroy@example\.org\.$/m);

        const store = openStore(database.url);
        try {
          const counts = await rowCounts(store);
          assert.equal(counts.spaces, 1);
          assert.ok(counts.members! >= 25, `${counts.members} members`);
          assert.ok(counts.events! >= 20, `${counts.events} events`);
          assert.ok(counts.bookings! >= 3);
          const types = (await store.db.selectFrom('resources').select('type').execute()).map((r) => r.type);
          for (const type of ['hot_desk', 'dedicated_desk', 'meeting_room', 'private_office', 'phone_booth', 'event_space']) assert.ok(types.includes(type), type);
          const staff = await store.db.selectFrom('members').select(['email', 'role']).where('role', '<>', 'member').orderBy('email').execute();
          assert.deepEqual(staff.map((row) => ({ ...row })), [
            { email: 'bastien.leroy@example.org', role: 'staff' },
            { email: 'helene.marchand@example.org', role: 'admin' },
          ]);
          const stored = await store.db.selectFrom('api_keys').select('secret_hash').executeTakeFirstOrThrow();
          assert.equal(stored.secret_hash, hashSecret(key), 'only the hash of the printed key is stored');

          const second = await run(['seed', '--demo', '--database', database.url]);
          assert.equal(second.code, 0, second.stderr);
          assert.match(second.stdout.trim(), /^The demo space "La Ruche" \(la-ruche\) already exists in .*; nothing was changed\.$/);
          assert.ok(!second.stdout.includes('cck_'), 'no new key');
          assert.deepEqual(await rowCounts(store), counts);
        } finally {
          await store.close();
        }
      } finally {
        await database.drop();
      }
    });
  });
}

describe('coworking-commons serve, create-api-key and backup on a live SQLite database', () => {
  let dir: string;
  let file: string;
  let staffKey: string;
  let server: Serving;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cowork-cli-'));
    file = join(dir, 'coworking.sqlite');
    const seeded = await run(['seed', '--demo', '--database', file]);
    assert.equal(seeded.code, 0, seeded.stderr);
    staffKey = /(cck_\S+)$/m.exec(seeded.stdout)![1]!;
    server = await serve(['--database', file]);
  });
  after(async () => {
    await server?.stop('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  test('serve prints where everything is, and answers the discovery document', async () => {
    const banner = server.output();
    const publicUrl = /API base URL +(http:\/\/\S+)/.exec(banner)?.[1];
    assert.match(publicUrl ?? '', /^http:\/\/localhost:\d+$/, 'the public URL follows the port picked');
    assert.match(banner, /Discovery +http:\/\/localhost:\d+\/\.well-known\/coworking-commons/);
    assert.match(banner, /API reference +http:\/\/localhost:\d+\/reference/);
    assert.match(banner, /sign-in codes are not mailed, they appear in this log/);
    const response = await fetch(`${server.url}/.well-known/coworking-commons`);
    assert.equal(response.status, 200);
    const discovery = (await response.json()) as { apiBaseUrl: string; spaces: { id: string }[] };
    assert.equal(discovery.apiBaseUrl, publicUrl);
    assert.deepEqual(discovery.spaces.map((s) => s.id), ['la-ruche']);
  });

  test('serve also serves the spec and its reference', async () => {
    const spec = await fetch(`${server.url}/openapi.json`);
    assert.equal(spec.status, 200);
    assert.match(spec.headers.get('content-type') ?? '', /^application\/json/);
    assert.equal(((await spec.json()) as { openapi: string }).openapi, '3.1.0');
    const reference = await fetch(`${server.url}/reference`);
    const built = existsSync(fileURLToPath(new URL('../../spec/reference.html', import.meta.url)));
    if (built) {
      assert.equal(reference.status, 200);
      assert.match(reference.headers.get('content-type') ?? '', /^text\/html/);
      assert.match(await reference.text(), /<title>Coworking Commons API/);
    } else {
      assert.equal(reference.status, 404);
      assert.match(((await reference.json()) as { detail: string }).detail, /npm run spec:build/);
    }
    const root = await fetch(`${server.url}/`, { redirect: 'manual' });
    assert.equal(root.status, 302);
    assert.match(root.headers.get('location') ?? '', /\/reference$/);
  });

  test('create-api-key prints a working secret once, while the server runs', async () => {
    const created = await run(['create-api-key', '--space', 'la-ruche', '--name', 'Front desk', '--database', file]);
    assert.equal(created.code, 0, created.stderr);
    const secret = created.stdout.trim();
    assert.match(secret, /^cck_[A-Za-z0-9_-]{30,}$/, 'only the secret on stdout');
    assert.match(created.stderr, /Created the staff API key "Front desk" \(key_\S+\) of la-ruche/);
    const keys = await fetch(`${server.url}/spaces/la-ruche/staff/api-keys`, { headers: { authorization: `Bearer ${secret}` } });
    assert.equal(keys.status, 200);
    const names = ((await keys.json()) as { items: { name: string }[] }).items.map((k) => k.name).sort();
    assert.deepEqual(names, ['Demo staff key', 'Front desk']);

    const unknown = await run(['create-api-key', '--space', 'le-phare', '--name', 'x', '--database', file]);
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /^coworking-commons create-api-key: there is no space "le-phare" in /);
  });

  test('backup copies the live database consistently while the server writes', async () => {
    const copy = join(dir, 'backups', 'copy.sqlite');
    // Writes through the server while the copy is taken: new API keys.
    const writes = Array.from({ length: 20 }, (_, i) =>
      fetch(`${server.url}/spaces/la-ruche/staff/api-keys`, {
        method: 'POST',
        headers: { authorization: `Bearer ${staffKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name: `Script ${i}` }),
      }).then((r) => r.status),
    );
    const backup = await run(['backup', '--to', copy, '--database', file]);
    const statuses = await Promise.all(writes);
    assert.ok(statuses.every((s) => s === 201), `writes succeeded: ${statuses.join(' ')}`);
    assert.equal(backup.code, 0, backup.stderr);
    assert.match(backup.stdout, /^Backed up SQLite .* to .*copy\.sqlite: 1 space, .*, integrity checked\.$/m);
    assert.equal(statSync(copy).mode & 0o077, 0, 'readable by its owner only');

    const original = new DatabaseSync(file, { readOnly: true });
    const backedUp = new DatabaseSync(copy, { readOnly: true });
    try {
      const spaces = (db: DatabaseSync) => db.prepare('SELECT id, document FROM spaces ORDER BY id').all();
      assert.deepEqual(spaces(backedUp), spaces(original), 'the same spaces');
      const count = (db: DatabaseSync, table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
      for (const table of ['members', 'events', 'registrations', 'bookings', 'booking_units']) assert.equal(count(backedUp, table), count(original, table), table);
      const keys = count(backedUp, 'api_keys');
      assert.ok(keys >= 2 && keys <= 22, `a snapshot between the writes: ${keys} keys`);
      assert.equal((backedUp.prepare('PRAGMA integrity_check').get() as { integrity_check: string }).integrity_check, 'ok');
    } finally {
      original.close();
      backedUp.close();
    }
    const store = openStore(copy);
    try {
      assert.deepEqual((await store.db.selectFrom('spaces').select('id').execute()).map((s) => s.id), ['la-ruche'], 'the copy opens as a store');
    } finally {
      await store.close();
    }

    const overwrite = await run(['backup', '--to', copy, '--database', file]);
    assert.equal(overwrite.code, 1);
    assert.match(overwrite.stderr, /already exists; backup never overwrites a file/);
    const missing = await run(['backup', '--to', join(dir, 'other.sqlite'), '--database', join(dir, 'missing.sqlite')]);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /there is no SQLite database at /);
    assert.ok(!existsSync(join(dir, 'missing.sqlite')), 'no empty database is created');
  });

  test('a port in use is one clear line and code 1', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const result = await run(['serve', '--port', String(port), '--database', file]);
      assert.equal(result.code, 1);
      assert.match(result.stderr, new RegExp(`^coworking-commons serve: port ${port} is already in use on 127\\.0\\.0\\.1`));
      assert.ok(oneLine(result.stderr));
    } finally {
      blocker.close();
    }
  });

  test('create-api-key --scopes and --expires make a key that reaches only those scopes, until then', async () => {
    const created = await run(['create-api-key', '--space', 'la-ruche', '--name', 'Website', '--scopes', 'read,bookings', '--expires', '2999-06-30T22:00:00Z', '--database', file]);
    assert.equal(created.code, 0, created.stderr);
    assert.match(created.stderr, /\(scopes read, bookings, until 2999-06-30T22:00:00\.000Z\)/);
    const secret = created.stdout.trim();
    const headers = { authorization: `Bearer ${secret}` };
    assert.equal((await fetch(`${server.url}/spaces/la-ruche/staff/members`, { headers })).status, 200);
    const refused = await fetch(`${server.url}/spaces/la-ruche/staff/api-keys`, { headers });
    assert.equal(refused.status, 403);
    assert.match(((await refused.json()) as { detail: string }).detail, /lacks the "admin" scope/);

    for (const [args, message] of [
      [['--scopes', 'read,everything'], /--scopes takes comma-separated scopes among read, bookings, members, events, billing, admin, not "everything"/],
      [['--expires', 'tomorrow'], /--expires must be an RFC 3339 instant/],
      [['--expires', '2020-01-01T00:00:00Z'], /--expires must be in the future/],
    ] as const) {
      const bad = await run(['create-api-key', '--space', 'la-ruche', '--name', 'Bad', ...args, '--database', file]);
      assert.equal(bad.code, 2, bad.stderr);
      assert.match(bad.stderr, message);
    }
  });

  test('serve --demo names the demo admin and staff person, who sign in with a one-time code, and subscribes the demo receiver', async () => {
    const demoFile = join(dir, 'demo.sqlite');
    const demo = await serve(['--demo', '--database', demoFile]);
    try {
      for (let i = 0; i < 100 && !/Press Ctrl\+C/.test(demo.output()); i++) await new Promise((resolve) => setTimeout(resolve, 50));
      assert.match(demo.output(), /Demo admin +helene\.marchand@example\.org/);
      assert.match(demo.output(), /Demo staff person +bastien\.leroy@example\.org/);
      assert.match(demo.output(), /Webhooks +every event goes to http:\/\/127\.0\.0\.1:8091\/webhooks: npm run demo:receiver shows them \(nothing needs it\)/);
      const database = new DatabaseSync(demoFile, { readOnly: true });
      const subscriptions = database.prepare("SELECT url, event_types FROM webhook_subscriptions WHERE space_id = 'la-ruche'").all();
      database.close();
      assert.deepEqual(subscriptions.map((row) => ({ ...row })), [{ url: 'http://127.0.0.1:8091/webhooks', event_types: '["*"]' }]);
    } finally {
      await demo.stop('SIGKILL');
    }
  });

  test('SIGTERM stops the server gracefully', async () => {
    const code = await server.stop('SIGTERM');
    assert.equal(code, 0, server.output());
    assert.match(server.output(), /SIGTERM received/);
    assert.match(server.output(), /^Stopped\.$/m);
  });

});

test('create-space makes a space a staff key can then be created for, and refuses bad or taken ids', async () => {
  const database = await createTestDatabase('sqlite');
  try {
    const env = { DATABASE_URL: database.url };
    const created = await run(['create-space', '--id', 'le-phare', '--name', 'Le Phare', '--time-zone', 'Europe/Brussels', '--allowed-origins', 'https://lephare.example'], { env });
    assert.equal(created.code, 0, created.stderr);
    assert.match(created.stdout, /Created the space "Le Phare" \(le-phare\)/);
    const key = await run(['create-api-key', '--space', 'le-phare', '--name', 'Staff'], { env });
    assert.equal(key.code, 0, key.stderr);
    assert.match(key.stdout.trim(), /^cck_[A-Za-z0-9_-]+$/);
    const taken = await run(['create-space', '--id', 'le-phare', '--name', 'Again'], { env });
    assert.equal(taken.code, 1);
    assert.match(taken.stderr, /already a space "le-phare"/);
    const bad = await run(['create-space', '--id', 'Le Phare!', '--name', 'x'], { env });
    assert.equal(bad.code, 2);
    const zone = await run(['create-space', '--id', 'ailleurs', '--name', 'x', '--time-zone', 'Mars/Olympus'], { env });
    assert.equal(zone.code, 2);
    assert.match(zone.stderr, /IANA time zone/);
    assert.match(created.stdout, /no admin yet/, 'without --admin-email (and no terminal to ask on) the space has no admin, and says how to make one');
  } finally {
    await database.drop();
  }
});

test('create-space makes the first admin, who then signs in with a one-time code', async () => {
  const database = await createTestDatabase('sqlite');
  try {
    const env = { DATABASE_URL: database.url };
    const created = await run(['create-space', '--id', 'le-phare', '--name', 'Le Phare', '--admin-email', 'Anne@LePhare.example', '--admin-name', 'Anne Kerbrat'], { env });
    assert.equal(created.code, 0, created.stderr);
    assert.match(created.stdout, /Its admin anne@lephare\.example signs in with a one-time code/);
    const store = openStore(database.url);
    try {
      const admin = await store.db.selectFrom('members').select(['email', 'display_name', 'role', 'status']).where('space_id', '=', 'le-phare').executeTakeFirstOrThrow();
      assert.deepEqual({ ...admin }, { email: 'anne@lephare.example', display_name: 'Anne Kerbrat', role: 'admin', status: 'active' });
    } finally {
      await store.close();
    }
    const bad = await run(['create-space', '--id', 'ailleurs', '--name', 'Ailleurs', '--admin-email', 'not-an-email'], { env });
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--admin-email must be an email address/);
    const store2 = openStore(database.url);
    try {
      assert.equal((await store2.db.selectFrom('spaces').select('id').where('id', '=', 'ailleurs').execute()).length, 0, 'nothing made');
    } finally {
      await store2.close();
    }
  } finally {
    await database.drop();
  }
});
