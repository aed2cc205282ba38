// The console's embedding section: each element's snippet filled in for the space, and pasted
// into a page of its own, it shows the element with the space's data.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { snippetOf } from '../src/embed/snippets.ts';
import { clickButton, pierce, shoot, signIn, startConsoleServer, textOf, waitForText, type ConsoleServer } from './support/console-page.ts';

let app: ConsoleServer;
before(async () => {
  app = await startConsoleServer();
});
after(() => app?.close());

test('a snippet names the entry of the element and gives it the API and the space, escaped', () => {
  assert.equal(
    snippetOf('cowork-booking', 'https://cdn.example/cc', 'https://api.example', 'la-ruche'),
    '<script type="module" src="https://cdn.example/cc/cowork-booking.js"></script>\n<cowork-booking api="https://api.example" space="la-ruche"></cowork-booking>',
  );
  assert.match(snippetOf('cowork-sign-in', '/cdn/', 'https://x.example/?a="b"', 's'), /api="https:\/\/x\.example\/\?a=&quot;b&quot;"/);
});

test('the section shows each snippet filled in for the space, and a copy button says what it did (English)', async () => {
  const opened = await app.open(['en-GB', 'en'], '/console/?space=la-ruche#embed');
  const { page } = opened;
  try {
    await signIn(app, page, app.demo.staffEmail);
    await waitForText(page, 'The widgets on your website');
    const text = await textOf(page);
    for (const tag of ['cowork-booking', 'cowork-event-calendar', 'cowork-member-directory', 'cowork-my-bookings', 'cowork-sign-in']) {
      assert.ok(text.includes(`<${tag} api="${app.server.url.replace('127.0.0.1', 'localhost')}" space="la-ruche">`) || text.includes(`<${tag} api="${app.origin}" space="la-ruche">`), `${tag}: ${text.slice(0, 400)}`);
    }
    await pierce(page, '[data-snippet="cowork-booking"] button');
    await clickButton(page, 'Copy');
    await page.waitForFunction(() => /Copied\.|Ctrl\+C/.test(document.querySelector('cowork-console')!.shadowRoot!.querySelector('cowork-console-embed')!.shadowRoot!.textContent!));
    await shoot(page, 'embed-en');
    assert.deepEqual(opened.problems, []);
  } finally {
    await opened.close();
  }
});

test('the booking snippet, pasted into a page served by the same server, shows the space’s resources', async () => {
  const snippet = snippetOf('cowork-booking', `${app.origin}/cdn/`, app.origin, 'la-ruche');
  const opened = await app.open(['fr-FR'], '/console/?space=la-ruche');
  const { page } = opened;
  try {
    // A page of the same origin (the demo space allows it), holding only the snippet.
    await page.setContent(`<!doctype html><html lang="fr"><body>${snippet}</body></html>`, { waitUntil: 'load' });
    await waitForText(page, 'Salle Verte', 15_000);
  } finally {
    await opened.close();
  }
});
