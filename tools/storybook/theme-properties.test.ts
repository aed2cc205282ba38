// The theming story offers every custom property the elements document (`@cssprop`, in the
// Custom Elements Manifest), and only those of the theme.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { themeProperties } from '../../stories/support/theme-properties.ts';

interface Manifest {
  modules: { declarations?: { cssProperties?: { name: string }[] }[] }[];
}

test('the theming story has a control for every documented custom property', () => {
  const manifest = JSON.parse(readFileSync(new URL('../../packages/elements/custom-elements.json', import.meta.url), 'utf8')) as Manifest;
  const documented = new Set(manifest.modules.flatMap((m) => m.declarations ?? []).flatMap((d) => d.cssProperties ?? []).map((p) => p.name));
  const offered = new Set(themeProperties.map((p) => p.name));
  assert.deepEqual([...documented].filter((name) => !offered.has(name as `--cowork-${string}`)), []);
  assert.ok(themeProperties.every((p) => p.name.startsWith('--cowork-')));
});

