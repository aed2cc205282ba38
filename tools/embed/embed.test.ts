// The embedding examples of docs/embed.md (examples/embed), run for real: each is built the way its
// developer would build it (Vite), served from a website's origin with the elements' CDN build on
// another origin and a real reference server on a third, and opened in headless Chromium. Then
// several copies of the elements on one page, a tag defined by another library first, and an app
// sharing @lit/localize with the elements.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'puppeteer-core';
import { repoRoot } from '../spec/paths.ts';
import { buildCdnEntryApart } from './build-cdn.ts';
import { buildExample } from './build-example.ts';
import type { OpenedPage } from './chromium.ts';
import { startHarness, type Harness } from './harness.ts';
import { appSelection, calendarLoaded, cardContent, cardMember, chooseButtonStyle, litCopies, notUpgraded, openFirstEvent, sameLit, showsText } from './in-page.ts';

const examples = join(repoRoot, 'examples/embed');
const pages = join(import.meta.dirname, 'pages');
const tags = ['cowork-space', 'cowork-booking', 'cowork-event-calendar', 'cowork-member-card'];
const timeout = 15_000;

let harness: Harness;
before(async () => {
  harness = await startHarness();
  const block = readFileSync(join(examples, 'wordpress/custom-html-block.html'), 'utf8');
  harness.site.mount('/pages/', { dir: pages, rewrite: (text) => harness.rewrite(text.replace('<!-- custom-html-block -->', block)) });
});
after(() => harness?.close());

/** Opens `path` of the website, runs `check`, then asserts that nothing went wrong on the page. */
async function onPage(path: string, check: (page: Page) => Promise<void>): Promise<void> {
  const opened: OpenedPage = await harness.chromium.open(`${harness.site.origin}${path}`);
  try {
    await check(opened.page);
    assert.deepEqual(await opened.page.evaluate(notUpgraded, tags), [], 'every cowork-* element is upgraded');
    assert.deepEqual(opened.problems, [], 'no uncaught error, console error or failed request');
  } finally {
    await opened.close();
  }
}

const waitForText = (page: Page, selector: string, text: string) => page.waitForFunction(showsText, { timeout }, selector, text);

describe('the examples of docs/embed.md', () => {
  for (const framework of ['react', 'vue', 'svelte']) {
    test(`${framework}: built with Vite, the elements render the space's data, take a property and tell the app of an event`, { timeout: 60_000 }, async () => {
      const out = join(harness.work, framework);
      await buildExample(join(examples, framework), out, `/${framework}/`);
      harness.site.mount(`/${framework}/`, { dir: out, rewrite: harness.rewrite });
      await onPage(`/${framework}/`, async (page) => {
        await waitForText(page, 'cowork-booking', 'The Green Room');
        await waitForText(page, 'cowork-member-card', 'Camille Durand');
        assert.deepEqual(await page.evaluate(cardMember), { attribute: null, property: 'mb_camille_durand' }, `${framework} sets member as a property`);
        await page.waitForFunction(openFirstEvent, { timeout });
        await page.waitForFunction(() => document.querySelector('[role="status"]'), { timeout });
        const { shown, seen } = await page.evaluate(appSelection);
        assert.equal(shown, `Selected: ${seen?.title}`, 'the app shows the event its listener received');
        assert.equal(seen?.defaultPrevented, true, 'the app’s listener called preventDefault()');
      });
    });
  }

  test('plain HTML: the snippet in a French page under a strict Content-Security-Policy, themed', { timeout: 30_000 }, async () => {
    harness.site.mount('/html/', { dir: join(examples, 'html'), rewrite: harness.rewrite });
    await onPage('/html/', async (page) => {
      await waitForText(page, 'cowork-booking', 'La Salle Verte');
      await waitForText(page, 'cowork-booking', 'Choisir');
      await waitForText(page, 'cowork-member-card', 'Membre depuis');
      await page.waitForFunction(calendarLoaded, { timeout });
      assert.equal((await page.evaluate(chooseButtonStyle))?.background, 'rgb(138, 79, 0)', 'the page’s --cowork-color-accent');
    });
  });

  test('WordPress: the Custom HTML block inside a theme’s page, untouched by the theme’s CSS', { timeout: 30_000 }, async () => {
    await onPage('/pages/wordpress-post.html', async (page) => {
      await waitForText(page, 'cowork-booking', 'The Green Room');
      const style = await page.evaluate(chooseButtonStyle);
      assert.notEqual(style?.background, 'rgb(255, 0, 255)');
      assert.notEqual(style?.textTransform, 'lowercase');
    });
  });
});

describe('several copies of the elements, and other libraries, on one page', () => {
  before(async () => {
    const apart = join(harness.work, 'apart');
    await buildCdnEntryApart('cowork-member-card', apart);
    harness.cdn.mount('/apart/', { dir: apart });
    harness.cdn.mount('/mirror/coworking-commons/', { dir: join(harness.work, 'cdn') });
  });

  test('entries of one CDN build, loaded several times, share one Lit', { timeout: 30_000 }, async () => {
    await onPage('/pages/several-entries.html', async (page) => {
      await waitForText(page, 'cowork-booking', 'The Green Room');
      await waitForText(page, 'cowork-member-card', 'Camille Durand');
      assert.equal(await page.evaluate(sameLit, 'cowork-member-card', 'cowork-booking'), true);
      assert.equal(await page.evaluate(litCopies), 1, 'one copy of Lit');
    });
  });

  test('separately built copies (an entry built apart, the CDN build from a second URL) neither throw nor collide', { timeout: 30_000 }, async () => {
    await onPage('/pages/two-copies.html', async (page) => {
      await waitForText(page, 'cowork-booking', 'La Salle Verte');
      await waitForText(page, 'cowork-booking', 'Choisir');
      // The card is the copy built apart, inside the <cowork-space> of the other copy.
      await waitForText(page, 'cowork-member-card', 'Membre depuis');
      assert.equal(await page.evaluate(sameLit, 'cowork-member-card', 'cowork-space'), false, 'the card comes from the copy built apart');
      assert.equal(await page.evaluate(litCopies), 3, 'the three copies all ran');
    });
  });

  test('a tag another library defined first is left to it, and the other elements work', { timeout: 30_000 }, async () => {
    await onPage('/pages/already-defined.html', async (page) => {
      await waitForText(page, 'cowork-booking', 'The Green Room');
      assert.deepEqual(await page.evaluate(cardContent), { text: 'A card of another library', shadow: false });
    });
  });
});

