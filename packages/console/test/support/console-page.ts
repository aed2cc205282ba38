// What the console's browser tests share: the console built and served by a real reference
// server (SQLite, the demo space), Debian's Chromium, and ways to reach into the console's shadow
// roots, sign in with the code the server mails and take screenshots.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { seedDemo, type DemoSeedResult } from '../../../server/src/seed/demo.ts';
import { startTestServer, type TestServer } from '../../../server/test/support/test-server.ts';
import { launchChromium, type Chromium, type OpenedPage } from '../../../../tools/embed/chromium.ts';
import { freePort } from '../../../../tools/process/free-port.ts';
import { buildCdn } from '../../../elements/scripts/cdn.ts';
import { repoRoot } from '../../../../tools/spec/paths.ts';
import { buildConsole } from '../../scripts/build.ts';

export interface ConsoleServer {
  server: TestServer;
  demo: DemoSeedResult;
  /** `http://localhost:<port>`: the demo space allows this origin. */
  origin: string;
  chromium: Chromium;
  /** Opens the console of the demo space in a fresh browser context whose languages are `languages`. */
  open(languages: string[], path?: string): Promise<OpenedPage>;
  close(): Promise<void>;
}

/**
 * Builds the console, serves it with the demo space, and launches Chromium. `cdn`: also builds the
 * elements' CDN files and serves them at /cdn/, as `npm start` does, for pages that embed them.
 */
export async function startConsoleServer(options: { cdn?: boolean } = {}): Promise<ConsoleServer> {
  const consoleDir = mkdtempSync(join(tmpdir(), 'cowork-console-'));
  const cdnDir = options.cdn ? mkdtempSync(join(tmpdir(), 'cowork-console-cdn-')) : undefined;
  await buildConsole(consoleDir);
  if (cdnDir) await buildCdn(cdnDir);
  const port = await freePort();
  const server = await startTestServer('sqlite', { consoleDir, port, demoSite: cdnDir ? { siteDir: join(repoRoot, 'demo/site'), cdnDir } : undefined });
  const demo = await seedDemo(server.deps);
  const chromium = await launchChromium();
  server.closeFirst(() => chromium.close());
  const origin = `http://localhost:${port}`;
  return {
    server,
    demo,
    origin,
    chromium,
    open: (languages, path = '/console/?space=la-ruche') =>
      chromium.open(`${origin}${path}`, (page) => page.evaluateOnNewDocument((tags: string[]) => Object.defineProperty(navigator, 'languages', { get: () => tags }), languages)),
    async close() {
      await server.close();
      rmSync(consoleDir, { recursive: true, force: true });
      if (cdnDir) rmSync(cdnDir, { recursive: true, force: true });
    },
  };
}

/** Everything in the page's shadow roots as text, squeezed (every run of white space, no-break spaces included, as one space). */
export const textOf = (page: Page): Promise<string> =>
  page.evaluate(() => {
    const walk = (root: Element | ShadowRoot): string =>
      [...root.childNodes].map((node) => (node.nodeType === 3 ? node.textContent : node instanceof Element ? (node.shadowRoot ? walk(node.shadowRoot) : '') + walk(node) : '')).join(' ');
    return walk(document.body).replace(/\s+/g, ' ');
  });

/** The first element matching `selector` in the document or any shadow root in it (depth first), once there is one. */
export async function pierce(page: Page, selector: string, timeout = 10_000): Promise<ElementHandle<Element>> {
  const handle = await page.waitForFunction(
    (css) => {
      const find = (root: Document | ShadowRoot): Element | null => {
        const found = root.querySelector(css);
        if (found) return found;
        for (const el of root.querySelectorAll('*')) {
          const inner = el.shadowRoot ? find(el.shadowRoot) : null;
          if (inner) return inner;
        }
        return null;
      };
      return find(document);
    },
    { timeout },
    selector,
  );
  return handle.asElement() as ElementHandle<Element>;
}

/** Waits until the text of the page's shadow roots includes `text`. */
export async function waitForText(page: Page, text: string, timeout = 10_000): Promise<void> {
  const until = Date.now() + timeout;
  while (!(await textOf(page)).includes(text)) {
    if (Date.now() > until) throw new Error(`"${text}" never showed; the page says: ${(await textOf(page)).slice(0, 2000)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Clicks the first element matching `selector` in any shadow root, found and clicked at once (a re-render cannot detach it in between). */
export async function click(page: Page, selector: string): Promise<void> {
  await pierce(page, selector);
  const clicked = await page.evaluate((css: string) => {
    const find = (root: Document | ShadowRoot): HTMLElement | null =>
      root.querySelector<HTMLElement>(css) ?? [...root.querySelectorAll('*')].reduce<HTMLElement | null>((found, el) => found ?? (el.shadowRoot ? find(el.shadowRoot) : null), null);
    const element = find(document);
    element?.click();
    return element !== null;
  }, selector);
  if (!clicked) throw new Error(`Nothing matches ${selector}`);
}

/**
 * Clicks the first button (in any shadow root) whose text includes `label`, once it is enabled
 * (as a person waits for a button that is busy), for 10 s at most.
 */
export async function clickButton(page: Page, label: string, timeout = 10_000): Promise<void> {
  const until = Date.now() + timeout;
  for (;;) {
    const outcome = await page.evaluate((text: string) => {
      const buttons = (root: Document | ShadowRoot): HTMLButtonElement[] => [...root.querySelectorAll('button'), ...[...root.querySelectorAll('*')].flatMap((el) => (el.shadowRoot ? buttons(el.shadowRoot) : []))];
      const button = buttons(document).find((b) => b.textContent!.includes(text));
      if (!button) return 'missing';
      if (button.disabled) return 'disabled';
      button.click();
      return 'clicked';
    }, label);
    if (outcome === 'clicked') return;
    // A missing button is a mistake at once; a disabled one is waited for.
    if (outcome === 'missing') throw new Error(`No button says "${label}"`);
    if (Date.now() > until) throw new Error(`The button "${label}" stayed disabled for ${timeout / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export async function waitFor<T>(get: () => T | undefined, timeout = 10_000): Promise<T> {
  const until = Date.now() + timeout;
  for (;;) {
    const value = get();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Signs in through the console's form, with the code the server mailed to `email`. */
export async function signIn(console: ConsoleServer, page: Page, email: string): Promise<void> {
  const input = await pierce(page, 'input[type="email"]');
  await input.type(email);
  await page.keyboard.press('Enter');
  const code = await pierce(page, 'input[autocomplete="one-time-code"]');
  const mail = await waitFor(() => console.server.mails.findLast((m) => m.to === email));
  await code.type(/\b(\d{6})\b/.exec(mail.text)![1]!);
  await page.keyboard.press('Enter');
}

const screenshots = new URL('../../screenshots/', import.meta.url).pathname;

/** Screenshots of the whole page at 360 and 1280 px, as packages/console/screenshots/<name>-<width>.png. */
export async function shoot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshots, { recursive: true });
  for (const width of [360, 1280]) {
    await page.setViewport({ width, height: 900 });
    await page.screenshot({ path: join(screenshots, `${name}-${width}.png`), fullPage: true });
  }
}

/** Whether the page is wider than its viewport (something overflows sideways). */
export const overflowsSideways = (page: Page): Promise<boolean> => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
