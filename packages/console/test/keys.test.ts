// The console's API keys section in Debian's Chromium against a real reference server (SQLite,
// the demo space): an admin creates a key with some scopes and an expiry, sees its secret once
// with a copy button, and revokes a key after confirming; the form checks the spec's rules under
// each field; staff do not see the section. Screenshots at 360 and 1280 px, in French and
// English, under packages/console/screenshots/.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createApiKey, listApiKeys, listBookings, type ApiError } from '@coworking-commons/client';
import { click, clickButton, overflowsSideways, pierce, shoot, signIn, startConsoleServer, textOf, waitForText, type ConsoleServer } from './support/console-page.ts';

let app: ConsoleServer;
const spaceId = 'la-ruche';
const adminApi = () => app.server.client(app.demo.staffKey!);
const keys = async () => (await listApiKeys(adminApi(), { path: { spaceId }, query: { limit: 100 } })).data.items;

before(async () => {
  app = await startConsoleServer();
});
after(() => app?.close());

describe('the API keys section', () => {
  test('an admin creates a key with two scopes and an expiry; the form first says what is wrong under each field; the secret is shown once and works (English)', async () => {
    const opened = await app.open(['en-GB', 'en'], `/console/?space=${spaceId}#keys`);
    const { page } = opened;
    try {
      await signIn(app, page, app.demo.adminEmail);
      await pierce(page, 'cowork-console-api-keys');
      await waitForText(page, 'API keys');
      await shoot(page, 'keys-list-en');
      await clickButton(page, 'New key');
      const name = await pierce(page, '#key-name');
      // No name, no scope, a day gone by.
      await click(page, '#key-scope-read');
      await (await pierce(page, '#key-expiry')).evaluate((el) => {
        (el as HTMLInputElement).value = '2020-01-01';
        el.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      });
      await name.focus();
      await page.keyboard.press('Enter');
      await pierce(page, '#key-name-error');
      const text = await textOf(page);
      assert.match(text, /Give the key a name\./);
      assert.match(text, /Choose at least one scope\./);
      assert.match(text, /Choose a day from today on\./);
      await shoot(page, 'keys-form-errors-en');
      await page.setViewport({ width: 360, height: 900 });
      assert.equal(await overflowsSideways(page), false);
      await page.setViewport({ width: 1280, height: 900 });
      // Corrected, with the keyboard: the scopes are checkboxes.
      await (await pierce(page, '#key-name')).type('Site WordPress');
      await (await pierce(page, '#key-scope-read')).focus();
      await page.keyboard.press('Space');
      await (await pierce(page, '#key-scope-bookings')).focus();
      await page.keyboard.press('Space');
      const nextYear = `${new Date().getUTCFullYear() + 1}-06-30`;
      await (await pierce(page, '#key-expiry')).evaluate((el, day) => {
        (el as HTMLInputElement).value = day;
        el.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      }, nextYear);
      await (await pierce(page, '#key-name')).focus();
      await page.keyboard.press('Enter');
      await waitForText(page, 'The secret of “Site WordPress”');
      assert.match(await textOf(page), /Shown once: copy it now/);
      const secret = await (await pierce(page, '#secret')).evaluate((el) => (el as HTMLInputElement).value);
      assert.match(secret, /^[A-Za-z0-9_-]{32,}$/);
      await clickButton(page, 'Copy the secret');
      await page.waitForFunction(() => /Copied\.|did not let the console copy/.test(document.querySelector('cowork-console')!.shadowRoot!.querySelector('cowork-console-api-keys')!.shadowRoot!.textContent ?? ''), { timeout: 5_000 });
      await shoot(page, 'keys-secret-en');
      const created = (await keys()).find((k) => k.name === 'Site WordPress');
      assert.ok(created);
      assert.deepEqual(created.scopes, ['read', 'bookings']);
      assert.ok(created.expiresAt && created.expiresAt.startsWith(`${new Date().getUTCFullYear() + 1}-06-30T2`), `the end of 30 June in Paris: ${created.expiresAt}`);
      assert.ok(secret.startsWith(created.prefix));
      // The secret works, within its scopes.
      assert.equal((await listBookings(app.server.client(secret), { path: { spaceId }, query: { limit: 1 } })).status, 200);
      await listApiKeys(app.server.client(secret), { path: { spaceId } }).then(
        () => assert.fail('a key without admin cannot list keys'),
        (error: ApiError) => assert.equal(error.status, 403),
      );
      // Once put away, the secret is gone from the page.
      await clickButton(page, 'I have stored it');
      await page.waitForFunction(() => !document.querySelector('cowork-console')!.shadowRoot!.querySelector('cowork-console-api-keys')!.shadowRoot!.querySelector('#secret'));
      assert.doesNotMatch(await textOf(page), new RegExp(secret));
      assert.match(await textOf(page), /Read, Bookings/);
      assert.deepEqual(opened.problems, []);
    } finally {
      await opened.close();
    }
  });

  test('an admin revokes a key after confirming; the key stops working (French)', async () => {
    const { data: key } = await createApiKey(adminApi(), { path: { spaceId }, body: { name: 'Export comptable', scopes: ['read'] } });
    const opened = await app.open(['fr-FR', 'fr'], `/console/?space=${spaceId}#keys`);
    const { page } = opened;
    try {
      await signIn(app, page, app.demo.adminEmail);
      await pierce(page, `cowork-console-api-keys`);
      await pierce(page, `li[data-key="${key.id}"] .revoke`);
      await click(page, `li[data-key="${key.id}"] .revoke`);
      await waitForText(page, 'Révoquer « Export comptable » ?');
      assert.match(await textOf(page), /cesse de fonctionner aussitôt/);
      await shoot(page, 'keys-revoke-fr');
      await clickButton(page, 'La garder');
      assert.ok((await keys()).some((k) => k.id === key.id), 'kept');
      await click(page, `li[data-key="${key.id}"] .revoke`);
      await clickButton(page, 'Révoquer la clé');
      await waitForText(page, '« Export comptable » est révoquée.');
      assert.ok(!(await keys()).some((k) => k.id === key.id), 'revoked');
      await listBookings(app.server.client(key.secret), { path: { spaceId } }).then(
        () => assert.fail('a revoked key works no more'),
        (error: ApiError) => assert.equal(error.status, 401),
      );
      await clickButton(page, 'Nouvelle clé');
      await pierce(page, '#key-name');
      await shoot(page, 'keys-form-fr');
      assert.deepEqual(opened.problems, []);
    } finally {
      await opened.close();
    }
  });

  test('staff see no API keys in the navigation, and #keys shows them a section they may use', async () => {
    const opened = await app.open(['en-GB', 'en'], `/console/?space=${spaceId}#keys`);
    const { page } = opened;
    try {
      await signIn(app, page, app.demo.staffEmail);
      await pierce(page, 'nav a');
      const nav = await page.evaluate(() => [...document.querySelector('cowork-console')!.shadowRoot!.querySelectorAll('nav a')].map((a) => a.getAttribute('href')));
      assert.ok(!nav.includes('#keys'), `no keys in ${nav.join(' ')}`);
      assert.equal(await page.evaluate(() => document.querySelector('cowork-console')!.shadowRoot!.querySelector('cowork-console-api-keys')), null);
      assert.deepEqual(opened.problems, []);
    } finally {
      await opened.close();
    }
  });
});
