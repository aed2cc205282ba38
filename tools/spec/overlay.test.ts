import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parse } from 'yaml';
import { applyOverlay } from './overlay.ts';
import { bundledJson, repoRoot } from './paths.ts';

const core = JSON.parse(readFileSync(bundledJson, 'utf8'));
const example = parse(readFileSync(`${repoRoot}examples/space-overlay/overlay.yaml`, 'utf8'));

test('the example overlay adds its field and endpoint and leaves the core document untouched', async () => {
  const extended = await applyOverlay(core, example);
  assert.deepEqual(extended.components.schemas.Resource.properties['x-phare-lockers'], { $ref: '#/components/schemas/PhareLockerAllowance' });
  assert.equal(extended.paths['/spaces/{spaceId}/x-phare/lockers'].get.operationId, 'phareListLockers');
  assert.equal(core.paths['/spaces/{spaceId}/x-phare/lockers'], undefined);
  assert.equal(core.components.schemas.Resource.properties['x-phare-lockers'], undefined);
});

test('the committed extended spec is what the overlay gives', async () => {
  const committed = JSON.parse(readFileSync(`${repoRoot}examples/space-overlay/generated/openapi.json`, 'utf8'));
  assert.deepEqual(committed, await applyOverlay(core, example));
});

test('an action whose target matches nothing is an error, not a silent no-op', async () => {
  const typo = { overlay: '1.0.0', info: { title: 't', version: '1' }, actions: [{ target: '$.components.schemas.Resourse.properties', update: { 'x-a-b': {} } }] };
  await assert.rejects(applyOverlay(core, typo), /matched nothing: \$\.components\.schemas\.Resourse\.properties/);
});

test('an unsupported overlay version is refused', async () => {
  await assert.rejects(applyOverlay(core, { overlay: '2.0.0', info: { title: 't', version: '1' }, actions: [] }), /Unsupported overlay version/);
});
