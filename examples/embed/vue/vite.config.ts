import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [
    vue({
      template: {
        // The cowork-* tags are custom elements, not Vue components.
        compilerOptions: { isCustomElement: (tag) => tag.startsWith('cowork-') },
      },
    }),
  ],
});
