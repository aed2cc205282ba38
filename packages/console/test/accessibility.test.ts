// Every screen of the console checked with axe-core (its default rules, shadow roots included) in
// Chromium against a real server with the demo space, in English and in French, at 360 px (a phone
// at the desk) and 1280 px: the sign-in, each section as an admin sees it, and the forms that open
// in them. Nothing overflows sideways at 360 px.
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
