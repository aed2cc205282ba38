import type { HTTPRequest, Page } from 'puppeteer-core';
import { axeViolations } from './axe.ts';
import { recordStoryRun, type StoryRun } from './render-hook.ts';

export interface Entry {
  id: string;
  type: 'story' | 'docs';
  title: string;
  name: string;
}

export interface Outcome {
  problems: string[];
  ms: number;
}

/**
 * One browser page that visits stories one after the other: it loads a story alone
 * (`iframe.html?id=…`), waits until Storybook says it finished (its play function included, which
 * waits for the state the story shows), then runs axe on the canvas. Any render or play error, any
 * console error or uncaught exception, any failed local request and any request leaving the
 * machine is a problem. Docs pages are checked for errors only (their tables and frames are
 * Storybook's), without loading the stories' frames again.
 */
export class StoryPage {
  #page: Page;
  #origin: string;
  #problems: string[] = [];

  private constructor(page: Page, origin: string) {
    this.#page = page;
    this.#origin = origin;
  }

  static async open(page: Page, origin: string): Promise<StoryPage> {
    const storyPage = new StoryPage(page, origin);
    await storyPage.#setUp();
    return storyPage;
  }

  async #setUp(): Promise<void> {
    const page = this.#page;
    // Storybook pauses CSS animations for test runners it recognizes by their user agent.
    await page.setUserAgent({ userAgent: `${await page.browser().userAgent()} StorybookTestRunner` });
    await page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
    await page.setViewport({ width: 1280, height: 900 });
    await page.evaluateOnNewDocument(recordStoryRun);
    await page.setRequestInterception(true);
    page.on('request', (request) => this.#filter(request));
    page.on('console', (message) => {
      if (message.type() === 'error') this.#problems.push(`console error: ${message.text()}`);
    });
    page.on('pageerror', (error) => this.#problems.push(`uncaught: ${error instanceof Error ? error.message : String(error)}`));
    page.on('response', (response) => {
      if (response.status() >= 400 && response.url().startsWith(this.#origin)) this.#problems.push(`${response.status()} for ${response.url()}`);
    });
  }

  #filter(request: HTTPRequest): void {
    const url = request.url();
    if (url.startsWith(this.#origin) || url.startsWith('data:') || url.startsWith('blob:')) {
      // A docs page's story frames would load every story again: its own check is enough.
      const storyFrame = request.isNavigationRequest() && request.frame() !== this.#page.mainFrame();
      void (storyFrame ? request.abort('aborted') : request.continue());
      return;
    }
    this.#problems.push(`request to ${url} (nothing may leave the machine)`);
    void request.abort('blockedbyclient');
  }

  async check(entry: Entry, timeout: number): Promise<Outcome> {
    const started = performance.now();
    this.#problems = [];
    const page = this.#page;
    const url = `${this.#origin}/iframe.html?id=${encodeURIComponent(entry.id)}&viewMode=${entry.type}`;
    try {
      await page.goto(url, { waitUntil: 'load', timeout });
      const run = page.waitForFunction(() => (window as unknown as { __storyRun?: StoryRun }).__storyRun?.done, { timeout, polling: 50 });
      await run.catch(() => this.#problems.push(`did not finish rendering within ${timeout / 1000} s`));
      const result = await page.evaluate(() => (window as unknown as { __storyRun: StoryRun }).__storyRun);
      this.#problems.push(...result.errors);
      if (result.done && result.status !== 'success') this.#problems.push(`Storybook reports the story as ${result.status}`);
      if (entry.type === 'story' && result.done && result.status === 'success') {
        // Let the live regions' delayed text and the last frames settle, as the elements' tests do.
        await new Promise((wake) => setTimeout(wake, 150));
        this.#problems.push(...(await axeViolations(page, '#storybook-root')));
      }
    } catch (error) {
      this.#problems.push(`could not check: ${error instanceof Error ? error.message : String(error)}`);
    }
    return { problems: [...new Set(this.#problems)], ms: performance.now() - started };
  }
}
