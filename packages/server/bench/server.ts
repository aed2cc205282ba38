// npm run bench:server — requests/s and latency of the reference server on loopback, measured
// with autocannon against a server in its own process, on SQLite and (when
// COWORK_TEST_POSTGRES_URL is set) PostgreSQL, each next to a bare Fastify baseline over the same
// database (baseline.ts) measured in the same run. See BENCHMARKS.md for the method and figures.
//
// Environment: BENCH_SECONDS (per run, default 10); BENCH_DATABASES=sqlite,postgres (which);
// BENCH_ONLY=<part of a run's name>[|…] (only those runs, no sign-in timing); BENCH_BEFORE=<a
// checkout of an earlier commit, with node_modules> (also measures that commit's server on the
// 50-room week, one room's day and booking creation, in a database of its own);
// BENCH_CPU_PROF=<folder> (the server and the baseline run with --cpu-prof and write their
// profiles there when they stop).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import { createTestDatabase, type DatabaseKind } from '../test/support/databases.ts';
import { openStore } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { createMember } from '../src/services/members.ts';
import { benchSpaceId, bookingDays, measuredWeek, seedBenchSpace } from './fixture.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const signInPairs = 1000;
const kinds: DatabaseKind[] = (process.env.COWORK_TEST_POSTGRES_URL ? ['sqlite', 'postgres'] : ['sqlite']).filter((k) => !process.env.BENCH_DATABASES || process.env.BENCH_DATABASES.split(',').includes(k)) as DatabaseKind[];
const cpuProf = (name: string) => (process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`, `--cpu-prof-name=${name}.${Date.now()}.cpuprofile`] : []);

interface Figures {
  name: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  ok: number;
  other: number;
  /** CPU time of the server's process per answered request (Linux), less sensitive to a busy machine than requests/s. */
  cpuPerRequest?: number;
}

/** A server in its own process (`script <database-url>`, which prints its port): its base URL and how to stop it. */
async function start(script: string, databaseUrl: string, nodeOptions: string[] = []) {
  const child = spawn(process.execPath, [...nodeOptions, '--conditions=source', '--disable-warning=ExperimentalWarning', script, databaseUrl], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [line] = await once(child.stdout!, 'data');
  return {
    base: `http://127.0.0.1:${String(line).trim()}`,
    pid: child.pid!,
    async stop() {
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}

/**
 * The same space in a database of the tree at `root` (an earlier commit: its own migrations and
 * fixture), and its server: the figure "before", measured in this run.
 */
async function startBefore(root: string, kind: DatabaseKind) {
  const database = await createTestDatabase(kind);
  const { openStore: open } = await import(`${root}/packages/server/src/db/database.ts`);
  const { migrateToLatest: migrate } = await import(`${root}/packages/server/src/db/migrate.ts`);
  const { seedBenchSpace: seed } = await import(`${root}/packages/server/bench/fixture.ts`);
  const store = open(database.url);
  await migrate(store);
  const { staffKey } = await seed(store, new Date('2026-12-01T00:00:00Z'));
  await store.close();
  const server = await start(`${root}/packages/server/bench/serve.ts`, database.url);
  return {
    base: server.base,
    pid: server.pid,
    staffKey: staffKey as string,
    async stop() {
      await server.stop();
      await database.drop();
    },
  };
}

const weekQuery = `from=${measuredWeek.from}&to=${measuredWeek.to}`;
/** What the booking widget asks when a date is picked: one room, the day in Paris and the room's longest booking past midnight (PT8H). */
const widgetDays = Array.from({ length: 7 }, (_, d) => {
  const from = Date.parse(measuredWeek.from) - 3_600_000 + d * 86_400_000;
  return `from=${new Date(from).toISOString()}&to=${new Date(from + 32 * 3_600_000).toISOString()}`;
});

const results: { kind: DatabaseKind; figures: Figures[] }[] = [];

for (const kind of kinds) {
  const database = await createTestDatabase(kind);
  const store = openStore(database.url);
  await migrateToLatest(store);
  const { staffKey, resourceIds } = await seedBenchSpace(store, new Date('2026-12-01T00:00:00Z'));
  await seedBaselineTable(store);
  const memberEmails = process.env.BENCH_ONLY ? [] : await seedSignInMembers(store, signInPairs);
  await store.close();

  const server = await start(new URL('./serve.ts', import.meta.url).pathname, database.url, cpuProf(`server-${kind}`));
  const baseline = await start(new URL('./baseline.ts', import.meta.url).pathname, database.url, cpuProf(`baseline-${kind}`));
  const before = process.env.BENCH_BEFORE ? await startBefore(process.env.BENCH_BEFORE, kind) : undefined;
  const figures: Figures[] = [];
  try {
    // Availability of the 50 rooms over the week.
    figures.push(await run('baseline: availability, 50 rooms, week', baseline, { url: `${baseline.base}/availability?${weekQuery}`, connections: 10 }));
    figures.push(await run('availability, 50 rooms, week, 1 connection', server, { url: `${server.base}/spaces/${benchSpaceId}/availability?${weekQuery}`, connections: 1 }));
    figures.push(await run('availability, 50 rooms, week', server, { url: `${server.base}/spaces/${benchSpaceId}/availability?${weekQuery}`, connections: 10 }));
    if (before) figures.push(await run('before: availability, 50 rooms, week', before, { url: `${before.base}/spaces/${benchSpaceId}/availability?${weekQuery}`, connections: 10 }));

    // The widget's question: one room (each request another room and day of the week).
    const rotate = (paths: string[]) => {
      let i = 0;
      return [{ setupRequest: (request: Record<string, unknown>) => ({ ...request, path: paths[i++ % paths.length] }) }];
    };
    const roomDays = resourceIds.flatMap((id, r) => widgetDays.map((_, d) => `resourceId=${id}&${widgetDays[(r + d) % 7]}`));
    figures.push(await run('baseline: availability, 1 room, day', baseline, { url: baseline.base, connections: 10, requests: rotate(roomDays.map((q) => `/availability?${q}`)) }));
    figures.push(await run('availability, 1 room, day', server, { url: server.base, connections: 10, requests: rotate(roomDays.map((q) => `/spaces/${benchSpaceId}/availability?${q}`)) }));
    if (before) figures.push(await run('before: availability, 1 room, day', before, { url: before.base, connections: 10, requests: rotate(roomDays.map((q) => `/spaces/${benchSpaceId}/availability?${q}`)) }));
    figures.push(await run('availability, 1 room, week', server, { url: server.base, connections: 10, requests: rotate(resourceIds.map((id) => `/spaces/${benchSpaceId}/availability?resourceId=${id}&${weekQuery}`)) }));
    figures.push(await run('availability, 1 type (50 rooms), day', server, { url: server.base, connections: 10, requests: rotate(widgetDays.map((q) => `/spaces/${benchSpaceId}/availability?type=meeting_room&${q}`)) }));
    figures.push(await run('availability, 1 type (50 rooms), week', server, { url: `${server.base}/spaces/${benchSpaceId}/availability?type=meeting_room&${weekQuery}`, connections: 10 }));

    // Booking creation: the same requests to the baseline (its own table) and to the server.
    const slots = bookingSlots(resourceIds);
    const creating = (next = 0) => [
      {
        setupRequest: (request: Record<string, unknown>) => {
          const slot = slots[next++ % slots.length]!;
          const body = { ...slot, guest: { name: 'Bench Guest', email: 'guest@example.org' } };
          return { ...request, headers: { ...(request.headers as object), 'idempotency-key': randomUUID() }, body: JSON.stringify(body) };
        },
      },
    ];
    const headers = { authorization: `Bearer ${staffKey}`, 'content-type': 'application/json' };
    figures.push(await run('baseline: booking creation', baseline, { url: `${baseline.base}/bookings`, method: 'POST', connections: 10, headers, requests: creating() }));
    figures.push(await run('booking creation', server, { url: `${server.base}/spaces/${benchSpaceId}/bookings`, method: 'POST', connections: 10, headers, requests: creating() }));
    if (before) figures.push(await run('before: booking creation', before, { url: `${before.base}/spaces/${benchSpaceId}/bookings`, method: 'POST', connections: 10, headers: { ...headers, authorization: `Bearer ${before.staffKey}` }, requests: creating() }));
    report(kind, figures);
    results.push({ kind, figures });
    if (!process.env.BENCH_ONLY) reportSignIn(await signInTiming(server.base, memberEmails));
  } finally {
    await Promise.all([server.stop(), baseline.stop(), before?.stop()]);
    await database.drop();
  }
}
reportTargets(results);

async function run(name: string, target: { pid: number }, options: Record<string, unknown>): Promise<Figures> {
  if (process.env.BENCH_ONLY && !process.env.BENCH_ONLY.split('|').some((only) => name.includes(only))) return { name, requestsPerSecond: NaN, p50: NaN, p99: NaN, ok: 0, other: 0 };
  const cpuBefore = cpuTime(target.pid);
  const result = await autocannon({ duration: seconds, ...options } as autocannon.Options);
  const cpu = cpuTime(target.pid) - cpuBefore;
  return {
    cpuPerRequest: Number.isNaN(cpu) ? undefined : cpu / Math.max(1, result['2xx'] + result.non2xx),
    name,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    ok: result['2xx'],
    other: result.non2xx + result.errors + result.timeouts,
  };
}

/** User and system CPU time of a process so far, in ms (NaN where /proc is not there). */
function cpuTime(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10; // clock ticks of 10 ms (getconf CLK_TCK)
  } catch {
    return NaN;
  }
}

