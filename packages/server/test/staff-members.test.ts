import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { createMember, deleteMember, getMe, getMember, listMemberCards, listMembers, updateMember } from '@coworking-commons/client';
import { testDatabases } from './support/databases.ts';
import { seedSpace, spaceFixture } from './support/fixtures.ts';
import { lastCodeSentTo, signInMember } from './support/sign-in.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => assert.fail('expected the request to fail'),
    (error: { status: number; type: string }) => error,
  );

for (const kind of testDatabases()) {
  describe(`staff members (${kind})`, () => {
    let server: TestServer;
    let staffKey: string;
    let otherSpaceKey: string;
    const spaceId = 'la-ruche';
    const create = (body: Parameters<typeof createMember>[1]['body'], key = staffKey, space = spaceId) => createMember(server.client(key), { path: { spaceId: space }, body });

    before(async () => {
      server = await startTestServer(kind, { now: '2026-12-01T07:00:00Z' });
      ({ staffKey } = await seedSpace(server));
      ({ staffKey: otherSpaceKey } = await seedSpace(server, spaceFixture('le-phare', { name: 'Le Phare' })));
    });

    test('staff create a member with defaults; the email is stored lower-cased', async () => {
      const response = await create({ email: 'Lea.Dubois@Example.org', displayName: 'Léa Dubois', company: 'Atelier Dubois', phone: '+33 7 98 76 54 32' });
      assert.equal(response.status, 201);
      const member = response.data;
      assert.equal(response.headers.get('location'), `${server.deps.config.publicUrl}/spaces/${spaceId}/staff/members/${member.id}`);
      assert.deepEqual(member, {
        id: member.id,
        displayName: 'Léa Dubois',
        company: 'Atelier Dubois',
        phone: '+33 7 98 76 54 32',
        skills: [],
        links: [],
        memberSince: '2026-12-01',
        email: 'lea.dubois@example.org',
        status: 'active',
        role: 'member',
        directoryConsent: false,
        createdAt: '2026-12-01T07:00:00.000Z',
        updatedAt: '2026-12-01T07:00:00.000Z',
        version: 1,
      });
      assert.equal(response.headers.get('etag'), '"1"');
      const row = await server.store.db.selectFrom('members').select('email').where('id', '=', member.id).executeTakeFirstOrThrow();
      assert.equal(row.email, 'lea.dubois@example.org');
      assert.deepEqual((await getMember(server.client(staffKey), { path: { spaceId, memberId: member.id } })).data, member);
      // The new member can sign in with any case of the address.
      assert.match(await signInMember(server, spaceId, 'LEA.DUBOIS@example.org'), /^cct_/);
    });

    test('a member created by staff is mailed how to sign in, without a code; an inactive one is not mailed', async () => {
      const count = server.mails.length;
      await create({ email: 'Invited@Example.org', displayName: 'Inès Invitée' });
      const mails = server.mails.slice(count);
      assert.equal(mails.length, 1);
      const [mail] = mails;
      assert.equal(mail!.to, 'invited@example.org');
      assert.match(mail!.subject, /La Ruche/);
      assert.match(mail!.text, /Inès Invitée/);
      assert.match(mail!.text, /invited@example\.org/);
      assert.match(mail!.text, /code/);
      assert.doesNotMatch(mail!.text, /\b\d{6}\b/, 'no sign-in code: the member asks for one');
      await create({ email: 'former@example.org', displayName: 'Former', status: 'inactive' });
      assert.equal(server.mails.slice(count).filter((m) => m.to === 'former@example.org').length, 0);
      await rejection(create({ email: 'invited@example.org', displayName: 'Twice' }));
      assert.equal(server.mails.slice(count).length, 1, 'a refused creation mails nobody');
    });

    test("memberSince defaults to today in the space's time zone", async () => {
      server.clock.set('2026-12-01T23:30:00Z'); // already 2 December in Paris
      try {
        const { data } = await create({ email: 'night.owl@example.org', displayName: 'Night Owl' });
        assert.equal(data.memberSince, '2026-12-02');
        const imported = await create({ email: 'old.timer@example.org', displayName: 'Old Timer', memberSince: '2019-05-01', status: 'inactive', directoryConsent: true });
        assert.equal(imported.data.memberSince, '2019-05-01');
        assert.equal(imported.data.status, 'inactive');
        assert.equal(imported.data.directoryConsent, true);
      } finally {
        server.clock.set('2026-12-01T07:00:00Z');
      }
    });

    test('an email already taken in the space is a 409 conflict, whatever its case', async () => {
      await create({ email: 'taken@example.org', displayName: 'First' });
      const error = await rejection(create({ email: 'TAKEN@example.org', displayName: 'Second' }));
      assert.equal(error.status, 409);
      assert.equal(error.type, 'urn:coworking-commons:problem:conflict');
      const { data } = await listMembers(server.client(staffKey), { path: { spaceId }, query: { q: 'taken@' } });
      assert.deepEqual(data.items.map((m) => m.displayName), ['First'], 'nothing half-written');
      assert.equal((await create({ email: 'taken@example.org', displayName: 'Elsewhere' }, otherSpaceKey, 'le-phare')).status, 201, 'another space may have the same address');
    });

    test('staff list every member, consenting or not, with search, status filter and pages', async () => {
      for (const [displayName, email, status, company] of [
        ['Anna Lindqvist', 'anna@lindqvist.example', 'active', 'Nordic Ateliers'],
        ['Bruno Costa', 'bruno@costa.example', 'inactive', 'Costa & Co'],
        ['Chloé Petit', 'chloe@petit.example', 'active', 'Nordic Ateliers'],
      ] as const) {
        await create({ email, displayName, status, company });
      }
      const all = await listMembers(server.client(staffKey), { path: { spaceId }, query: { limit: 100 } });
      const names = all.data.items.map((m) => m.displayName);
      assert.ok(['Anna Lindqvist', 'Bruno Costa', 'Chloé Petit'].every((n) => names.includes(n)));
      const initials = names.map((n) => n[0]!);
      assert.deepEqual(initials, [...initials].sort(), 'ordered by display name');
      assert.ok(all.data.items.every((m) => typeof m.email === 'string'), 'full records, with emails');
      assert.ok(all.data.items.some((m) => !m.directoryConsent), 'including members without directory consent');

      const search = async (query: { q?: string; status?: 'active' | 'inactive' }) =>
        (await listMembers(server.client(staffKey), { path: { spaceId }, query })).data.items.map((m) => m.displayName);
      assert.deepEqual(await search({ q: 'nordic' }), ['Anna Lindqvist', 'Chloé Petit'], 'by company');
      assert.deepEqual(await search({ q: 'costa.example' }), ['Bruno Costa'], 'by email');
      assert.deepEqual(await search({ q: 'CHLOE' }), ['Chloé Petit'], 'by name, without case or accents');
      assert.deepEqual(await search({ q: 'nordic', status: 'inactive' }), []);
      assert.deepEqual(await search({ q: 'costa', status: 'inactive' }), ['Bruno Costa']);
      assert.ok((await search({ status: 'active' })).every((n) => n !== 'Bruno Costa'));

      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const { data } = await listMembers(server.client(staffKey), { path: { spaceId }, query: { limit: 2, ...(cursor ? { cursor } : {}) } });
        seen.push(...data.items.map((m) => m.id));
        cursor = data.nextCursor;
      } while (cursor);
      assert.deepEqual(seen, all.data.items.map((m) => m.id), 'pages add up to the whole list, in order');
    });

    test('staff update a member; null removes a field; a taken email is a 409', async () => {
      const { data: member } = await create({ email: 'marc@example.org', displayName: 'Marc', phone: '+33 6 00 00 00 00', headline: 'Photographe' });
      server.clock.advance(60_000);
      const { data } = await updateMember(server.client(staffKey), {
        path: { spaceId, memberId: member.id },
        body: { phone: null, headline: 'Photographe & vidéaste', directoryConsent: true, skills: ['photo'] },
      });
      assert.equal(data.phone, undefined);
      assert.equal(data.headline, 'Photographe & vidéaste');
      assert.equal(data.directoryConsent, true);
      assert.deepEqual(data.skills, ['photo']);
      assert.equal(data.email, 'marc@example.org');
      assert.equal(data.createdAt, member.createdAt);
      assert.notEqual(data.updatedAt, member.updatedAt);
      assert.deepEqual((await getMember(server.client(staffKey), { path: { spaceId, memberId: member.id } })).data, data);
      const cards = await listMemberCards(server.client(), { path: { spaceId }, query: { q: 'videaste' } });
      assert.deepEqual(cards.data.items.map((c) => c.id), [member.id]);

      await create({ email: 'occupied@example.org', displayName: 'Occupied' });
      const error = await rejection(updateMember(server.client(staffKey), { path: { spaceId, memberId: member.id }, body: { email: 'Occupied@example.org' } }));
      assert.equal(error.status, 409);
      const same = await updateMember(server.client(staffKey), { path: { spaceId, memberId: member.id }, body: { email: 'MARC@example.org' } });
      assert.equal(same.data.email, 'marc@example.org', 'its own address is not a conflict');
    });

    test('a new email is the sign-in identity from then on', async () => {
      const { data: member } = await create({ email: 'before@example.org', displayName: 'Changing' });
      await updateMember(server.client(staffKey), { path: { spaceId, memberId: member.id }, body: { email: 'After@example.org' } });
      const count = server.mails.length;
      await signInMember(server, spaceId, 'after@example.org');
      await rejection(signInMember(server, spaceId, 'before@example.org'));
      assert.equal(server.mails.slice(count).filter((m) => m.to === 'before@example.org').length, 0);
      assert.equal(lastCodeSentTo(server, 'before@example.org'), undefined);
    });

    test('making a member inactive signs them out everywhere; the record stays', async () => {
      const { data: member } = await create({ email: 'pause@example.org', displayName: 'Pause' });
      const token = await signInMember(server, spaceId, 'pause@example.org');
      const { data } = await updateMember(server.client(staffKey), { path: { spaceId, memberId: member.id }, body: { status: 'inactive' } });
      assert.equal(data.status, 'inactive');
      assert.equal((await rejection(getMe(server.client(token), { path: { spaceId } }))).status, 401);
      assert.equal((await server.store.db.selectFrom('member_tokens').select('token_hash').where('member_id', '=', member.id).execute()).length, 0);
      await rejection(signInMember(server, spaceId, 'pause@example.org'));
      await updateMember(server.client(staffKey), { path: { spaceId, memberId: member.id }, body: { status: 'active' } });
      assert.match(await signInMember(server, spaceId, 'pause@example.org'), /^cct_/, 'reactivated, they sign in again');
    });

    test("deleting a member erases their data; the record is gone", async () => {
      const { data: member } = await create({ email: 'gone@example.org', displayName: 'Soon Gone', phone: '+33 6 11 11 11 11', directoryConsent: true, company: 'Gone Inc' });
      const token = await signInMember(server, spaceId, 'gone@example.org');
      const { status } = await deleteMember(server.client(staffKey), { path: { spaceId, memberId: member.id } });
      assert.equal(status, 204);
      const row = await server.store.db.selectFrom('members').selectAll().where('id', '=', member.id).executeTakeFirstOrThrow();
      assert.equal(row.email, null);
      assert.equal(row.display_name, 'Former member');
      assert.equal(row.status, 'inactive');
      assert.equal(row.directory_consent, 0);
      assert.ok(!row.document.includes('Gone Inc') && !row.document.includes('+33'));
      assert.ok(!row.search_text.includes('gone'));
      assert.equal((await rejection(getMe(server.client(token), { path: { spaceId } }))).status, 401);
      assert.equal((await rejection(getMember(server.client(staffKey), { path: { spaceId, memberId: member.id } }))).status, 404);
      assert.equal((await rejection(updateMember(server.client(staffKey), { path: { spaceId, memberId: member.id }, body: { status: 'active' } }))).status, 404);
      assert.equal((await rejection(deleteMember(server.client(staffKey), { path: { spaceId, memberId: member.id } }))).status, 404);
      const { data } = await listMembers(server.client(staffKey), { path: { spaceId }, query: { limit: 100 } });
      assert.ok(!data.items.some((m) => m.id === member.id));
      assert.equal((await create({ email: 'gone@example.org', displayName: 'Back Again' })).status, 201, 'the address is free again');
    });

    test('unknown members and members of another space are 404', async () => {
      const { data: foreign } = await create({ email: 'foreign@example.org', displayName: 'Foreign' }, otherSpaceKey, 'le-phare');
      for (const memberId of ['mb_nobody', foreign.id]) {
        assert.equal((await rejection(getMember(server.client(staffKey), { path: { spaceId, memberId } }))).status, 404);
        assert.equal((await rejection(updateMember(server.client(staffKey), { path: { spaceId, memberId }, body: { displayName: 'X' } }))).status, 404);
        assert.equal((await rejection(deleteMember(server.client(staffKey), { path: { spaceId, memberId } }))).status, 404);
      }
      assert.equal((await getMember(server.client(otherSpaceKey), { path: { spaceId: 'le-phare', memberId: foreign.id } })).data.displayName, 'Foreign');
    });

    test('members, anonymous callers and other spaces cannot use staff operations', async () => {
      const { data: target } = await create({ email: 'target@example.org', displayName: 'Target', phone: '+33 6 22 22 22 22' });
      await create({ email: 'nosy@example.org', displayName: 'Nosy' });
      const nosy = await signInMember(server, spaceId, 'nosy@example.org');
      const calls = [
        (c: ReturnType<TestServer['client']>) => listMembers(c, { path: { spaceId } }),
        (c: ReturnType<TestServer['client']>) => createMember(c, { path: { spaceId }, body: { email: 'sneaky@example.org', displayName: 'Sneaky' } }),
        (c: ReturnType<TestServer['client']>) => getMember(c, { path: { spaceId, memberId: target.id } }),
        (c: ReturnType<TestServer['client']>) => updateMember(c, { path: { spaceId, memberId: target.id }, body: { email: 'nosy.takeover@example.org' } }),
        (c: ReturnType<TestServer['client']>) => deleteMember(c, { path: { spaceId, memberId: target.id } }),
      ];
      for (const call of calls) {
        assert.equal((await rejection(call(server.client(nosy)))).status, 403, 'a member token is not a staff key');
        assert.equal((await rejection(call(server.client()))).status, 401);
        assert.equal((await rejection(call(server.client(otherSpaceKey)))).status, 401, "another space's key");
      }
      const { data } = await getMember(server.client(staffKey), { path: { spaceId, memberId: target.id } });
      assert.equal(data.email, 'target@example.org', 'nothing changed');
      assert.equal(data.status, 'active');
    });

    test('bad input is a validation problem', async () => {
      assert.equal((await rejection(create({ email: 'not-an-email', displayName: 'X' }))).status, 400);
      assert.equal((await rejection(create({ email: 'ok@example.org', displayName: '' }))).status, 400);
      assert.equal((await rejection(create({ email: 'ok@example.org', displayName: 'X', skills: ['Not A Tag'] }))).status, 400);
      const { data: member } = await create({ email: 'valid@example.org', displayName: 'Valid' });
      assert.equal((await rejection(updateMember(server.client(staffKey), { path: { spaceId, memberId: member.id }, body: {} }))).status, 400);
      assert.equal((await rejection(updateMember(server.client(staffKey), { path: { spaceId, memberId: member.id }, body: { status: 'gone' as never } }))).status, 400);
    });
  });
}
