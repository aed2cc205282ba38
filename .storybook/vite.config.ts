// Storybook's Vite configuration: the workspace's packages from their TypeScript sources (their
// `source` export condition, as in tools/browser/build-config.ts), then Vite's own conditions.
// Storybook keeps only `build.target` of this file's `build`; the rest is set in main.ts.
import { defaultClientConditions, defineConfig } from 'vite';

export default defineConfig({
  resolve: { conditions: ['source', ...defaultClientConditions, 'import', 'default'] },
  // The dev server pre-bundles Lit; Storybook's web-components renderer also imports
  // `lit/directive-helpers.js`, which must be in the same pre-bundle, or the page loads Lit twice.
  optimizeDeps: { include: ['lit', 'lit/directive-helpers.js', 'lit/directives/style-map.js', '@lit/context', '@lit/localize'] },
  build: { target: 'es2022' },
});
