// No template writes a `style` attribute: a page whose Content-Security-Policy has no
// 'unsafe-inline' in style-src blocks them. Styles that depend on data go through the `.style`
// property (the CSSOM), which CSP allows; tools/embed runs the snippet under such a policy.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const src = new URL('../src/', import.meta.url).pathname;

test('no element template sets a style attribute', () => {
  const offenders: string[] = [];
  for (const file of readdirSync(src, { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.ts') || file.includes('generated')) continue;
    readFileSync(join(src, file), 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (/[\s"'`]style=/.test(line)) offenders.push(`${file}:${i + 1}: ${line.trim()}`);
      });
  }
  assert.deepEqual(offenders, []);
});