/**
 * The baseline's own bookings table: a copy of `bookings` (same columns, same rows) with the
 * index `booking_units` has, so the baseline's overlap check reads what the server's does.
 */
async function seedBaselineTable(store: ReturnType<typeof openStore>) {
  await sql`CREATE TABLE bare_bookings AS SELECT * FROM bookings`.execute(store.db);
  await sql`ALTER TABLE bare_bookings ADD PRIMARY KEY (id)`.execute(store.db).catch(async () => {
    // SQLite cannot add a primary key to an existing table: a unique index does the same job.
    await sql`CREATE UNIQUE INDEX bare_bookings_pk ON bare_bookings (id)`.execute(store.db);
  });
  await sql`CREATE INDEX bare_bookings_by_resource ON bare_bookings (resource_id, end_at, start_at)`.execute(store.db);
}

/**
 * Half-hour bookings, each in a different free slot: 50 rooms × 100 days × 26 half-hours from
 * 07:00 UTC, more than a run books (a slot booked twice would be a cheaper 409).
 */
function bookingSlots(resourceIds: string[]) {
  const slots = [];
  const start = Date.parse(bookingDays.from);
  for (let day = 0; day < bookingDays.count; day++) {
    for (let half = 0; half < 26; half++) {
      for (const resourceId of resourceIds) {
        const from = start + day * 86_400_000 + 7 * 3_600_000 + half * 1_800_000;
        slots.push({ resourceId, start: new Date(from).toISOString(), end: new Date(from + 1_800_000).toISOString() });
      }
    }
  }
  return slots;
}

