// The snippet of docs/embed.md ("Loading fast") and of the demo pages: `<link rel="modulepreload">`
// for every file the page's entries load before they run and for the translations of the page's
// language, then their scripts, exactly as scripts/snippet.ts writes them from the CDN build (built
// here by the build's own code, into a temporary folder). With them a browser fetches the whole
// graph right after the HTML: the elements start, and call the API, after two round trips.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { buildCdn, importsOf, type PreloadManifest } from '../scripts/cdn.ts';
import { demoPages, docBlock, hashFree, snippet } from '../scripts/snippet.ts';

const outDir = mkdtempSync(join(tmpdir(), 'cowork-cdn-snippet-'));
let manifest: PreloadManifest;
before(async () => {
  manifest = await buildCdn(outDir);
});
after(() => rmSync(outDir, { recursive: true, force: true }));

const refresh = 'run npm run build:cdn, then npm run snippet -w packages/elements -- --update';
/** The files a snippet makes the browser fetch: its hints and its scripts, relative to `base`. */
const named = (text: string, base: string) => [...text.matchAll(/(?:href|src)="([^"]+)"/g)].map((m) => m[1]!.slice(base.length));
/** Everything loaded before the scripts run: the scripts and their static imports, recursively. */
function staticClosure(files: string[]): Set<string> {
  const seen = new Set<string>();
  const queue = [...files];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    queue.push(...importsOf(outDir, file).static);
  }
  return seen;
}

test('the snippet names every file its entries load before they run, and the translations of the page’s language, once', () => {
  for (const entries of [['cowork-booking'], ['cowork-space', 'cowork-booking'], ['cowork-space', 'cowork-member-card', 'cowork-member-directory'], ['cowork-elements']]) {
    for (const lang of ['fr', 'fr-BE', 'en', undefined]) {
      const text = snippet(manifest, { base: '/cdn/', entries, lang });
      const files = named(text, '/cdn/');
      assert.equal(new Set(files).size, files.length, `${text}\nnames a file twice`);
      const scripts = [...text.matchAll(/src="\/cdn\/([^"]+)"/g)].map((m) => m[1]!);
      const needed = staticClosure(scripts);
      const translations = lang?.startsWith('fr') ? entries.flatMap((entry) => manifest.entries[entry]!.messages.fr ?? []) : [];
      assert.deepEqual(new Set(files), new Set([...needed, ...translations]), `${entries} (${lang}): ${text}`);
      // The scripts register the page's elements as the entries would.
      for (const entry of entries) {
        const registered = [...staticClosure([`${entry}.js`])].flatMap((file) => [...readFileSync(join(outDir, file), 'utf8').matchAll(/customElements\.define\(\s*[`"'](cowork-[\w-]+)/g)].map((m) => m[1]));
        const byScripts = [...needed].flatMap((file) => [...readFileSync(join(outDir, file), 'utf8').matchAll(/customElements\.define\(\s*[`"'](cowork-[\w-]+)/g)].map((m) => m[1]));
        for (const tag of registered) assert.ok(byScripts.includes(tag), `${entries}: ${tag}, registered by ${entry}.js, is registered by the snippet's scripts`);
      }
    }
  }
});

test('each demo page loads its elements with the snippet, for the entries of its tags and its language', () => {
  const pages = demoPages(manifest);
  assert.ok(pages.length >= 5);
  for (const page of pages) {
    assert.ok(page.found, `demo/site/${page.file} has no snippet of the elements`);
    assert.equal(page.found.text, page.expected, `demo/site/${page.file}: its snippet is not what the build says (${refresh})`);
    assert.equal(page.found.base, '/cdn/', `demo/site/${page.file} loads the elements the reference server serves at /cdn/`);
    assert.match(page.html, /<html lang="fr">/, `demo/site/${page.file} is in French`);
    // The snippet is in the <head>, so that the browser sees it first.
    assert.ok(page.html.indexOf(page.found.text) < page.html.indexOf('</head>'), `demo/site/${page.file}: the snippet is in the <head>`);
    // Every tag of the page has its entry, and the page loads no entry it does not use.
    const tags = new Set([...page.html.matchAll(/<(cowork-[\w-]+)[\s>]/g)].map((m) => m[1]!));
    assert.deepEqual([...tags].sort(), [...page.found.entries].sort(), `demo/site/${page.file}: the entries it loads are those of its tags`);
  }
  assert.ok(pages.some((page) => page.file === 'reserver.html' && page.found?.entries.includes('cowork-booking')), 'reserver.html loads the booking widget');
});

test('docs/embed.md shows the snippet of a French page with <cowork-space> and <cowork-booking>, as the build writes it', () => {
  const doc = docBlock(manifest);
  assert.ok(doc.found, 'docs/embed.md has an html block in its section "Loading fast"');
  // The hashes of its files' names are those of the build it was written from: another build names the same files.
  assert.equal(hashFree(doc.found), hashFree(doc.expected), `docs/embed.md: the snippet of "Loading fast" is not what the build says (${refresh})`);
  assert.match(doc.found, /\/v[^/]+\/core-[\w-]{8}\.js"/, 'it names the files as a build does, with their hashes');
});

test('cowork-preload.json is written next to the build and names only files of the build', () => {
  const written = JSON.parse(readFileSync(join(outDir, 'cowork-preload.json'), 'utf8')) as PreloadManifest;
  assert.deepEqual(written, manifest);
  for (const [entry, graph] of Object.entries(written.entries)) {
    for (const file of [...graph.modules, ...graph.lazy, ...Object.values(graph.messages).flat(), ...Object.values(written.files)]) {
      assert.doesNotThrow(() => readFileSync(join(outDir, file)), `${entry}: ${file} is in the build`);
    }
  }
});
