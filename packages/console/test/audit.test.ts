// The console's audit log section in Debian's Chromium against a real reference server (SQLite,
// the demo space): an admin reads who changed what and when, each changed field before → after
// (personal data said to have changed, never shown), filters by person or key, kind of object
// and days, and reads older entries with "more"; staff do not see the section. Screenshots at 360
// and 1280 px, in French and English, under packages/console/screenshots/.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createMember, listAuditLog, listMembers, updateMember } from '@coworking-commons/client';
import type { Page } from 'puppeteer-core';
import { localDate } from '@coworking-commons/elements';
import { signInMember } from '../../server/test/support/sign-in.ts';
import { clickButton, overflowsSideways, pierce, shoot, signIn, startConsoleServer, textOf, waitForText, type ConsoleServer } from './support/console-page.ts';

let app: ConsoleServer;
const spaceId = 'la-ruche';
const keyApi = () => app.server.client(app.demo.staffKey!);
let staffId: string;

before(async () => {
  app = await startConsoleServer();
  // A person (the demo staff, with their own token) creates a member; the demo key makes 30 changes.
  const staffToken = await signInMember(app.server, spaceId, app.demo.staffEmail);
  staffId = (await listMembers(keyApi(), { path: { spaceId }, query: { q: app.demo.staffEmail } })).data.items[0]!.id;
  await createMember(app.server.client(staffToken), { path: { spaceId }, body: { email: 'jeanne.roy@example.org', displayName: 'Jeanne Roy' } });
  const { data: member } = await createMember(keyApi(), { path: { spaceId }, body: { email: 'paul.henry@example.org', displayName: 'Paul Henry' } });
  for (let i = 0; i < 15; i++) {
    await updateMember(keyApi(), { path: { spaceId, memberId: member.id }, body: { status: 'inactive' } });
    await updateMember(keyApi(), { path: { spaceId, memberId: member.id }, body: { status: 'active', company: `Henry ${i}` } });
  }
});
after(() => app?.close());

const entries = (page: Page) =>
  page.evaluate(() => document.querySelector('cowork-console')!.shadowRoot!.querySelector('cowork-console-audit-log')!.shadowRoot!.querySelectorAll('.entry').length);

async function waitForEntries(page: Page, count: number): Promise<void> {
  await page.waitForFunction((n) => document.querySelector('cowork-console')!.shadowRoot!.querySelector('cowork-console-audit-log')?.shadowRoot!.querySelectorAll('.entry').length === n, { timeout: 10_000 }, count);
}

describe('the audit log section', () => {
  test('an admin reads the changes, newest first, with before → after, and older ones with "more" (English)', async () => {
    const total = (await listAuditLog(keyApi(), { path: { spaceId }, query: { limit: 100 } })).data.items.length;
    assert.ok(total > 25, `${total} entries`);
    const opened = await app.open(['en-GB', 'en'], `/console/?space=${spaceId}#audit`);
    const { page } = opened;
    try {
      await signIn(app, page, app.demo.adminEmail);
      await pierce(page, 'cowork-console-audit-log');
      await waitForEntries(page, 25);
      const text = await textOf(page);
      assert.match(text, /updateMember Member mb_/);
      assert.match(text, /key “Demo staff key”|key “/, 'an API key is named');
      assert.match(text, /status inactive → active/);
      assert.match(text, /company personal data \(changed, not copied\) → personal data \(changed, not copied\)/);
      await shoot(page, 'audit-en');
      await page.setViewport({ width: 360, height: 900 });
      assert.equal(await overflowsSideways(page), false, 'no sideways overflow at 360 px');
      // The full page is long: its first screen as well, to look at.
      await page.screenshot({ path: new URL('../screenshots/audit-first-screen-en-360.png', import.meta.url).pathname });
      await page.setViewport({ width: 1280, height: 900 });
      await page.screenshot({ path: new URL('../screenshots/audit-first-screen-en-1280.png', import.meta.url).pathname });
      await page.setViewport({ width: 1280, height: 900 });
      await clickButton(page, 'Show older changes');
      await waitForEntries(page, Math.min(total, 50));
      assert.match(await textOf(page), /createMember Member/);
      assert.match(await textOf(page), /Created\./);
      assert.deepEqual(opened.problems, []);
    } finally {
      await opened.close();
    }
  });

  test('an admin filters by person, kind of object and days; a range ending before it starts is refused under its field (French)', async () => {
    const opened = await app.open(['fr-FR', 'fr'], `/console/?space=${spaceId}#audit`);
    const { page } = opened;
    try {
      await signIn(app, page, app.demo.adminEmail);
      await pierce(page, 'cowork-console-audit-log');
      await waitForEntries(page, 25);
      await page.waitForFunction((id) => document.querySelector('cowork-console')!.shadowRoot!.querySelector('cowork-console-audit-log')!.shadowRoot!.querySelector(`#audit-actor option[value="${id}"]`), { timeout: 10_000 }, staffId);
      await (await pierce(page, '#audit-actor')).select(staffId);
      await (await pierce(page, '#audit-kind')).select('member');
      const today = localDate(new Date(), 'Europe/Paris');
      const setDay = async (selector: string, day: string) =>
        (await pierce(page, selector)).evaluate((el, value) => {
          (el as HTMLInputElement).value = value;
          el.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
        }, day);
      await setDay('#audit-from', today);
      await setDay('#audit-to', '2020-01-01');
      await clickButton(page, 'Afficher');
      await waitForText(page, 'Choisissez un jour égal ou postérieur au premier.');
      await setDay('#audit-to', today);
      await clickButton(page, 'Afficher');
      await waitForEntries(page, 1);
      const text = await textOf(page);
      assert.match(text, /createMember Membre/);
      assert.match(text, /Bastien Leroy/);
      assert.match(text, /Création\./);
      await shoot(page, 'audit-filtered-fr');
      // Nothing before the space existed.
      await setDay('#audit-from', '2020-01-01');
      await setDay('#audit-to', '2020-01-31');
      await clickButton(page, 'Afficher');
      await waitForText(page, 'Aucune modification ne correspond.');
      assert.deepEqual(opened.problems, []);
    } finally {
      await opened.close();
    }
  });

  test('staff see no audit log in the navigation', async () => {
    const opened = await app.open(['en-GB', 'en'], `/console/?space=${spaceId}#audit`);
    const { page } = opened;
    try {
      await signIn(app, page, app.demo.staffEmail);
      await pierce(page, 'nav a');
      const nav = await page.evaluate(() => [...document.querySelector('cowork-console')!.shadowRoot!.querySelectorAll('nav a')].map((a) => a.getAttribute('href')));
      assert.ok(!nav.includes('#audit') && !nav.includes('#keys'), `only staff sections: ${nav.join(' ')}`);
      assert.equal(await page.evaluate(() => document.querySelector('cowork-console')!.shadowRoot!.querySelector('cowork-console-audit-log')), null);
      assert.deepEqual(opened.problems, []);
    } finally {
      await opened.close();
    }
  });
});
