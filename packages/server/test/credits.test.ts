// The credits ledger over real HTTP on both databases: grants of membership periods (in the
// space's zone), bookings priced in credits debited in their own transaction, reversals on
// cancelling in time, staff adjustments, expiry, isolation, and the bar of 100 bookings at once.
import assert from 'node:assert/strict';
import { after, describe, test, before } from 'node:test';
import {
  adjustMemberCredits,
  adjustOrganisationCredits,
  ApiError,
  cancelBooking,
  createBooking,
  createMembership,
  createOrganisation,
  createPlan,
  createQuote,
  createResource,
  getBooking,
  rescheduleBooking,
  getMemberCredits,
  getMyCredits,
  getOrganisationCredits,
  getSpace,
  updateMember,
  updateSpace,
  updateMembership,
  type components,
} from '@coworking-commons/client';
import { newId } from '../src/domain/ids.ts';
import { addResource, assertProblem, fail } from './support/booking-fixtures.ts';
import { createTestDatabase, testDatabases } from './support/databases.ts';
import { seedSpace } from './support/fixtures.ts';
import { memberWithToken } from './support/rows.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

type Ledger = components['schemas']['CreditLedger'];
const spaceId = 'la-ruche';
const path = { spaceId };
// 08:00 in Paris on 1 December 2026.
const start = '2026-12-01T07:00:00Z';
const paris = (date: string, time: string) => `${date}T${time}:00+01:00`;

/** A pool of desks priced 1 credit an hour for members (and money for guests). */
const creditDesks = (quantity: number) => ({
  type: 'hot_desk' as const,
  capacity: 1,
  quantity,
  offers: [
    { id: newId('of'), unit: 'hour' as const, price: { amount: 500, currency: 'EUR' }, audience: 'member' as const, credits: 1 },
    { id: newId('of'), unit: 'hour' as const, price: { amount: 800, currency: 'EUR' }, audience: 'guest' as const },
  ],
});

