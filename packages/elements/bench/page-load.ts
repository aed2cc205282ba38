// How long a visitor of the demo site waits for the booking widget: /reserver.html, in French,
// served by the reference server from the CDN build, opened in Debian's Chromium with the
// network emulated, until <cowork-booking> shows its first resource card. Each figure is set
// against the floor the same bytes and two round trips take on that network, measured in the
// same run. A benchmark, never a test.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser } from 'puppeteer-core';
import { freePort } from '../../../tools/process/free-port.ts';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const runs = Number(process.env.BENCH_RUNS ?? 7);
const page = process.env.BENCH_PAGE ?? '/reserver.html';

/** DevTools' way of emulating a network: each request waits `latency`, and bytes flow at the given rates. */
interface Network {
  name: string;
  latencyMs: number;
  downloadBitsPerSecond: number;
  uploadBitsPerSecond: number;
}
const networks: Network[] = [
  { name: 'slow 4G', latencyMs: 150, downloadBitsPerSecond: 1.6e6, uploadBitsPerSecond: 750e3 },
  { name: '3G', latencyMs: 300, downloadBitsPerSecond: 750e3, uploadBitsPerSecond: 250e3 },
];

interface Visit {
  /** From the start of the navigation to the first resource card in the document. */
  cardMs: number;
  /** Bytes on the wire (headers and bodies) of every response that ended before the card. */
  bytes: number;
  requests: number;
  /** When the first API request started. */
  firstApiMs: number;
  /** With BENCH_TRACE=1, each request of the visit: when it started and ended, its bytes, its URL. */
  timeline: string[];
}

async function startServer(): Promise<{ origin: string; stop: () => Promise<void>; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'cowork-page-load-'));
  const port = await freePort();
  const child = spawn(process.execPath, ['--conditions=source', '--disable-warning=ExperimentalWarning', join(repoRoot, 'packages/server/src/cli.ts'), 'serve', '--demo', '--database', join(dir, 'demo.sqlite'), '--port', String(port), '--log-level', 'warn'], {
    cwd: repoRoot,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const origin = `http://localhost:${port}`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${origin}/healthz`)).ok) break;
    } catch {
      if (i > 600) throw new Error('the server did not start');
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    origin,
    dir,
    stop: () => new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : (child.once('exit', () => resolve()), child.kill('SIGTERM')))),
  };
}

async function visit(browser: Browser, url: string, network: Network, trace = false): Promise<Visit> {
  const context = await browser.createBrowserContext();
  try {
    const tab = await context.newPage();
    const cdp = await tab.createCDPSession();
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: network.latencyMs,
      downloadThroughput: network.downloadBitsPerSecond / 8,
      uploadThroughput: network.uploadBitsPerSecond / 8,
    });
    // Watched from the document's first frame, before any of the page's scripts.
    await tab.evaluateOnNewDocument(() => {
      const watch = () => {
        if (document.querySelector('cowork-booking')?.shadowRoot?.querySelector('[part="resource"]')) (window as unknown as { coworkCard: number }).coworkCard = performance.now();
        else requestAnimationFrame(watch);
      };
      requestAnimationFrame(watch);
    });
    await tab.goto(url, { waitUntil: 'domcontentloaded' });
    const cardMs = await (await tab.waitForFunction(() => (window as unknown as { coworkCard?: number }).coworkCard, { timeout: 60_000 })).jsonValue();
    return await tab.evaluate((card: number, trace: boolean) => {
      const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')] as PerformanceResourceTiming[];
      const before = entries.filter((e) => e.responseEnd <= card);
      const api = entries.filter((e) => new URL(e.name).pathname.startsWith('/spaces/'));
      return {
        timeline: trace ? entries.toSorted((a, b) => a.startTime - b.startTime).map((e) => `${Math.round(e.startTime).toString().padStart(5)} → ${Math.round(e.responseEnd).toString().padStart(5)} ms ${String(e.transferSize).padStart(7)} B  ${new URL(e.name).pathname}${new URL(e.name).search}`) : [],
        cardMs: card,
        bytes: before.reduce((sum, e) => sum + e.transferSize, 0),
        requests: before.length,
        firstApiMs: api.length ? Math.min(...api.map((e) => e.startTime)) : Number.NaN,
      };
    }, cardMs, trace);
  } finally {
    await context.close();
  }
}

const median = (values: number[]) => {
  const sorted = values.toSorted((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

const server = await startServer();
const profile = mkdtempSync(join(tmpdir(), 'cowork-page-load-chromium-'));
const browser = await puppeteer.launch({
  executablePath: chromium,
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', `--user-data-dir=${profile}`, '--lang=fr-FR'],
  defaultViewport: { width: 1280, height: 900 },
});
try {
  const url = `${server.origin}${page}`;
  // One unmeasured visit, so that the server has compiled its routes and warmed its caches.
  await visit(browser, url, { name: 'none', latencyMs: 0, downloadBitsPerSecond: 1e9, uploadBitsPerSecond: 1e9 });
  console.log(`${page} (French), first resource card of <cowork-booking>; median of ${runs} visits, each with an empty cache`);
  for (const network of networks) {
    const visits: Visit[] = [];
    for (let i = 0; i < runs; i++) visits.push(await visit(browser, url, network, process.env.BENCH_TRACE === '1' && i === 0));
    for (const line of visits[0]!.timeline) console.log(`    ${line}`);
    const card = median(visits.map((v) => v.cardMs));
    const bytes = median(visits.map((v) => v.bytes));
    const floor = 2 * network.latencyMs + (bytes * 8 * 1000) / network.downloadBitsPerSecond;
    const firstApi = median(visits.map((v) => v.firstApiMs));
    console.log(
      `  ${network.name.padEnd(8)} card ${(card / 1000).toFixed(2)} s   floor ${(floor / 1000).toFixed(2)} s (2 × ${network.latencyMs} ms + ${(bytes / 1000).toFixed(1)} kB)   ratio ${(card / floor).toFixed(2)}   ` +
        `${median(visits.map((v) => v.requests))} requests; first API request at ${Math.round(firstApi)} ms (${(firstApi / network.latencyMs).toFixed(1)} latencies)`,
    );
  }
} finally {
  await browser.close();
  await server.stop();
  rmSync(profile, { recursive: true, force: true });
  rmSync(server.dir, { recursive: true, force: true });
}
