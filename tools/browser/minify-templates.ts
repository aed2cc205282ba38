import { minifyHTMLLiterals } from 'minify-literals';
import type { Plugin } from 'vite';

/**
 * Minifies the markup inside Lit's `html` and `css` template literals of our own sources: the
 * JavaScript minifier leaves template strings alone, and their indentation is a good part of an
 * element's weight. Whitespace between words is kept (one space), so text reads the same. The
 * tests in tools/embed run the minified build in Chromium.
 */
export function minifyTemplates(): Plugin {
  return {
    name: 'cowork:minify-templates',
    async transform(code, id) {
      if (!/\/packages\/elements\/src\/.*\.ts$/.test(id) || !/\b(html|css|svg)`/.test(code)) return null;
      // Not `minifyCSS` in markup: it rewrites `style=${…}` bindings (adding a `;` after them),
      // which turns a directive's binding into a string attribute.
      const result = await minifyHTMLLiterals(code, { fileName: id, html: { conservativeCollapse: true, minifyCSS: false } });
      return result && { code: result.code, map: result.map };
    },
  };
}
