// npm run bench:server — requests/s and latency of the reference server on loopback, measured
// with autocannon against a server in its own process, on SQLite and (when
// COWORK_TEST_POSTGRES_URL is set) PostgreSQL. See BENCHMARKS.md for the method and figures.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import { createTestDatabase, type DatabaseKind } from '../test/support/databases.ts';
import { openStore } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { createMember } from '../src/services/members.ts';
import { benchSpaceId, bookingWeek, measuredWeek, seedBenchSpace } from './fixture.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const signInPairs = 1000;
const kinds: DatabaseKind[] = process.env.COWORK_TEST_POSTGRES_URL ? ['sqlite', 'postgres'] : ['sqlite'];

interface Figures {
  name: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  ok: number;
  other: number;
}

for (const kind of kinds) {
  const database = await createTestDatabase(kind);
  const store = openStore(database.url);
  await migrateToLatest(store);
  const { staffKey, resourceIds } = await seedBenchSpace(store, new Date('2026-12-01T00:00:00Z'));
  const memberEmails = await seedSignInMembers(store, signInPairs);
  await store.close();

  const child = spawn(process.execPath, ['--conditions=source', '--disable-warning=ExperimentalWarning', new URL('./serve.ts', import.meta.url).pathname, database.url], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [line] = await once(child.stdout!, 'data');
  const base = `http://127.0.0.1:${String(line).trim()}`;
  try {
    const availabilityUrl = `${base}/spaces/${benchSpaceId}/availability?from=${measuredWeek.from}&to=${measuredWeek.to}`;
    const availability = await run('availability, 1 connection', { url: availabilityUrl, connections: 1 });
    const availabilityLoaded = await run('availability, 10 connections', { url: availabilityUrl, connections: 10 });
    const slots = bookingSlots(resourceIds);
    let next = 0;
    const bookings = await run('booking creation, 10 connections', {
      url: `${base}/spaces/${benchSpaceId}/bookings`,
      method: 'POST',
      connections: 10,
      headers: { authorization: `Bearer ${staffKey}`, 'content-type': 'application/json' },
      requests: [
        {
          setupRequest: (request: Record<string, unknown>) => {
            const slot = slots[next++ % slots.length]!;
            const body = { ...slot, guest: { name: 'Bench Guest', email: 'guest@example.org' } };
            return { ...request, headers: { ...(request.headers as object), 'idempotency-key': randomUUID() }, body: JSON.stringify(body) };
          },
        },
      ],
    });
    report(kind, [availability, availabilityLoaded, bookings]);
    reportSignIn(await signInTiming(base, memberEmails));
  } finally {
    child.kill('SIGTERM');
    await once(child, 'exit');
    await database.drop();
  }
}

async function run(name: string, options: Record<string, unknown>): Promise<Figures> {
  const result = await autocannon({ duration: seconds, ...options } as autocannon.Options);
  return {
    name,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    ok: result['2xx'],
    other: result.non2xx + result.errors + result.timeouts,
  };
}

/** Half-hour bookings, each in a different free slot: 50 rooms × 14 days × 26 half-hours from 07:00 UTC. */
function bookingSlots(resourceIds: string[]) {
  const slots = [];
  const start = Date.parse(bookingWeek.from);
  for (let day = 0; day < 14; day++) {
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
  console.log(`\n${kind}: ${seconds} s per run, loopback; availability of 50 rooms over one week among 10,000 bookings`);
  for (const f of figures) {
    console.log(`  ${f.name.padEnd(34)} ${f.requestsPerSecond.toFixed(0).padStart(6)} req/s  p50 ${String(f.p50).padStart(4)} ms  p99 ${String(f.p99).padStart(4)} ms  (${f.ok} ok, ${f.other} other)`);
  }
}
