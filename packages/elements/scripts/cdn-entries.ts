import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const src = new URL('../src/', import.meta.url).pathname;

/**
 * The CDN bundle's entry points: `cowork-elements` registers every element; `cowork-<name>`
 * registers one (each element folder with a define.ts). Names are stable URLs for snippets.
 */
export function cdnEntries(): Record<string, string> {
  const entries: Record<string, string> = { 'cowork-elements': join(src, 'define-all.ts') };
  for (const folder of readdirSync(src, { withFileTypes: true })) {
    const define = join(src, folder.name, 'define.ts');
    if (folder.isDirectory() && existsSync(define)) entries[`cowork-${folder.name}`] = define;
  }
  return entries;
}
