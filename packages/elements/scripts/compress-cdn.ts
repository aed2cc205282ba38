// The last step of `npm run build:cdn`: what a server needs to deliver the CDN build fast.
// - Next to each text file of 1 kB or more, a brotli copy (`.br`, quality 11) and a gzip copy
//   (`.gz`, level 9), made once here at the highest levels, so that a server sends them as they
//   are instead of compressing on every request: the reference server (@fastify/static's
//   `preCompressed`), nginx (`gzip_static`, `brotli_static`), Caddy (`precompressed`) and most
//   static hosts pick them up.
// - `cdn-manifest.json`: which files carry a content hash in their name (they never change, so
//   they may be cached for a year as immutable) and which are entries, whose stable names
//   snippets use (cached briefly and revalidated). It is derived from the build's own
//   configuration (the entries it was given and the file name patterns of its output), not
//   guessed from the names: only files that a pattern with `[hash]` names are listed as hashed,
//   never an entry, nor a file the build's patterns do not explain.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { InlineConfig } from 'vite';
import { browserBuildConfig } from '../../../tools/browser/build-config.ts';

/** Files smaller than this are sent as they are (the reference server compresses nothing below 1 kB either). */
export const compressionThreshold = 1024;
const textExtensions = new Set(['.js', '.mjs', '.map', '.json', '.css', '.html', '.svg', '.txt', '.xml']);
export const manifestName = 'cdn-manifest.json';

export interface CdnManifest {
  /** What wrote this file. */
  generatedBy: string;
  /** The entry files, at stable URLs. */
  entries: string[];
  /** Files whose names carry a content hash (paths relative to the build's folder, with `/`). */
  hashed: string[];
  /** Bytes of each file, and of its compressed copies when written. */
  sizes: Record<string, { bytes: number; br?: number; gzip?: number }>;
}

/**
 * Writes the compressed copies and the manifest into `outDir`, the folder the CDN build of
 * `entries` (name → source module) was just written to, its files named by the patterns `names`
 * (by default those of the browsers' build, `browserBuildConfig`).
 */
export function compressCdn(outDir: string, entries: Record<string, string>, names: Partial<FileNamePatterns> = outputOf(browserBuildConfig(entries, outDir))): CdnManifest {
  const output = withDefaults(names);
  const files = filesIn(outDir).filter((file) => !/\.(br|gz)$/.test(file) && file !== manifestName);
  const entryFiles = Object.keys(entries).map((name) => fileName(output.entryFileNames, name));
  const isHashed = hashedNames([output.chunkFileNames, output.assetFileNames, output.entryFileNames]);
  // An entry is never hashed, whatever its name looks like: its name is its URL.
  const named = (file: string) => !entryFiles.includes(file) && isHashed(file);
  const hashed = files.filter((file) => named(file) || (file.endsWith('.map') && named(file.slice(0, -'.map'.length))));
  const sizes: CdnManifest['sizes'] = {};
  for (const file of files) {
    const path = join(outDir, file);
    const bytes = statSync(path).size;
    sizes[file] = { bytes };
    if (bytes < compressionThreshold || !textExtensions.has(extname(file))) continue;
    const content = readFileSync(path);
    const br = brotliCompressSync(content, {
      params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT, [constants.BROTLI_PARAM_SIZE_HINT]: bytes },
    });
    const gzip = gzipSync(content, { level: constants.Z_BEST_COMPRESSION });
    if (br.length < bytes) {
      writeFileSync(`${path}.br`, br);
      sizes[file].br = br.length;
    }
    if (gzip.length < bytes) {
      writeFileSync(`${path}.gz`, gzip);
      sizes[file].gzip = gzip.length;
    }
  }
  const manifest: CdnManifest = { generatedBy: 'npm run build:cdn (packages/elements/scripts/compress-cdn.ts)', entries: entryFiles, hashed, sizes };
  writeFileSync(join(outDir, manifestName), `${JSON.stringify(manifest, null, 2)}\n`);
  const total = (key: 'bytes' | 'br' | 'gzip') => Object.values(sizes).reduce((sum, size) => sum + (size[key] ?? size.bytes), 0);
  const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
  console.log(
    `Compressed the CDN build: ${kB(total('bytes'))} as brotli ${kB(total('br'))}, as gzip ${kB(total('gzip'))} (source maps included); ` +
      `${hashed.length} hashed files, ${entryFiles.length} entries (${manifestName})`,
  );
  return manifest;
}

/** A file name pattern of the build's output; a function names files in ways only it knows. */
type FileNamePattern = string | ((...args: never[]) => string);

export interface FileNamePatterns {
  entryFileNames: FileNamePattern;
  chunkFileNames: FileNamePattern;
  assetFileNames: FileNamePattern;
}

/** The output file name patterns a build's configuration sets. */
function outputOf(config: InlineConfig): Partial<FileNamePatterns> {
  const output = config.build?.rolldownOptions?.output;
  return ((Array.isArray(output) ? output[0] : output) ?? {}) as Partial<FileNamePatterns>;
}

/** The patterns, with Rolldown's and Vite's defaults where none is given. */
function withDefaults(options: Partial<FileNamePatterns>): FileNamePatterns {
  return {
    entryFileNames: options.entryFileNames ?? '[name].js',
    chunkFileNames: options.chunkFileNames ?? '[name]-[hash].js',
    assetFileNames: options.assetFileNames ?? 'assets/[name]-[hash][extname]',
  };
}

function fileName(pattern: FileNamePattern, name: string): string {
  if (typeof pattern !== 'string') throw new Error('compress-cdn: the entries are named by a function; their names are their URLs and must be plain [name] patterns.');
  return pattern.replaceAll('[name]', name).replace(/\[format\]/g, 'es');
}

/**
 * Whether a file is named by one of the patterns that contain `[hash]` (or `[hash:N]`). Names
 * that a function makes are not known to carry a hash, so their files are revalidated, never
 * cached as immutable: a wrong "immutable" would keep a changed file from browsers for a year.
 */
function hashedNames(patterns: FileNamePattern[]): (file: string) => boolean {
  const matchers = patterns
    .filter((pattern): pattern is string => typeof pattern === 'string' && /\[hash(?::\d+)?\]/.test(pattern))
    .map((pattern) => {
      const source = pattern
        .split(/(\[[a-z]+(?::\d+)?\])/)
        .map((part) => {
          const hash = /^\[hash(?::(\d+))?\]$/.exec(part);
          if (hash) return `[A-Za-z0-9_-]{${hash[1] ?? 8}}`;
          if (part === '[name]') return '[^]+';
          if (part === '[extname]') return '\\.[^./]+';
          if (part === '[ext]') return '[^./]+';
          if (part === '[format]') return 'es';
          return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        })
        .join('');
      return new RegExp(`^${source}$`);
    });
  return (file) => matchers.some((matcher) => matcher.test(file));
}

function filesIn(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}
