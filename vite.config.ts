// Browser bundles (ES modules with their dependencies inlined) for sites that load the packages
// without a build step: `npx vite build` writes them to dist/browser.
import { defineConfig } from 'vite';
import { browserBuildConfig } from './tools/browser/build-config.ts';

export default defineConfig(
  browserBuildConfig({ client: 'packages/client/src/index.ts' }, 'dist/browser'),
);
