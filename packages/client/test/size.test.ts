import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readFileSync } from 'node:fs';
import { kB, measureBundles, type BundleSize } from '../../../tools/browser/measure.ts';
import { sizeEntries } from '../scripts/size-entries.ts';

const sizes = new Map<string, BundleSize>(
  (await measureBundles(Object.fromEntries(Object.entries(sizeEntries).map(([name, e]) => [name, e.source])))).map((s) => [s.name, s]),
);
const routes = [...readFileSync(new URL('../src/generated/operations.ts', import.meta.url), 'utf8').matchAll(/operation\("([A-Z]+ [^"]+)"/g)].map((m) => m[1]!);

/** Whether the minified code holds the route as a whole string literal. */
const holds = (code: string, route: string) => ['"', "'", '`'].some((q) => code.includes(`${q}${route}${q}`));

for (const [name, { budget }] of Object.entries(sizeEntries)) {
  test(`${name} stays within ${kB(budget)} gzip`, () => {
    const { gzip } = sizes.get(name)!;
    assert.ok(gzip <= budget, `${name} is ${kB(gzip)} gzip, over its budget of ${kB(budget)}`);
  });
}

test('the full bundle holds every operation', () => {
  const { code } = sizes.get('client-all')!;
  for (const route of routes) assert.ok(holds(code, route), `missing ${route}`);
});

test('a bundle that imports a few operations does not pay for the others', () => {
  const { code } = sizes.get('client-booking-subset')!;
  const kept = routes.filter((route) => holds(code, route));
  assert.deepEqual(kept.sort(), [
    'GET /spaces/{spaceId}',
    'GET /spaces/{spaceId}/availability',
    'GET /spaces/{spaceId}/resources',
    'POST /spaces/{spaceId}/bookings',
    'POST /spaces/{spaceId}/bookings/{bookingId}/cancel',
    'POST /spaces/{spaceId}/quotes',
  ]);
  assert.ok(sizes.get('client-booking-subset')!.gzip < sizes.get('client-all')!.gzip);
});
