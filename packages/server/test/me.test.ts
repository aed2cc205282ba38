import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { eraseMe, exportMe, getMe, getMember, getMemberCard, listMemberCards, updateMe } from '@coworking-commons/client';
import { newId } from '../src/domain/ids.ts';
import { eraseMember } from '../src/services/members.ts';
import { addResource } from './support/booking-fixtures.ts';
import { testDatabases } from './support/databases.ts';
import { seedSpace, spaceFixture } from './support/fixtures.ts';
import { createMemberRecord, signInMember } from './support/sign-in.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

const now = '2026-12-01T07:00:00.000Z';
const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => assert.fail('expected the request to fail'),
    (error: { status: number; type: string }) => error,
  );

/** A booking row as the bookings operations store it, with its units unless cancelled. */
async function insertMemberBooking(
  server: TestServer,
  values: { spaceId: string; resourceId: string; memberId: string; start: string; end: string; status?: string; title?: string },
): Promise<string> {
  const id = newId('bk');
  const start = Date.parse(values.start);
  const end = Date.parse(values.end);
  const status = values.status ?? 'confirmed';
  const at = Date.parse('2026-11-10T10:00:00Z');
  await server.store.db
    .insertInto('bookings')
    .values({
      id,
      space_id: values.spaceId,
      resource_id: values.resourceId,
      member_id: values.memberId,
      guest_name: null,
      guest_email: null,
      guest_token_hash: null,
      start_at: start,
      end_at: end,
      quantity: 1,
      attendees: 2,
      title: values.title ?? null,
      notes: values.title ? `Notes: ${values.title}` : null,
      price_amount: 2500,
      price_currency: 'EUR',
      status,
      version: 1,
      extensions: '{}',
      created_at: at,
      updated_at: at,
      cancelled_at: status === 'cancelled' ? at : null,
      cancelled_by: status === 'cancelled' ? 'member' : null,
      cancellation_reason: null,
    })
    .execute();
  if (status !== 'cancelled') {
    await server.store.db.insertInto('booking_units').values({ booking_id: id, resource_id: values.resourceId, unit: 0, block_start: start, block_end: end }).execute();
  }
  return id;
}

async function insertEvent(server: TestServer, spaceId: string, start: string, capacity: number | null): Promise<string> {
  const id = newId('ev');
  const at = Date.parse('2026-11-01T10:00:00Z');
  await server.store.db
    .insertInto('events')
    .values({
      id,
      space_id: spaceId,
      start_at: Date.parse(start),
      end_at: Date.parse(start) + 2 * 3600_000,
      visibility: 'public',
      status: 'scheduled',
      capacity,
      tags: '[]',
      document: JSON.stringify({ title: `Event ${start}`, allDay: false, waitlistEnabled: true, registration: { required: true, audience: ['guest', 'member'] } }),
      created_at: at,
      updated_at: at,
    })
    .execute();
  return id;
}

async function insertRegistration(
  server: TestServer,
  values: { spaceId: string; eventId: string; memberId?: string; guest?: string; status: string; note?: string; createdAt: string },
): Promise<string> {
  const id = newId('rg');
  const at = Date.parse(values.createdAt);
  await server.store.db
    .insertInto('registrations')
    .values({
      id,
      space_id: values.spaceId,
      event_id: values.eventId,
      member_id: values.memberId ?? null,
      guest_name: values.guest ?? null,
      guest_email: values.guest ? `${values.guest.toLowerCase()}@example.org` : null,
      guest_token_hash: null,
      status: values.status,
      note: values.note ?? null,
      created_at: at,
      updated_at: at,
      cancelled_at: null,
      cancellation_reason: null,
    })
    .execute();
  return id;
}

