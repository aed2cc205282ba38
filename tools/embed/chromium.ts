import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { reportCspViolations } from './in-page.ts';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface Chromium {
  /**
   * Opens `url` in a fresh browser context; `problems` collects everything that went wrong there.
   * `setup` runs on the page before it loads (`evaluateOnNewDocument`, say).
   */
  open(url: string, setup?: (page: Page) => Promise<unknown>): Promise<OpenedPage>;
  close(): Promise<void>;
}

export interface OpenedPage {
  page: Page;
  /** Uncaught exceptions and rejections, console errors, Content-Security-Policy violations, failed requests. */
  problems: string[];
  close(): Promise<void>;
}

/** Debian's Chromium, headless, on a fresh profile; nothing downloads a browser. */
export async function launchChromium(): Promise<Chromium> {
  if (!existsSync(chromium)) throw new Error(`Chromium is missing at ${chromium}: install Debian's chromium package, or set CHROMIUM_PATH.`);
  const profile = mkdtempSync(join(tmpdir(), 'cowork-embed-chromium-'));
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      executablePath: chromium,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', `--user-data-dir=${profile}`, '--lang=en-US'],
      defaultViewport: { width: 1024, height: 900 },
    });
  } catch (error) {
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
  let closing: Promise<void> | undefined;
  return {
    async open(url, setup) {
      // A context per page: its own storage, and a window of its own (a background tab would
      // have its animation frames paused).
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(`uncaught: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`));
      page.on('console', (message) => {
        // Violations of the page's Content-Security-Policy are told more precisely below.
        if (message.type() === 'error' && !message.text().includes('Content Security Policy')) problems.push(`console.error: ${message.text()} ${message.location().url ?? ''}`.trim());
      });
      await page.exposeFunction('coworkEmbedProblem', (text: string) => void problems.push(text));
      await page.evaluateOnNewDocument(reportCspViolations);
      page.on('requestfailed', (request) => problems.push(`request failed: ${request.method()} ${request.url()} (${request.failure()?.errorText})`));
      page.on('response', (response) => {
        if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.request().method()} ${response.url()}`);
      });
      await setup?.(page);
      await page.goto(url, { waitUntil: 'load' });
      return { page, problems, close: () => context.close() };
    },
    close() {
      closing ??= closeBrowser();
      return closing;
    },
  };

  async function closeBrowser(): Promise<void> {
    // A browser that does not answer its close in 10 s is killed: a test run must never wait on it.
    const child = browser.process();
    let timer: NodeJS.Timeout | undefined;
    const killed = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        killGroup(child);
        resolve();
      }, 10_000);
    });
    await Promise.race([browser.close().catch(() => killGroup(child)), killed]);
    clearTimeout(timer);
    // Whatever of Chromium outlives its main process (a zygote, a renderer) still holds the pipes
    // puppeteer opened to it, and with them this process: end them all and let go of the pipes.
    killGroup(child);
    for (const stream of [child?.stdin, child?.stdout, child?.stderr]) stream?.destroy();
    child?.unref();
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Kills Chromium's process group (puppeteer starts it as the group's leader), if any of it is left. */
function killGroup(child: ChildProcess | null): void {
  if (!child?.pid) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // The group is gone already.
  }
}
