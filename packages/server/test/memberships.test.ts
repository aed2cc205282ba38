import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  createMembership,
  createOrganisation,
  createPlan,
  deleteMember,
  getMembership,
  getPlan,
  listMemberships,
  listMyMemberships,
  requestMembership,
  updateMember,
  updateMembership,
  updatePlan,
  type components,
} from '@coworking-commons/client';
import { issueApiKey } from '../src/services/api-keys.ts';
import { assertProblem, fail } from './support/booking-fixtures.ts';
import { testDatabases } from './support/databases.ts';
import { seedSpace } from './support/fixtures.ts';
import { memberWithToken } from './support/rows.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

type Membership = components['schemas']['Membership'];
const eur = (amount: number) => ({ amount, currency: 'EUR' });
// 08:00 in Paris on 1 December 2026.
const start = '2026-12-01T07:00:00Z';

for (const kind of testDatabases()) {
  describe(`memberships (${kind})`, () => {
    let server: TestServer;
    let staffKey: string;
    let readKey: string;
    let bookingsKey: string;
    let memberToken: string;
    let memberId: string;
    let otherId: string;
    const spaceId = 'la-ruche';
    const path = { spaceId };
    const staff = () => server.client(staffKey);
    const plan = async (name: string, amount: number, extra: Partial<components['schemas']['PlanCreate']> = {}) =>
      (await createPlan(staff(), { path, body: { name, price: eur(amount), period: 'month', ...extra } })).data;
    const start_ = async (body: components['schemas']['MembershipCreate']) => (await createMembership(staff(), { path, body })).data;
    const get = async (membershipId: string) => (await getMembership(staff(), { path: { spaceId, membershipId } })).data;
    const change = async (membershipId: string, body: components['schemas']['MembershipUpdate']) => (await updateMembership(staff(), { path: { spaceId, membershipId }, body })).data;
    const audited = async (resourceId: string) =>
      (await server.store.db.selectFrom('audit_log').select('operation').where('resource_id', '=', resourceId).orderBy('seq').execute()).map((row) => row.operation);

    before(async () => {
      server = await startTestServer(kind, { now: start });
      ({ staffKey } = await seedSpace(server));
      readKey = (await issueApiKey(server.deps, spaceId, 'Read only', { scopes: ['read'] })).secret;
      bookingsKey = (await issueApiKey(server.deps, spaceId, 'Bookings only', { scopes: ['bookings'] })).secret;
      ({ token: memberToken, memberId } = await memberWithToken(server, spaceId));
      ({ memberId: otherId } = await memberWithToken(server, spaceId));
    });
    after(() => assert.deepEqual(server.violations, []));

    test('staff start a membership: the plan’s terms copied, the current period from its start, ETag, Location, audited once', async () => {
      const resident = await plan('Résident', 32000);
      const response = await createMembership(staff(), { path, body: { holder: { type: 'member', id: memberId }, planId: resident.id, startDate: '2026-01-31' } });
      assert.equal(response.status, 201);
      const membership = response.data;
      assert.match(membership.id, /^ms_[A-Za-z0-9]+$/);
      assert.equal(response.headers.get('location'), `${server.deps.config.publicUrl}/spaces/la-ruche/staff/memberships/${membership.id}`);
      assert.equal(response.headers.get('etag'), '"1"');
      assert.deepEqual(membership, {
        id: membership.id,
        holder: { type: 'member', id: memberId },
        planId: resident.id,
        status: 'active',
        startDate: '2026-01-31',
        price: eur(32000),
        period: 'month',
        periodAnchor: '2026-01-31',
        // Same day of the month, clamped: 30 November (no 31st), then 31 December.
        currentPeriod: { start: '2026-11-30', end: '2026-12-31' },
        createdAt: '2026-12-01T07:00:00.000Z',
        updatedAt: '2026-12-01T07:00:00.000Z',
        version: 1,
      });
      assert.deepEqual(await get(membership.id), membership);
      assert.deepEqual(await audited(membership.id), ['createMembership']);
      const today = await start_({ holder: { type: 'member', id: otherId }, planId: resident.id });
      assert.equal(today.startDate, '2026-12-01', 'today in the space’s zone when left out');
      assert.deepEqual(today.currentPeriod, { start: '2026-12-01', end: '2027-01-01' });
    });

    test('bad input is a validation problem with pointers; unknown holders and plans, an end before the start are rule violations', async () => {
      const error = await fail(createMembership(staff(), { path, body: { holder: { type: 'company', id: '' }, startDate: '31/01/2026' } as never }));
      assertProblem(error, 400, 'validation-error');
      assert.deepEqual([...new Set(error.fieldErrors.map((f: { pointer: string }) => f.pointer))].sort(), ['/holder/id', '/holder/type', '/planId', '/startDate']);
      const updateError = await fail(updateMembership(staff(), { path: { spaceId, membershipId: 'ms_x' }, body: { status: 'frozen', effective: 'later' } as never }));
      assertProblem(updateError, 400, 'validation-error');
      assert.deepEqual([...new Set(updateError.fieldErrors.map((f: { pointer: string }) => f.pointer))].sort(), ['/effective', '/status']);
      const resident = await plan('Résident bis', 32000);
      assertProblem(await fail(createMembership(staff(), { path, body: { holder: { type: 'member', id: 'mb_nobody' }, planId: resident.id } })), 422, 'rule-violation', 'unknown_holder');
      assertProblem(await fail(createMembership(staff(), { path, body: { holder: { type: 'organisation', id: 'or_none' }, planId: resident.id } })), 422, 'rule-violation', 'unknown_holder');
      assertProblem(await fail(createMembership(staff(), { path, body: { holder: { type: 'member', id: memberId }, planId: 'pl_none' } })), 422, 'rule-violation', 'unknown_plan');
      assertProblem(
        await fail(createMembership(staff(), { path, body: { holder: { type: 'member', id: memberId }, planId: resident.id, startDate: '2026-12-10', endDate: '2026-12-09' } })),
        422,
        'rule-violation',
        'end_before_start',
      );
      assertProblem(await fail(getMembership(staff(), { path: { spaceId, membershipId: 'ms_none' } })), 404, 'not-found');
    });

    test('who may: anonymous 401; a member 403 on staff operations; a read key lists but does not write; a key without read does not list', async () => {
      const resident = await plan('Résident ter', 32000);
      const body = { holder: { type: 'member' as const, id: memberId }, planId: resident.id };
      assertProblem(await fail(listMemberships(server.client(), { path })), 401, 'unauthorized');
      assertProblem(await fail(createMembership(server.client(), { path, body })), 401, 'unauthorized');
      assertProblem(await fail(listMyMemberships(server.client(), { path })), 401, 'unauthorized');
      assertProblem(await fail(listMemberships(server.client(memberToken), { path })), 403, 'forbidden');
      assertProblem(await fail(createMembership(server.client(memberToken), { path, body })), 403, 'forbidden');
      const error = await fail(createMembership(server.client(readKey), { path, body }));
      assertProblem(error, 403, 'forbidden');
      assert.match(error.problem.detail, /"members" scope/);
      assert.equal((await listMemberships(server.client(readKey), { path })).status, 200);
      assertProblem(await fail(listMemberships(server.client(bookingsKey), { path })), 403, 'forbidden');
      const { data: membership } = await createMembership(staff(), { path, body });
      assertProblem(await fail(updateMembership(server.client(readKey), { path: { spaceId, membershipId: membership.id }, body: { status: 'paused' } })), 403, 'forbidden');
      assertProblem(await fail(getMembership(server.client(memberToken), { path: { spaceId, membershipId: membership.id } })), 403, 'forbidden');
    });

    test('the price is frozen at the start: a later change of the plan’s price does not touch existing memberships', async () => {
      const nomade = await plan('Nomade', 15000);
      const before = await start_({ holder: { type: 'member', id: memberId }, planId: nomade.id });
      await updatePlan(staff(), { path: { spaceId, planId: nomade.id }, body: { price: eur(18000), period: 'year' } });
      const unchanged = await get(before.id);
      assert.deepEqual(unchanged.price, eur(15000));
      assert.equal(unchanged.period, 'month');
      assert.equal(unchanged.version, 1);
      const after = await start_({ holder: { type: 'member', id: otherId }, planId: nomade.id });
      assert.deepEqual(after.price, eur(18000));
      assert.equal(after.period, 'year');
    });

    test('a change of plan takes effect at the next period boundary: pending until then, then the new plan, price and anchor', async () => {
      const small = await plan('Petit', 10000);
      const big = await plan('Grand', 25000);
      const membership = await start_({ holder: { type: 'member', id: memberId }, planId: small.id, startDate: '2026-11-15' });
      const changed = await change(membership.id, { planId: big.id });
      assert.equal(changed.planId, small.id);
      assert.deepEqual(changed.price, eur(10000));
      assert.deepEqual(changed.currentPeriod, { start: '2026-11-15', end: '2026-12-15' });
      assert.deepEqual(changed.pendingChange, { planId: big.id, price: eur(25000), period: 'month', effectiveDate: '2026-12-15' });
      assert.equal(changed.version, 2);
      // The new plan's price is frozen when the change is made.
      await updatePlan(staff(), { path: { spaceId, planId: big.id }, body: { price: eur(27000) } });
      const ids = async (planId: string) => (await listMemberships(staff(), { path, query: { planId, limit: 100 } })).data.items.map((m) => m.id);
      assert.ok((await ids(small.id)).includes(membership.id));
      assert.ok(!(await ids(big.id)).includes(membership.id));

      try {
        server.clock.set('2026-12-14T22:59:00Z'); // 23:59 on the 14th in Paris: still the old plan
        assert.equal((await get(membership.id)).planId, small.id);
        server.clock.set('2026-12-14T23:00:00Z'); // midnight on the 15th in Paris
        const switched = await get(membership.id);
        assert.equal(switched.planId, big.id);
        assert.deepEqual(switched.price, eur(25000));
        assert.equal(switched.periodAnchor, '2026-12-15');
        assert.deepEqual(switched.currentPeriod, { start: '2026-12-15', end: '2027-01-15' });
        assert.equal(switched.pendingChange, undefined);
        assert.equal(switched.version, 2, 'reaching the date changes nothing stored');
        assert.ok((await ids(big.id)).includes(membership.id));
        assert.ok(!(await ids(small.id)).includes(membership.id));
        // A later change is counted from the new anchor.
        const again = await change(membership.id, { planId: small.id });
        assert.deepEqual(again.pendingChange, { planId: small.id, price: eur(10000), period: 'month', effectiveDate: '2027-01-15' });
        // Asking for the plan that applies drops the pending change.
        assert.equal((await change(membership.id, { planId: big.id })).pendingChange, undefined);
      } finally {
        server.clock.set(start);
      }
      assert.deepEqual(await audited(membership.id), ['createMembership', 'updateMembership', 'updateMembership', 'updateMembership']);
    });

    test('with effective: now, the change applies at once and the new plan’s period starts today', async () => {
      const small = await plan('Petit maintenant', 10000);
      const big = await plan('Grand maintenant', 25000, { period: 'year' } as never);
      const membership = await start_({ holder: { type: 'member', id: memberId }, planId: small.id, startDate: '2026-11-15' });
      const changed = await change(membership.id, { planId: big.id, effective: 'now' });
      assert.equal(changed.planId, big.id);
      assert.deepEqual(changed.price, eur(25000));
      assert.equal(changed.period, 'year');
      assert.equal(changed.periodAnchor, '2026-12-01');
      assert.equal(changed.startDate, '2026-11-15');
      assert.deepEqual(changed.currentPeriod, { start: '2026-12-01', end: '2027-12-01' });
      assert.equal(changed.pendingChange, undefined);
      // Before its first day, a membership has no period yet: a change of plan applies at once.
      const future = await start_({ holder: { type: 'member', id: otherId }, planId: small.id, startDate: '2027-01-10' });
      const moved = await change(future.id, { planId: big.id });
      assert.equal(moved.planId, big.id);
      assert.equal(moved.periodAnchor, '2027-01-10');
      assert.equal(moved.currentPeriod, undefined);
    });

    test('pause, resume and end; moves the spec does not allow are refused; a passed last day reads as ended', async () => {
      const flex = await plan('Flex', 9000);
      const membership = await start_({ holder: { type: 'member', id: memberId }, planId: flex.id, startDate: '2026-11-01' });
      const paused = await change(membership.id, { status: 'paused' });
      assert.equal(paused.status, 'paused');
      assert.deepEqual(paused.currentPeriod, { start: '2026-12-01', end: '2027-01-01' }, 'pausing does not move the boundaries');
      assert.equal((await change(membership.id, { status: 'active' })).status, 'active');
      assertProblem(await fail(updateMembership(staff(), { path: { spaceId, membershipId: membership.id }, body: { status: 'refused' } })), 422, 'rule-violation', 'status_transition');
      const ended = await change(membership.id, { status: 'ended' });
      assert.equal(ended.status, 'ended');
      assert.equal(ended.endDate, '2026-12-01');
      assert.equal(ended.currentPeriod, undefined);
      assertProblem(await fail(updateMembership(staff(), { path: { spaceId, membershipId: membership.id }, body: { status: 'active' } })), 422, 'rule-violation', 'status_transition');
      assertProblem(await fail(updateMembership(staff(), { path: { spaceId, membershipId: membership.id }, body: { planId: flex.id } })), 422, 'rule-violation', 'not_running');
      assertProblem(
        await fail(updateMembership(staff(), { path: { spaceId, membershipId: membership.id }, header: { 'If-Match': '"1"' }, body: { endDate: null } })),
        412,
        'precondition-failed',
      );

      const past = await start_({ holder: { type: 'member', id: otherId }, planId: flex.id, startDate: '2026-10-01', endDate: '2026-11-30' });
      assert.equal(past.status, 'ended');
      assert.equal(past.currentPeriod, undefined);
      const ended_ = (await listMemberships(staff(), { path, query: { status: 'ended', limit: 100 } })).data.items.map((m) => m.id);
      assert.ok(ended_.includes(past.id) && ended_.includes(membership.id));
      const active = (await listMemberships(staff(), { path, query: { status: 'active', limit: 100 } })).data.items;
      assert.ok(active.every((m) => m.status === 'active') && !active.some((m) => m.id === past.id));
      // Ended is final: a passed last day is not moved.
      assertProblem(await fail(updateMembership(staff(), { path: { spaceId, membershipId: past.id }, body: { endDate: '2027-03-31' } })), 422, 'rule-violation', 'not_running');
      const running = await start_({ holder: { type: 'member', id: otherId }, planId: flex.id, startDate: '2026-10-01', endDate: '2026-12-01' });
      assert.equal(running.status, 'active', 'its last day is today');
      const extended = await change(running.id, { endDate: '2027-03-31' });
      assert.equal(extended.status, 'active');
      assert.equal(extended.endDate, '2027-03-31');
      assert.equal('endDate' in (await change(running.id, { endDate: null })), false);
      assertProblem(await fail(updateMembership(staff(), { path: { spaceId, membershipId: running.id }, body: { status: 'ended', endDate: '2026-12-20' } })), 422, 'rule-violation', 'conflicting_changes');
      assertProblem(await fail(updateMembership(staff(), { path: { spaceId, membershipId: running.id }, body: { endDate: '2026-09-30' } })), 422, 'rule-violation', 'end_before_start');
      assert.deepEqual(await audited(membership.id), ['createMembership', 'updateMembership', 'updateMembership', 'updateMembership']);
    });

    test('a member asks to join; staff approve (the price frozen then) or refuse; a second request for the plan is refused', async () => {
      const coworker = await plan('Coworker', 20000);
      const { member: asking, token } = await (async () => {
        const m = await memberWithToken(server, spaceId);
        return { member: m.memberId, token: m.token };
      })();
      const me = server.client(token);
      assertProblem(await fail(requestMembership(me, { path, body: { planId: coworker.id, startDate: '2026-11-30' } })), 422, 'rule-violation', 'start_in_past');
      assertProblem(await fail(requestMembership(me, { path, body: { planId: 'pl_none' } })), 422, 'rule-violation', 'unknown_plan');
      const asked = await requestMembership(me, { path, body: { planId: coworker.id, startDate: '2026-12-03' } });
      assert.equal(asked.status, 201);
      assert.equal(asked.data.status, 'requested');
      assert.deepEqual(asked.data.holder, { type: 'member', id: asking });
      assert.equal(asked.data.currentPeriod, undefined);
      assert.deepEqual(await audited(asked.data.id), [], 'a member’s own request is no staff write');
      assertProblem(await fail(requestMembership(me, { path, body: { planId: coworker.id } })), 409, 'conflict');
      assert.deepEqual((await listMyMemberships(me, { path })).data.items.map((m) => m.id), [asked.data.id]);
      const requested = (await listMemberships(staff(), { path, query: { status: 'requested' } })).data.items;
      assert.ok(requested.some((m) => m.id === asked.data.id));

      await updatePlan(staff(), { path: { spaceId, planId: coworker.id }, body: { price: eur(21000) } });
      server.clock.set('2026-12-05T09:00:00Z');
      try {
        const approved = await change(asked.data.id, { status: 'active' });
        assert.equal(approved.status, 'active');
        assert.deepEqual(approved.price, eur(21000), 'the price of the day it starts');
        assert.equal(approved.startDate, '2026-12-05', 'the asked day had passed: it starts today');
        assert.deepEqual(approved.currentPeriod, { start: '2026-12-05', end: '2027-01-05' });
      } finally {
        server.clock.set(start);
      }
      assert.deepEqual(await audited(asked.data.id), ['updateMembership']);

      const other = await plan('Autre', 5000);
      const second = (await requestMembership(me, { path, body: { planId: other.id } })).data;
      const refused = await change(second.id, { status: 'refused' });
      assert.equal(refused.status, 'refused');
      assertProblem(await fail(updateMembership(staff(), { path: { spaceId, membershipId: second.id }, body: { status: 'active' } })), 422, 'rule-violation', 'status_transition');
      // Refused, it no longer stands in the way of asking again.
      assert.equal((await requestMembership(me, { path, body: { planId: other.id } })).data.status, 'requested');
    });

    test('a self-service plan makes the member a member at once', async () => {
      const open = await plan('Libre-service', 4000, { selfService: true });
      assert.equal((await getPlan(server.client(), { path: { spaceId, planId: open.id } })).data.selfService, true);
      const { token } = await memberWithToken(server, spaceId);
      const joined = (await requestMembership(server.client(token), { path, body: { planId: open.id } })).data;
      assert.equal(joined.status, 'active');
      assert.deepEqual(joined.price, eur(4000));
      assert.deepEqual(joined.currentPeriod, { start: '2026-12-01', end: '2027-01-01' });
      assert.deepEqual(await audited(joined.id), []);
    });

    test('a member reads their own memberships and their organisation’s, not others’', async () => {
      const { memberId: mine, token } = await memberWithToken(server, spaceId);
      const team = await plan('Équipe', 80000);
      const { data: organisation } = await createOrganisation(staff(), { path, body: { name: 'Studio Lumen' } });
      await updateMember(staff(), { path: { spaceId, memberId: mine }, body: { organisationId: organisation.id } });
      const own = await start_({ holder: { type: 'member', id: mine }, planId: team.id });
      const shared = await start_({ holder: { type: 'organisation', id: organisation.id }, planId: team.id });
      await start_({ holder: { type: 'member', id: otherId }, planId: team.id });
      const { data } = await listMyMemberships(server.client(token), { path });
      assert.deepEqual(data.items.map((m) => m.id).sort(), [own.id, shared.id].sort());
      const byOrganisation = (await listMemberships(staff(), { path, query: { organisationId: organisation.id } })).data.items;
      assert.deepEqual(byOrganisation.map((m) => m.id), [shared.id]);
      const byMember = (await listMemberships(staff(), { path, query: { memberId: mine } })).data.items;
      assert.deepEqual(byMember.map((m) => m.id), [own.id]);
    });

    test('erasing a member stops their memberships: a request is refused, a running one ends today', async () => {
      const { memberId: leaving, token } = await memberWithToken(server, spaceId);
      const p = await plan('Départ', 7000);
      const q = await plan('Départ bis', 7000);
      const asked = (await requestMembership(server.client(token), { path, body: { planId: q.id } })).data;
      const running = await start_({ holder: { type: 'member', id: leaving }, planId: p.id, startDate: '2026-11-01', endDate: '2027-06-30' });
      const paused = await start_({ holder: { type: 'member', id: leaving }, planId: q.id, startDate: '2026-11-01' });
      await change(paused.id, { status: 'paused' });
      await deleteMember(staff(), { path: { spaceId, memberId: leaving } });
      assert.equal((await get(asked.id)).status, 'refused');
      const ended = await get(running.id);
      assert.equal(ended.status, 'ended');
      assert.equal(ended.endDate, '2026-12-01');
      assert.equal((await get(paused.id)).status, 'ended');
      assert.equal((await get(paused.id)).version, 3);
    });

    test('staff list every membership newest first, page by page with cursors', async () => {
      server.clock.advance(1000);
      const p = await plan('Pages', 1000);
      const made: Membership[] = [];
      for (let i = 0; i < 3; i++) {
        server.clock.advance(1000);
        made.push(await start_({ holder: { type: 'member', id: otherId }, planId: p.id }));
      }
      const all: Membership[] = [];
      let cursor: string | undefined;
      do {
        const { data } = await listMemberships(staff(), { path, query: { limit: 2, ...(cursor ? { cursor } : {}) } });
        assert.ok(data.items.length <= 2);
        all.push(...data.items);
        cursor = data.nextCursor;
      } while (cursor);
      assert.deepEqual(all.slice(0, 3).map((m) => m.id), made.reverse().map((m) => m.id));
      assert.equal(new Set(all.map((m) => m.id)).size, all.length);
      const count = await server.store.db.selectFrom('memberships').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      assert.equal(all.length, Number(count.n));
      assertProblem(await fail(listMemberships(staff(), { path, query: { cursor: 'WzFd' } })), 400, 'validation-error');
      server.clock.set(start);
    });

    test('periods on local dates: anchored on 31 March, across the change to summer time and the months without a 31st', async () => {
      const p = await plan('Printemps', 12000);
      const membership = await start_({ holder: { type: 'member', id: memberId }, planId: p.id, startDate: '2026-03-31' });
      try {
        server.clock.set('2026-03-30T22:30:00Z'); // 00:30 on 31 March in Paris (summer time since the 29th)
        assert.deepEqual((await get(membership.id)).currentPeriod, { start: '2026-03-31', end: '2026-04-30' });
        server.clock.set('2026-04-29T21:59:00Z'); // 23:59 on 29 April in Paris
        assert.deepEqual((await get(membership.id)).currentPeriod, { start: '2026-03-31', end: '2026-04-30' });
        server.clock.set('2026-04-29T22:00:00Z'); // midnight, 30 April in Paris
        assert.deepEqual((await get(membership.id)).currentPeriod, { start: '2026-04-30', end: '2026-05-31' });
        server.clock.set('2028-02-29T12:00:00Z');
        assert.deepEqual((await get(membership.id)).currentPeriod, { start: '2028-02-29', end: '2028-03-31' });
      } finally {
        server.clock.set(start);
      }
    });
  });
}
