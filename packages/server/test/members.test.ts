import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { getMemberCard, listMemberCards, updateMe, updateMember, type components } from '@coworking-commons/client';
import { testDatabases } from './support/databases.ts';
import { seedSpace, spaceFixture } from './support/fixtures.ts';
import { createMemberRecord, signInMember } from './support/sign-in.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

type Policies = components['schemas']['Space']['policies'];
const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => assert.fail('expected the request to fail'),
    (error: { status: number; type: string }) => error,
  );

for (const kind of testDatabases()) {
  describe(`member directory (${kind})`, () => {
    let server: TestServer;
    let staffKey: string;
    const spaceId = 'la-ruche';
    const ids: Record<string, string> = {};
    const policies = (directoryVisibility: Policies['directoryVisibility']) => ({ ...spaceFixture().policies, directoryVisibility });

    before(async () => {
      server = await startTestServer(kind, { now: '2026-12-01T07:00:00Z' });
      ({ staffKey } = await seedSpace(server));
      const add = async (key: string, input: Parameters<typeof createMemberRecord>[2]) => {
        ids[key] = (await createMemberRecord(server, spaceId, input)).id;
      };
      await add('camille', {
        email: 'camille@example.org',
        displayName: 'Camille Martin',
        directoryConsent: true,
        headline: 'Designer UX freelance',
        company: 'Studio Lumen',
        skills: ['ux-design', 'accessibility'],
        phone: '+33 6 12 34 56 78',
        bio: 'Accessibilité avant tout.',
        links: [{ kind: 'website', url: 'https://studio-lumen.example/' }],
        memberSince: '2024-03-01',
      });
      await add('lea', { email: 'lea@example.org', displayName: 'Léa Dubois', directoryConsent: true, company: 'Atelier Dubois', skills: ['accounting'] });
      await add('yanis', { email: 'yanis@example.org', displayName: 'Yanis Benali', directoryConsent: true, headline: 'Développeur backend', skills: ['python', 'postgresql'] });
      await add('odd', { email: 'odd@example.org', displayName: 'Zoé 100% Fun_Co', directoryConsent: true, company: 'Under_score' });
      await add('hugo', { email: 'hugo@example.org', displayName: 'Hugo Martinez', directoryConsent: false, company: 'Studio Lumen' });
      await add('former', { email: 'former@example.org', displayName: 'Albert Former', directoryConsent: true, status: 'inactive' });
      // Another space, with a members-only directory, and one whose directory is for staff only.
      await seedSpace(server, spaceFixture('le-phare', { name: 'Le Phare', policies: policies('members') }));
      await seedSpace(server, spaceFixture('la-cave', { name: 'La Cave', policies: policies('staff') }));
      ids.phare = (await createMemberRecord(server, 'le-phare', { email: 'nina@example.org', displayName: 'Nina Phare', directoryConsent: true })).id;
    });

    const list = (query: { q?: string; skill?: string; limit?: number; cursor?: string } = {}, token?: string, space = spaceId) =>
      listMemberCards(server.client(token), { path: { spaceId: space }, query });
    const names = async (query: Parameters<typeof list>[0]) => (await list(query)).data.items.map((card) => card.displayName);

    test('only active members who consented, ordered by name, without private fields', async () => {
      const { data } = await list();
      assert.deepEqual(
        data.items.map((card) => card.displayName),
        ['Camille Martin', 'Léa Dubois', 'Yanis Benali', 'Zoé 100% Fun_Co'],
      );
      const camille = data.items[0]!;
      assert.deepEqual(camille, {
        id: ids.camille,
        displayName: 'Camille Martin',
        headline: 'Designer UX freelance',
        company: 'Studio Lumen',
        bio: 'Accessibilité avant tout.',
        skills: ['ux-design', 'accessibility'],
        links: [{ kind: 'website', url: 'https://studio-lumen.example/' }],
        memberSince: '2024-03-01',
      });
      const body = JSON.stringify(data);
      for (const secret of ['@example.org', '+33', 'directoryConsent', 'status', 'email', 'phone']) assert.ok(!body.includes(secret), `no ${secret} in cards`);
    });

    test('search looks in names, companies, headlines and skills, ignoring case and accents', async () => {
      assert.deepEqual(await names({ q: 'MARTIN' }), ['Camille Martin'], 'Hugo Martinez did not consent');
      assert.deepEqual(await names({ q: 'lumen' }), ['Camille Martin']);
      assert.deepEqual(await names({ q: 'developpeur' }), ['Yanis Benali'], 'accents are ignored');
      assert.deepEqual(await names({ q: 'LÉA' }), ['Léa Dubois']);
      assert.deepEqual(await names({ q: 'postgres' }), ['Yanis Benali'], 'skills are searched');
      assert.deepEqual(await names({ q: 'studio ux' }), ['Camille Martin'], 'every word must match');
      assert.deepEqual(await names({ q: 'studio python' }), []);
      assert.deepEqual(await names({ q: 'camille@example.org' }), [], 'emails are not searched');
      assert.deepEqual(await names({ q: 'former' }), [], 'inactive members are not found');
    });

    test('LIKE wildcards in the search are plain characters', async () => {
      assert.deepEqual(await names({ q: '%' }), ['Zoé 100% Fun_Co']);
      assert.deepEqual(await names({ q: '_' }), ['Zoé 100% Fun_Co']);
      assert.deepEqual(await names({ q: 'studio_lumen' }), [], '_ does not match any one character');
      assert.deepEqual(await names({ q: 'm%n' }), [], '% does not match any text');
      assert.deepEqual(await names({ q: '\\' }), []);
    });

    test('the skill filter keeps members with that exact skill', async () => {
      assert.deepEqual(await names({ skill: 'accessibility' }), ['Camille Martin']);
      assert.deepEqual(await names({ skill: 'python' }), ['Yanis Benali']);
      assert.deepEqual(await names({ skill: 'postgres' }), [], 'not a prefix match');
      assert.deepEqual(await names({ skill: 'accounting', q: 'dubois' }), ['Léa Dubois']);
      assert.deepEqual(await names({ skill: 'accounting', q: 'martin' }), []);
    });

    test('pages follow each other by name, without repeats', async () => {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const { data } = await list({ limit: 1, ...(cursor ? { cursor } : {}) });
        assert.equal(data.items.length, 1);
        seen.push(data.items[0]!.displayName);
        cursor = data.nextCursor;
      } while (cursor);
      assert.deepEqual(seen, ['Camille Martin', 'Léa Dubois', 'Yanis Benali', 'Zoé 100% Fun_Co']);
      const { data } = await list({ limit: 3 });
      assert.equal(data.items.length, 3);
      const rest = await list({ limit: 3, cursor: data.nextCursor! });
      assert.deepEqual(rest.data.items.map((c) => c.displayName), ['Zoé 100% Fun_Co']);
      assert.equal(rest.data.nextCursor, undefined);
      assert.equal((await rejection(list({ cursor: 'garbage' }))).status, 400);
      assert.equal((await rejection(list({ cursor: Buffer.from('[1,2]').toString('base64url') }))).status, 400);
    });

    test('a card is public when the directory is', async () => {
      const { data } = await getMemberCard(server.client(), { path: { spaceId, memberId: ids.camille! } });
      assert.equal(data.displayName, 'Camille Martin');
      assert.equal((data as Record<string, unknown>).email, undefined);
      assert.equal((data as Record<string, unknown>).phone, undefined);
    });

    test('no card for a member without consent, an inactive one, an unknown id or another space', async () => {
      for (const memberId of [ids.hugo!, ids.former!, 'mb_unknown', ids.phare!]) {
        const error = await rejection(getMemberCard(server.client(staffKey), { path: { spaceId, memberId } }));
        assert.equal(error.status, 404, memberId);
        assert.equal(error.type, 'urn:coworking-commons:problem:not-found');
      }
    });

    test('a members-only directory needs a member token or a staff key of that space', async () => {
      const anonymous = await rejection(list({}, undefined, 'le-phare'));
      assert.equal(anonymous.status, 401);
      assert.equal((await rejection(getMemberCard(server.client(), { path: { spaceId: 'le-phare', memberId: ids.phare! } }))).status, 401);

      const nina = await signInMember(server, 'le-phare', 'nina@example.org');
      assert.deepEqual((await list({}, nina, 'le-phare')).data.items.map((c) => c.displayName), ['Nina Phare']);
      assert.equal((await getMemberCard(server.client(nina), { path: { spaceId: 'le-phare', memberId: ids.phare! } })).data.id, ids.phare);

      const { staffKey: phareKey } = await seedSpace(server, spaceFixture('le-phare', { name: 'Le Phare', policies: policies('members') }));
      assert.equal((await list({}, phareKey, 'le-phare')).status, 200);

      const camille = await signInMember(server, spaceId, 'camille@example.org');
      assert.equal((await rejection(list({}, camille, 'le-phare'))).status, 401, "a member of another space is nobody here");
      assert.equal((await rejection(list({}, staffKey, 'le-phare'))).status, 401, "nor is another space's staff");
    });

    test('a staff-only directory refuses members (403) and anonymous callers (401)', async () => {
      const { staffKey: caveKey } = await seedSpace(server, spaceFixture('la-cave', { name: 'La Cave', policies: policies('staff') }));
      const bob = await createMemberRecord(server, 'la-cave', { email: 'bob@example.org', displayName: 'Bob Cave', directoryConsent: true });
      const token = await signInMember(server, 'la-cave', 'bob@example.org');
      assert.equal((await rejection(list({}, undefined, 'la-cave'))).status, 401);
      assert.equal((await rejection(list({}, token, 'la-cave'))).status, 403);
      assert.equal((await rejection(getMemberCard(server.client(token), { path: { spaceId: 'la-cave', memberId: bob.id } }))).status, 403);
      assert.deepEqual((await list({}, caveKey, 'la-cave')).data.items.map((c) => c.id), [bob.id]);
      assert.equal((await getMemberCard(server.client(caveKey), { path: { spaceId: 'la-cave', memberId: bob.id } })).data.id, bob.id);
    });

    test('withdrawing consent removes the card at once; giving it adds it', async () => {
      const token = await signInMember(server, spaceId, 'yanis@example.org');
      await updateMe(server.client(token), { path: { spaceId }, body: { directoryConsent: false } });
      assert.ok(!(await names({})).includes('Yanis Benali'));
      assert.equal((await rejection(getMemberCard(server.client(), { path: { spaceId, memberId: ids.yanis! } }))).status, 404);
      await updateMe(server.client(token), { path: { spaceId }, body: { directoryConsent: true, headline: 'Développeur Rust' } });
      assert.deepEqual(await names({ q: 'rust' }), ['Yanis Benali'], 'the search follows profile changes');
      assert.deepEqual(await names({ q: 'backend' }), []);
    });

    test('a member made inactive leaves the directory', async () => {
      const { id } = await createMemberRecord(server, spaceId, { email: 'leaving@example.org', displayName: 'Leaving Soon', directoryConsent: true });
      assert.ok((await names({})).includes('Leaving Soon'));
      await updateMember(server.client(staffKey), { path: { spaceId, memberId: id }, body: { status: 'inactive' } });
      assert.ok(!(await names({})).includes('Leaving Soon'));
      assert.equal((await rejection(getMemberCard(server.client(), { path: { spaceId, memberId: id } }))).status, 404);
    });
  });
}
