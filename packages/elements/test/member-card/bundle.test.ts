// What the member card and directory bundles hold (their byte budgets are in size-budgets.ts,
// enforced by test/size.test.ts): only the operations they use.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { measureBundles } from '../../../../tools/browser/measure.ts';

const src = new URL('../../src/', import.meta.url).pathname;
const [card, directory] = await measureBundles({
  card: `import '${src}member-card/define.ts';`,
  directory: `import '${src}member-directory/define.ts';`,
});

test('the card pays for getMemberCard, getMe and updateMe only', () => {
  for (const route of ['GET /spaces/{spaceId}/members/{memberId}', 'GET /spaces/{spaceId}/me', 'PATCH /spaces/{spaceId}/me']) assert.ok(card!.code.includes(route), route);
  assert.doesNotMatch(card!.code, /GET \/spaces\/\{spaceId\}\/members["'`]/, 'listMemberCards');
  for (const route of ['POST /spaces/{spaceId}/bookings', 'GET /spaces/{spaceId}/events']) assert.ok(!card!.code.includes(route), route);
  assert.match(card!.code, /cowork-member-card/);
});

test('the directory adds listMemberCards, and the card', () => {
  assert.match(directory!.code, /GET \/spaces\/\{spaceId\}\/members["'`]/, 'listMemberCards');
  assert.match(directory!.code, /cowork-member-directory/);
  assert.match(directory!.code, /cowork-member-card/);
});
