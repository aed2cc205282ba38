// Checks every story of the static Storybook (storybook-static/, from `npm run storybook:build`)
// in headless Chromium: each must render without errors, reach the state it shows, log no console
// error, make no request off the machine and pass axe. One line per story; exit code 1 on any
// problem. Usage: node tools/storybook/run-stories.ts [text] — only the ids containing `text`.
// Environment: CHROMIUM_PATH (default /usr/bin/chromium), STORY_TIMEOUT (ms, default 20000),
// STORY_PAGES (stories checked at once, default 2).
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { serveDirectory } from './static-server.ts';
import { StoryPage, type Entry } from './story-page.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const staticDir = join(root, 'storybook-static');
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const timeout = Number(process.env.STORY_TIMEOUT ?? 20_000);
const pages = Math.max(1, Number(process.env.STORY_PAGES ?? 2));
const only = process.argv[2] ?? '';

if (!existsSync(join(staticDir, 'index.json'))) {
  console.error('storybook-static/index.json is missing: build Storybook first (npm run storybook:build).');
  process.exit(1);
}
if (!existsSync(chromium)) {
  console.error(`Chromium is missing at ${chromium}: install Debian's chromium, or set CHROMIUM_PATH. Nothing downloads a browser.`);
  process.exit(1);
}

const index = JSON.parse(readFileSync(join(staticDir, 'index.json'), 'utf8')) as { entries: Record<string, Entry> };
const entries = Object.values(index.entries).filter((entry) => entry.id.includes(only));
if (entries.length === 0) {
  console.error(only ? `No story id contains "${only}".` : 'The Storybook has no stories.');
  process.exit(1);
}

const started = performance.now();
const server = await serveDirectory(staticDir);
const userDataDir = mkdtempSync(join(tmpdir(), 'cowork-stories-'));
const browser = await puppeteer.launch({
  executablePath: chromium,
  headless: true,
  userDataDir,
  args: [
    ...['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--lang=en-US'],
    // Pages side by side must all keep running their timers and animation frames.
    ...['--disable-background-timer-throttling', '--disable-renderer-backgrounding', '--disable-backgrounding-occluded-windows'],
  ],
});

let failed = 0;
const lines: (string | undefined)[] = [];
let printed = 0;
/** Prints the lines of the entries in the index's order, as soon as all before them are known. */
function report(index: number, line: string): void {
  lines[index] = line;
  while (lines[printed] !== undefined) console.log(lines[printed++]);
}

try {
  let next = 0;
  const worker = async () => {
    // A browser context (a window) of its own: a page in a background tab would get no animation frames.
    const page = await StoryPage.open(await (await browser.createBrowserContext()).newPage(), server.origin);
    for (let index = next++; index < entries.length; index = next++) {
      const entry = entries[index]!;
      const { problems, ms } = await page.check(entry, timeout);
      const label = `${entry.type === 'docs' ? 'docs ' : 'story'} ${entry.id} (${(ms / 1000).toFixed(1)} s)`;
      if (problems.length) failed++;
      report(index, problems.length === 0 ? `ok    ${label}` : `FAIL  ${label}\n${problems.map((problem) => `        - ${problem}`).join('\n')}`);
    }
  };
  await Promise.all(Array.from({ length: Math.min(pages, entries.length) }, worker));
} finally {
  await browser.close();
  await server.close();
  rmSync(userDataDir, { recursive: true, force: true });
}

const stories = entries.filter((entry) => entry.type === 'story').length;
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`\n${stories} stories and ${entries.length - stories} docs pages checked in ${seconds} s: ${failed ? `${failed} failed` : 'all passed (no render error, no console error, no axe violation)'}.`);
process.exitCode = failed ? 1 : 0;
