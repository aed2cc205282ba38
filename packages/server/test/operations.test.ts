import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadSpec } from '../src/app.ts';
import { allHandlers } from '../src/handlers/index.ts';

test('every operation of the spec has a handler', () => {
  const spec = loadSpec();
  const operationIds = Object.values<any>(spec.paths).flatMap((item) =>
    ['get', 'put', 'post', 'patch', 'delete'].filter((m) => item[m]).map((m) => item[m].operationId as string),
  );
  const handlers = allHandlers({} as never);
  const missing = operationIds.filter((id) => typeof (handlers as Record<string, unknown>)[id] !== 'function');
  assert.deepEqual(missing, [], `operations without a handler: ${missing.join(', ')}`);
  const unknown = Object.keys(handlers).filter((id) => !operationIds.includes(id));
  assert.deepEqual(unknown, [], 'handlers for no operation of the spec');
});
