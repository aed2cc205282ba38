// The console's space section in Chromium against a real server with the demo space: a staff
// person renames the space, adds a closure and changes a policy (the API says each change
// happened, the shell shows the new name); a wrong country is caught on its field before anything
// is sent; a change saved meanwhile by someone else is refused by the server (If-Match, 412) and
// shown, not overwritten; an admin lists the sites allowed to embed the widgets, and the server's
// CORS follows.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { getSpace, updateSpace } from '@coworking-commons/client';
import { click, clickButton, overflowsSideways, pierce, shoot, signIn, startConsoleServer, waitForText, type ConsoleServer } from './support/console-page.ts';

let app: ConsoleServer;
before(async () => {
  app = await startConsoleServer();
});
after(() => app?.close());

const staff = () => app.server.client(app.demo.staffKey!);
const space = async () => (await getSpace(staff(), { path: { spaceId: 'la-ruche' } })).data;
const activeId = (page: import('puppeteer-core').Page) =>
  page.evaluate(() => document.querySelector('cowork-console')!.shadowRoot!.querySelector('cowork-console-space')!.shadowRoot!.activeElement?.id);

async function retype(page: import('puppeteer-core').Page, selector: string, text: string): Promise<void> {
  const input = await pierce(page, selector);
  await input.evaluate((el) => ((el as HTMLInputElement).value = ''));
  await input.type(text);
}

/** Sets a date input's value (typing into it depends on the browser's date format). */
async function setDate(page: import('puppeteer-core').Page, selector: string, date: string): Promise<void> {
  const input = await pierce(page, selector);
  await input.evaluate((el, value) => {
    (el as HTMLInputElement).value = value;
    el.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  }, date);
}

test('a staff person describes the space in French: texts, closure, policy; a wrong field; a stale edit', async () => {
  const original = await space();
  const opened = await app.open(['fr-FR', 'fr'], '/console/?space=la-ruche#space');
  const { page } = opened;
  try {
    await signIn(app, page, app.demo.staffEmail);
    await waitForText(page, 'Horaires d’ouverture de la semaine');
    await shoot(page, 'space-fr');
    await page.setViewport({ width: 360, height: 900 });
    assert.equal(await overflowsSideways(page), false);
    await page.setViewport({ width: 1280, height: 900 });

    // A country that is not two letters: caught before sending, on its field, what was typed kept.
    await retype(page, '#space-name', 'La Ruche du canal');
    await retype(page, '#space-country', 'Fr');
    await retype(page, '#space-country', 'F');
    await clickButton(page, 'Enregistrer l’espace');
    await waitForText(page, 'Deux lettres majuscules');
    assert.equal(await activeId(page), 'space-country', 'the wrong field has the focus');
    assert.equal(await (await pierce(page, '#space-name')).evaluate((el) => (el as HTMLInputElement).value), 'La Ruche du canal');
    assert.equal((await space()).name, original.name, 'nothing was sent');
    await shoot(page, 'space-error-fr');

    await retype(page, '#space-country', 'FR');
    // A time zone of the right form that does not exist: the server's refusal, on its field.
    await retype(page, '#space-time-zone', 'Mars/Olympus_Mons');
    await clickButton(page, 'Enregistrer l’espace');
    await waitForText(page, 'must be an IANA time zone name');
    assert.equal(await activeId(page), 'space-time-zone', 'the refused field has the focus');
    assert.equal((await space()).name, original.name, 'nothing was saved');
    await retype(page, '#space-time-zone', 'Europe/Paris');
    await clickButton(page, 'Ajouter une fermeture');
    const index = original.closures.length;
    await setDate(page, `#closure-${index}-from`, '2027-05-14');
    await setDate(page, `#closure-${index}-to`, '2027-05-15');
    await retype(page, `#closure-${index}-reason`, 'Pont de l’Ascension');
    await retype(page, '#space-notice', '48');
    await click(page, '#space-guests');
    await clickButton(page, 'Enregistrer l’espace');
    await waitForText(page, 'Enregistré.');
    const saved = await space();
    assert.equal(saved.name, 'La Ruche du canal');
    assert.ok(saved.closures.some((c) => c.from === '2027-05-14' && c.to === '2027-05-15' && c.reason === 'Pont de l’Ascension'), JSON.stringify(saved.closures));
    assert.equal(saved.policies.cancellationNotice, 'PT48H');
    assert.equal(saved.policies.guestBookingAllowed, !original.policies.guestBookingAllowed);
    assert.deepEqual(saved.openingHours, original.openingHours, 'the hours are kept');
    // The shell's header follows.
    await waitForText(page, 'La Ruche du canal');

    // Someone else saves meanwhile: the console shows their version and does not overwrite it.
    await updateSpace(staff(), { path: { spaceId: 'la-ruche' }, body: { name: 'La Ruche (autre onglet)' } });
    await retype(page, '#space-name', 'Mon nom à moi');
    await clickButton(page, 'Enregistrer l’espace');
    await waitForText(page, 'Quelqu’un a modifié l’espace');
    assert.equal((await space()).name, 'La Ruche (autre onglet)', 'not overwritten');
    assert.equal(await (await pierce(page, '#space-name')).evaluate((el) => (el as HTMLInputElement).value), 'La Ruche (autre onglet)', 'the current version is shown');
    await shoot(page, 'space-stale-fr');
    assert.ok(opened.problems.some((problem) => problem.includes('412')), `the server refused the stale change itself (412): ${opened.problems.join(' | ')}`);
    // The browser logs the refused time zone's 400 and the stale change's 412; nothing else went wrong.
    assert.deepEqual(
      opened.problems.filter((problem) => !/status of 4(00|12)/.test(problem) && !/^HTTP 4(00|12): PATCH/.test(problem)),
      [],
    );
  } finally {
    await opened.close();
    await updateSpace(staff(), { path: { spaceId: 'la-ruche' }, body: { name: original.name, closures: original.closures, policies: original.policies } });
  }
});