for (const kind of testDatabases()) {
  describe(`credits (${kind})`, () => {
    let server: TestServer;
    let staffKey: string;
    let planId: string;
    const staff = () => server.client(staffKey);

    /** A member with a token and an active membership of the 10-credit plan from today. */
    async function memberWithCredits(): Promise<{ memberId: string; token: string }> {
      const member = await memberWithToken(server, spaceId);
      await createMembership(staff(), { path, body: { holder: { type: 'member', id: member.memberId }, planId, startDate: '2026-12-01' } });
      return member;
    }
    const myLedger = async (token: string, query: { holder?: 'member' | 'organisation'; limit?: number; cursor?: string } = {}): Promise<Ledger> =>
      (await getMyCredits(server.client(token), { path, query })).data;
    const entryCount = async (memberId: string) =>
      Number((await server.store.db.selectFrom('credit_entries').select((eb) => eb.fn.countAll<number>().as('n')).where('holder_id', '=', memberId).executeTakeFirstOrThrow()).n);

    before(async () => {
      server = await startTestServer(kind, { now: start });
      ({ staffKey } = await seedSpace(server));
      planId = (await createPlan(staff(), { path, body: { name: 'Nomade', price: { amount: 15000, currency: 'EUR' }, period: 'month', grants: { credits: 10 } } })).data.id;
    });

    test('100 bookings at once by a member with 10 credits, 1 each: exactly 10 bookings and 10 debits, balance 0, 90 insufficient-credits', async () => {
      const { memberId, token } = await memberWithCredits();
      const desks = await addResource(server, spaceId, creditDesks(100));
      const body = { resourceId: desks.id, start: paris('2026-12-02', '10:00'), end: paris('2026-12-02', '11:00') };
      const outcomes = await Promise.all(
        Array.from({ length: 100 }, () =>
          createBooking(server.client(token), { path, body }).then(
            (response) => ({ status: response.status, type: undefined as string | undefined, credits: response.data.credits, price: response.data.price.amount }),
            (error: unknown) => {
              if (error instanceof ApiError) return { status: error.status, type: error.type, credits: undefined, price: undefined, problem: error.problem };
              throw error;
            },
          ),
        ),
      );
      const made = outcomes.filter((o) => o.status === 201);
      const refused = outcomes.filter((o) => o.status !== 201);
      assert.equal(made.length, 10);
      assert.ok(made.every((o) => o.credits === 1 && o.price === 0));
      assert.equal(refused.length, 90);
      assert.ok(refused.every((o) => o.status === 422 && o.type === 'urn:coworking-commons:problem:insufficient-credits'));
      const bookings = await server.store.db.selectFrom('bookings').select(['id', 'credits']).where('resource_id', '=', desks.id).execute();
      assert.equal(bookings.length, 10);
      const debits = await server.store.db.selectFrom('credit_entries').selectAll().where('holder_id', '=', memberId).where('kind', '=', 'debit').execute();
      assert.equal(debits.length, 10);
      assert.deepEqual(new Set(debits.map((d) => d.booking_id)), new Set(bookings.map((b) => b.id)));
      const units = await server.store.db.selectFrom('booking_units').select('booking_id').where('resource_id', '=', desks.id).execute();
      assert.equal(units.length, 10);
      const ledger = await myLedger(token, { limit: 100 });
      assert.equal(ledger.balance, 0);
      assert.equal(ledger.items.length, 11);
    });

    test('the grant of the period: 00:00 in Paris on its first day, expiring at 00:00 on the next period’s', async () => {
      const { memberId, token } = await memberWithCredits();
      const ledger = await myLedger(token);
      assert.deepEqual(ledger.holder, { type: 'member', id: memberId });
      assert.equal(ledger.balance, 10);
      assert.equal(ledger.overdraft, 0);
      assert.equal(ledger.items.length, 1);
      const [grant] = ledger.items;
      assert.equal(grant!.kind, 'grant');
      assert.equal(grant!.amount, 10);
      assert.equal(grant!.reason, 'Nomade, period 2026-12-01 – 2027-01-01');
      assert.deepEqual(grant!.period, { start: '2026-12-01', end: '2027-01-01' });
      assert.equal(grant!.createdAt, '2026-11-30T23:00:00.000Z');
      assert.equal(grant!.expiresAt, '2026-12-31T23:00:00.000Z');
      assert.match(grant!.membershipId!, /^ms_/);
      // Read again: the grant is written once.
      assert.equal((await myLedger(token)).items.length, 1);
      assert.equal(await entryCount(memberId), 1);
    });

    test('a booking beyond the balance is refused with the balance and the price, and nothing is written', async () => {
      const { memberId, token } = await memberWithCredits();
      const desks = await addResource(server, spaceId, creditDesks(3));
      const tooLong = { resourceId: desks.id, start: paris('2026-12-03', '08:00'), end: paris('2026-12-03', '19:00') };
      const error = await fail(createBooking(server.client(token), { path, body: tooLong }));
      assertProblem(error, 422, 'insufficient-credits');
      assert.equal(error.problem.balance, 10);
      assert.equal(error.problem.credits, 11);
      assert.match(error.problem.detail, /11 credits and the balance is 10/);
      assert.equal((await server.store.db.selectFrom('bookings').select('id').where('resource_id', '=', desks.id).execute()).length, 0);
      assert.equal((await server.store.db.selectFrom('booking_units').select('booking_id').where('resource_id', '=', desks.id).execute()).length, 0);
      // Not even the period's grant, which the refused request would have written first.
      assert.equal(await entryCount(memberId), 0);
      // The quote says the same price in credits.
      const quote = (await createQuote(server.client(token), { path, body: tooLong })).data;
      assert.equal(quote.credits, 11);
      assert.equal(quote.total.amount, 0);
    });

    test('a member without a membership pays money; a guest too', async () => {
      const { token } = await memberWithToken(server, spaceId);
      const desks = await addResource(server, spaceId, creditDesks(2));
      const booking = (await createBooking(server.client(token), { path, body: { resourceId: desks.id, start: paris('2026-12-04', '10:00'), end: paris('2026-12-04', '12:00') } })).data;
      assert.equal(booking.credits, undefined);
      assert.equal(booking.price.amount, 1000);
    });

    test('cancelling within the notice gives the credits back; after it (staff), it does not', async () => {
      const { token } = await memberWithCredits();
      const desks = await addResource(server, spaceId, creditDesks(2));
      const early = (await createBooking(server.client(token), { path, body: { resourceId: desks.id, start: paris('2026-12-05', '10:00'), end: paris('2026-12-05', '13:00') } })).data;
      // Starts in 90 minutes: inside the 2-hour notice.
      const late = (await createBooking(server.client(token), { path, body: { resourceId: desks.id, start: paris('2026-12-01', '09:30'), end: paris('2026-12-01', '11:30') } })).data;
      assert.equal((await myLedger(token)).balance, 5);
      await cancelBooking(server.client(token), { path: { spaceId, bookingId: early.id }, header: { 'If-Match': '"1"' } });
      let ledger = await myLedger(token);
      assert.equal(ledger.balance, 8);
      const reversal = ledger.items.find((e) => e.kind === 'reversal')!;
      assert.equal(reversal.amount, 3);
      assert.equal(reversal.bookingId, early.id);
      assert.equal(reversal.reverses, ledger.items.find((e) => e.kind === 'debit' && e.bookingId === early.id)!.id);
      assertProblem(await fail(cancelBooking(server.client(token), { path: { spaceId, bookingId: late.id }, header: { 'If-Match': '"1"' } })), 422, 'rule-violation', 'cancellation_notice');
      await cancelBooking(staff(), { path: { spaceId, bookingId: late.id }, header: { 'If-Match': '"1"' } });
      ledger = await myLedger(token);
      assert.equal(ledger.balance, 8);
      assert.equal(ledger.items.filter((e) => e.kind === 'reversal').length, 1);
    });

    test('staff adjust with a reason (audited, idempotent); without one, or past the overdraft, nothing is written', async () => {
      const { memberId, token } = await memberWithCredits();
      const memberPath = { spaceId, memberId };
      const key = { 'Idempotency-Key': `adjust-${memberId}` };
      const added = await adjustMemberCredits(staff(), { path: memberPath, body: { amount: 5, reason: 'Goodwill after the Wi-Fi outage' }, header: key });
      assert.equal(added.status, 201);
      assert.equal(added.data.kind, 'adjustment');
      assert.equal(added.data.amount, 5);
      assert.equal(added.data.reason, 'Goodwill after the Wi-Fi outage');
      assert.equal(added.data.by?.type, 'apiKey');
      const replay = await adjustMemberCredits(staff(), { path: memberPath, body: { amount: 5, reason: 'Goodwill after the Wi-Fi outage' }, header: key });
      assert.equal(replay.data.id, added.data.id);
      assert.equal((await myLedger(token)).balance, 15);
      const audit = await server.store.db.selectFrom('audit_log').selectAll().where('resource_id', '=', added.data.id).execute();
      assert.deepEqual(audit.map((a) => [a.operation, a.resource_type]), [['adjustMemberCredits', 'creditEntry']]);

      assertProblem(await fail(adjustMemberCredits(staff(), { path: memberPath, body: { amount: 5 } as never })), 400, 'validation-error');
      assertProblem(await fail(adjustMemberCredits(staff(), { path: memberPath, body: { amount: 5, reason: '   ' } })), 400, 'validation-error');
      assertProblem(await fail(adjustMemberCredits(staff(), { path: memberPath, body: { amount: 0, reason: 'Nothing' } })), 400, 'validation-error');
      assertProblem(await fail(adjustMemberCredits(staff(), { path: memberPath, body: { amount: -2, reason: 'Oops', expiresAt: '2027-01-01T00:00:00Z' } })), 400, 'validation-error');
      assertProblem(await fail(adjustMemberCredits(staff(), { path: memberPath, body: { amount: 2, reason: 'Late', expiresAt: '2026-11-01T00:00:00Z' } })), 422, 'rule-violation', 'expiry_in_past');
      const over = await fail(adjustMemberCredits(staff(), { path: memberPath, body: { amount: -16, reason: 'Too much' } }));
      assertProblem(over, 422, 'insufficient-credits');
      assert.equal(over.problem.balance, 15);
      assertProblem(await fail(adjustMemberCredits(staff(), { path: { spaceId, memberId: 'mb_nobody' }, body: { amount: 1, reason: 'Ghost' } })), 404, 'not-found');
      assert.equal(await entryCount(memberId), 2);
      const taken = await adjustMemberCredits(staff(), { path: memberPath, body: { amount: -15, reason: 'Credits moved to the company' } });
      assert.equal(taken.data.amount, -15);
      assert.equal((await getMemberCredits(staff(), { path: memberPath })).data.balance, 0);
    });

    test('credits added with an expiry lapse then; a debit consumes what expires first', async () => {
      const { memberId, token } = await memberWithCredits();
      await adjustMemberCredits(staff(), { path: { spaceId, memberId }, body: { amount: 4, reason: 'Trial week', expiresAt: '2026-12-08T07:00:00Z' } });
      assert.equal((await myLedger(token)).balance, 14);
      const desks = await addResource(server, spaceId, creditDesks(1));
      // 3 credits: taken from the trial credits, which expire first.
      await createBooking(server.client(token), { path, body: { resourceId: desks.id, start: paris('2026-12-10', '10:00'), end: paris('2026-12-10', '13:00') } });
      assert.equal((await myLedger(token)).balance, 11);
      server.clock.set('2026-12-08T07:00:00Z');
      try {
        // The trial's last credit lapsed; the plan's 10 are untouched.
        assert.equal((await myLedger(token)).balance, 10);
      } finally {
        server.clock.set(start);
      }
    });

    test('a member reads only their own ledger, and their organisation’s; staff read an organisation’s', async () => {
      const a = await memberWithCredits();
      const b = await memberWithCredits();
      await adjustMemberCredits(staff(), { path: { spaceId, memberId: b.memberId }, body: { amount: 3, reason: 'For b only' } });
      const ledgerA = await myLedger(a.token);
      assert.equal(ledgerA.holder.id, a.memberId);
      assert.ok(ledgerA.items.every((e) => e.reason !== 'For b only'));
      assertProblem(await fail(getMemberCredits(server.client(a.token), { path: { spaceId, memberId: b.memberId } })), 403, 'forbidden');
      assertProblem(await fail(getMyCredits(server.client(), { path })), 401, 'unauthorized');
      assertProblem(await fail(myLedger(a.token, { holder: 'organisation' })), 404, 'not-found');
      assertProblem(await fail(myLedger(a.token, { cursor: 'nonsense' })), 400, 'validation-error');

      const organisation = (await createOrganisation(staff(), { path, body: { name: 'Studio Lumen' } })).data;
      await updateMember(staff(), { path: { spaceId, memberId: a.memberId }, body: { organisationId: organisation.id } });
      await adjustOrganisationCredits(staff(), { path: { spaceId, organisationId: organisation.id }, body: { amount: 30, reason: 'Company pack' } });
      const shared = await myLedger(a.token, { holder: 'organisation' });
      assert.deepEqual(shared.holder, { type: 'organisation', id: organisation.id });
      assert.equal(shared.balance, 30);
      assert.equal((await getOrganisationCredits(staff(), { path: { spaceId, organisationId: organisation.id } })).data.balance, 30);
      assertProblem(await fail(getOrganisationCredits(staff(), { path: { spaceId, organisationId: 'or_nobody' } })), 404, 'not-found');
    });

    test('a paused membership grants nothing; resumed during a period, it grants that period in full', async () => {
      const { memberId } = await memberWithToken(server, spaceId);
      const membership = (await createMembership(staff(), { path, body: { holder: { type: 'member', id: memberId }, planId, startDate: '2026-12-01' } })).data;
      const ledger = async () => (await getMemberCredits(staff(), { path: { spaceId, memberId }, query: { limit: 100 } })).data;
      const grants = async () => (await ledger()).items.filter((e) => e.kind === 'grant').map((e) => e.period!.start);
      assert.deepEqual(await grants(), ['2026-12-01']);
      try {
        // Nobody reads the ledger in January; pausing it then writes January's grant first.
        server.clock.set('2027-01-05T09:00:00Z');
        await updateMembership(staff(), { path: { spaceId, membershipId: membership.id }, body: { status: 'paused' } });
        server.clock.set('2027-02-10T09:00:00Z');
        assert.deepEqual(await grants(), ['2027-01-01', '2026-12-01']);
        assert.equal((await ledger()).balance, 0);
        await updateMembership(staff(), { path: { spaceId, membershipId: membership.id }, body: { status: 'active' } });
        assert.deepEqual(await grants(), ['2027-02-01', '2027-01-01', '2026-12-01']);
        assert.equal((await ledger()).balance, 10);
      } finally {
        server.clock.set(start);
      }
    });

    test('rescheduling re-prices in credits: the debit reversed and the new price debited, or nothing changes', async () => {
      const { memberId, token } = await memberWithCredits();
      const desks = await addResource(server, spaceId, creditDesks(1));
      const booking = (await createBooking(server.client(token), { path, body: { resourceId: desks.id, start: paris('2026-12-11', '10:00'), end: paris('2026-12-11', '12:00') } })).data;
      assert.equal(booking.credits, 2);
      const bookingPath = { spaceId, bookingId: booking.id };
      const longer = (await rescheduleBooking(server.client(token), { path: bookingPath, header: { 'If-Match': '"1"' }, body: { end: paris('2026-12-11', '15:00') } })).data;
      assert.equal(longer.credits, 5);
      let ledger = await myLedger(token);
      assert.equal(ledger.balance, 5);
      assert.deepEqual(ledger.items.filter((e) => e.bookingId === booking.id).map((e) => [e.kind, e.amount]).sort(), [['debit', -2], ['debit', -5], ['reversal', 2]]);
      await adjustMemberCredits(staff(), { path: { spaceId, memberId }, body: { amount: -4, reason: 'Used at the front desk' } });
      const before = await entryCount(memberId);
      // 9 credits against the balance of 1 with this booking's 5 given back.
      const error = await fail(rescheduleBooking(server.client(token), { path: bookingPath, header: { 'If-Match': '"2"' }, body: { end: paris('2026-12-11', '19:00') } }));
      assertProblem(error, 422, 'insufficient-credits');
      assert.equal(error.problem.balance, 6);
      assert.equal(error.problem.credits, 9);
      assert.equal(await entryCount(memberId), before);
      const unchanged = (await getBooking(server.client(token), { path: bookingPath })).data;
      assert.equal(unchanged.end, '2026-12-11T14:00:00Z');
      assert.equal(unchanged.credits, 5);
      ledger = await myLedger(token);
      assert.equal(ledger.balance, 1);
    });

    test('a price in credits only on offers for members', async () => {
      const error = await fail(
        createResource(staff(), {
          path,
          body: { type: 'hot_desk', name: 'Poste partagé', capacity: 1, offers: [{ unit: 'hour', price: { amount: 800, currency: 'EUR' }, audience: 'guest', credits: 1 }] },
        }),
      );
      assertProblem(error, 422, 'rule-violation', 'credits_for_guests');
      const created = (await createResource(staff(), { path, body: { type: 'hot_desk', name: 'Poste crédits', capacity: 1, offers: [{ unit: 'hour', price: { amount: 500, currency: 'EUR' }, audience: 'member', credits: 2 }] } })).data;
      assert.equal(created.offers[0]!.credits, 2);
      assertProblem(await fail(createResource(staff(), { path, body: { type: 'hot_desk', name: 'Poste', capacity: 1, offers: [{ unit: 'hour', price: { amount: 500, currency: 'EUR' }, audience: 'member', credits: 0 }] } })), 400, 'validation-error');
    });

    test('pages of the ledger, newest first, with a cursor', async () => {
      const { memberId, token } = await memberWithCredits();
      for (let i = 1; i <= 4; i++) {
        server.clock.advance(1000);
        await adjustMemberCredits(staff(), { path: { spaceId, memberId }, body: { amount: i, reason: `Gift ${i}` } });
      }
      const first = await myLedger(token, { limit: 2 });
      assert.deepEqual(first.items.map((e) => e.reason), ['Gift 4', 'Gift 3']);
      assert.equal(first.balance, 20);
      const second = await myLedger(token, { limit: 2, cursor: first.nextCursor! });
      assert.deepEqual(second.items.map((e) => e.reason), ['Gift 2', 'Gift 1']);
      const last = await myLedger(token, { limit: 2, cursor: second.nextCursor! });
      assert.deepEqual(last.items.map((e) => e.kind), ['grant']);
      assert.equal(last.nextCursor, undefined);
    });
  });

  describe(`credits with an overdraft (${kind})`, () => {
    test('the balance may go down to minus the overdraft, not lower; the next credits pay it back first', async () => {
      const server = await startTestServer(kind, { now: start });
      const { staffKey } = await seedSpace(server);
      const staff = server.client(staffKey);
      const { policies } = (await getSpace(staff, { path })).data;
      await updateSpace(staff, { path, body: { policies: { ...policies, creditOverdraft: 2 } } });
      const { memberId, token } = await memberWithToken(server, spaceId);
      const memberPath = { spaceId, memberId };
      await adjustMemberCredits(staff, { path: memberPath, body: { amount: 3, reason: 'Welcome' } });
      const desks = await addResource(server, spaceId, creditDesks(1));
      // No membership: the booking is priced in money and takes no credits.
      assert.equal((await createBooking(server.client(token), { path, body: { resourceId: desks.id, start: paris('2026-12-02', '10:00'), end: paris('2026-12-02', '11:00') } })).data.credits, undefined);
      const over = await fail(adjustMemberCredits(staff, { path: memberPath, body: { amount: -6, reason: 'Too much' } }));
      assertProblem(over, 422, 'insufficient-credits');
      assert.match(over.problem.detail, /overdraft up to 2/);
      await adjustMemberCredits(staff, { path: memberPath, body: { amount: -5, reason: 'Printing' } });
      let ledger = (await getMyCredits(server.client(token), { path })).data;
      assert.equal(ledger.overdraft, 2);
      assert.equal(ledger.balance, -2);
      await adjustMemberCredits(staff, { path: memberPath, body: { amount: 4, reason: 'Top-up', expiresAt: '2026-12-05T00:00:00Z' } });
      ledger = (await getMyCredits(server.client(token), { path })).data;
      assert.equal(ledger.balance, 2);
      server.clock.set('2026-12-06T00:00:00Z');
      // What remained of the top-up lapsed; the overdraft it paid back stays paid.
      assert.equal((await getMyCredits(server.client(token), { path })).data.balance, 0);
    });
  });

  if (kind === 'postgres') {
    describe('credits from two server instances on one PostgreSQL', () => {
      const servers: TestServer[] = [];
      let drop: (() => Promise<void>) | undefined;
      after(async () => {
        for (const server of servers) await server.close();
        await drop?.();
      });

      test('100 bookings at once, half through each, by a member with 10 credits: exactly 10 bookings, balance 0', async () => {
        const database = await createTestDatabase(kind);
        drop = database.drop;
        servers.push(await startTestServer(kind, { now: start, databaseUrl: database.url }));
        servers.push(await startTestServer(kind, { now: start, databaseUrl: database.url }));
        const [one, two] = servers as [TestServer, TestServer];
        const { staffKey } = await seedSpace(one);
        const plan = (await createPlan(one.client(staffKey), { path, body: { name: 'Nomade', price: { amount: 15000, currency: 'EUR' }, period: 'month', grants: { credits: 10 } } })).data;
        const { memberId, token } = await memberWithToken(one, spaceId);
        await createMembership(one.client(staffKey), { path, body: { holder: { type: 'member', id: memberId }, planId: plan.id, startDate: '2026-12-01' } });
        const desks = await addResource(one, spaceId, creditDesks(100));
        const body = { resourceId: desks.id, start: paris('2026-12-02', '10:00'), end: paris('2026-12-02', '11:00') };
        const statuses = await Promise.all(
          Array.from({ length: 100 }, (_, i) =>
            createBooking((i % 2 === 0 ? one : two).client(token), { path, body }).then(
              (response) => String(response.status),
              (error: unknown) => {
                if (error instanceof ApiError) return `${error.status} ${error.type?.replace('urn:coworking-commons:problem:', '')}`;
                throw error;
              },
            ),
          ),
        );
        const tally: Record<string, number> = {};
        for (const status of statuses) tally[status] = (tally[status] ?? 0) + 1;
        assert.deepEqual(tally, { '201': 10, '422 insufficient-credits': 90 });
        assert.equal((await one.store.db.selectFrom('bookings').select('id').where('resource_id', '=', desks.id).execute()).length, 10);
        assert.equal((await one.store.db.selectFrom('credit_entries').select('id').where('holder_id', '=', memberId).where('kind', '=', 'debit').execute()).length, 10);
        assert.equal((await getMyCredits(two.client(token), { path })).data.balance, 0);
      });
    });
  }

  describe(`credits across daylight saving (${kind})`, () => {
    test('a month anchored on 31 January: the period of 31 March starts at 00:00 CEST, the February one ends then', async () => {
      // 23:00 in Paris (CEST, since 29 March) on 30 March 2026.
      const server = await startTestServer(kind, { now: '2026-03-30T21:00:00Z' });
      const { staffKey } = await seedSpace(server);
      const staff = server.client(staffKey);
      const plan = (await createPlan(staff, { path, body: { name: 'Résident', price: { amount: 32000, currency: 'EUR' }, period: 'month', grants: { credits: 20 } } })).data;
      const { memberId, token } = await memberWithToken(server, spaceId);
      await createMembership(staff, { path, body: { holder: { type: 'member', id: memberId }, planId: plan.id, startDate: '2026-01-31' } });
      let ledger = (await getMyCredits(server.client(token), { path })).data;
      assert.equal(ledger.balance, 20);
      assert.deepEqual(
        ledger.items.map((e) => [e.period, e.createdAt, e.expiresAt]),
        // 28 February 00:00 CET is 23:00 UTC; 31 March 00:00 CEST is 22:00 UTC.
        [[{ start: '2026-02-28', end: '2026-03-31' }, '2026-02-27T23:00:00.000Z', '2026-03-30T22:00:00.000Z']],
      );
      server.clock.set('2026-03-30T22:00:00Z');
      ledger = (await getMyCredits(server.client(token), { path })).data;
      assert.equal(ledger.balance, 20);
      assert.deepEqual(
        ledger.items.map((e) => [e.period, e.createdAt, e.expiresAt]),
        [
          [{ start: '2026-03-31', end: '2026-04-30' }, '2026-03-30T22:00:00.000Z', '2026-04-29T22:00:00.000Z'],
          [{ start: '2026-02-28', end: '2026-03-31' }, '2026-02-27T23:00:00.000Z', '2026-03-30T22:00:00.000Z'],
        ],
      );
    });
  });
}
