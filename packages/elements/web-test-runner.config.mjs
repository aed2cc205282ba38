// Browser tests of @coworking-commons/elements: real Chromium from Debian's `chromium` package
// (nothing downloads a browser), TypeScript through esbuild, the workspace's packages through
// their `source` export condition. Run from the repository root: `npm run test:elements`.
// Options (environment): TEST_FILES (a glob, to run some files), SCREENSHOTS=0 (skip the PNGs).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

if (!existsSync(chromium)) {
  throw new Error(
    `Chromium is missing at ${chromium}. The element tests run in Debian's Chromium: install it with ` +
      '`apt-get install chromium` (listed in .ci/apt-packages), or set CHROMIUM_PATH to a Chromium binary. ' +
      'Nothing downloads a browser.',
  );
}

const userDataDir = mkdtempSync(join(tmpdir(), 'cowork-chromium-'));
const screenshotsDir = join(here, 'screenshots');

/** `cowork-screenshot`: saves a PNG of the page (or of `clip`) under packages/elements/screenshots/. */
function screenshotPlugin() {
  return {
    name: 'cowork-screenshot',
    async executeCommand({ command, payload, session }) {
      if (command !== 'cowork-screenshot') return undefined;
      if (process.env.SCREENSHOTS === '0') return { path: null };
      const name = String(payload.name).replace(/[^a-z0-9._-]+/gi, '-');
      mkdirSync(screenshotsDir, { recursive: true });
      const page = session.browser.getPage(session.id);
      const path = join(screenshotsDir, `${name}.png`);
      await page.screenshot({ path, clip: payload.clip, captureBeyondViewport: true });
      return { path };
    },
  };
}

/**
 * `cowork-e2e-server`: starts (once, on first use) a real reference server on a temporary SQLite
 * database seeded with the demo space, allowing this test runner's origin, and answers its URL.
 * `cowork-e2e-code` { email, after }: the sign-in code mailed to `email` at or after `after` (ms),
 * waiting for it up to 10 s. The server's mailer keeps mails in memory and hands them over here.
 * `cowork-e2e-violations`: the server's responses so far that did not match the spec.
 */
function e2eServerPlugin() {
  let origin = '*';
  let starting;
  let child;
  const mails = [];
  const violations = [];
  const waiters = new Set();

  function start() {
    starting ??= new Promise((resolvePromise, reject) => {
      child = spawn(process.execPath, ['--conditions=source', '--disable-warning=ExperimentalWarning', join(here, 'test/support/e2e-server.ts'), '--origin', origin], {
        cwd: root,
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      const timer = setTimeout(() => reject(new Error('The end-to-end server did not start within 30 s')), 30_000);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`The end-to-end server stopped (exit code ${code})`));
      });
      createInterface({ input: child.stdout }).on('line', (line) => {
        let message;
        try {
          message = JSON.parse(line);
        } catch {
          return;
        }
        if (message.type === 'ready') {
          clearTimeout(timer);
          resolvePromise({ url: message.url, spaceId: message.spaceId, staffKey: message.staffKey });
        } else if (message.type === 'violation') {
          violations.push(message.violation);
        } else if (message.type === 'mail') {
          mails.push(message);
          for (const waiter of waiters) waiter();
        }
      });
    });
    return starting;
  }

  function codeFor(email, after) {
    const mail = mails.findLast((m) => m.to.toLowerCase() === email.toLowerCase() && m.at >= after);
    return mail ? /\b(\d{6})\b/.exec(mail.subject)?.[1] ?? /\b(\d{6})\b/.exec(mail.text)?.[1] : undefined;
  }

  return {
    name: 'cowork-e2e-server',
    serverStart({ config }) {
      origin = `${config.protocol ?? 'http:'}//${config.hostname}:${config.port}`;
    },
    async executeCommand({ command, payload }) {
      if (command === 'cowork-e2e-server') return start();
      if (command === 'cowork-e2e-violations') {
        // Violations are sent every 100 ms: wait for the latest.
        await new Promise((done) => setTimeout(done, 250));
        return { violations };
      }
      if (command !== 'cowork-e2e-code') return undefined;
      await start();
      const deadline = Date.now() + 10_000;
      for (;;) {
        const code = codeFor(payload.email, payload.after ?? 0);
        if (code) return { code };
        if (Date.now() > deadline) return { code: null };
        await new Promise((wake) => {
          const waiter = () => {
            waiters.delete(waiter);
            wake();
          };
          waiters.add(waiter);
          setTimeout(waiter, 200);
        });
      }
    },
    async serverStop() {
      if (child && child.exitCode === null) {
        const exited = new Promise((done) => child.once('exit', done));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((done) => setTimeout(done, 5000))]);
      }
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

export default {
  rootDir: root,
  files: process.env.TEST_FILES ? [process.env.TEST_FILES] : ['packages/elements/test/**/*.spec.ts'],
  hostname: 'localhost',
  nodeResolve: { exportConditions: ['source', 'browser', 'production'] },
  concurrency: 4,
  testsFinishTimeout: 10 * 60_000,
  testFramework: { config: { timeout: 20_000 } },
  browserStartTimeout: 60_000,
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: join(here, 'tsconfig.json') }), screenshotPlugin(), e2eServerPlugin()],
  browsers: [
    chromeLauncher({
      // One browser context (a window of its own) per test page: tabs sharing a window are in the
      // background, where Chromium pauses requestAnimationFrame and the tests would hang.
      async createPage({ browser }) {
        const context = await browser.createBrowserContext();
        const page = await context.newPage();
        page.once('close', () => void context.close().catch(() => {}));
        return page;
      },
      launchOptions: {
        executablePath: chromium,
        headless: true,
        userDataDir,
        args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--lang=en-US', '--disable-background-timer-throttling', '--disable-renderer-backgrounding', '--disable-backgrounding-occluded-windows'],
      },
    }),
  ],
};
