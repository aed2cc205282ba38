import { readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Where the elements' browser bundles are served. */
export const cdnPrefix = '/cdn/';

/** The manifest `npm run build:cdn` writes next to the files (packages/elements/scripts/compress-cdn.ts). */
export const cdnManifestName = 'cdn-manifest.json';

/** A file whose name carries its content's hash never changes: a year, and no revalidation. */
export const immutableCaching = 'public, max-age=31536000, immutable';
/**
 * Every other file keeps its name from build to build: the entries (`cowork-booking.js`…), which
 * pages name in their scripts and which import the hashed files of their build. A browser keeps
 * them five minutes, then asks again with their ETag (a `304` while unchanged): a new build
 * reaches every visitor within five minutes, and an entry never outlives, in a browser, the build
 * whose files it imports by much longer than that.
 */
export const entryCaching = 'public, max-age=300';

interface Manifest {
  /** Files (paths relative to the build's folder, with `/`) whose names carry a content hash. */
  hashed: string[];
}

/**
 * Serves the CDN build of the elements: each file as brotli or gzip when the request accepts it
 * and the build wrote a `.br` or `.gz` copy (compressed once, at the highest levels, at build
 * time), else as it is; hashed chunks cached as immutable, everything else briefly and
 * revalidated. Which files are hashed is what the build's manifest says, not a guess from their
 * names: a build without a manifest has every file revalidated.
 */
export async function registerCdn(app: FastifyInstance, cdnDir: string): Promise<void> {
  const hashed = hashedFiles(cdnDir);
  await app.register(fastifyStatic, {
    root: cdnDir,
    prefix: cdnPrefix,
    decorateReply: false,
    preCompressed: true,
    // Cache-Control is set per file below; ETag and Last-Modified stay on.
    cacheControl: false,
    setHeaders(response, path) {
      const file = relative(cdnDir, path.replace(/\.(br|gz)$/, '')).split(sep).join('/');
      response.setHeader('cache-control', hashed().has(file) ? immutableCaching : entryCaching);
    },
  });
}

/** The hashed files of the build's manifest, read again whenever the build rewrites it. */
function hashedFiles(cdnDir: string): () => Set<string> {
  const file = join(cdnDir, cdnManifestName);
  let read: { mtimeMs: number; hashed: Set<string> } | undefined;
  return () => {
    let mtimeMs: number;
    try {
      mtimeMs = statSync(file).mtimeMs;
    } catch {
      return new Set();
    }
    if (read?.mtimeMs !== mtimeMs) {
      try {
        const manifest = JSON.parse(readFileSync(file, 'utf8')) as Partial<Manifest>;
        read = { mtimeMs, hashed: new Set(Array.isArray(manifest.hashed) ? manifest.hashed.filter((name) => typeof name === 'string') : []) };
      } catch {
        // A manifest being written, or broken: nothing is immutable until it reads again.
        return new Set();
      }
    }
    return read.hashed;
  };
}
