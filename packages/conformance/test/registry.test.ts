// The check registry: stable, unique ids; a feature the spec knows; a spec section that exists.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checks } from '../src/index.ts';
import { SpecIndex } from '../src/spec.ts';

const spec = new SpecIndex();
const features = new Set<string>(['core', ...spec.spec.components.schemas.Feature.enum]);

test('every check has a unique dotted id, a title and a feature the spec knows', () => {
  const ids = checks.map((check) => check.id);
  assert.deepEqual(ids.filter((id, index) => ids.indexOf(id) !== index), []);
  for (const check of checks) {
    assert.match(check.id, /^[a-z]+(\.[a-z0-9-]+)+$/, check.id);
    assert.ok(check.title.length > 10, check.id);
    for (const feature of [check.feature, ...(check.alsoNeeds ?? [])]) assert.ok(features.has(feature), `${check.id}: unknown feature ${feature}`);
  }
});

test("every check's spec section is an operationId or a JSON pointer into the bundled spec", () => {
  for (const check of checks) {
    if (check.specSection.startsWith('/')) {
      const found = check.specSection
        .slice(1)
        .split('/')
        .reduce((node: any, key) => node?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], spec.spec);
      assert.notEqual(found, undefined, `${check.id}: ${check.specSection} is not in the spec`);
    } else {
      assert.doesNotThrow(() => spec.byId(check.specSection), `${check.id}: no operation ${check.specSection}`);
    }
  }
});

test('responses.schema runs last and fixtures.cleanup just before it, so that they see every answer and fixture', () => {
  assert.deepEqual(checks.slice(-2).map((check) => check.id), ['fixtures.cleanup', 'responses.schema']);
});
