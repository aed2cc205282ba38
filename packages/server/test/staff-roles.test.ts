import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, describe, test } from 'node:test';
import {
  confirmBooking,
  createApiKey,
  createBooking,
  createMember,
  createResource,
  createToken,
  deleteMember,
  eraseMe,
  getMe,
  listApiKeys,
  listBookings,
  listMembers,
  requestSignInCode,
  updateMember,
} from '@coworking-commons/client';
import { issueApiKey } from '../src/services/api-keys.ts';
import { assertProblem, fail } from './support/booking-fixtures.ts';
import { testDatabases } from './support/databases.ts';
import { seedSpace } from './support/fixtures.ts';
import { createMemberRecord, lastCodeSentTo, signInMember } from './support/sign-in.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

for (const kind of testDatabases()) {
  describe(`staff and roles (${kind})`, () => {
    let server: TestServer;
    const spaceId = 'la-ruche';
    let adminId: string;
    let adminToken: string;
    let staffToken: string;
    let memberId: string;
    let memberToken: string;
    let n = 0;
    const newPerson = async (role: 'member' | 'staff' | 'admin') => {
      const email = `${role}${++n}@example.org`;
      const person = await createMemberRecord(server, spaceId, { email, displayName: `${role} ${n}`, role });
      return { id: person.id, email, token: await signInMember(server, spaceId, email) };
    };

    before(async () => {
      server = await startTestServer(kind, { now: '2026-12-01T07:00:00Z' });
      await seedSpace(server);
      ({ id: adminId, token: adminToken } = await newPerson('admin'));
      ({ token: staffToken } = await newPerson('staff'));
      ({ id: memberId, token: memberToken } = await newPerson('member'));
    });

    test('staff sign in with the same one-time code as members; the token says their role', async () => {
      await createMemberRecord(server, spaceId, { email: 'desk@example.org', displayName: 'Desk', role: 'staff' });
      await requestSignInCode(server.client(), { path: { spaceId }, body: { email: 'desk@example.org' } });
      const { data } = await createToken(server.client(), { path: { spaceId }, body: { email: 'desk@example.org', code: lastCodeSentTo(server, 'desk@example.org')! } });
      assert.equal(data.member.role, 'staff');
      assert.match(data.token, /^cct_/);
      const me = await getMe(server.client(data.token), { path: { spaceId } });
      assert.equal(me.data.role, 'staff', 'a staff person is a member of the space too: their own record opens');
    });

    test('a staff token is accepted where a staff key is, with every scope but admin', async () => {
      const staff = server.client(staffToken);
      assert.equal((await listMembers(staff, { path: { spaceId } })).status, 200);
      const { data: room } = await createResource(staff, { path: { spaceId }, body: { type: 'meeting_room', name: 'Salle Alvéole', capacity: 8, rules: { approvalRequired: true } } });
      const { data: booking } = await createBooking(server.client(memberToken), {
        path: { spaceId },
        body: { resourceId: room.id, start: '2026-12-02T09:00:00Z', end: '2026-12-02T10:00:00Z' },
        header: { 'Idempotency-Key': randomUUID() },
      });
      assert.equal(booking.status, 'pending');
      const confirmed = await confirmBooking(staff, { path: { spaceId, bookingId: booking.id }, header: { 'If-Match': '"1"' } });
      assert.equal(confirmed.data.status, 'confirmed');
      const all = await listBookings(staff, { path: { spaceId } });
      assert.ok(all.data.items.some((b) => b.id === booking.id), 'staff see every booking, not only their own');

      const error = await fail(listApiKeys(staff, { path: { spaceId } }));
      assertProblem(error, 403, 'forbidden');
      assert.match(error.problem.detail, /role is staff lacks the "admin" scope/);
    });

    test('an admin token manages API keys', async () => {
      const admin = server.client(adminToken);
      const { data: key } = await createApiKey(admin, { path: { spaceId }, body: { name: 'By the admin', scopes: ['read'] } });
      assert.ok((await listApiKeys(admin, { path: { spaceId }, query: { limit: 100 } })).data.items.some((k) => k.id === key.id));
    });

    test("staff list the space's staff and admins by role", async () => {
      const names = async (role: 'member' | 'staff' | 'admin') =>
        (await listMembers(server.client(staffToken), { path: { spaceId }, query: { role, limit: 100 } })).data.items.map((m) => [m.role, m.id] as const);
      const admins = await names('admin');
      assert.ok(admins.length >= 1 && admins.every(([role]) => role === 'admin'));
      assert.ok(admins.some(([, id]) => id === adminId));
      assert.ok((await names('staff')).every(([role]) => role === 'staff'));
      assert.ok((await names('member')).some(([, id]) => id === memberId));
    });

    test('a member token still opens no staff operation', async () => {
      assertProblem(await fail(listMembers(server.client(memberToken), { path: { spaceId } })), 403, 'forbidden');
      assertProblem(await fail(listApiKeys(server.client(memberToken), { path: { spaceId } })), 403, 'forbidden');
    });

    test('only an admin grants a role; the new rights hold at once, on the token already issued', async () => {
      const person = await newPerson('member');
      for (const client of [server.client(staffToken), server.client(await issueApiKey(server.deps, spaceId, 'Members', { scopes: ['read', 'members'] }).then((k) => k.secret))]) {
        const refused = await fail(updateMember(client, { path: { spaceId, memberId: person.id }, body: { role: 'staff' } }));
        assertProblem(refused, 403, 'forbidden');
        assert.match(refused.problem.detail, /"admin" scope that changing a role needs/);
        assertProblem(await fail(createMember(client, { path: { spaceId }, body: { email: `new${++n}@example.org`, displayName: 'New', role: 'admin' } })), 403, 'forbidden');
      }
      assert.equal((await getMe(server.client(person.token), { path: { spaceId } })).data.role, 'member', 'nothing changed');
      assertProblem(await fail(listMembers(server.client(person.token), { path: { spaceId } })), 403, 'forbidden');

      const granted = await updateMember(server.client(adminToken), { path: { spaceId, memberId: person.id }, body: { role: 'staff' } });
      assert.equal(granted.data.role, 'staff');
      assert.equal((await listMembers(server.client(person.token), { path: { spaceId } })).status, 200, 'the same token now carries staff rights');

      await updateMember(server.client(adminToken), { path: { spaceId, memberId: person.id }, body: { role: 'member' } });
      assertProblem(await fail(listMembers(server.client(person.token), { path: { spaceId } })), 403, 'forbidden');
      assert.equal((await getMe(server.client(person.token), { path: { spaceId } })).status, 200, 'still signed in, as a member');

      const created = await createMember(server.client(adminToken), { path: { spaceId }, body: { email: `hired${++n}@example.org`, displayName: 'Hired', role: 'staff' } });
      assert.equal(created.data.role, 'staff');
    });

    test('staff change members, but not a staff or admin person (whose email would be their sign-in)', async () => {
      const staff = server.client(staffToken);
      const renamed = await updateMember(staff, { path: { spaceId, memberId }, body: { company: 'Atelier' } });
      assert.equal(renamed.data.company, 'Atelier');
      const same = await updateMember(staff, { path: { spaceId, memberId }, body: { role: 'member' } });
      assert.equal(same.status, 200, 'naming the role a person already has grants nothing');
      const takeover = await fail(updateMember(staff, { path: { spaceId, memberId: adminId }, body: { email: 'mine@example.org' } }));
      assertProblem(takeover, 403, 'forbidden');
      assert.match(takeover.problem.detail, /changing a person whose role is admin/);
      assertProblem(await fail(deleteMember(staff, { path: { spaceId, memberId: adminId } })), 403, 'forbidden');
      const row = await server.store.db.selectFrom('members').select(['email', 'role']).where('id', '=', adminId).executeTakeFirstOrThrow();
      assert.deepEqual({ ...row }, { email: `admin1@example.org`, role: 'admin' });
    });

    test('the space keeps at least one active admin', async () => {
      const admin = server.client(adminToken);
      for (const body of [{ role: 'staff' as const }, { role: 'member' as const }, { status: 'inactive' as const }]) {
        assertProblem(await fail(updateMember(admin, { path: { spaceId, memberId: adminId }, body })), 409, 'conflict');
      }
      assertProblem(await fail(deleteMember(admin, { path: { spaceId, memberId: adminId } })), 409, 'conflict');
      assertProblem(await fail(eraseMe(admin, { path: { spaceId } })), 409, 'conflict');
      assert.equal((await getMe(admin, { path: { spaceId } })).data.role, 'admin');

      // With a second admin, the first may step down.
      const second = await newPerson('admin');
      const stepped = await updateMember(server.client(second.token), { path: { spaceId, memberId: adminId }, body: { role: 'staff' } });
      assert.equal(stepped.data.role, 'staff');
      await updateMember(server.client(second.token), { path: { spaceId, memberId: adminId }, body: { role: 'admin' } });
    });

    test('a staff person made inactive is signed out at once', async () => {
      const person = await newPerson('staff');
      await updateMember(server.client(adminToken), { path: { spaceId, memberId: person.id }, body: { status: 'inactive' } });
      assertProblem(await fail(listMembers(server.client(person.token), { path: { spaceId } })), 401, 'unauthorized');
    });
  });
}
