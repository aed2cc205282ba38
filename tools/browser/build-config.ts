import type { InlineConfig } from 'vite';
import { legalComments } from './legal-comments.ts';
import { minifyTemplates } from './minify-templates.ts';

/**
 * The Vite configuration of every bundle that ships to browsers: ES modules, minified, for the
 * browsers that support custom elements and ES2022. Byte budgets are measured on its output.
 */
export function browserBuildConfig(entries: Record<string, string>, outDir: string): InlineConfig {
  return {
    configFile: false,
    logLevel: 'warn',
    plugins: [minifyTemplates(), legalComments()],
    // The workspace packages are built from their TypeScript sources (their `source` export).
    resolve: { conditions: ['source', 'browser', 'module', 'import', 'default'] },
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      minify: 'terser',
      // Terser, then Rolldown's own minifier: smaller than either alone (0.2 to 0.5 kB gzip per element's journey).
      terserOptions: { module: true, ecma: 2020, compress: { passes: 2 }, format: { comments: false } },
      sourcemap: true,
      reportCompressedSize: false,
      lib: { entry: entries, formats: ['es'] },
      // Lib mode keeps whitespace and pure annotations in ES output unless the bundler itself is
      // told otherwise; these bundles are final, so nothing downstream needs the annotations.
      rolldownOptions: { output: { entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js', minify: true, comments: { legal: false, annotation: false, jsdoc: false } } },
    },
  };
}