test('the space in English, opening hours added and removed by keyboard', async () => {
  const original = await space();
  const opened = await app.open(['en-GB', 'en'], '/console/?space=la-ruche#space');
  const { page } = opened;
  try {
    await signIn(app, page, app.demo.adminEmail);
    await waitForText(page, 'Weekly opening hours');
    await shoot(page, 'space-en');
    const added = original.openingHours.length;
    await (await pierce(page, '.add-hours')).focus();
    await page.keyboard.press('Enter');
    await pierce(page, `#hours-${added}-day`);
    assert.equal(await activeId(page), `hours-${added}-day`, 'the new range has the focus');
    await clickButton(page, 'Save the space');
    await waitForText(page, 'Saved.');
    const saved = await space();
    assert.equal(saved.openingHours.length, added + 1);
    assert.ok(saved.openingHours.some((r) => r.opens === '09:00' && r.closes === '18:00'));
    assert.deepEqual(opened.problems, []);
  } finally {
    await opened.close();
    await updateSpace(staff(), { path: { spaceId: 'la-ruche' }, body: { openingHours: original.openingHours } });
  }
});

test('the sites allowed to embed the widgets: typed as people write addresses, saved as origins, and the server lets them in (English)', async () => {
  const original = await space();
  assert.ok(original.allowedOrigins, 'staff see the allowed origins');
  const opened = await app.open(['en-GB', 'en'], '/console/?space=la-ruche#space');
  const { page } = opened;
  try {
    await signIn(app, page, app.demo.adminEmail);
    await waitForText(page, 'Sites allowed to show the widgets');
    const allowedOrigin = async () =>
      (await fetch(`${app.server.url}/spaces/la-ruche/availability`, { method: 'OPTIONS', headers: { origin: 'https://www.coworking-du-port.example', 'access-control-request-method': 'GET' } })).headers.get('access-control-allow-origin');
    assert.equal(await allowedOrigin(), null, 'the site is not let in before');
    const first = original.allowedOrigins.length;
    await clickButton(page, 'Add a site');
    await pierce(page, `#origin-${first}`);
    assert.equal(await activeId(page), `origin-${first}`, 'the new site has the focus');
    await page.keyboard.type('www.coworking-du-port.example/reserver/');
    await clickButton(page, 'Add a site');
    await (await pierce(page, `#origin-${first + 1}`)).type('ftp://files.example');
    await clickButton(page, 'Save the space');
    await waitForText(page, 'A site’s address, such as https://www.example.org.');
    assert.equal(await activeId(page), `origin-${first + 1}`, 'the wrong site has the focus');
    assert.deepEqual((await space()).allowedOrigins, original.allowedOrigins, 'nothing was sent');
    await shoot(page, 'space-origins-en');
    await click(page, `[data-origin="${first + 1}"] button`);
    await clickButton(page, 'Save the space');
    await waitForText(page, 'Saved.');
    assert.deepEqual((await space()).allowedOrigins, [...original.allowedOrigins, 'https://www.coworking-du-port.example']);
    assert.equal(await (await pierce(page, `#origin-${first}`)).evaluate((el) => (el as HTMLInputElement).value), 'https://www.coworking-du-port.example', 'shown as saved');
    assert.equal(await allowedOrigin(), 'https://www.coworking-du-port.example', 'the server lets the new site in');
    assert.deepEqual(opened.problems, []);
  } finally {
    await opened.close();
    await updateSpace(staff(), { path: { spaceId: 'la-ruche' }, body: { allowedOrigins: original.allowedOrigins } });
  }
});
