// npm run build:cdn — the elements as ES modules for any website, no build step on its side:
// packages/elements/dist/cdn/cowork-elements.js registers every element, cowork-<name>.js one.
// Lit and the client are bundled into shared, content-hashed chunks, so a page that loads
// several entries loads one copy of Lit.
import { build } from 'vite';
import { browserBuildConfig } from '../../../tools/browser/build-config.ts';
import { cdnEntries } from './cdn-entries.ts';

const outDir = new URL('../dist/cdn/', import.meta.url).pathname;
const entries = cdnEntries();
await build(browserBuildConfig(entries, outDir));
console.log(`Built ${Object.keys(entries).length} entries into packages/elements/dist/cdn: ${Object.keys(entries).join(', ')}`);
// Last: brotli and gzip copies of the files, and the manifest that tells hashed files from entries.
(await import('./compress-cdn.ts')).compressCdn(outDir, entries);
