// The demo pages, served by the reference server with the CDN build, in Chromium: every API
// request their snippet starts with the HTML (`<link rel="preload" as="fetch">`, from
// scripts/snippet.ts's firstRequests) is one the elements make, and the browser answers it from
// the preload instead of asking the server again. A preload the elements do not use, or ask for
// differently, is bytes and a round trip wasted on every visit.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { buildCdn } from '../../packages/elements/scripts/cdn.ts';
import { seedDemo } from '../../packages/server/src/seed/demo.ts';
import { startTestServer, type TestServer } from '../../packages/server/test/support/test-server.ts';
import { freePort } from '../process/free-port.ts';
import { repoRoot } from '../spec/paths.ts';
import { launchChromium, type Chromium } from './chromium.ts';

const siteDir = join(repoRoot, 'demo/site');
const cdnDir = mkdtempSync(join(tmpdir(), 'cowork-demo-preloads-'));
let server: TestServer;
let chromium: Chromium;
let origin: string;

before(async () => {
  await buildCdn(cdnDir);
  const port = await freePort();
  // The demo pages name the API as the server's public URL, http://localhost:<port>.
  server = await startTestServer('sqlite', { demoSite: { siteDir, cdnDir }, port });
  await seedDemo(server.deps);
  origin = `http://localhost:${port}`;
  chromium = await launchChromium();
  server.closeFirst(() => chromium.close());
});
after(async () => {
  await chromium?.close();
  rmSync(cdnDir, { recursive: true, force: true });
});

test('the elements of every demo page use each API request its snippet preloads, answered from the preload', async () => {
  const pages = readdirSync(siteDir).filter((file) => file.endsWith('.html'));
  let preloads = 0;
  for (const file of pages) {
    // Every URL the page's scripts fetch, whatever client they use.
    const opened = await chromium.open(`${origin}/${file}`, (page) =>
      page.evaluateOnNewDocument(() => {
        const fetched: string[] = [];
        (window as unknown as { coworkFetched: string[] }).coworkFetched = fetched;
        const original = window.fetch;
        window.fetch = (input, init) => {
          fetched.push(input instanceof Request ? input.url : new URL(String(input), location.href).href);
          return original.call(window, input, init);
        };
      }),
    );
    try {
      const { page } = opened;
      await page.waitForNetworkIdle({ idleTime: 500, timeout: 30_000 });
      const seen = await page.evaluate(() => {
        const hinted = [...document.querySelectorAll<HTMLLinkElement>('link[rel="preload"][as="fetch"]')].map((link) => link.href);
        const loads = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((entry) => entry.name);
        return { hinted, loads, fetched: (window as unknown as { coworkFetched: string[] }).coworkFetched };
      });
      preloads += seen.hinted.length;
      for (const url of seen.hinted) {
        assert.ok(seen.fetched.includes(url), `${file}: the elements never asked for ${url}, which the page preloads (they asked for ${seen.fetched.join(', ')})`);
        assert.equal(seen.loads.filter((load) => load === url).length, 1, `${file}: ${url} was loaded again instead of from its preload`);
      }
      assert.deepEqual(opened.problems, [], `${file}: ${opened.problems.join('\n')}`);
    } finally {
      await opened.close();
    }
  }
  assert.ok(preloads >= pages.length * 2, 'every demo page preloads the space and the discovery document');
});
