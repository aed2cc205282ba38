import { build, defaultClientConditions } from 'vite';

/**
 * Builds the Vite app in `dir` (its index.html, and its vite.config.ts when it has one) for
 * `base` into `outDir`, as `vite build` would, with one difference: the workspace's packages
 * resolve to their TypeScript sources (the `source` condition), so no package needs building first.
 */
export async function buildExample(dir: string, outDir: string, base: string): Promise<void> {
  await build({
    root: dir,
    base,
    logLevel: 'warn',
    resolve: { conditions: ['source', ...defaultClientConditions] },
    build: { outDir, emptyOutDir: true, reportCompressedSize: false },
  });
}
