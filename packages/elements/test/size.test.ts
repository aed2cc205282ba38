// Each element's define entry (and define-all, every element in one module), built alone and
// minified, stays within its byte budget (size-budgets.ts), measured like the client's
// (tools/browser/measure.ts: gzip level 9): the entry plus every chunk reachable from it, in English.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { kB, measureBundles, type BundleSize } from '../../../tools/browser/measure.ts';
import { defineEntries, sizeBudgets } from '../size-budgets.ts';

const pkg = new URL('..', import.meta.url).pathname;
const sizes = new Map<string, BundleSize>((await measureBundles(Object.fromEntries(Object.entries(defineEntries).map(([name, file]) => [name, `import '${pkg}${file}';`])))).map((s) => [s.name, s]));

for (const [name, budget] of Object.entries(sizeBudgets)) {
  const size = sizes.get(name);
  // `all-elements` is the all-in-one module (define-all); the others are one element each.
  const label = name.startsWith('cowork-') ? `<${name}>` : name;
  test(`${label}, with every chunk it can load, stays within ${kB(budget)} gzip`, () => {
    // The whole journey in English: the entry plus every chunk it can load, statically or through
    // dynamic imports (each gzipped apart, as a browser fetches it). Translations are reported apart.
    const chunk = (c: { file: string; gzip: number }) => `${c.file.replace(/^chunks\//, '')} ${kB(c.gzip)}`;
    const lazy = size!.lazy.filter((c) => !size!.translations.includes(c));
    console.log(
      `${label}: ${kB(size!.total)} gzip in all, budget ${kB(budget)} — entry ${kB(size!.gzip)} (${kB(size!.minified)} minified)` +
        (lazy.length ? ` + lazy ${lazy.map(chunk).join(', ')}` : '') +
        (size!.translations.length ? `; translations, for those pages only: ${size!.translations.map(chunk).join(', ')}` : ''),
    );
    assert.ok(size!.total <= budget, `${label} is ${kB(size!.total)} gzip with its chunks, over its budget of ${kB(budget)}`);
  });
}

test('an element bundle registers its tag and pays only for the operations it uses', () => {
  const signIn = sizes.get('cowork-sign-in')!;
  assert.match(signIn.code, /cowork-sign-in/);
  for (const route of ['POST /spaces/{spaceId}/auth/code', 'POST /spaces/{spaceId}/auth/token']) assert.ok(signIn.code.includes(route), `sign-in keeps ${route}`);
  for (const route of ['POST /spaces/{spaceId}/bookings', 'GET /spaces/{spaceId}/events', 'PATCH /spaces/{spaceId}/me']) assert.ok(!signIn.code.includes(route), `sign-in does not pay for ${route}`);
});

test('the French messages are not in the element bundles (a chunk loaded for French pages only)', () => {
  for (const [name, size] of sizes) assert.ok(!size.code.includes('Se connecter'), `${name} holds French messages`);
});

test('the member card pays for getMemberCard, getMe and updateMe only', () => {
  const card = sizes.get('cowork-member-card')!;
  for (const route of ['GET /spaces/{spaceId}/members/{memberId}', 'GET /spaces/{spaceId}/me', 'PATCH /spaces/{spaceId}/me']) assert.ok(card.code.includes(route), route);
  assert.doesNotMatch(card.code, /GET \/spaces\/\{spaceId\}\/members["'`]/, 'listMemberCards');
  for (const route of ['POST /spaces/{spaceId}/bookings', 'GET /spaces/{spaceId}/events']) assert.ok(!card.code.includes(route), route);
  assert.match(card.code, /cowork-member-card/);
});

test('the member directory adds listMemberCards, and the card', () => {
  const directory = sizes.get('cowork-member-directory')!;
  assert.match(directory.code, /GET \/spaces\/\{spaceId\}\/members["'`]/, 'listMemberCards');
  assert.match(directory.code, /cowork-member-directory/);
  assert.match(directory.code, /cowork-member-card/);
});
