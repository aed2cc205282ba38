import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { bundledJson } from './paths.ts';
import { renderReference } from './reference.ts';

const html = renderReference(JSON.parse(readFileSync(bundledJson, 'utf8')));

test('the reference loads nothing from outside: no external script, stylesheet, font or image', () => {
  const external = [...html.matchAll(/<(script|link|img|iframe)\b[^>]*\b(?:src|href)\s*=\s*["']?(?:https?:)?\/\//gi)].map((m) => m[0]);
  assert.deepEqual(external, []);
  assert.doesNotMatch(html, /@import\s+url\(\s*["']?(?:https?:)?\/\//i);
  assert.doesNotMatch(html, /fonts\.googleapis/i);
});

test('a Content-Security-Policy forbids every outside origin', () => {
  const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
  assert.ok(policy, 'no policy');
  assert.match(policy, /default-src 'none'/);
  assert.doesNotMatch(policy, /https?:|\*/);
});

test('the reference inlines the spec and cannot be broken out of its script tag', () => {
  assert.match(html, /Redoc\.init\(\{"openapi":"3\.1\.0"/);
  const inits = html.slice(html.lastIndexOf('<script>'));
  assert.doesNotMatch(inits.slice('<script>'.length, inits.lastIndexOf('</script>')), /<\/script/i);
});