/** Members of the bench space, one address per request (each address may ask for 5 codes per window). */
async function seedSignInMembers(store: ReturnType<typeof openStore>, count: number): Promise<string[]> {
  const emails = Array.from({ length: count }, (_, i) => `member.${i}@bench.example`);
  for (const email of emails) await createMember({ store, now: () => new Date('2026-12-01T00:00:00Z') }, benchSpaceId, { email, displayName: 'Bench Member', directoryConsent: false } as never);
  return emails;
}

/**
 * Sign-in code requests for members and for strangers, one at a time, in pairs in random order:
 * the medians, their ratio, and how often "the slower of the pair is the member" guesses right
 * (0.5 is a coin toss: the answer tells nothing).
 */
async function signInTiming(base: string, memberEmails: string[]) {
  const ask = async (email: string) => {
    const started = performance.now();
    const answer = await fetch(`${base}/spaces/${benchSpaceId}/auth/code`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email }) });
    await answer.arrayBuffer();
    if (answer.status !== 202) throw new Error(`sign-in code request answered ${answer.status}`);
    return performance.now() - started;
  };
  for (let i = 0; i < 50; i++) await ask(`warm.${i}@elsewhere.example`);
  const members: number[] = [];
  const strangers: number[] = [];
  let right = 0;
  for (const [i, email] of memberEmails.entries()) {
    const memberFirst = Math.random() < 0.5;
    const first = await ask(memberFirst ? email : `stranger.${i}@elsewhere.example`);
    const second = await ask(memberFirst ? `stranger.${i}@elsewhere.example` : email);
    const [member, stranger] = memberFirst ? [first, second] : [second, first];
    members.push(member);
    strangers.push(stranger);
    if (member > stranger) right++;
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  return { member: median(members), stranger: median(strangers), guessedRight: right / memberEmails.length };
}

