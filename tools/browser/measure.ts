import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { browserBuildConfig } from './build-config.ts';

const cacheDir = new URL('../../node_modules/.cache/cowork-size/', import.meta.url).pathname;

export interface BundleSize {
  name: string;
  minified: number;
  gzip: number;
  /** The minified code, to check what a bundle contains. */
  code: string;
  /** The chunks it may load later (dynamic `import()`, not counted in `gzip`), each gzipped apart. */
  lazy: { file: string; gzip: number }[];
  /**
   * The whole journey in English: `gzip` plus every lazy chunk but the translations (`fr-*.js`
   * and the like: chunks named after a locale), i.e. all an English page may ever load.
   */
  total: number;
  /** The translation chunks (loaded only for pages in that language), gzipped, not in `total`. */
  translations: { file: string; gzip: number }[];
}

/** A chunk of translated messages, named after its locale (`fr-….js`). */
export const isTranslation = (file: string) => /(^|\/)[a-z]{2}(-[A-Z]{2})?-[\w-]+\.js$/.test(file);

/**
 * Builds each entry (given as module source) for browsers and measures the minified and gzipped
 * size of all it loads: the entry file plus every chunk it imports.
 */
export async function measureBundles(entries: Record<string, string>): Promise<BundleSize[]> {
  // Inside the repository, so that the entries resolve bare imports from its node_modules.
  mkdirSync(cacheDir, { recursive: true });
  const dir = mkdtempSync(join(cacheDir, 'size-'));
  try {
    const sizes: BundleSize[] = [];
    // One build per entry: built together, entries would share chunks and each would load the others' code.
    for (const [name, source] of Object.entries(entries)) {
      const entry = join(dir, `${name}.entry.ts`);
      writeFileSync(entry, source);
      const out = join(dir, name);
      await build(browserBuildConfig({ [name]: entry }, out));
      const seen = new Set<string>();
      const code = loadWithChunks(out, `${name}.js`, seen);
      const gzip = gzipSync(code, { level: 9 }).length;
      const lazy = lazyChunks(out, `${name}.js`, seen);
      const translations = lazy.filter((chunk) => isTranslation(chunk.file));
      const total = gzip + lazy.filter((chunk) => !isTranslation(chunk.file)).reduce((sum, chunk) => sum + chunk.gzip, 0);
      sizes.push({ name, minified: Buffer.byteLength(code), gzip, code, lazy, total, translations });
    }
    return sizes;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function loadWithChunks(out: string, file: string, seen: Set<string>): string {
  if (seen.has(file)) return '';
  seen.add(file);
  const code = readFileSync(join(out, file), 'utf8');
  const specifiers = [...code.matchAll(/(?:from|import)\s*["'](\.{1,2}\/[^"']+)["']/g)].map((m) => m[1]!);
  return [code, ...specifiers.map((s) => loadWithChunks(out, join(dirname(file), s), seen))].join('\n');
}

/** The chunks reachable through dynamic imports and not already counted, with their gzip size. */
function lazyChunks(out: string, entry: string, counted: Set<string>): { file: string; gzip: number }[] {
  const lazy: { file: string; gzip: number }[] = [];
  const queue = [entry, ...counted];
  const visited = new Set(queue);
  while (queue.length > 0) {
    const file = queue.pop()!;
    const code = readFileSync(join(out, file), 'utf8');
    for (const match of code.matchAll(/(?:from|import)\s*\(?\s*["'`](\.{1,2}\/[^"'`]+)["'`]/g)) {
      const next = join(dirname(file), match[1]!);
      if (visited.has(next)) continue;
      visited.add(next);
      queue.push(next);
      if (!counted.has(next)) lazy.push({ file: next, gzip: gzipSync(readFileSync(join(out, next)), { level: 9 }).length });
    }
  }
  return lazy;
}

export const kB = (bytes: number) => `${(bytes / 1000).toFixed(2)} kB`;
