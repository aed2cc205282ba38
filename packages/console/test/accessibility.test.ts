// Every screen of the console checked with axe-core (its default rules, shadow roots included) in
// Chromium against a real server with the demo space, in English and in French, at 360 px (a phone
// at the desk) and 1280 px: the sign-in, each section as an admin sees it, and the forms that open
// in them. Nothing overflows sideways at 360 px. With the keyboard alone, Tab reaches every control
// of each screen, and wherever the focus is, it shows.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'puppeteer-core';
import { axeViolations } from '../../../tools/storybook/axe.ts';
import { clickButton, overflowsSideways, pierce, signIn, startConsoleServer, waitForText, type ConsoleServer } from './support/console-page.ts';

let app: ConsoleServer;
before(async () => {
  app = await startConsoleServer();
});
after(() => app?.close());

/** axe's violations and whether the page overflows, at both widths. */
async function check(page: Page, where: string): Promise<string[]> {
  const found: string[] = [];
  for (const width of [360, 1280]) {
    await page.setViewport({ width, height: 900 });
    found.push(...(await axeViolations(page, 'cowork-console')).map((v) => `${where} at ${width} px: ${v}`));
    if (width === 360 && (await overflowsSideways(page))) found.push(`${where} at 360 px: the page overflows sideways`);
  }
  return found;
}

/** The sections an admin sees, each with what shows once it is loaded and the button that opens its form, in each language. */
const sections = {
  en: [
    { id: 'bookings', ready: 'New booking', form: 'New booking' },
    { id: 'space', ready: 'Add opening hours', form: undefined },
    { id: 'resources', ready: 'New resource', form: 'New resource' },
    { id: 'members', ready: 'Invite a member', form: 'Invite a member' },
    { id: 'organisations', ready: 'New organisation', form: 'New organisation' },
    { id: 'events', ready: 'New event', form: 'New event' },
    { id: 'plans', ready: 'New plan', form: 'New plan' },
    { id: 'keys', ready: 'New key', form: 'New key' },
    { id: 'audit', ready: 'Audit log', form: undefined },
    { id: 'embed', ready: 'The widgets on your website', form: undefined },
  ],
  fr: [
    { id: 'bookings', ready: 'Nouvelle réservation', form: 'Nouvelle réservation' },
    { id: 'space', ready: 'Ajouter des horaires', form: undefined },
    { id: 'resources', ready: 'Nouvelle ressource', form: 'Nouvelle ressource' },
    { id: 'members', ready: 'Inviter un membre', form: 'Inviter un membre' },
    { id: 'organisations', ready: 'Nouvelle organisation', form: 'Nouvelle organisation' },
    { id: 'events', ready: 'Nouvel événement', form: 'Nouvel événement' },
    { id: 'plans', ready: 'Nouvelle formule', form: 'Nouvelle formule' },
    { id: 'keys', ready: 'Nouvelle clé', form: 'Nouvelle clé' },
    { id: 'audit', ready: 'Journal des modifications', form: undefined },
    { id: 'embed', ready: 'Les éléments sur votre site', form: undefined },
  ],
};

describe('the console is axe clean and fits 360 px', () => {
  for (const [lang, languages] of [['en', ['en-GB', 'en']], ['fr', ['fr-FR', 'fr']]] as const) {
    test(`every screen, in ${lang === 'en' ? 'English' : 'French'}`, async () => {
      const opened = await app.open([...languages]);
      const { page } = opened;
      try {
        await pierce(page, 'input[type="email"]');
        const found = await check(page, 'sign-in');
        await signIn(app, page, app.demo.adminEmail);
        for (const section of sections[lang]) {
          await page.evaluate((id) => (location.hash = id), section.id);
          await waitForText(page, section.ready);
          found.push(...(await check(page, section.id)));
          if (section.form) {
            await clickButton(page, section.form);
            await pierce(page, 'form');
            found.push(...(await check(page, `${section.id}'s form`)));
          }
        }
        assert.deepEqual(found, []);
        assert.deepEqual(opened.problems, []);
      } finally {
        await opened.close();
      }
    });
  }
});

/**
 * Presses Tab until the focus comes back to where it started (or `limit` presses), and says which
 * of the screen's visible controls it never reached and where it stood without showing.
 */
async function tabThrough(page: Page, where: string, limit = 400): Promise<string[]> {
  await page.evaluate(() => {
    const deep = (root: Document | ShadowRoot): Element[] => [...root.querySelectorAll('*')].flatMap((el) => [el, ...(el.shadowRoot ? deep(el.shadowRoot) : [])]);
    const focusable = 'button, input:not([type="hidden"]), select, textarea, a[href], [tabindex]';
    let n = 0;
    for (const el of deep(document)) {
      if (!(el instanceof HTMLElement) || !el.matches(focusable) || el.matches(':disabled, [tabindex="-1"], [hidden]')) continue;
      if (el instanceof HTMLInputElement && el.type === 'radio' && !el.checked && deep(el.getRootNode() as ShadowRoot).some((other) => other instanceof HTMLInputElement && other.type === 'radio' && other.name === el.name && other.checked)) continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || getComputedStyle(el).visibility === 'hidden') continue;
      el.dataset.tabCheck = String(n++);
    }
    let active: Element | null = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    (active as HTMLElement | null)?.blur();
  });
  const problems: string[] = [];
  const reached = new Set<string>();
  let first: string | undefined;
  let previous: string | undefined;
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const at = await page.evaluate(() => {
      let el: Element | null = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      if (!(el instanceof HTMLElement) || el === document.body) return undefined;
      const style = getComputedStyle(el);
      const shown = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
      const name = `${el.localName}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''} "${(el.textContent ?? '').trim().slice(0, 30)}"`;
      return { id: el.dataset.tabCheck ?? name, name, shown };
    });
    if (!at) continue;
    // Date and time fields take one Tab per part: the round is over when the first control comes back after others.
    if (at.id === first && previous !== first) break;
    first ??= at.id;
    previous = at.id;
    reached.add(at.id);
    if (!at.shown) problems.push(`${where}: the focus does not show on ${at.name}`);
  }
  const missed = await page.evaluate((seen: string[]) => {
    const deep = (root: Document | ShadowRoot): Element[] => [...root.querySelectorAll('*')].flatMap((el) => [el, ...(el.shadowRoot ? deep(el.shadowRoot) : [])]);
    return deep(document)
      .filter((el): el is HTMLElement => el instanceof HTMLElement && el.dataset.tabCheck !== undefined && !seen.includes(el.dataset.tabCheck))
      .map((el) => `${el.localName}${el.id ? `#${el.id}` : ''} "${(el.textContent ?? '').trim().slice(0, 30)}"`);
  }, [...reached]);
  return [...new Set(problems), ...missed.map((name) => `${where}: Tab never reaches ${name}`)];
}

test('with the keyboard alone, Tab reaches every control of every screen and the focus always shows', async () => {
  const opened = await app.open(['en-GB', 'en']);
  const { page } = opened;
  try {
    await page.setViewport({ width: 1280, height: 900 });
    await pierce(page, 'input[type="email"]');
    const found = await tabThrough(page, 'sign-in');
    await signIn(app, page, app.demo.adminEmail);
    for (const section of sections.en) {
      await page.evaluate((id) => (location.hash = id), section.id);
      await waitForText(page, section.ready);
      found.push(...(await tabThrough(page, section.id)));
      if (section.form) {
        await clickButton(page, section.form);
        await pierce(page, 'form');
        found.push(...(await tabThrough(page, `${section.id}'s form`)));
      }
    }
    assert.deepEqual(found, []);
  } finally {
    await opened.close();
  }
});
