// Storybook for the web components of @coworking-commons/elements: `npm run storybook` (dev server
// on port 6006), `npm run storybook:build` (static, in storybook-static/), `npm run test:stories`.
import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/web-components-vite';

// Storybook otherwise reads the repository's vite.config.ts, which builds the client's CDN bundle.
const viteConfigPath = fileURLToPath(new URL('./vite.config.ts', import.meta.url));

const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: { builder: { viteConfigPath } } },
  stories: ['../stories/introduction.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs'],
  staticDirs: [{ from: '../stories/assets', to: '/assets' }],
  // Storybook's own chunks are large, and the preview registers every element up front, which makes
  // the elements' lazy imports (sign-in, the calendar's dialog) ineffective: no warnings for either,
  // nor for the time plugins take.
  viteFinal: (config) => ({
    ...config,
    build: { ...config.build, chunkSizeWarningLimit: 4096, rolldownOptions: { ...config.build?.rolldownOptions, checks: { ineffectiveDynamicImport: false, bundlerTimings: false } } },
  }),
  core: {
    disableTelemetry: true,
    disableWhatsNewNotifications: true,
    enableCrashReports: false,
  },
};

export default config;
