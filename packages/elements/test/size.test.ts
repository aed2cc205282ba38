// Each element's define entry, built alone and minified, stays within its byte budget
// (size-budgets.ts), measured like the client's (tools/browser/measure.ts: gzip level 9, the entry
// and every chunk it imports statically).
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { kB, measureBundles, type BundleSize } from '../../../tools/browser/measure.ts';
import { defineEntries, sizeBudgets } from '../size-budgets.ts';

const pkg = new URL('..', import.meta.url).pathname;
const present = Object.entries(defineEntries).filter(([, file]) => existsSync(pkg + file));
const sizes = new Map<string, BundleSize>((await measureBundles(Object.fromEntries(present.map(([name, file]) => [name, `import '${pkg}${file}';`])))).map((s) => [s.name, s]));

for (const [name, budget] of Object.entries(sizeBudgets)) {
  const size = sizes.get(name);
  test(`<${name}> stays within ${kB(budget)} gzip`, { skip: size ? false : `${defineEntries[name as keyof typeof defineEntries]} does not exist yet` }, () => {
    // Chunks loaded later (dynamic imports) are reported, not budgeted: the French messages, and
    // parts an element loads only when a visitor needs them.
    const lazy = size!.lazy.filter((chunk) => !/(^|\/)fr-[\w-]+\.js$/.test(chunk.file));
    const later = lazy.reduce((sum, chunk) => sum + chunk.gzip, 0);
    console.log(
      `<${name}>: ${kB(size!.gzip)} gzip (${kB(size!.minified)} minified), budget ${kB(budget)}` +
        (later ? `; plus ${kB(later)} loaded later (${lazy.map((c) => `${c.file.replace(/^chunks\//, '')} ${kB(c.gzip)}`).join(', ')})` : ''),
    );
    assert.ok(size!.gzip <= budget, `<${name}> is ${kB(size!.gzip)} gzip, over its budget of ${kB(budget)}`);
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
