import type { InlineConfig } from 'vite';
import { minifyTemplates } from './minify-templates.ts';

/**
 * The Vite configuration of every bundle that ships to browsers: ES modules, minified, for the
 * browsers that support custom elements and ES2022. Byte budgets are measured on its output.
 */
export function browserBuildConfig(entries: Record<string, string>, outDir: string): InlineConfig {
  return {
    configFile: false,
    logLevel: 'warn',
    plugins: [minifyTemplates()],
    // The workspace packages are built from their TypeScript sources (their `source` export).
    resolve: { conditions: ['source', 'browser', 'module', 'import', 'default'] },
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      minify: true,
      sourcemap: true,
      reportCompressedSize: false,
      lib: { entry: entries, formats: ['es'] },
      // Lib mode keeps whitespace and pure annotations in ES output unless the bundler itself is
      // told otherwise; these bundles are final, so nothing downstream needs the annotations.
      rolldownOptions: { output: { entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js', minify: true, comments: { legal: true, annotation: false, jsdoc: false } } },
    },
  };
}
