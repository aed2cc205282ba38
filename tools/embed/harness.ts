import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedDemo } from '../../packages/server/src/seed/demo.ts';
import { startTestServer } from '../../packages/server/test/support/test-server.ts';
import { buildCdn } from './build-cdn.ts';
import { launchChromium, type Chromium } from './chromium.ts';
import { pointAt, type Origins } from './placeholders.ts';
import { startStaticSite, type StaticSite } from './static-site.ts';

export interface Harness {
  /** The website: the examples and the test pages. */
  site: StaticSite;
  /** The CDN: the elements' CDN build under /coworking-commons/. */
  cdn: StaticSite;
  /** The real origins standing for the placeholder origins of the examples. */
  origins: Origins;
  /** Points the placeholder origins of a served file at these. */
  rewrite: (text: string) => string;
  chromium: Chromium;
  /** A temporary folder for the builds. */
  work: string;
  close(): Promise<void>;
}

/**
 * Three origins, as on a real site: the website, a CDN serving the elements' CDN build, and a
 * reference server (SQLite, seeded with the demo space La Ruche, allowing the website's origin
 * and no other); and one headless Chromium.
 */
export async function startHarness(): Promise<Harness> {
  const work = mkdtempSync(join(tmpdir(), 'cowork-embed-'));
  const cleanups: (() => Promise<void> | void)[] = [() => rmSync(work, { recursive: true, force: true })];
  const close = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  };
  try {
    const site = await startStaticSite();
    cleanups.push(() => site.close());
    const cdn = await startStaticSite({ crossOrigin: true });
    cleanups.push(() => cdn.close());
    // Closed, and its every response checked against the spec, by test-server.ts after the test file.
    const api = await startTestServer('sqlite');
    await seedDemo({ store: api.store, now: () => new Date() }, { allowedOrigins: [site.origin] });
    await buildCdn(join(work, 'cdn'));
    cdn.mount('/coworking-commons/', { dir: join(work, 'cdn') });
    const chromium = await launchChromium();
    // Before the API server, which test-server.ts may close first.
    api.closeFirst(() => chromium.close());
    cleanups.push(() => chromium.close());
    const origins = { cdn: cdn.origin, api: api.url };
    return { site, cdn, origins, rewrite: (text) => pointAt(text, origins), chromium, work, close };
  } catch (error) {
    await close();
    throw error;
  }
}
