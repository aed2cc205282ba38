import { build } from 'vite';
import { buildCdn as buildElementsCdn } from '../../packages/elements/scripts/cdn.ts';
import { cdnEntries } from '../../packages/elements/scripts/cdn-entries.ts';
import { browserBuildConfig } from '../browser/build-config.ts';

/** The CDN build (what `npm run build:cdn` writes to packages/elements/dist/cdn), into `outDir`. */
export async function buildCdn(outDir: string): Promise<void> {
  await buildElementsCdn(outDir);
}

/**
 * One CDN entry (`cowork-member-card`) built on its own, as another plugin or an older release
 * of a site would ship it: a second copy of the elements, with its own Lit.
 */
export async function buildCdnEntryApart(name: string, outDir: string): Promise<void> {
  const entry = cdnEntries()[name];
  if (!entry) throw new Error(`No CDN entry named ${name}`);
  await build(browserBuildConfig({ [name]: entry }, outDir));
}
