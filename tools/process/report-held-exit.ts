// Loaded into every node test file's process (`--import`), so that a file that hangs says why
// instead of idling until the runner's timeout cancels it without a word:
// - once the file's tests have ended, a process still alive 60 s later is held by something a
//   test left open (a server, a socket, a child process): it says what, and fails;
// - a file still running 9 minutes after it started (the runner cancels it at 10) says which test
//   is running and what the process is waiting on.
// What it says goes to stderr and to the file COWORK_TEST_DIAGNOSTICS names, which
// run-node-tests.ts prints at the end of the run, where a CI log's tail shows it.
import { appendFileSync } from 'node:fs';
import { relative } from 'node:path';
import { after, beforeEach } from 'node:test';

// Shorter in the tests of this file (COWORK_TEST_HELD_GRACE_MS, COWORK_TEST_LONG_RUN_MS).
const graceMs = Number(process.env.COWORK_TEST_HELD_GRACE_MS ?? 60_000);
const longRunMs = Number(process.env.COWORK_TEST_LONG_RUN_MS ?? 540_000);
const file = relative(process.cwd(), process.argv[1] ?? 'a test file');
let running = '(between tests)';

function describe(handle: any): string {
  const kind = handle?.constructor?.name ?? typeof handle;
  if (typeof handle?.spawnfile === 'string') return `${kind} ${handle.spawnfile} (pid ${handle.pid})`;
  if (typeof handle?.address === 'function' && typeof handle?.listen === 'function') return `${kind} listening on ${JSON.stringify(handle.address())}`;
  if (typeof handle?.remotePort === 'number') return `${kind} ${handle.localAddress}:${handle.localPort} → ${handle.remoteAddress}:${handle.remotePort}`;
  return kind;
}

function held(): string {
  const handles = (process as unknown as { _getActiveHandles(): any[] })._getActiveHandles().filter((handle) => ![0, 1, 2].includes(handle?.fd));
  return handles.map(describe).join('; ') || process.getActiveResourcesInfo().join(', ') || 'nothing';
}

function tell(text: string): void {
  process.stderr.write(`${text}\n`);
  if (process.env.COWORK_TEST_DIAGNOSTICS) appendFileSync(process.env.COWORK_TEST_DIAGNOSTICS, `${text}\n`);
}

beforeEach((context) => {
  running = 'fullName' in context ? context.fullName : context.name;
});

setTimeout(() => tell(`${file} is still running after ${longRunMs / 1000} s, in the test "${running}"; the process waits on: ${held()}`), longRunMs).unref();

after(() => {
  setTimeout(() => {
    tell(`${file} was still running ${graceMs / 1000} s after its tests ended, held by: ${held()}`);
    process.exit(1);
  }, graceMs).unref();
});
