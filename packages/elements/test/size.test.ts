// What a page loads for each entry of the CDN build stays within its byte budget (size-budgets.ts),
// in English and in French. The CDN bundle is built here by the build's own code (scripts/cdn.ts,
// what `npm run build:cdn` runs and the demo site serves), into a temporary folder, and each
// journey is read from the built files themselves: the entry, then every file a static or dynamic
// import of a loaded file names, each gzipped apart (level 9) as a browser fetches it. For a
// French page, the translation files those imports name for French; for an English page, none.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { kB, measureBundles, type BundleSize } from '../../../tools/browser/measure.ts';
import { buildCdn, importsOf, translationLocale, withoutHash, type PreloadManifest } from '../scripts/cdn.ts';
import { cdnEntries } from '../scripts/cdn-entries.ts';
import { sizeBudgets, type Budget } from '../size-budgets.ts';

const outDir = mkdtempSync(join(tmpdir(), 'cowork-cdn-size-'));
let manifest: PreloadManifest;
before(async () => {
  manifest = await buildCdn(outDir);
});
after(() => rmSync(outDir, { recursive: true, force: true }));

const gzip = (file: string) => gzipSync(readFileSync(join(outDir, file)), { level: 9 }).length;

/** Every file a page in `locale` loads for `entry`, following the imports of the built files. */
function journey(entry: string, locale: string): string[] {
  const loaded = new Set<string>();
  const queue = [`${entry}.js`];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (loaded.has(file)) continue;
    loaded.add(file);
    const imports = importsOf(outDir, file);
    queue.push(...imports.static);
    // A dynamic import of another language's translations is not made on this page.
    queue.push(...imports.dynamic.filter((next) => (translationLocale(next) ?? locale) === locale));
  }
  return [...loaded];
}

interface Measure {
  files: { file: string; gzip: number }[];
  total: number;
}
const measure = (entry: string, locale: string): Measure => {
  const files = journey(entry, locale).map((file) => ({ file, gzip: gzip(file) }));
  return { files, total: files.reduce((sum, f) => sum + f.gzip, 0) };
};
const over = (total: number, target: number | undefined) => (target === undefined ? '' : total <= target ? `, within issue 11's ${kB(target)}` : `, ${kB(total - target)} over issue 11's ${kB(target)}`);

for (const [entry, budget] of Object.entries(sizeBudgets) as [string, Budget][]) {
  const label = entry === 'cowork-elements' ? 'every element (cowork-elements.js)' : `<${entry}>`;
  test(`${label}: its whole journey stays within ${kB(budget.en)} gzip in English, ${kB(budget.fr)} in French`, () => {
    const en = measure(entry, 'en');
    const fr = measure(entry, 'fr');
    const list = (m: Measure) => m.files.map((f) => `${f.file} ${kB(f.gzip)}`).join(', ');
    console.log(
      `${label}: English ${kB(en.total)} gzip in ${en.files.length} files (budget ${kB(budget.en)}${over(en.total, budget.target?.en)}): ${list(en)}\n` +
        `${' '.repeat(label.length)}  French ${kB(fr.total)} gzip in ${fr.files.length} files (budget ${kB(budget.fr)}${over(fr.total, budget.target?.fr)}), adding ${list({ ...fr, files: fr.files.filter((f) => !en.files.some((e) => e.file === f.file)) })}`,
    );
    assert.ok(en.total <= budget.en, `${label} is ${kB(en.total)} gzip in English, over its budget of ${kB(budget.en)}`);
    assert.ok(fr.total <= budget.fr, `${label} is ${kB(fr.total)} gzip in French, over its budget of ${kB(budget.fr)}`);
  });
}

test('every entry of the CDN build has a budget', () => {
  assert.deepEqual(Object.keys(cdnEntries()).sort(), Object.keys(sizeBudgets).sort());
});

