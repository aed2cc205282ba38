// docs/embed.md shows the code that embed.test.ts runs: every block marked
// `<!-- example: path -->` is that file of examples/embed, verbatim, and so are the page's own
// snippet and theming blocks.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { repoRoot } from '../spec/paths.ts';
import { codeBlocks } from './docs-blocks.ts';

const blocks = codeBlocks(readFileSync(join(repoRoot, 'docs/embed.md'), 'utf8'));
const read = (path: string) => readFileSync(join(repoRoot, path), 'utf8').trimEnd();
const sectionBlock = (section: string, language: string) => blocks.find((b) => b.section === section && b.language === language)?.code;

test('every block of docs/embed.md marked as an example is that file, verbatim', () => {
  for (const block of blocks.filter((b) => b.example)) {
    assert.equal(block.code, read(block.example!), `docs/embed.md: the block marked ${block.example} is not that file`);
  }
});

test('docs/embed.md shows the WordPress block and the React, Vue and Svelte examples', () => {
  const shown = new Set(blocks.map((b) => b.example));
  const expected = [
    'examples/embed/wordpress/custom-html-block.html',
    'examples/embed/react/src/cowork-elements.d.ts',
    'examples/embed/react/src/App.tsx',
    'examples/embed/vue/vite.config.ts',
    'examples/embed/vue/src/App.vue',
    'examples/embed/svelte/src/App.svelte',
  ];
  assert.deepEqual(expected.filter((path) => !shown.has(path)), []);
});

test('the snippet is the WordPress block, and the plain HTML example embeds it as is', () => {
  const snippet = sectionBlock('The snippet', 'html');
  assert.equal(snippet, read('examples/embed/wordpress/custom-html-block.html'));
  assert.ok(read('examples/embed/html/index.html').includes(snippet!), 'examples/embed/html/index.html contains the snippet');
});

test('the theming CSS is the stylesheet of the plain HTML example', () => {
  assert.equal(sectionBlock('Theming', 'css'), read('examples/embed/html/theme.css'));
});
