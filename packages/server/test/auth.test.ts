import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { before, describe, test } from 'node:test';
import { createToken, getMe, listMembers, requestSignInCode, revokeToken, updateMember } from '@coworking-commons/client';
import { testDatabases } from './support/databases.ts';
import { seedSpace, spaceFixture } from './support/fixtures.ts';
import { createMemberRecord, lastCodeSentTo, signInMember } from './support/sign-in.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

const start = '2026-12-01T07:00:00.000Z';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => assert.fail('expected the request to fail'),
    (error: { status: number; type: string }) => error,
  );

for (const kind of testDatabases()) {
  describe(`sign-in (${kind})`, () => {
    let server: TestServer;
    let staffKey: string;
    const spaceId = 'la-ruche';
    let counter = 0;
    /** A fresh active member, so tests do not share codes or throttling. */
    const newMember = async (prefix = 'member') => {
      counter += 1;
      const email = `${prefix}.${counter}@example.org`;
      const member = await createMemberRecord(server, spaceId, { email, displayName: `Member ${counter}` });
      return { ...member, email };
    };
    const ask = (email: string, language?: string) => requestSignInCode(server.client(), { path: { spaceId }, body: { email, ...(language ? { language } : {}) } });
    const exchange = (email: string, code: string, space = spaceId) => createToken(server.client(), { path: { spaceId: space }, body: { email, code } });

    before(async () => {
      server = await startTestServer(kind, { now: start });
      ({ staffKey } = await seedSpace(server));
      await seedSpace(server, spaceFixture('le-phare', { name: 'Le Phare', languages: ['en'] }));
    });

    test('a member gets a six-digit code by mail, in the space language, valid 10 minutes', async () => {
      const member = await newMember();
      const before = server.mails.length;
      const response = await ask(member.email);
      assert.equal(response.status, 202);
      assert.deepEqual(response.data, { expiresAt: '2026-12-01T07:10:00.000Z' });
      const mails = server.mails.slice(before);
      assert.equal(mails.length, 1);
      assert.equal(mails[0]!.to, member.email);
      assert.match(mails[0]!.text, /\b\d{6}\b/);
      assert.match(mails[0]!.text, /Voici votre code/, 'French, the first language of the space');
      assert.match(mails[0]!.text, /La Ruche/);
    });

    test('the mail follows the requested language, and English in an English space', async () => {
      const member = await newMember();
      await ask(member.email, 'en');
      assert.match(server.mails.at(-1)!.text, /Here is your code/);
      await createMemberRecord(server, 'le-phare', { email: 'keeper@example.org', displayName: 'Keeper' });
      await requestSignInCode(server.client(), { path: { spaceId: 'le-phare' }, body: { email: 'keeper@example.org' } });
      assert.match(server.mails.at(-1)!.text, /Here is your code/);
      assert.match(server.mails.at(-1)!.text, /Le Phare/);
    });

    test('an unknown address gets exactly the same answer and no mail', async () => {
      const member = await newMember();
      const raw = async (email: string) => {
        const response = await fetch(`${server.url}/spaces/${spaceId}/auth/code`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email }),
        });
        return { status: response.status, type: response.headers.get('content-type'), body: await response.text() };
      };
      const known = await raw(member.email);
      await server.app.background.idle();
      const before = server.mails.length;
      const unknown = await raw('nobody@example.org');
      await server.app.background.idle();
      assert.deepEqual(unknown, known);
      assert.equal(server.mails.length, before, 'no mail for a stranger');
      // The same work was done for the stranger, so a code was stored; it opens nothing.
      const stored = await server.store.db.selectFrom('sign_in_codes').select('code_hash').where('email', '=', 'nobody@example.org').execute();
      assert.equal(stored.length, 1);
      for (const code of ['000000', '123456']) {
        const answer = await fetch(`${server.url}/spaces/${spaceId}/auth/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'nobody@example.org', code }) });
        assert.equal(answer.status, 401);
      }
    });

    test('an inactive member gets no code, and a member of another space none here', async () => {
      const member = await newMember();
      await updateMember(server.client(staffKey), { path: { spaceId, memberId: member.id }, body: { status: 'inactive' } });
      const before = server.mails.length;
      assert.equal((await ask(member.email)).status, 202);
      assert.equal((await ask('keeper@example.org')).status, 202);
      assert.equal(server.mails.length, before);
    });

    test('the email is compared case-insensitively', async () => {
      const member = await newMember();
      await ask(member.email.toUpperCase());
      const code = lastCodeSentTo(server, member.email)!;
      const { status, data } = await exchange(member.email.replace('member', 'MEMBER'), code);
      assert.equal(status, 201);
      assert.equal(data.member.id, member.id);
    });

    test('a code gives a 30-day bearer token, once', async () => {
      const member = await newMember();
      await ask(member.email);
      const code = lastCodeSentTo(server, member.email)!;
      const { status, data } = await exchange(member.email, code);
      assert.equal(status, 201);
      assert.match(data.token, /^cct_/);
      assert.equal(data.tokenType, 'Bearer');
      assert.equal(data.expiresAt, '2026-12-31T07:00:00.000Z');
      assert.deepEqual(data.member, { id: member.id, displayName: member.displayName, role: 'member' });
      const me = await getMe(server.client(data.token), { path: { spaceId } });
      assert.equal(me.data.id, member.id);

      const again = await rejection(exchange(member.email, code));
      assert.equal(again.status, 401, 'a used code is refused');
      assert.equal(again.type, 'urn:coworking-commons:problem:unauthorized');
    });

    test('an expired code is refused', async () => {
      const member = await newMember();
      await ask(member.email);
      const code = lastCodeSentTo(server, member.email)!;
      server.clock.advance(10 * 60_000 + 1);
      try {
        assert.equal((await rejection(exchange(member.email, code))).status, 401);
      } finally {
        server.clock.set(start);
      }
    });

    test('a code works until just before it expires', async () => {
      const member = await newMember();
      await ask(member.email);
      const code = lastCodeSentTo(server, member.email)!;
      server.clock.advance(10 * 60_000 - 1000);
      try {
        assert.equal((await exchange(member.email, code)).status, 201);
      } finally {
        server.clock.set(start);
      }
    });

    test('after five wrong attempts the right code no longer works', async () => {
      const member = await newMember();
      await ask(member.email);
      const code = lastCodeSentTo(server, member.email)!;
      const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
      for (let i = 0; i < 5; i++) assert.equal((await rejection(exchange(member.email, wrong))).status, 401);
      assert.equal((await rejection(exchange(member.email, code))).status, 401);
    });

    test('four wrong attempts still leave the right one', async () => {
      const member = await newMember();
      await ask(member.email);
      const code = lastCodeSentTo(server, member.email)!;
      const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
      for (let i = 0; i < 4; i++) await rejection(exchange(member.email, wrong));
      assert.equal((await exchange(member.email, code)).status, 201);
    });

    test('a new request invalidates the previous code', async () => {
      const member = await newMember();
      await ask(member.email);
      const first = lastCodeSentTo(server, member.email)!;
      await ask(member.email);
      const second = lastCodeSentTo(server, member.email)!;
      if (first !== second) assert.equal((await rejection(exchange(member.email, first))).status, 401);
      assert.equal((await exchange(member.email, second)).status, 201);
    });

    test("a code only works for the address and the space it was sent for", async () => {
      const a = await newMember();
      const b = await newMember();
      await ask(a.email);
      await ask(b.email);
      const codeA = lastCodeSentTo(server, a.email)!;
      assert.equal((await rejection(exchange(b.email, codeA))).status, 401, "A's code is not B's");
      await createMemberRecord(server, 'le-phare', { email: a.email, displayName: 'A at Le Phare' });
      assert.equal((await rejection(exchange(a.email, codeA, 'le-phare'))).status, 401, 'a code of la-ruche does not sign in to le-phare');
      assert.equal((await exchange(a.email, codeA)).status, 201);
    });

    test("a member token of one space is refused by another (401)", async () => {
      const member = await newMember();
      const token = await signInMember(server, spaceId, member.email);
      const error = await rejection(getMe(server.client(token), { path: { spaceId: 'le-phare' } }));
      assert.equal(error.status, 401);
    });

    test('a token stops working after 30 days', async () => {
      const member = await newMember();
      const token = await signInMember(server, spaceId, member.email);
      server.clock.advance(30 * 24 * 3600_000);
      try {
        assert.equal((await rejection(getMe(server.client(token), { path: { spaceId } }))).status, 401);
      } finally {
        server.clock.set(start);
      }
    });

    test('signing out revokes that token only', async () => {
      const member = await newMember();
      const phone = await signInMember(server, spaceId, member.email);
      const laptop = await signInMember(server, spaceId, member.email);
      const { status } = await revokeToken(server.client(phone), { path: { spaceId } });
      assert.equal(status, 204);
      assert.equal((await rejection(getMe(server.client(phone), { path: { spaceId } }))).status, 401, 'a revoked token is refused');
      assert.equal((await rejection(revokeToken(server.client(phone), { path: { spaceId } }))).status, 401);
      assert.equal((await getMe(server.client(laptop), { path: { spaceId } })).data.id, member.id, 'the other token still works');
    });

    test('signing out needs a member token', async () => {
      assert.equal((await rejection(revokeToken(server.client(), { path: { spaceId } }))).status, 401);
      assert.equal((await rejection(revokeToken(server.client(staffKey), { path: { spaceId } }))).status, 401, 'a staff key is no member token (the spec declares no 403 here)');
      assert.equal((await rejection(revokeToken(server.client('cct_forged-token-that-does-not-exist-anywhere'), { path: { spaceId } }))).status, 401);
    });

    test('a member made inactive is signed out at once', async () => {
      const member = await newMember();
      const token = await signInMember(server, spaceId, member.email);
      await updateMember(server.client(staffKey), { path: { spaceId, memberId: member.id }, body: { status: 'inactive' } });
      assert.equal((await rejection(getMe(server.client(token), { path: { spaceId } }))).status, 401);
    });

    test('a member token does not open staff operations', async () => {
      const member = await newMember();
      const token = await signInMember(server, spaceId, member.email);
      assert.equal((await rejection(listMembers(server.client(token), { path: { spaceId } }))).status, 403);
    });

    test('tokens and codes are stored hashed', async () => {
      const member = await newMember();
      await ask(member.email);
      const code = lastCodeSentTo(server, member.email)!;
      const codes = await server.store.db.selectFrom('sign_in_codes').selectAll().where('email', '=', member.email).execute();
      assert.equal(codes.length, 1);
      const codeRow = JSON.stringify(codes[0]);
      assert.ok(!codeRow.includes(`"${code}"`), 'the code is not stored');
      assert.notEqual(codes[0]!.code_hash, sha256(code), 'nor its bare SHA-256 (6 digits are easy to brute-force)');
      assert.match(codes[0]!.code_hash, /^[0-9a-f]{64}$/);

      const { data } = await exchange(member.email, code);
      const tokens = await server.store.db.selectFrom('member_tokens').selectAll().where('member_id', '=', member.id).execute();
      assert.equal(tokens.length, 1);
      assert.ok(!JSON.stringify(tokens).includes(data.token), 'the token is not stored');
      assert.ok(!JSON.stringify(tokens).includes(data.token.slice(4)), 'not even without its prefix');
      assert.equal(tokens[0]!.token_hash, sha256(data.token));
    });

    test('code requests are throttled per address without a different answer', async () => {
      const member = await newMember('throttled');
      const before = server.mails.length;
      const answers = [];
      for (let i = 0; i < 7; i++) answers.push(await ask(member.email));
      assert.ok(answers.every((a) => a.status === 202 && a.data.expiresAt === '2026-12-01T07:10:00.000Z'));
      assert.equal(server.mails.length - before, 5, 'at most five codes per 10 minutes');
      // Another address is not affected.
      const other = await newMember();
      await ask(other.email);
      assert.equal(server.mails.at(-1)!.to, other.email);
      // Ten minutes later, codes are sent again.
      server.clock.advance(10 * 60_000 + 1);
      try {
        const count = server.mails.length;
        await ask(member.email);
        assert.equal(server.mails.length, count + 1);
        assert.equal(server.mails.at(-1)!.to, member.email);
      } finally {
        server.clock.set(start);
      }
    });

    test('codes that were used do not count against the address', async () => {
      const member = await newMember();
      for (let i = 0; i < 7; i++) await signInMember(server, spaceId, member.email);
    });

    test('malformed input is a validation problem', async () => {
      const member = await newMember();
      const badCode = await rejection(exchange(member.email, '12345'));
      assert.equal(badCode.status, 400);
      const badEmail = await rejection(ask('not an email'));
      assert.equal(badEmail.status, 400);
      const unknownSpace = await rejection(requestSignInCode(server.client(), { path: { spaceId: 'nowhere' }, body: { email: member.email } }));
      assert.equal(unknownSpace.status, 404);
    });
  });
}
