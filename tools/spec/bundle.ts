import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { redocly } from './redocly.ts';
import { specSource } from './paths.ts';

export type OpenApiDocument = Record<string, any>;

/** Bundles the split source files into one document whose $refs are all internal. */
export function bundleSpec(root: string = specSource): OpenApiDocument {
  const dir = mkdtempSync(join(tmpdir(), 'cowork-bundle-'));
  try {
    const out = join(dir, 'openapi.json');
    const result = redocly(['bundle', root, '--ext=json', `--output=${out}`]);
    if (!result.ok) throw new Error(`Bundling ${root} failed:\n${result.output}`);
    return JSON.parse(readFileSync(out, 'utf8')) as OpenApiDocument;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