function reportSignIn(timing: { member: number; stranger: number; guessedRight: number }) {
  console.log(
    `  sign-in code, member vs stranger   median ${timing.member.toFixed(2)} ms vs ${timing.stranger.toFixed(2)} ms (ratio ${(timing.member / timing.stranger).toFixed(2)}); ` +
      `"the slower is the member" right ${(timing.guessedRight * 100).toFixed(0)} % of ${signInPairs} pairs`,
  );
}

function report(kind: string, figures: Figures[]) {
  console.log(`\n${kind}: ${seconds} s per run, 10 connections unless said, loopback; 50 rooms, 10,000 bookings`);
  for (const f of figures) {
    if (Number.isNaN(f.requestsPerSecond)) continue;
    const cpu = f.cpuPerRequest === undefined ? '' : `  cpu ${f.cpuPerRequest.toFixed(2).padStart(5)} ms/req`;
    console.log(`  ${f.name.padEnd(44)} ${f.requestsPerSecond.toFixed(0).padStart(6)} req/s  p50 ${String(f.p50).padStart(4)} ms  p99 ${String(f.p99).padStart(4)} ms${cpu}  (${f.ok} ok, ${f.other} other)`);
  }
}

/** Each figure against its target: a ratio to the baseline of the same run, or an absolute floor. */
function reportTargets(all: { kind: DatabaseKind; figures: Figures[] }[]) {
  console.log('\nagainst the targets');
  for (const { kind, figures } of all) {
    const get = (name: string) => figures.find((f) => f.name === name);
    const line = (what: string, ok: boolean | undefined, text: string) => {
      if (ok === undefined) return;
      console.log(`  ${kind.padEnd(8)} ${what.padEnd(46)} ${text.padEnd(60)} ${ok ? 'met' : 'NOT met'}`);
    };
    const ratio = (name: string, baselineName: string) => {
      const f = get(name);
      const b = get(baselineName);
      return f && b && !Number.isNaN(f.requestsPerSecond) && !Number.isNaN(b.requestsPerSecond) ? f.requestsPerSecond / b.requestsPerSecond : undefined;
    };
    const pct = (r: number | undefined) => (r === undefined ? undefined : `${(r * 100).toFixed(0)} %`);
    const bookings = ratio('booking creation', 'baseline: booking creation');
    const bookingsBefore = ratio('booking creation', 'before: booking creation');
    if (bookings !== undefined) line('booking creation ≥ 50 % of the baseline', bookings >= 0.5, `${pct(bookings)} of the baseline${bookingsBefore ? `, ${bookingsBefore.toFixed(1)}× before` : ''}`);
    for (const name of ['availability, 1 room, day', 'availability, 1 room, week', 'availability, 1 type (50 rooms), day', 'availability, 1 type (50 rooms), week']) {
      const f = get(name);
      if (!f || Number.isNaN(f.requestsPerSecond)) continue;
      const vsBaseline = name === 'availability, 1 room, day' ? ratio(name, 'baseline: availability, 1 room, day') : undefined;
      const vsBefore = name === 'availability, 1 room, day' ? ratio(name, 'before: availability, 1 room, day') : undefined;
      const compared = [vsBaseline && `${pct(vsBaseline)} of the baseline`, vsBefore && `${vsBefore.toFixed(1)}× before`].filter(Boolean).join(', ');
      line(`${name.replace('availability, ', '')}: ≥ 1,000/s, p99 ≤ 20 ms`, f.requestsPerSecond >= 1000 && f.p99 <= 20, `${f.requestsPerSecond.toFixed(0)}/s, p99 ${f.p99} ms${compared ? ` (${compared})` : ''}`);
    }
    const week = ratio('availability, 50 rooms, week', 'before: availability, 50 rooms, week');
    const weekVsBaseline = ratio('availability, 50 rooms, week', 'baseline: availability, 50 rooms, week');
    if (week !== undefined) line('50 rooms, week: ≥ 3× before', week >= 3, `${week.toFixed(1)}× before${weekVsBaseline ? `, ${pct(weekVsBaseline)} of the baseline` : ''}`);
    else if (weekVsBaseline !== undefined) console.log(`  ${kind.padEnd(8)} 50 rooms, week: ${pct(weekVsBaseline)} of the baseline (set BENCH_BEFORE to compare with an earlier commit)`);
  }
}
