// Every shell block of the README and the docs, run as written, in a shell like a newcomer's:
// npm's variables and the repository's node_modules/.bin are taken out of the environment, so
// `node` is the machine's own (Node.js 20 on the project's standard machine) and the blocks must
// bring what they need themselves. Only the database and the port are the test's own.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { after, test } from 'node:test';
import { codeBlocks } from '../embed/docs-blocks.ts';
import { freePort } from '../process/free-port.ts';
import { shellEnvironment } from '../process/shell-env.ts';
import { repoRoot } from '../spec/paths.ts';

const documents = ['README.md', 'CONTRIBUTING.md', 'openapi/EXTENDING.md', 'examples/embed/README.md', ...readdirSync(join(repoRoot, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
const shells = new Set(['sh', 'bash', 'shell', 'console']);
const blocks = documents.filter((d) => existsSync(join(repoRoot, d))).flatMap((document) =>
  codeBlocks(readFileSync(join(repoRoot, document), 'utf8'))
    .filter((b) => shells.has(b.language))
    .map((b) => ({ document, section: b.section, code: b.code })),
);
const scratch = mkdtempSync(join(tmpdir(), 'cowork-doc-commands-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

/** A shell's environment: no npm_* variables, no NODE_OPTIONS, no node_modules/.bin on PATH. */
function shellEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = shellEnvironment();
  env.PATH = (process.env.PATH ?? '').split(delimiter).filter((dir) => !/node_modules[\\/]\.bin$/.test(dir)).join(delimiter);
  return { ...env, ...extra };
}

interface Run {
  output: () => string;
  exited: Promise<number | null>;
  stop: () => Promise<void>;
}

function runBlock(code: string, env: NodeJS.ProcessEnv): Run {
  let output = '';
  const child = spawn('bash', ['-euo', 'pipefail', '-c', code], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    output: () => output,
    exited,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      process.kill(-child.pid!, 'SIGTERM');
      const stopped = await Promise.race([exited.then(() => true), new Promise((r) => setTimeout(() => r(false), 15_000))]);
      if (!stopped) process.kill(-child.pid!, 'SIGKILL');
    },
  };
}

/** Waits until `url` answers 200, or the block ends (then fails with what it printed). */
async function answers(url: string, run: Run, within = 240_000): Promise<void> {
  const deadline = Date.now() + within;
  let ended = false;
  void run.exited.then(() => (ended = true));
  while (Date.now() < deadline) {
    if (ended) assert.fail(`the block ended (exit ${await run.exited}) before ${url} answered:\n${run.output()}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  assert.fail(`${url} did not answer within ${within / 1000} s:\n${run.output()}`);
}

const named = (code: string) => blocks.filter((b) => b.code.trim() === code);
const others = blocks.filter((b) => !['npm install && npm start', 'npm install && npm test'].includes(b.code.trim()));

test('the README gives exactly the two commands after cloning', () => {
  const readme = blocks.filter((b) => b.document === 'README.md').map((b) => b.code.trim());
  assert.deepEqual(readme, ['npm install && npm start', 'npm install && npm test']);
});

test('CI runs the README\'s test command, exactly (this test is part of it, so it does not run it again)', () => {
  const ci = readFileSync(join(repoRoot, '.ci/run'), 'utf8').trimEnd().split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#'));
  assert.equal(ci.at(-1), named('npm install && npm test')[0]?.code.trim());
  assert.doesNotMatch(ci.join('\n'), /node22|nvm |PATH=/, '.ci/run brings no Node of its own');
});

test('`npm install && npm start` serves the demo space and its pages, from the machine\'s own Node', { timeout: 600_000 }, async () => {
  const [block] = named('npm install && npm start');
  assert.ok(block, 'the README shows npm install && npm start');
  const port = await freePort();
  const run = runBlock(block.code, shellEnv({ PORT: String(port), DATABASE_URL: join(scratch, 'start.sqlite') }));
  try {
    await answers(`http://127.0.0.1:${port}/healthz`, run);
    for (const page of ['/', '/reserver.html', '/spaces/la-ruche', '/reference']) {
      const response = await fetch(`http://127.0.0.1:${port}${page}`);
      assert.equal(response.status, 200, `${page} after npm start`);
    }
    assert.match(run.output(), /la-ruche/, 'the start-up text names the demo space');
  } finally {
    await run.stop();
  }
});

test('every other shell block of the docs runs as written', { timeout: 900_000 }, async (t) => {
  assert.ok(others.length >= 3, 'the docs show commands');
  for (const block of others) {
    await t.test(`${block.document} § ${block.section}: ${block.code.split('\n')[0]}`, async () => {
      const installs = /^npm install (@coworking-commons\/[a-z-]+)\s*$/.exec(block.code.trim());
      if (installs) {
        // Not on the registry before the first release: the packaging test packs this package and
        // installs it from its tarball into a fresh project, the same command with a file.
        const manifests = ['spec', 'client', 'server', 'elements'].map((p) => (JSON.parse(readFileSync(join(repoRoot, 'packages', p, 'package.json'), 'utf8')) as { name: string }).name);
        assert.ok(manifests.includes(installs[1]!), `${installs[1]} is not one of the project's packages`);
        assert.match(readFileSync(join(repoRoot, 'tools/packages/packages.test.ts'), 'utf8'), /npm.+install/);
        return;
      }
      const overlay = join(scratch, 'your-folder');
      cpSync(join(repoRoot, 'examples/space-overlay'), overlay, { recursive: true });
      const code = block.code.replaceAll('path/to/your-folder', overlay);
      const port = await freePort();
      const run = runBlock(code, shellEnv({ PORT: String(port), DATABASE_URL: join(scratch, `${block.document.replaceAll('/', '-')}.sqlite`) }));
      try {
        if (/\bserve\b/.test(code)) {
          await answers(`http://127.0.0.1:${port}/healthz`, run);
          for (const id of code.matchAll(/create-space --id (\S+)/g)) {
            assert.equal((await fetch(`http://127.0.0.1:${port}/spaces/${id[1]}`)).status, 200, `the space ${id[1]} the block created`);
          }
        } else {
          assert.equal(await run.exited, 0, `the block failed:\n${run.output()}`);
        }
      } finally {
        await run.stop();
      }
    });
  }
});
