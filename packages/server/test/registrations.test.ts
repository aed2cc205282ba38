import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { before, describe, test } from 'node:test';
import {
  ApiError,
  cancelRegistration,
  createEvent,
  createRegistration,
  getEvent,
  listRegistrations,
  updateEvent,
  type components,
} from '@coworking-commons/client';
import { testDatabases } from './support/databases.ts';
import { seedSpace, spaceFixture } from './support/fixtures.ts';
import { createMemberRecord, signInMember } from './support/sign-in.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

type EventCreate = components['schemas']['EventCreate'];
type Event = components['schemas']['Event'];
type Registration = components['schemas']['Registration'];

const start = '2026-12-01T07:00:00.000Z';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The ApiError a request fails with (fails the test if it succeeds). */
const rejection = (promise: Promise<unknown>): Promise<ApiError> =>
  promise.then(
    () => assert.fail('expected the request to fail'),
    (error: unknown) => {
      assert.ok(error instanceof ApiError, `expected an ApiError, got ${error}`);
      return error;
    },
  );

for (const kind of testDatabases()) {
  describe(`registrations (${kind})`, () => {
    let server: TestServer;
    let staffKey: string;
    let otherStaffKey: string;
    const spaceId = 'la-ruche';
    const members: Record<string, { id: string; token: string; email: string }> = {};

    const staff = () => server.client(staffKey);
    const as = (name: string) => server.client(members[name]!.token);
    const newEvent = async (body: Partial<EventCreate> = {}): Promise<Event> =>
      (
        await createEvent(staff(), {
          path: { spaceId },
          body: { title: 'Atelier', start: '2026-12-03T17:00:00Z', end: '2026-12-03T19:00:00Z', ...body },
        })
      ).data;
    const register = (eventId: string, token?: string, body: components['schemas']['RegistrationCreate'] = {}, key?: string) =>
      createRegistration(server.client(token), { path: { spaceId, eventId }, body, ...(key ? { header: { 'Idempotency-Key': key } } : {}) });
    const registerGuest = (eventId: string, n: number | string) => register(eventId, undefined, { guest: { name: `Invité ${n}`, email: `invite.${n}@example.net` } });
    /** getRegistration / cancelRegistration with a guest token (a query parameter of the guestToken scheme). */
    const getWithToken = async (registrationId: string, guestToken: string, token?: string) => {
      const response = await server.client(token).call({ route: 'GET /spaces/{spaceId}/registrations/{registrationId}', path: { spaceId, registrationId }, query: { guestToken } });
      return { ...response, data: response.data as Registration };
    };
    const cancelWithToken = (registrationId: string, guestToken: string, body?: object) =>
      server.client().call({ route: 'POST /spaces/{spaceId}/registrations/{registrationId}/cancel', path: { spaceId, registrationId }, query: { guestToken }, body });
    const get = async (registrationId: string, token = staffKey): Promise<Registration> =>
      (await server.client(token).call({ route: 'GET /spaces/{spaceId}/registrations/{registrationId}', path: { spaceId, registrationId } })).data as Registration;
    const cancel = (registrationId: string, token: string, reason?: string) =>
      cancelRegistration(server.client(token), { path: { spaceId, registrationId }, ...(reason ? { body: { reason } } : {}) });

    before(async () => {
      server = await startTestServer(kind, { now: start });
      ({ staffKey } = await seedSpace(server));
      ({ staffKey: otherStaffKey } = await seedSpace(server, spaceFixture('le-phare', { name: 'Le Phare' })));
      for (const [name, displayName] of [
        ['camille', 'Camille Martin'],
        ['yanis', 'Yanis Benali'],
        ['lea', 'Léa Dubois'],
        ['noah', 'Noah Garcia'],
      ] as const) {
        const email = `${name}@example.org`;
        const member = await createMemberRecord(server, spaceId, { email, displayName });
        members[name] = { id: member.id, email, token: await signInMember(server, spaceId, email) };
      }
    });

    describe('createRegistration', () => {
      test('a signed-in member registers: 201, Location, registrant with name and email, one seat fewer', async () => {
        const event = await newEvent({ capacity: 10 });
        const response = await register(event.id, members.camille!.token, { note: 'Végétarienne' });
        assert.equal(response.status, 201);
        const registration = response.data;
        assert.match(registration.id, /^rg_/);
        assert.equal(response.headers.get('location'), `${server.deps.config.publicUrl}/spaces/${spaceId}/registrations/${registration.id}`);
        assert.deepEqual(registration.registrant, { kind: 'member', memberId: members.camille!.id, name: 'Camille Martin', email: 'camille@example.org' });
        assert.equal(registration.status, 'registered');
        assert.equal(registration.eventId, event.id);
        assert.equal(registration.note, 'Végétarienne');
        assert.equal(registration.createdAt, start);
        assert.equal(registration.guestToken, undefined);
        assert.equal(registration.waitlistPosition, undefined);
        assert.equal((await getEvent(server.client(), { path: { spaceId, eventId: event.id } })).data.seatsLeft, 9);
      });

      test('a guest registers without credentials and gets a guest token, stored hashed, shown once', async () => {
        const event = await newEvent();
        const { data } = await register(event.id, undefined, { guest: { name: 'Sophie Leroy', email: 'Sophie.Leroy@example.net' } });
        assert.deepEqual(data.registrant, { kind: 'guest', name: 'Sophie Leroy', email: 'Sophie.Leroy@example.net' });
        assert.match(data.guestToken ?? '', /^ccg_[A-Za-z0-9_-]{32,}$/);
        const row = await server.store.db.selectFrom('registrations').selectAll().where('id', '=', data.id).executeTakeFirstOrThrow();
        assert.equal(row.guest_token_hash, sha256(data.guestToken!));
        assert.ok(!JSON.stringify(row).includes(data.guestToken!), 'the token itself is not stored');
        const opened = await getWithToken(data.id, data.guestToken!);
        assert.equal(opened.data.id, data.id);
        assert.equal((opened.data as Record<string, unknown>).guestToken, undefined, 'the token is never shown again');
        const sameEmail = await register(event.id, undefined, { guest: { name: 'Sophie', email: 'sophie.leroy@example.net' } });
        assert.equal(sameEmail.status, 201, 'an anonymous caller does not learn that the email is registered');
        assert.notEqual(sameEmail.data.id, data.id, 'a registration of its own');
        assert.notEqual(sameEmail.data.guestToken, undefined);
        assert.notEqual(sameEmail.data.guestToken, (data as { guestToken?: string }).guestToken);
        const byStaff = await rejection(register(event.id, staffKey, { guest: { name: 'Sophie', email: 'Sophie.Leroy@example.net' } }));
        assert.equal(byStaff.status, 409, 'staff, who see every registration, are told');
      });

      test('staff register a member or a guest on their behalf', async () => {
        const event = await newEvent({ registration: { required: true, audience: ['guest', 'member'] } });
        const forMember = await register(event.id, staffKey, { memberId: members.yanis!.id });
        assert.equal(forMember.data.registrant.memberId, members.yanis!.id);
        assert.equal(forMember.data.registrant.name, 'Yanis Benali');
        const forGuest = await register(event.id, staffKey, { guest: { name: 'Thomas Petit', email: 'thomas@example.com' } });
        assert.equal(forGuest.data.registrant.kind, 'guest');
        assert.ok(forGuest.data.guestToken);
        const both = await rejection(register(event.id, staffKey, { memberId: members.lea!.id, guest: { name: 'X', email: 'x@example.com' } }));
        assert.equal(both.status, 400);
        const neither = await rejection(register(event.id, staffKey, {}));
        assert.equal(neither.status, 400);
        const unknown = await rejection(register(event.id, staffKey, { memberId: 'mb_nobody' }));
        assert.equal(unknown.status, 400);
        assert.equal(unknown.problem.errors?.[0]?.pointer, '/memberId');
      });

      test('the body must fit the caller: guest without credentials, nothing else for a member', async () => {
        const event = await newEvent();
        const noGuest = await rejection(register(event.id, undefined, { note: 'hello' }));
        assert.equal(noGuest.status, 400);
        assert.equal(noGuest.problem.errors?.[0]?.pointer, '/guest');
        const anonymousForMember = await rejection(register(event.id, undefined, { memberId: members.lea!.id }));
        assert.equal(anonymousForMember.status, 401);
        const memberForOther = await rejection(register(event.id, members.camille!.token, { memberId: members.lea!.id }));
        assert.equal(memberForOther.status, 403, 'a member cannot register another member');
        const memberAsGuest = await rejection(register(event.id, members.camille!.token, { guest: { name: 'X', email: 'x@example.com' } }));
        assert.equal(memberAsGuest.status, 400);
        const { data } = await listRegistrations(staff(), { path: { spaceId }, query: { eventId: event.id } });
        assert.deepEqual(data.items, [], 'nothing was created');
      });

      test('registering the same member twice is 409; after cancelling, they may register again', async () => {
        const event = await newEvent();
        const first = await register(event.id, members.lea!.token);
        const twice = await rejection(register(event.id, members.lea!.token));
        assert.equal(twice.status, 409);
        assert.equal(twice.type, 'urn:coworking-commons:problem:conflict');
        const byStaff = await rejection(register(event.id, staffKey, { memberId: members.lea!.id }));
        assert.equal(byStaff.status, 409);
        await cancel(first.data.id, members.lea!.token);
        const again = await register(event.id, members.lea!.token);
        assert.equal(again.data.status, 'registered');
        assert.notEqual(again.data.id, first.data.id);
      });

      test('a repeated request with the same Idempotency-Key returns the first response and creates nothing', async () => {
        const event = await newEvent({ capacity: 5 });
        const key = 'registration-key-0001';
        const body = { guest: { name: 'Repeat', email: 'repeat@example.net' } };
        const first = await register(event.id, undefined, body, key);
        const second = await register(event.id, undefined, body, key);
        assert.equal(second.status, 201);
        assert.equal(second.headers.get('idempotent-replayed'), 'true');
        assert.deepEqual(second.data, first.data, 'the same registration, guest token included');
        assert.equal((await getEvent(staff(), { path: { spaceId, eventId: event.id } })).data.seatsLeft, 4);
        const changed = await rejection(register(event.id, undefined, { guest: { name: 'Repeat again', email: 'repeat@example.net' } }, key));
        assert.equal(changed.status, 422);
        assert.equal(changed.type, 'urn:coworking-commons:problem:idempotency-key-reused');
        const otherGuest = await register(event.id, undefined, { guest: { name: 'Other', email: 'other@example.net' } }, key);
        assert.equal(otherGuest.status, 201, "another guest's key is its own");
        assert.equal(otherGuest.headers.get('idempotent-replayed'), null);
      });

      test('unknown events, members-only events for guests, and events of another space are 404', async () => {
        const unknown = await rejection(registerGuest('ev_nowhere', 'nowhere'));
        assert.equal(unknown.status, 404);
        const membersOnly = await newEvent({ visibility: 'members', registration: { required: false, audience: ['guest', 'member'] } });
        const hidden = await rejection(registerGuest(membersOnly.id, 'hidden'));
        assert.equal(hidden.status, 404, 'an anonymous caller does not learn the event exists');
        assert.equal((await register(membersOnly.id, members.noah!.token)).data.status, 'registered');
        const { data: elsewhere } = await createEvent(server.client(otherStaffKey), {
          path: { spaceId: 'le-phare' },
          body: { title: 'Ailleurs', start: '2026-12-03T17:00:00Z', end: '2026-12-03T19:00:00Z' },
        });
        assert.equal((await rejection(register(elsewhere.id, staffKey, { guest: { name: 'X', email: 'x@example.com' } }))).status, 404);
        assert.equal((await rejection(register(elsewhere.id, members.noah!.token))).status, 404);
      });
    });

    describe('rules', () => {
      test('outside the registration window: 422 registration_closed', async () => {
        const notYet = await newEvent({ registration: { required: true, audience: ['guest', 'member'], opensAt: '2026-12-02T08:00:00+01:00' } });
        const early = await rejection(register(notYet.id, members.camille!.token));
        assert.equal(early.status, 422);
        assert.equal(early.type, 'urn:coworking-commons:problem:rule-violation');
        assert.equal(early.problem.code, 'registration_closed');
        server.clock.set('2026-12-02T07:00:00Z');
        try {
          assert.equal((await register(notYet.id, members.camille!.token)).data.status, 'registered', 'open from opensAt on');
        } finally {
          server.clock.set(start);
        }

        const closed = await newEvent({ registration: { required: true, audience: ['guest', 'member'], closesAt: '2026-12-01T06:59:59Z' } });
        const late = await rejection(register(closed.id, members.camille!.token));
        assert.equal(late.problem.code, 'registration_closed');
        const lateGuest = await rejection(registerGuest(closed.id, 'late'));
        assert.equal(lateGuest.problem.code, 'registration_closed');
      });

      test('without closesAt, registrations close when the event starts', async () => {
        const event = await newEvent({ start: '2026-12-01T07:00:00Z', end: '2026-12-01T09:00:00Z' });
        const started = await rejection(register(event.id, members.camille!.token));
        assert.equal(started.status, 422);
        assert.equal(started.problem.code, 'registration_closed');
      });

      test('a cancelled event takes no registrations: 422 event_cancelled', async () => {
        const event = await newEvent();
        await updateEvent(staff(), { path: { spaceId, eventId: event.id }, body: { status: 'cancelled' } });
        const error = await rejection(register(event.id, members.camille!.token));
        assert.equal(error.status, 422);
        assert.equal(error.problem.code, 'event_cancelled');
        assert.equal((await rejection(registerGuest(event.id, 'cancelled'))).problem.code, 'event_cancelled');
      });

      test('the audience decides who may register: 422 audience_not_allowed', async () => {
        const membersOnly = await newEvent({ registration: { required: true, audience: ['member'] } });
        const guest = await rejection(registerGuest(membersOnly.id, 'audience'));
        assert.equal(guest.status, 422);
        assert.equal(guest.problem.code, 'audience_not_allowed');
        const onBehalf = await rejection(register(membersOnly.id, staffKey, { guest: { name: 'X', email: 'x@example.com' } }));
        assert.equal(onBehalf.problem.code, 'audience_not_allowed');
        assert.equal((await register(membersOnly.id, members.camille!.token)).data.status, 'registered');

        const guestsOnly = await newEvent({ registration: { required: true, audience: ['guest'] } });
        assert.equal((await rejection(register(guestsOnly.id, members.camille!.token))).problem.code, 'audience_not_allowed');
        const nobody = await newEvent({ registration: { required: false, audience: [] } });
        assert.equal((await rejection(register(nobody.id, members.camille!.token))).problem.code, 'audience_not_allowed');
        assert.equal((await rejection(registerGuest(nobody.id, 'nobody'))).problem.code, 'audience_not_allowed');
      });

      test('a full event without a waitlist refuses: 422 event_full', async () => {
        const event = await newEvent({ capacity: 1 });
        await register(event.id, members.camille!.token);
        const full = await rejection(register(event.id, members.yanis!.token));
        assert.equal(full.status, 422);
        assert.equal(full.problem.code, 'event_full');
        assert.equal((await rejection(registerGuest(event.id, 'full'))).problem.code, 'event_full');
        const { data } = await listRegistrations(staff(), { path: { spaceId }, query: { eventId: event.id } });
        assert.equal(data.items.length, 1);
      });
    });

    describe('the waitlist', () => {
      test('capacity 2 full → the third member is waitlisted → a registered one cancels → the third is promoted', async () => {
        const event = await newEvent({ capacity: 2, waitlistEnabled: true });
        const camille = await register(event.id, members.camille!.token);
        const yanis = await register(event.id, members.yanis!.token);
        assert.deepEqual([camille.data.status, yanis.data.status], ['registered', 'registered']);
        assert.equal((await getEvent(server.client(), { path: { spaceId, eventId: event.id } })).data.seatsLeft, 0);

        const lea = await register(event.id, members.lea!.token);
        assert.equal(lea.status, 201);
        assert.equal(lea.data.status, 'waitlisted');
        assert.equal(lea.data.waitlistPosition, 1);
        const noah = await register(event.id, members.noah!.token);
        assert.equal(noah.data.status, 'waitlisted');
        assert.equal(noah.data.waitlistPosition, 2);
        assert.equal((await getEvent(server.client(), { path: { spaceId, eventId: event.id } })).data.seatsLeft, 0, 'the waitlist takes no seats');

        const cancelled = await cancel(yanis.data.id, members.yanis!.token, 'Empêchement');
        assert.equal(cancelled.data.status, 'cancelled');
        assert.equal(cancelled.data.cancelledAt, start);
        assert.equal(cancelled.data.cancellationReason, 'Empêchement');

        const promoted = await get(lea.data.id, members.lea!.token);
        assert.equal(promoted.status, 'registered');
        assert.equal(promoted.waitlistPosition, undefined);
        const next = await get(noah.data.id, members.noah!.token);
        assert.equal(next.status, 'waitlisted');
        assert.equal(next.waitlistPosition, 1, 'moved up one place');
        assert.equal((await getEvent(server.client(), { path: { spaceId, eventId: event.id } })).data.seatsLeft, 0);

        // A waitlisted registration that cancels frees no seat and promotes nobody.
        await cancel(noah.data.id, members.noah!.token);
        const { data: registered } = await listRegistrations(staff(), { path: { spaceId }, query: { eventId: event.id, status: 'registered' } });
        assert.deepEqual(registered.items.map((r) => r.id).sort(), [camille.data.id, lea.data.id].sort());
      });

      test('a guest cancelling with their token promotes the first waitlisted', async () => {
        const event = await newEvent({ capacity: 1, waitlistEnabled: true });
        const guest = await registerGuest(event.id, 'seated');
        const waiting = await registerGuest(event.id, 'waiting');
        assert.equal(waiting.data.status, 'waitlisted');
        const cancelled = await cancelWithToken(guest.data.id, guest.data.guestToken!, { reason: 'Malade' });
        assert.equal((cancelled.data as Registration).status, 'cancelled');
        assert.equal((await getWithToken(waiting.data.id, waiting.data.guestToken!)).data.status, 'registered');
      });
    });

    describe('cancelRegistration', () => {
      test('cancelling twice is 409', async () => {
        const event = await newEvent();
        const { data } = await register(event.id, members.camille!.token);
        await cancel(data.id, members.camille!.token);
        const again = await rejection(cancel(data.id, members.camille!.token));
        assert.equal(again.status, 409);
        assert.equal(again.type, 'urn:coworking-commons:problem:conflict');
      });

      test('after the event has started: 422 event_started', async () => {
        const event = await newEvent({ start: '2026-12-01T08:00:00Z', end: '2026-12-01T10:00:00Z' });
        const { data } = await register(event.id, members.camille!.token);
        server.clock.set('2026-12-01T08:30:00Z');
        try {
          const error = await rejection(cancel(data.id, members.camille!.token));
          assert.equal(error.status, 422);
          assert.equal(error.problem.code, 'event_started');
          assert.equal((await get(data.id)).status, 'registered');
        } finally {
          server.clock.set(start);
        }
      });

      test('staff may cancel any registration of their space', async () => {
        const event = await newEvent();
        const { data } = await register(event.id, members.yanis!.token);
        assert.equal((await cancel(data.id, staffKey, 'Annulé par l’accueil')).data.cancellationReason, 'Annulé par l’accueil');
      });
    });

    describe('authorization', () => {
      let event: Event;
      let camilles: Registration;
      let guestA: components['schemas']['RegistrationCreated'];
      let guestB: components['schemas']['RegistrationCreated'];
      before(async () => {
        event = await newEvent({ title: 'Autorisations', capacity: 20 });
        camilles = (await register(event.id, members.camille!.token)).data;
        await register(event.id, members.yanis!.token);
        guestA = (await registerGuest(event.id, 'a')).data;
        guestB = (await registerGuest(event.id, 'b')).data;
      });

      test("another member's registration is 404, to read and to cancel", async () => {
        const read = await rejection(server.client(members.yanis!.token).call({ route: 'GET /spaces/{spaceId}/registrations/{registrationId}', path: { spaceId, registrationId: camilles.id } }));
        assert.equal(read.status, 404);
        const cancelled = await rejection(cancel(camilles.id, members.yanis!.token));
        assert.equal(cancelled.status, 404);
        assert.equal((await get(camilles.id)).status, 'registered', 'still registered');
        assert.equal((await get(camilles.id, members.camille!.token)).id, camilles.id);
      });

      test("a guest token of registration A does not open registration B (404), nor a member's", async () => {
        assert.equal((await rejection(getWithToken(guestB.id, guestA.guestToken!))).status, 404);
        assert.equal((await rejection(cancelWithToken(guestB.id, guestA.guestToken!))).status, 404);
        assert.equal((await rejection(getWithToken(camilles.id, guestA.guestToken!))).status, 404);
        assert.equal((await rejection(getWithToken(guestA.id, 'ccg_' + 'x'.repeat(43)))).status, 404, 'a made-up token');
        assert.equal((await get(guestB.id)).status, 'registered');
        assert.equal((await getWithToken(guestA.id, guestA.guestToken!)).data.id, guestA.id);
      });

      test('without any credentials, reading or cancelling a registration is 401', async () => {
        const read = await rejection(server.client().call({ route: 'GET /spaces/{spaceId}/registrations/{registrationId}', path: { spaceId, registrationId: guestA.id } }));
        assert.equal(read.status, 401);
        assert.equal((await rejection(server.client().call({ route: 'POST /spaces/{spaceId}/registrations/{registrationId}/cancel', path: { spaceId, registrationId: guestA.id } }))).status, 401);
        assert.equal((await rejection(listRegistrations(server.client(), { path: { spaceId } }))).status, 401);
      });

      test("another space's staff key is refused; this space's registrations are not found through another space", async () => {
        assert.equal((await rejection(server.client(otherStaffKey).call({ route: 'GET /spaces/{spaceId}/registrations/{registrationId}', path: { spaceId, registrationId: camilles.id } }))).status, 401);
        const through = await rejection(
          server.client(otherStaffKey).call({ route: 'GET /spaces/{spaceId}/registrations/{registrationId}', path: { spaceId: 'le-phare', registrationId: camilles.id } }),
        );
        assert.equal(through.status, 404);
        assert.equal((await rejection(cancelRegistration(server.client(otherStaffKey), { path: { spaceId: 'le-phare', registrationId: camilles.id } }))).status, 404);
      });

      test('a member lists only their own registrations; staff list all, filtered by event and status', async () => {
        const { data: mine } = await listRegistrations(as('yanis'), { path: { spaceId }, query: { limit: 100 } });
        assert.ok(mine.items.length > 0);
        assert.ok(mine.items.every((r) => r.registrant.memberId === members.yanis!.id));
        const filtered = await listRegistrations(as('yanis'), { path: { spaceId }, query: { eventId: event.id } });
        assert.equal(filtered.data.items.length, 1);

        const { data: all } = await listRegistrations(staff(), { path: { spaceId }, query: { eventId: event.id } });
        assert.deepEqual(all.items.map((r) => r.registrant.kind).sort(), ['guest', 'guest', 'member', 'member']);
        const { data: cancelledOnes } = await listRegistrations(staff(), { path: { spaceId }, query: { status: 'cancelled', limit: 100 } });
        assert.ok(cancelledOnes.items.length > 0);
        assert.ok(cancelledOnes.items.every((r) => r.status === 'cancelled'));
        const { data: otherSpace } = await listRegistrations(server.client(otherStaffKey), { path: { spaceId: 'le-phare' } });
        assert.deepEqual(otherSpace.items, []);
      });

      test('registrations are listed newest first, page by page', async () => {
        const seen: Registration[] = [];
        let cursor: string | undefined;
        do {
          const { data } = await listRegistrations(staff(), { path: { spaceId }, query: { limit: 3, ...(cursor ? { cursor } : {}) } });
          seen.push(...data.items);
          cursor = data.nextCursor;
        } while (cursor);
        assert.equal(new Set(seen.map((r) => r.id)).size, seen.length, 'no duplicates across pages');
        const total = await server.store.db.selectFrom('registrations').select((eb) => eb.fn.countAll<number>().as('n')).where('space_id', '=', spaceId).executeTakeFirstOrThrow();
        assert.equal(seen.length, Number(total.n));
        for (let i = 1; i < seen.length; i++) {
          const [a, b] = [seen[i - 1]!, seen[i]!];
          assert.ok(a.createdAt > b.createdAt || (a.createdAt === b.createdAt && a.id > b.id), 'newest first');
        }
      });
    });

    describe('concurrency', () => {
      test('35 members registering at once for 5 seats: exactly 5 registered, 30 waitlisted in a strict order', async () => {
        const event = await newEvent({ capacity: 5, waitlistEnabled: true });
        const tokens: string[] = [];
        for (let i = 0; i < 35; i++) {
          const email = `crowd.${i}@example.org`;
          await createMemberRecord(server, spaceId, { email, displayName: `Crowd ${i}` });
          tokens.push(await signInMember(server, spaceId, email));
        }
        const results = await Promise.all(tokens.map((token) => register(event.id, token)));
        const statuses = results.map((r) => r.data.status);
        assert.equal(statuses.filter((s) => s === 'registered').length, 5);
        assert.equal(statuses.filter((s) => s === 'waitlisted').length, 30);
        const { data } = await listRegistrations(staff(), { path: { spaceId }, query: { eventId: event.id, limit: 100 } });
        assert.equal(data.items.filter((r) => r.status === 'registered').length, 5);
        const positions = data.items.filter((r) => r.status === 'waitlisted').map((r) => r.waitlistPosition).sort((a, b) => a! - b!);
        assert.deepEqual(positions, Array.from({ length: 30 }, (_, i) => i + 1));
        assert.equal((await getEvent(staff(), { path: { spaceId, eventId: event.id } })).data.seatsLeft, 0);

        // Three seated people cancel at once: exactly three are promoted, never more.
        const seated = data.items.filter((r) => r.status === 'registered').slice(0, 3);
        await Promise.all(seated.map((r) => cancel(r.id, staffKey)));
        const after = await listRegistrations(staff(), { path: { spaceId }, query: { eventId: event.id, limit: 100 } });
        assert.equal(after.data.items.filter((r) => r.status === 'registered').length, 5);
        assert.equal(after.data.items.filter((r) => r.status === 'waitlisted').length, 27);
      });

      test('30 guests at once for 5 seats without a waitlist: 5 registered, 25 refused with event_full', async () => {
        const event = await newEvent({ capacity: 5 });
        const settled = await Promise.allSettled(Array.from({ length: 30 }, (_, i) => registerGuest(event.id, `rush.${i}`)));
        const created = settled.filter((s) => s.status === 'fulfilled');
        const refused = settled.filter((s): s is PromiseRejectedResult => s.status === 'rejected');
        assert.equal(created.length, 5);
        assert.equal(refused.length, 25);
        for (const r of refused) {
          assert.ok(r.reason instanceof ApiError);
          assert.equal(r.reason.status, 422);
          assert.equal(r.reason.problem.code, 'event_full');
        }
        const { data } = await listRegistrations(staff(), { path: { spaceId }, query: { eventId: event.id, limit: 100 } });
        assert.equal(data.items.length, 5);
        assert.ok(data.items.every((r) => r.status === 'registered'));
      });

      test('one member sending 10 registrations at once (different keys) gets exactly one', async () => {
        const event = await newEvent({ capacity: 50 });
        const settled = await Promise.allSettled(Array.from({ length: 10 }, () => register(event.id, members.noah!.token)));
        assert.equal(settled.filter((s) => s.status === 'fulfilled').length, 1);
        for (const s of settled) {
          if (s.status === 'rejected') assert.equal((s.reason as ApiError).status, 409);
        }
        assert.equal((await getEvent(staff(), { path: { spaceId, eventId: event.id } })).data.seatsLeft, 49);
      });
    });
  });
}