for (const kind of testDatabases()) {
  describe(`my member record (${kind})`, () => {
    let server: TestServer;
    let staffKey: string;
    const spaceId = 'la-ruche';
    let counter = 0;
    const newMember = async (extra: Partial<Parameters<typeof createMemberRecord>[2]> = {}) => {
      counter += 1;
      const email = `me.${counter}@example.org`;
      const member = await createMemberRecord(server, spaceId, { email, displayName: `Member ${counter}`, ...extra });
      return { id: member.id, email, token: await signInMember(server, spaceId, email) };
    };

    before(async () => {
      server = await startTestServer(kind, { now });
      ({ staffKey } = await seedSpace(server));
      await seedSpace(server, spaceFixture('le-phare', { name: 'Le Phare' }));
    });

    test('getMe gives the signed-in member their own full record, and nobody else', async () => {
      const a = await newMember({ phone: '+33 6 12 34 56 78', company: 'Studio A', directoryConsent: true });
      const b = await newMember({ phone: '+33 6 98 76 54 32' });
      const { data } = await getMe(server.client(a.token), { path: { spaceId } });
      assert.equal(data.id, a.id);
      assert.equal(data.email, a.email);
      assert.equal(data.phone, '+33 6 12 34 56 78');
      assert.equal(data.company, 'Studio A');
      assert.equal(data.status, 'active');
      assert.equal(data.directoryConsent, true);
      assert.equal(data.createdAt, now);
      assert.equal((await getMe(server.client(b.token), { path: { spaceId } })).data.id, b.id);
      assert.equal((await rejection(getMe(server.client(), { path: { spaceId } }))).status, 401);
      assert.equal((await rejection(getMe(server.client(staffKey), { path: { spaceId } }))).status, 401, 'a staff key is nobody\'s "me"');
      assert.equal((await rejection(getMe(server.client(a.token), { path: { spaceId: 'le-phare' } }))).status, 401, 'a token of another space');
    });

    test('updateMe corrects the profile; null removes a field; the rest is unchanged', async () => {
      const a = await newMember({ phone: '+33 6 12 34 56 78', headline: 'Designer', company: 'Studio A' });
      server.clock.set('2026-12-01T08:00:00Z');
      try {
        const { data } = await updateMe(server.client(a.token), {
          path: { spaceId },
          body: { displayName: 'Ada Lovelace', phone: null, skills: ['maths', 'engines'], links: [{ kind: 'github', url: 'https://github.example/ada' }], 'x-laruche-pronouns': 'she/her' } as never,
        });
        assert.equal(data.displayName, 'Ada Lovelace');
        assert.equal(data.phone, undefined);
        assert.equal(data.headline, 'Designer', 'left out, unchanged');
        assert.equal(data.company, 'Studio A');
        assert.deepEqual(data.skills, ['maths', 'engines']);
        assert.equal((data as Record<string, unknown>)['x-laruche-pronouns'], 'she/her');
        assert.equal(data.email, a.email);
        assert.equal(data.updatedAt, '2026-12-01T08:00:00.000Z');
        assert.equal(data.createdAt, now);
        const again = await getMe(server.client(a.token), { path: { spaceId } });
        assert.deepEqual(again.data, data);
        const staffView = await getMember(server.client(staffKey), { path: { spaceId, memberId: a.id } });
        assert.deepEqual(staffView.data, data);
      } finally {
        server.clock.set(now);
      }
    });

    test('a member cannot change their email, status or seniority', async () => {
      const a = await newMember();
      for (const body of [{ email: 'hijack@example.org' }, { status: 'inactive' }, { memberSince: '2000-01-01' }, { directoryConsent: 'yes' }, {}]) {
        const error = await rejection(updateMe(server.client(a.token), { path: { spaceId }, body: body as never }));
        assert.equal(error.status, 400, JSON.stringify(body));
      }
      const { data } = await getMe(server.client(a.token), { path: { spaceId } });
      assert.equal(data.email, a.email);
      assert.equal(data.status, 'active');
      assert.equal(data.memberSince, '2026-12-01');
      assert.equal((await rejection(updateMe(server.client(staffKey), { path: { spaceId }, body: { displayName: 'X' } }))).status, 401);
      assert.equal((await rejection(updateMe(server.client(), { path: { spaceId }, body: { displayName: 'X' } }))).status, 401);
    });

    test('the export holds the record, all my bookings and registrations, and nobody else\'s', async () => {
      const a = await newMember({ displayName: 'Camille Export', phone: '+33 6 00 00 00 01' });
      const b = await newMember();
      const room = await addResource(server, spaceId);
      const past = await insertMemberBooking(server, { spaceId, resourceId: room.id, memberId: a.id, start: '2026-11-20T09:00:00Z', end: '2026-11-20T11:00:00Z', title: 'Atelier' });
      const future = await insertMemberBooking(server, { spaceId, resourceId: room.id, memberId: a.id, start: '2026-12-10T09:00:00Z', end: '2026-12-10T10:00:00Z' });
      const cancelled = await insertMemberBooking(server, { spaceId, resourceId: room.id, memberId: a.id, start: '2026-12-11T09:00:00Z', end: '2026-12-11T10:00:00Z', status: 'cancelled' });
      const others = await insertMemberBooking(server, { spaceId, resourceId: room.id, memberId: b.id, start: '2026-12-12T09:00:00Z', end: '2026-12-12T10:00:00Z' });
      const event = await insertEvent(server, spaceId, '2026-12-15T17:00:00Z', null);
      const registration = await insertRegistration(server, { spaceId, eventId: event, memberId: a.id, status: 'registered', note: 'Végétarienne', createdAt: '2026-11-18T14:03:00Z' });
      const othersRegistration = await insertRegistration(server, { spaceId, eventId: event, memberId: b.id, status: 'registered', createdAt: '2026-11-18T14:04:00Z' });

      const { data } = await exportMe(server.client(a.token), { path: { spaceId } });
      assert.equal(data.member.id, a.id);
      assert.equal(data.member.phone, '+33 6 00 00 00 01');
      assert.equal(data.exportedAt, now);
      assert.deepEqual(data.bookings.map((bk) => bk.id).sort(), [past, future, cancelled].sort());
      const pastDoc = data.bookings.find((bk) => bk.id === past)!;
      assert.equal(pastDoc.title, 'Atelier');
      assert.equal(Date.parse(pastDoc.start), Date.parse('2026-11-20T09:00:00Z'));
      assert.deepEqual(pastDoc.booker, { kind: 'member', memberId: a.id, name: 'Camille Export', email: a.email });
      assert.equal(data.bookings.find((bk) => bk.id === cancelled)!.status, 'cancelled');
      assert.ok(!data.bookings.some((bk) => bk.id === others));
      assert.deepEqual(data.registrations.map((r) => r.id), [registration]);
      assert.equal(data.registrations[0]!.note, 'Végétarienne');
      assert.ok(!JSON.stringify(data).includes(othersRegistration));

      const bExport = await exportMe(server.client(b.token), { path: { spaceId } });
      assert.deepEqual(bExport.data.bookings.map((bk) => bk.id), [others]);
      assert.equal((await rejection(exportMe(server.client(staffKey), { path: { spaceId } }))).status, 401);
      assert.equal((await rejection(exportMe(server.client(), { path: { spaceId } }))).status, 401);
    });

    test('eraseMe erases personal data, frees future slots and seats, keeps the past anonymized, signs out', async () => {
      const a = await newMember({ displayName: 'Erin Erased', phone: '+33 6 00 00 00 02', company: 'Erased & Co', headline: 'Photographe', skills: ['photo'], directoryConsent: true });
      const secondToken = await signInMember(server, spaceId, a.email);
      const b = await newMember();
      const room = await addResource(server, spaceId);
      const past = await insertMemberBooking(server, { spaceId, resourceId: room.id, memberId: a.id, start: '2026-11-20T09:00:00Z', end: '2026-11-20T11:00:00Z', title: 'Shooting Erin' });
      const future = await insertMemberBooking(server, { spaceId, resourceId: room.id, memberId: a.id, start: '2026-12-10T09:00:00Z', end: '2026-12-10T10:00:00Z', title: 'Erin again' });
      const bFuture = await insertMemberBooking(server, { spaceId, resourceId: room.id, memberId: b.id, start: '2026-12-10T10:00:00Z', end: '2026-12-10T11:00:00Z' });
      const pastEvent = await insertEvent(server, spaceId, '2026-11-15T17:00:00Z', 10);
      const fullEvent = await insertEvent(server, spaceId, '2026-12-15T17:00:00Z', 1);
      const pastRegistration = await insertRegistration(server, { spaceId, eventId: pastEvent, memberId: a.id, status: 'registered', note: 'Erin, allergic to nuts', createdAt: '2026-11-01T10:00:00Z' });
      const seat = await insertRegistration(server, { spaceId, eventId: fullEvent, memberId: a.id, status: 'registered', createdAt: '2026-11-20T10:00:00Z' });
      const waiting = await insertRegistration(server, { spaceId, eventId: fullEvent, guest: 'Gaston', status: 'waitlisted', createdAt: '2026-11-21T10:00:00Z' });
      const waitingLater = await insertRegistration(server, { spaceId, eventId: fullEvent, guest: 'Gilberte', status: 'waitlisted', createdAt: '2026-11-22T10:00:00Z' });
      const before = server.mails.length;

      const { status } = await eraseMe(server.client(a.token), { path: { spaceId } });
      assert.equal(status, 204);

      // No table or column anywhere keeps the email or the name (before anyone types it in again).
      const tables = await server.store.db.introspection.getTables();
      assert.ok(tables.some((t) => t.name === 'sign_in_codes'), 'every table is listed');
      for (const table of tables) {
        const rows = await server.store.db.selectFrom(table.name as never).selectAll().execute();
        const text = JSON.stringify(rows).toLowerCase();
        for (const trace of [a.email.toLowerCase(), 'erin', 'erased & co', 'photographe']) assert.ok(!text.includes(trace), `${table.name} still holds "${trace}"`);
      }

      // Signed out everywhere, and no way back in.
      assert.equal((await rejection(getMe(server.client(a.token), { path: { spaceId } }))).status, 401);
      assert.equal((await rejection(getMe(server.client(secondToken), { path: { spaceId } }))).status, 401);
      assert.equal((await server.store.db.selectFrom('member_tokens').select('token_hash').where('member_id', '=', a.id).execute()).length, 0);
      await rejection(signInMember(server, spaceId, a.email));
      assert.equal(server.mails.length, before, 'no code for an erased address');

      // The record keeps nothing personal.
      const row = await server.store.db.selectFrom('members').selectAll().where('id', '=', a.id).executeTakeFirstOrThrow();
      assert.equal(row.email, null);
      assert.equal(row.display_name, 'Former member');
      assert.equal(row.status, 'inactive');
      assert.equal(row.directory_consent, 0);
      for (const text of ['Erin', 'Erased', '+33', 'Photographe', 'photo']) {
        assert.ok(!JSON.stringify(row).includes(text), `"${text}" is gone`);
      }
      assert.equal((await rejection(getMemberCard(server.client(), { path: { spaceId, memberId: a.id } }))).status, 404);
      assert.ok(!(await listMemberCards(server.client(), { path: { spaceId }, query: { limit: 100 } })).data.items.some((c) => c.id === a.id));
      assert.equal((await rejection(getMember(server.client(staffKey), { path: { spaceId, memberId: a.id } }))).status, 404);

      // Future bookings are cancelled and their slots freed; past ones stay, anonymized.
      const bookings = await server.store.db.selectFrom('bookings').selectAll().where('id', 'in', [past, future, bFuture]).execute();
      const byId = Object.fromEntries(bookings.map((bk) => [bk.id, bk]));
      assert.equal(byId[future]!.status, 'cancelled');
      assert.equal(byId[future]!.cancelled_by, 'member');
      assert.equal(byId[future]!.cancelled_at, Date.parse(now));
      assert.equal(byId[future]!.version, 2);
      assert.equal(byId[past]!.status, 'confirmed', 'the past is kept for accounting');
      assert.equal(byId[past]!.price_amount, 2500);
      assert.equal(byId[past]!.title, null, 'no personal text left on it');
      assert.equal(byId[past]!.notes, null);
      assert.equal(byId[past]!.version, 2, 'its ETag changes with it');
      assert.equal(byId[future]!.title, null);
      assert.equal(byId[bFuture]!.status, 'confirmed', "another member's booking is untouched");
      const units = await server.store.db.selectFrom('booking_units').select('booking_id').where('resource_id', '=', room.id).execute();
      assert.deepEqual(units.map((u) => u.booking_id).sort(), [past, bFuture].sort());

      // Registrations: the seat goes to the first on the waitlist; the past stays.
      const registrations = await server.store.db.selectFrom('registrations').selectAll().where('id', 'in', [pastRegistration, seat, waiting, waitingLater]).execute();
      const reg = Object.fromEntries(registrations.map((r) => [r.id, r]));
      assert.equal(reg[seat]!.status, 'cancelled');
      assert.equal(reg[waiting]!.status, 'registered', 'the first waitlisted person gets the seat');
      assert.equal(reg[waitingLater]!.status, 'waitlisted');
      assert.equal(reg[pastRegistration]!.status, 'registered');
      assert.equal(reg[pastRegistration]!.note, null);

      // The address may join again, as a new member.
      const again = await createMemberRecord(server, spaceId, { email: a.email, displayName: 'Erin Returns' });
      assert.notEqual(again.id, a.id);
    });

    test("erasing one member leaves the others' data alone", async () => {
      const a = await newMember({ directoryConsent: true });
      const b = await newMember({ directoryConsent: true, phone: '+33 6 00 00 00 03' });
      await eraseMe(server.client(a.token), { path: { spaceId } });
      const { data } = await getMe(server.client(b.token), { path: { spaceId } });
      assert.equal(data.phone, '+33 6 00 00 00 03');
      assert.equal(data.status, 'active');
      assert.equal((await getMemberCard(server.client(), { path: { spaceId, memberId: b.id } })).data.id, b.id);
      assert.equal((await rejection(eraseMe(server.client(staffKey), { path: { spaceId } }))).status, 401);
      assert.equal((await rejection(eraseMe(server.client(), { path: { spaceId } }))).status, 401);
    });

    test('erasure is all or nothing', async () => {
      const a = await newMember({ phone: '+33 6 00 00 00 04' });
      const room = await addResource(server, spaceId);
      const future = await insertMemberBooking(server, { spaceId, resourceId: room.id, memberId: a.id, start: '2026-12-20T09:00:00Z', end: '2026-12-20T10:00:00Z' });
      // Make the last step (registrations) fail: the whole erasure must roll back.
      const event = await insertEvent(server, spaceId, '2026-12-21T17:00:00Z', null);
      await insertRegistration(server, { spaceId, eventId: event, memberId: a.id, status: 'registered', createdAt: '2026-11-20T10:00:00Z' });
      /** `target` whose method `name` is replaced (private fields need methods bound to the target). */
      const intercept = <T extends object>(target: T, name: string, replacement: (original: any) => unknown): T =>
        new Proxy(target, {
          get(t, property) {
            const value: any = Reflect.get(t, property, t);
            if (property === name) return replacement(value.bind(t));
            return typeof value === 'function' ? value.bind(t) : value;
          },
        });
      const failingDb = intercept(server.store.db, 'transaction', (transaction) => () =>
        intercept(transaction(), 'execute', (execute) => (fn: (trx: any) => Promise<unknown>) =>
          execute((trx: any) =>
            fn(
              intercept(trx, 'updateTable', (updateTable) => (table: string) => {
                if (table === 'registrations') throw new Error('disk full');
                return updateTable(table);
              }),
            ),
          ),
        ),
      );
      const store = { ...server.store, db: failingDb };
      await assert.rejects(eraseMember({ store, now: () => server.clock.now, webhooks: server.app.webhooks }, spaceId, a.id, 'member'), /disk full/);
      const row = await server.store.db.selectFrom('members').selectAll().where('id', '=', a.id).executeTakeFirstOrThrow();
      assert.equal(row.email, a.email);
      assert.equal(row.status, 'active');
      const booking = await server.store.db.selectFrom('bookings').select('status').where('id', '=', future).executeTakeFirstOrThrow();
      assert.equal(booking.status, 'confirmed');
      assert.equal((await server.store.db.selectFrom('booking_units').select('unit').where('booking_id', '=', future).execute()).length, 1);
      assert.equal((await getMe(server.client(a.token), { path: { spaceId } })).data.phone, '+33 6 00 00 00 04', 'still signed in, nothing erased');
    });
  });
}
