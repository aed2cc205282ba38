// npm run build:cdn — the elements as ES modules for any website, no build step on its side:
// packages/elements/dist/cdn/cowork-elements.js registers every element, cowork-<name>.js one.
// Lit and the client are bundled into one shared chunk, so a page that loads several entries
// loads one copy of Lit; each element's code and each chunk's translations are files of their
// own, under v<version>/ with a hash of their content in their names, listed per entry in
// cowork-preload.json (scripts/cdn.ts).
import { buildCdn, cdnFileNames } from './cdn.ts';
import { cdnEntries } from './cdn-entries.ts';

const outDir = new URL('../dist/cdn/', import.meta.url).pathname;
const entries = cdnEntries();
await buildCdn(outDir);
console.log(`Built ${Object.keys(entries).length} entries into packages/elements/dist/cdn: ${Object.keys(entries).join(', ')}`);
// Last: brotli and gzip copies of the files, and the manifest that tells hashed files from entries.
(await import('./compress-cdn.ts')).compressCdn(outDir, entries, cdnFileNames);
