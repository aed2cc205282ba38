// npm run bench:calendar — how fast <cowork-event-calendar> renders a month of 1,000 events and a
// week of 200, against FullCalendar 6 (its standard dayGridMonth and timeGridWeek views) with the
// same events, in headless Chromium (Debian's /usr/bin/chromium; nothing is downloaded).
//
// 1. Generates the events (calendar-data.ts, fixed seed) and builds two production bundles with
//    esbuild (minified, NODE_ENV=production): calendar-ours.ts and calendar-fullcalendar.ts, both
//    around the same in-page harness (calendar-harness.ts).
// 2. Serves them on 127.0.0.1 and drives Chromium (puppeteer-core, a fresh profile, TZ=Europe/Paris)
//    to a fresh page per calendar, view and variant, where the harness renders the events
//    BENCH_WARMUP (default 5) + BENCH_RUNS (default 40) times, each in a fresh calendar, and
//    measures from handing the data over to the forced layout after the render (`layout`), and to
//    the frame after it (`frame`). The first run of each fresh page is reported too (`first`: the
//    code not yet optimised by the JIT).
// 3. Prints the medians (and the ratio FullCalendar / ours) as a Markdown table.
//
// Options (environment): BENCH_RUNS, BENCH_WARMUP, CHROMIUM_PATH.
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import puppeteer from 'puppeteer-core';
import { MONTH_DATE, WEEK_DATE, monthEvents, weekEvents } from './calendar-data.ts';
import type { Sample } from './calendar-harness.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
const runs = Number(process.env.BENCH_RUNS ?? 40);
const warmup = Number(process.env.BENCH_WARMUP ?? 5);
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const out = mkdtempSync(join(tmpdir(), 'cowork-bench-calendar-'));
const profile = mkdtempSync(join(tmpdir(), 'cowork-bench-chromium-'));

async function main(): Promise<void> {
  await build({
    entryPoints: { ours: join(here, 'calendar-ours.ts'), fullcalendar: join(here, 'calendar-fullcalendar.ts') },
    outdir: out,
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    conditions: ['source'],
    define: { 'process.env.NODE_ENV': '"production"' },
    legalComments: 'none',
    logLevel: 'warning',
  });
  const files: Record<string, { type: string; body: string | Buffer }> = {
    '/ours.js': { type: 'text/javascript', body: readFileSync(join(out, 'ours.js')) },
    '/fullcalendar.js': { type: 'text/javascript', body: readFileSync(join(out, 'fullcalendar.js')) },
    '/month.json': { type: 'application/json', body: JSON.stringify(monthEvents(1000)) },
    '/week.json': { type: 'application/json', body: JSON.stringify(weekEvents(200)) },
    '/ours.html': { type: 'text/html', body: page('ours') },
    '/fullcalendar.html': { type: 'text/html', body: page('fullcalendar') },
  };
  const server = createServer((request, response) => {
    const file = files[new URL(request.url ?? '/', 'http://x').pathname];
    response.writeHead(file ? 200 : 404, { 'content-type': file?.type ?? 'text/plain', 'cache-control': 'no-store' });
    response.end(file?.body ?? 'not found');
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const address = server.address();
  const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  const browser = await puppeteer.launch({
    executablePath: chromium,
    headless: true,
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      `--user-data-dir=${profile}`,
      '--js-flags=--expose-gc',
      '--window-size=1320,1000',
    ],
    env: { ...process.env, TZ: 'Europe/Paris' },
    defaultViewport: { width: 1320, height: 1000 },
  });
  const version = await browser.version();
  const rows: { view: string; subject: string; first: Sample; layout: number; frame: number; drawn: number }[] = [];
  try {
    const plan = [
      { view: 'month', subject: 'ours', variant: '' },
      { view: 'month', subject: 'fullcalendar', variant: 'default' },
      { view: 'month', subject: 'fullcalendar', variant: 'limited' },
      { view: 'week', subject: 'ours', variant: '' },
      { view: 'week', subject: 'fullcalendar', variant: 'default' },
    ] as const;
    for (const { view, subject, variant } of plan) {
      const tab = await browser.newPage();
      tab.on('pageerror', (error) => console.error(`${subject}: ${error}`));
      await tab.goto(`${origin}/${subject}.html`, { waitUntil: 'load' });
      await tab.waitForFunction('window.bench');
      const result = await tab.evaluate(
        (view, url, options) => (window as unknown as { bench: { run(...args: unknown[]): Promise<{ first: Sample; samples: Sample[] }> } }).bench.run(view, url, options),
        view,
        `/${view}.json`,
        { date: view === 'month' ? MONTH_DATE : WEEK_DATE, variant, runs, warmup },
      );
      await tab.close();
      const name = subject === 'ours' ? '<cowork-event-calendar>' : `FullCalendar 6${variant === 'limited' ? ' (dayMaxEventRows: 4)' : ''}`;
      rows.push({ view, subject: name, first: result.first, layout: median(result.samples.map((s) => s.layout)), frame: median(result.samples.map((s) => s.frame)), drawn: median(result.samples.map((s) => s.drawn)) });
      console.error(`  ${view} ${name}: ${fmt(median(result.samples.map((s) => s.script)))} ms script, ${fmt(median(result.samples.map((s) => s.layout)))} ms to layout, ${fmt(median(result.samples.map((s) => s.frame)))} ms to the next frame`);
    }
  } finally {
    await browser.close();
    server.close();
  }

  console.log(`\nChromium ${version}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node.js ${process.versions.node}; ${runs} runs after ${warmup} warm-up runs, fresh calendar each run, fresh page per line.\n`);
  console.log('| view | calendar | median to layout | median to next frame | first run (layout) | event elements drawn | FullCalendar ÷ ours (layout / frame) |');
  console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: |');
  for (const row of rows) {
    const ours = rows.find((r) => r.view === row.view && r.subject.startsWith('<cowork'))!;
    const ratio = row === ours ? '' : `${(row.layout / ours.layout).toFixed(1)}× / ${(row.frame / ours.frame).toFixed(1)}×`;
    console.log(`| ${row.view === 'month' ? 'month, 1,000 events' : 'week, 200 events'} | ${row.subject} | ${fmt(row.layout)} ms | ${fmt(row.frame)} ms | ${fmt(row.first.layout)} ms | ${row.drawn} | ${ratio} |`);
  }
}

function page(subject: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${subject}</title></head><body style="margin:0;font:16px system-ui"><script type="module" src="/${subject}.js"></script></body></html>`;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const fmt = (ms: number) => ms.toFixed(1);

try {
  await main();
} finally {
  rmSync(out, { recursive: true, force: true });
  rmSync(profile, { recursive: true, force: true });
}