/** The folders of src/ whose modules a built file holds (its source map's sources). */
const foldersIn = (file: string) =>
  existsSync(join(outDir, `${file}.map`))
    ? new Set((JSON.parse(readFileSync(join(outDir, `${file}.map`), 'utf8')) as { sources: string[] }).sources.map((source) => /packages\/elements\/src\/([\w-]+)\//.exec(source)?.[1]).filter(Boolean))
    : new Set();

test('a page loads the translations of the code it runs, for its language only', () => {
  for (const entry of Object.keys(cdnEntries())) {
    const code = journey(entry, 'en');
    assert.deepEqual(code.filter((file) => translationLocale(file)), [], `${entry}: an English page loads no translations`);
    const french = journey(entry, 'fr').filter((file) => !code.includes(file));
    assert.deepEqual(french.filter((file) => !translationLocale(file)), [], `${entry}: a French page loads nothing else than an English one but translations`);
    // v<version>/fr/booking.js translates the modules of src/booking/: the page runs some of them.
    const running = new Set(code.flatMap((file) => [...foldersIn(file)]));
    for (const file of french) assert.ok(running.has(/\/([\w-]+)\.js$/.exec(withoutHash(file))![1]), `${entry}: ${file} translates code the page does not run`);
    assert.deepEqual(manifest.entries[entry]!.messages.fr?.toSorted() ?? [], french.toSorted(), `${entry}: cowork-preload.json lists the French files the page loads`);
    assert.deepEqual([...manifest.entries[entry]!.modules, ...manifest.entries[entry]!.lazy].toSorted(), code.toSorted(), `${entry}: cowork-preload.json lists the files the page loads`);
  }
  // The booking widget's page: its own translations, the sign-in's it embeds and those of the states every element shows.
  assert.deepEqual(journey('cowork-booking', 'fr').filter((file) => translationLocale(file)).map((file) => withoutHash(file).replace(/^v[^/]+\//, '')).toSorted(), ['fr/booking.js', 'fr/sign-in.js', 'fr/states.js']);
  assert.deepEqual(journey('cowork-member-card', 'fr').filter((file) => translationLocale(file)).map((file) => withoutHash(file).replace(/^v[^/]+\//, '')).toSorted(), ['fr/member-card.js', 'fr/states.js']);
});

test('no French message is in the code: only in the translation files', () => {
  for (const entry of Object.keys(cdnEntries())) {
    for (const file of journey(entry, 'en')) assert.doesNotMatch(readFileSync(join(outDir, file), 'utf8'), /Se connecter|Réserver/, `${file} holds French messages`);
  }
});

// Each element's define entry built alone, as an application bundling the npm package would: it
// pays only for the client operations it uses (the CDN build shares one client among all).
let alone: Map<string, BundleSize> | undefined;
const builtAlone = async (name: string) => {
  alone ??= new Map((await measureBundles({ 'cowork-sign-in': `import '${cdnEntries()['cowork-sign-in']}';`, 'cowork-member-card': `import '${cdnEntries()['cowork-member-card']}';`, 'cowork-member-directory': `import '${cdnEntries()['cowork-member-directory']}';` })).map((s) => [s.name, s]));
  return alone.get(name)!;
};

test('built alone, an element pays only for the operations it uses', async () => {
  const signIn = await builtAlone('cowork-sign-in');
  assert.match(signIn.code, /cowork-sign-in/);
  for (const route of ['POST /spaces/{spaceId}/auth/code', 'POST /spaces/{spaceId}/auth/token']) assert.ok(signIn.code.includes(route), `sign-in keeps ${route}`);
  for (const route of ['POST /spaces/{spaceId}/bookings', 'GET /spaces/{spaceId}/events', 'PATCH /spaces/{spaceId}/me']) assert.ok(!signIn.code.includes(route), `sign-in does not pay for ${route}`);
  const card = await builtAlone('cowork-member-card');
  for (const route of ['GET /spaces/{spaceId}/members/{memberId}', 'GET /spaces/{spaceId}/me', 'PATCH /spaces/{spaceId}/me']) assert.ok(card.code.includes(route), route);
  assert.doesNotMatch(card.code, /GET \/spaces\/\{spaceId\}\/members["'`]/, 'listMemberCards');
  for (const route of ['POST /spaces/{spaceId}/bookings', 'GET /spaces/{spaceId}/events']) assert.ok(!card.code.includes(route), route);
  assert.match(card.code, /cowork-member-card/);
  const directory = await builtAlone('cowork-member-directory');
  assert.match(directory.code, /GET \/spaces\/\{spaceId\}\/members["'`]/, 'listMemberCards');
  assert.match(directory.code, /cowork-member-directory/);
  assert.match(directory.code, /cowork-member-card/);
});
