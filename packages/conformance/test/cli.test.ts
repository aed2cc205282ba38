// The command as a vendor runs it: exit code 0 against the reference server, the JSON and JUnit
// outputs, and 2 with a clear message on a usage error.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { seedDemo } from '../../server/src/seed/demo.ts';
import { startTestServer, type TestServer } from '../../server/test/support/test-server.ts';

const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url));

function runCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--conditions=source', '--disable-warning=ExperimentalWarning', cli, ...args], { timeout: 120_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

// High limits for the bursts, but the server's real limit of sign-in codes per email (5 per 10
// minutes), which auth.sign-in-rate-limit provokes; startTestServer passes the option on to the server.
const signInPerEmail = { signInPerEmail: 5 };
const rateLimits = { guestCreate: 1000, other: 100_000, ...signInPerEmail };

describe('the coworking-commons-conformance command', () => {
  let server: TestServer;
  let staffKey: string;
  const dir = mkdtempSync(join(tmpdir(), 'conformance-cli-'));
  before(async () => {
    server = await startTestServer('sqlite', { rateLimits });
    staffKey = (await seedDemo(server.deps)).staffKey!;
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('exits 0 against the reference server, reports each check and the features, and writes JUnit XML, the HTML report and the badge', async () => {
    const junit = join(dir, 'results.xml');
    const html = join(dir, 'report.html');
    const badge = join(dir, 'badge.svg');
    const { code, stdout } = await runCli([server.url, '--space', 'la-ruche', '--staff-key', staffKey, '--junit', junit, '--html', html, '--badge', badge, '--burst', '10']);
    assert.equal(code, 0, stdout);
    assert.match(stdout, /^PASS discovery\.document /m);
    assert.match(stdout, /^PASS bookings\.no-double-booking /m);
    assert.match(stdout, /^ {2}guest-bookings +passed/m);
    assert.match(stdout, /CONFORMS: \d+ passed, 0 failed/);
    const xml = readFileSync(junit, 'utf8');
    assert.match(xml, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="coworking-commons-conformance"/);
    assert.match(xml, /<testsuite name="core" tests="\d+" failures="0"/);
    assert.match(readFileSync(html, 'utf8'), /^<!doctype html>[\s\S]*<svg [^>]*aria-label="coworking commons: \d+\.\d+\.\d+ conforms"[\s\S]*<code>bookings\.no-double-booking<\/code>/);
    assert.match(readFileSync(badge, 'utf8'), /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]*><title>coworking commons: \d+\.\d+\.\d+ conforms<\/title>/);
  });

  test('--json prints the results; --only runs the named checks (and the discovery they depend on)', async () => {
    const { code, stdout } = await runCli([server.url, '--space', 'la-ruche', '--json', '--only', 'problems.not-found,responses.schema']);
    assert.equal(code, 0, stdout);
    const run = JSON.parse(stdout);
    assert.equal(run.passed, true);
    assert.deepEqual(run.results.map((result: any) => result.id), ['discovery.document', 'problems.not-found', 'responses.schema']);
  });

  test('exits 1 when a check fails (a space the server does not serve)', async () => {
    const { code, stdout } = await runCli([server.url, '--space', 'no-such-space', '--only', 'spaces.get']);
    assert.equal(code, 1);
    assert.match(stdout, /^FAIL spaces\.get /m);
    assert.match(stdout, /sent: +GET http:\/\/127\.0\.0\.1:\d+\/spaces\/no-such-space/);
  });

  for (const [args, message] of [
    [[], /the <api-url> is missing/],
    [['http://127.0.0.1:1'], /--space <id> is required/],
    [['ftp://example.org', '--space', 'x'], /is not an http\(s\) URL/],
    [['http://127.0.0.1:1', '--space', 'x', '--only', 'no.such-check'], /unknown check id\(s\) in --only: no\.such-check/],
    [['http://127.0.0.1:1', '--space', 'x', '--burst', 'many'], /--burst must be an integer/],
    [['http://127.0.0.1:1', '--space', 'x', '--rate-limit-tries', '0'], /--rate-limit-tries must be an integer from 1 to 1000/],
    [['http://127.0.0.1:1', '--space', 'x', '--colour'], /Unknown option '--colour'/],
  ] as const) {
    test(`a usage error exits 2 with a clear message: ${args.join(' ') || '(no arguments)'}`, async () => {
      const { code, stderr } = await runCli([...args]);
      assert.equal(code, 2);
      assert.match(stderr, message);
      assert.match(stderr, /Usage: coworking-commons-conformance <api-url> --space <id>/);
    });
  }
});
