// run-node-tests.ts on test files that hang, with its waits shortened: a file held open after its
// tests says by what and fails; a file whose test never ends says which test it is in and what
// it waits on; both are said again at the end of the run.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';

const runner = new URL('./run-node-tests.ts', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'cowork-run-node-tests-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function run(files: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  // A run of its own, not one nested in this test file's (which node would refuse).
  const { NODE_TEST_CONTEXT: _nested, ...inherited } = process.env;
  const child = spawn(process.execPath, [runner, '--test-timeout=6000', ...files], { cwd: dir, env: { ...inherited, ...env } });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, output })));
}

test('a file held open by a server after its tests, and one whose test never ends, are named with what holds them', async () => {
  writeFileSync(join(dir, 'held.test.mjs'), "import { test } from 'node:test';\nimport { createServer } from 'node:net';\ntest('passes but leaves a server', () => void createServer().listen(0, '127.0.0.1'));\n");
  writeFileSync(join(dir, 'stuck.test.mjs'), "import { test } from 'node:test';\nimport { createServer } from 'node:net';\ntest('waits for ever', () => new Promise(() => createServer().listen(0, '127.0.0.1')));\n");
  writeFileSync(join(dir, 'fine.test.mjs'), "import { test } from 'node:test';\ntest('ends', () => {});\n");
  const { code, output } = await run(['held.test.mjs', 'stuck.test.mjs', 'fine.test.mjs'], { COWORK_TEST_HELD_GRACE_MS: '500', COWORK_TEST_LONG_RUN_MS: '3000' });
  assert.equal(code, 1, output);
  const [, end] = output.split('What test files said of a hang:\n');
  assert.ok(end, `the run ends with what the files said: ${output}`);
  assert.match(end, /held\.test\.mjs was still running 0\.5 s after its tests ended, held by: Server listening on \{"address":"127\.0\.0\.1"/);
  assert.match(end, /stuck\.test\.mjs is still running after 3 s, in the test "waits for ever"; the process waits on: Server listening on/);
  assert.doesNotMatch(end, /fine\.test\.mjs/);
});

test('a run whose files all end says nothing more and passes', async () => {
  writeFileSync(join(dir, 'only.test.mjs'), "import { test } from 'node:test';\ntest('ends', () => {});\n");
  const { code, output } = await run(['only.test.mjs'], {});
  assert.equal(code, 0, output);
  assert.doesNotMatch(output, /What test files said/);
});
