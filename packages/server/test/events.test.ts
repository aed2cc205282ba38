import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import ICAL from 'ical.js';
import {
  ApiError,
  cancelRegistration,
  createEvent,
  createRegistration,
  createResource,
  deleteEvent,
  getEvent,
  getEventFeed,
  getEventIcal,
  getRegistration,
  listEvents,
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

const start = '2026-12-01T07:00:00.000Z';

/** The ApiError a request fails with (fails the test if it succeeds). */
const rejection = (promise: Promise<unknown>): Promise<ApiError> =>
  promise.then(
    () => assert.fail('expected the request to fail'),
    (error: unknown) => {
      assert.ok(error instanceof ApiError, `expected an ApiError, got ${error}`);
      return error;
    },
  );

/** The VEVENTs of an iCalendar text, parsed by ical.js. */
function vevents(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  assert.equal(calendar.name, 'vcalendar');
  return calendar.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent);
    return {
      uid: event.uid,
      summary: event.summary,
      description: event.description,
      location: event.location,
      start: event.startDate.toJSDate().toISOString(),
      end: event.endDate.toJSDate().toISOString(),
      status: vevent.getFirstPropertyValue('status'),
    };
  });
}

for (const kind of testDatabases()) {
  describe(`events (${kind})`, () => {
    let server: TestServer;
    let staffKey: string;
    let otherStaffKey: string;
    let memberToken: string;
    let roomId: string;
    let otherRoomId: string;
    const spaceId = 'la-ruche';

    const staff = () => server.client(staffKey);
    const newEvent = async (body: Partial<EventCreate> = {}): Promise<Event> => {
      const { data } = await createEvent(staff(), {
        path: { spaceId },
        body: { title: 'Atelier', start: '2026-12-03T17:00:00Z', end: '2026-12-03T19:00:00Z', ...body },
      });
      return data;
    };

    before(async () => {
      server = await startTestServer(kind, { now: start });
      ({ staffKey } = await seedSpace(server));
      ({ staffKey: otherStaffKey } = await seedSpace(server, spaceFixture('le-phare', { name: 'Le Phare' })));
      await createMemberRecord(server, spaceId, { email: 'camille@example.org', displayName: 'Camille Martin' });
      memberToken = await signInMember(server, spaceId, 'camille@example.org');
      roomId = (await createResource(staff(), { path: { spaceId }, body: { type: 'meeting_room', name: 'Salle Alvéole', capacity: 12 } })).data.id;
      otherRoomId = (await createResource(server.client(otherStaffKey), { path: { spaceId: 'le-phare' }, body: { type: 'meeting_room', name: 'Cabine', capacity: 2 } })).data.id;
    });

    describe('createEvent', () => {
      test('staff publish an event: 201, Location, defaults, instants in UTC, seats left', async () => {
        const response = await createEvent(staff(), {
          path: { spaceId },
          body: {
            title: 'Atelier accessibilité numérique',
            summary: "Deux heures pour tester vos sites avec un lecteur d'écran.",
            start: '2026-12-03T18:00:00+01:00',
            end: '2026-12-03T20:00:00+01:00',
            location: { kind: 'resource', resourceId: roomId },
            tags: ['atelier', 'accessibility'],
            capacity: 12,
            'x-laruche-color': 'green',
          } as EventCreate,
        });
        assert.equal(response.status, 201);
        const event = response.data;
        assert.match(event.id, /^ev_/);
        assert.equal(response.headers.get('location'), `${server.deps.config.publicUrl}/spaces/${spaceId}/events/${event.id}`);
        assert.equal(event.spaceId, spaceId);
        assert.equal(event.start, '2026-12-03T17:00:00.000Z');
        assert.equal(event.end, '2026-12-03T19:00:00.000Z');
        assert.equal(event.status, 'scheduled');
        assert.equal(event.visibility, 'public');
        assert.equal(event.allDay, false);
        assert.equal(event.waitlistEnabled, false);
        assert.deepEqual(event.registration, { required: false, audience: ['guest', 'member'] });
        assert.equal(event.capacity, 12);
        assert.equal(event.seatsLeft, 12);
        assert.equal((event as Record<string, unknown>)['x-laruche-color'], 'green');
        assert.equal(event.createdAt, start);
        const { data: again } = await getEvent(server.client(), { path: { spaceId, eventId: event.id } });
        assert.deepEqual(again, event);
      });

      test('without capacity there is no seatsLeft; tags default to []', async () => {
        const event = await newEvent();
        assert.equal(event.capacity, undefined);
        assert.equal(event.seatsLeft, undefined);
        assert.deepEqual(event.tags, []);
      });

      test('only staff of this space create events', async () => {
        const body = { title: 'Intrus', start: '2026-12-03T17:00:00Z', end: '2026-12-03T19:00:00Z' };
        const asMember = await rejection(createEvent(server.client(memberToken), { path: { spaceId }, body }));
        assert.equal(asMember.status, 403);
        assert.equal(asMember.type, 'urn:coworking-commons:problem:forbidden');
        const anonymous = await rejection(createEvent(server.client(), { path: { spaceId }, body }));
        assert.equal(anonymous.status, 401);
        const otherSpace = await rejection(createEvent(server.client(otherStaffKey), { path: { spaceId }, body }));
        assert.equal(otherSpace.status, 401, "another space's key is not a key of this space");
        const { data } = await listEvents(staff(), { path: { spaceId }, query: { limit: 100 } });
        assert.ok(!data.items.some((e) => e.title === 'Intrus'));
      });

      test('the end must be after the start', async () => {
        const error = await rejection(newEvent({ start: '2026-12-03T19:00:00Z', end: '2026-12-03T19:00:00Z' }));
        assert.equal(error.status, 422);
        assert.equal(error.problem.code, 'end_before_start');
      });

      test("a resource location must be one of this space's resources", async () => {
        const unknown = await rejection(newEvent({ location: { kind: 'resource', resourceId: 'rs_nowhere' } }));
        assert.equal(unknown.status, 422);
        assert.equal(unknown.problem.code, 'unknown_resource');
        const foreign = await rejection(newEvent({ location: { kind: 'resource', resourceId: otherRoomId } }));
        assert.equal(foreign.status, 422);
        assert.equal(foreign.problem.code, 'unknown_resource');
      });

      test("all-day events start and end at midnight in the space's zone", async () => {
        const wrong = await rejection(newEvent({ allDay: true, start: '2026-12-10T00:00:00Z', end: '2026-12-11T00:00:00Z' }));
        assert.equal(wrong.problem.code, 'all_day_not_midnight');
        const event = await newEvent({ allDay: true, start: '2026-12-09T23:00:00Z', end: '2026-12-10T23:00:00Z' });
        assert.equal(event.allDay, true);
      });

      test('registrations must close after they open; bad bodies are 400', async () => {
        const window = await rejection(
          newEvent({ registration: { required: true, audience: ['member'], opensAt: '2026-12-02T10:00:00Z', closesAt: '2026-12-02T09:00:00Z' } }),
        );
        assert.equal(window.problem.code, 'registration_window');
        const invalid = await rejection(newEvent({ capacity: 0 }));
        assert.equal(invalid.status, 400);
        assert.equal(invalid.type, 'urn:coworking-commons:problem:validation-error');
      });
    });

    describe('visibility', () => {
      let membersOnly: Event;
      let publicEvent: Event;
      before(async () => {
        membersOnly = await newEvent({ title: 'Déjeuner des membres', visibility: 'members', start: '2026-12-05T11:30:00Z', end: '2026-12-05T13:30:00Z' });
        publicEvent = await newEvent({ title: 'Apéro public', start: '2026-12-05T17:00:00Z', end: '2026-12-05T19:00:00Z' });
      });

      test('a members-only event is absent from the list for anonymous callers, present for members and staff', async () => {
        const window = { from: '2026-12-05T00:00:00Z', to: '2026-12-06T00:00:00Z' };
        const anonymous = await listEvents(server.client(), { path: { spaceId }, query: window });
        assert.deepEqual(anonymous.data.items.map((e) => e.id), [publicEvent.id]);
        const member = await listEvents(server.client(memberToken), { path: { spaceId }, query: window });
        assert.deepEqual(member.data.items.map((e) => e.id), [membersOnly.id, publicEvent.id]);
        const asStaff = await listEvents(staff(), { path: { spaceId }, query: window });
        assert.deepEqual(asStaff.data.items.map((e) => e.id), [membersOnly.id, publicEvent.id]);
      });

      test('a members-only event is 404 to anonymous callers, 200 to members and staff', async () => {
        const path = { spaceId, eventId: membersOnly.id };
        const error = await rejection(getEvent(server.client(), { path }));
        assert.equal(error.status, 404);
        assert.equal(error.type, 'urn:coworking-commons:problem:not-found');
        assert.equal((await getEvent(server.client(memberToken), { path })).data.visibility, 'members');
        assert.equal((await getEvent(staff(), { path })).data.id, membersOnly.id);
      });

      test("its iCalendar file is 404 to anonymous callers; it is left out of their feed", async () => {
        const path = { spaceId, eventId: membersOnly.id };
        assert.equal((await rejection(getEventIcal(server.client(), { path }))).status, 404);
        const mine = await getEventIcal(server.client(memberToken), { path });
        assert.equal(vevents(mine.data)[0]!.summary, 'Déjeuner des membres');
        const anonymousFeed = vevents((await getEventFeed(server.client(), { path: { spaceId } })).data);
        assert.ok(!anonymousFeed.some((e) => e.summary === 'Déjeuner des membres'));
        assert.ok(anonymousFeed.some((e) => e.summary === 'Apéro public'));
        const memberFeed = vevents((await getEventFeed(server.client(memberToken), { path: { spaceId } })).data);
        assert.ok(memberFeed.some((e) => e.summary === 'Déjeuner des membres'));
        const staffFeed = vevents((await getEventFeed(staff(), { path: { spaceId } })).data);
        assert.ok(staffFeed.some((e) => e.summary === 'Déjeuner des membres'));
      });

      test("another space's events are not found through this space", async () => {
        const { data: elsewhere } = await createEvent(server.client(otherStaffKey), {
          path: { spaceId: 'le-phare' },
          body: { title: 'Ailleurs', start: '2026-12-05T17:00:00Z', end: '2026-12-05T19:00:00Z' },
        });
        assert.equal((await rejection(getEvent(staff(), { path: { spaceId, eventId: elsewhere.id } }))).status, 404);
        assert.equal((await rejection(updateEvent(staff(), { path: { spaceId, eventId: elsewhere.id }, body: { title: 'Volé' } }))).status, 404);
        assert.equal((await rejection(deleteEvent(staff(), { path: { spaceId, eventId: elsewhere.id } }))).status, 404);
        assert.equal((await getEvent(server.client(), { path: { spaceId: 'le-phare', eventId: elsewhere.id } })).data.title, 'Ailleurs');
      });
    });

    describe('listEvents', () => {
      // A quiet week of its own so other tests' events do not interfere.
      const week = { from: '2027-02-01T00:00:00Z', to: '2027-02-08T00:00:00Z' };
      let events: Event[];
      before(async () => {
        events = [];
        for (const [day, title, tags] of [
          ['02', 'Lundi', ['atelier']],
          ['03', 'Mardi', ['apero', 'cafe_philo']],
          ['03', 'Mardi bis', ['cafe-philo']],
          ['04', 'Mercredi', ['atelier', 'meetup']],
          ['05', 'Jeudi', []],
        ] as const) {
          events.push(await newEvent({ title, tags: [...tags], start: `2027-02-${day}T17:00:00Z`, end: `2027-02-${day}T19:00:00Z` }));
        }
      });

      test('events are ordered by start, then id, and paged with a cursor', async () => {
        const seen: string[] = [];
        let cursor: string | undefined;
        let pages = 0;
        do {
          const { data } = await listEvents(server.client(), { path: { spaceId }, query: { ...week, limit: 2, ...(cursor ? { cursor } : {}) } });
          assert.ok(data.items.length <= 2);
          seen.push(...data.items.map((e) => e.id));
          cursor = data.nextCursor;
          pages += 1;
        } while (cursor);
        assert.equal(pages, 3);
        const expected = [...events].sort((a, b) => a.start.localeCompare(b.start) || (a.id < b.id ? -1 : 1)).map((e) => e.id);
        assert.deepEqual(seen, expected);
      });

      test('the window keeps events that end after from and start before to', async () => {
        const { data } = await listEvents(server.client(), { path: { spaceId }, query: { from: '2027-02-03T18:30:00Z', to: '2027-02-04T17:00:00Z' } });
        assert.deepEqual(data.items.map((e) => e.title).sort(), ['Mardi', 'Mardi bis']);
        const touching = await listEvents(server.client(), { path: { spaceId }, query: { from: '2027-02-02T19:00:00Z', to: '2027-02-02T23:00:00Z' } });
        assert.deepEqual(touching.data.items, [], 'an event ending exactly at from is out');
      });

      test('without from, the list starts with events that have not ended yet', async () => {
        server.clock.set('2027-02-04T18:00:00Z');
        try {
          const { data } = await listEvents(server.client(), { path: { spaceId }, query: { to: week.to } });
          assert.deepEqual(data.items.map((e) => e.title), ['Mercredi', 'Jeudi']);
        } finally {
          server.clock.set(start);
        }
      });

      test('the tag filter matches whole tags only', async () => {
        const tagged = async (tag: string) => (await listEvents(server.client(), { path: { spaceId }, query: { ...week, tag } })).data.items.map((e) => e.title);
        assert.deepEqual(await tagged('atelier'), ['Lundi', 'Mercredi']);
        assert.deepEqual(await tagged('cafe_philo'), ['Mardi']);
        assert.deepEqual(await tagged('cafe-philo'), ['Mardi bis']);
        assert.deepEqual(await tagged('cafe'), []);
        assert.deepEqual(await tagged('meetup'), ['Mercredi']);
      });

      test('a cursor the server did not give is a validation error', async () => {
        const error = await rejection(listEvents(server.client(), { path: { spaceId }, query: { cursor: 'bm9wZQ' } }));
        assert.equal(error.status, 400);
        assert.equal(error.problem.errors?.[0]?.pointer, '/query/cursor');
      });

      test('cancelled events stay listed, with status cancelled', async () => {
        const event = await newEvent({ title: 'Annulé', start: '2027-02-06T10:00:00Z', end: '2027-02-06T12:00:00Z' });
        await updateEvent(staff(), { path: { spaceId, eventId: event.id }, body: { status: 'cancelled' } });
        const { data } = await listEvents(server.client(), { path: { spaceId }, query: { from: '2027-02-06T00:00:00Z', to: '2027-02-07T00:00:00Z' } });
        assert.deepEqual(data.items.map((e) => [e.title, e.status]), [['Annulé', 'cancelled']]);
      });
    });

    describe('updateEvent and deleteEvent', () => {
      test('fields left out are kept; null removes an optional field; updatedAt moves', async () => {
        const event = await newEvent({ summary: 'Un résumé', organizer: { name: 'Camille' }, capacity: 10 });
        server.clock.set('2026-12-01T08:00:00Z');
        try {
          const { data } = await updateEvent(staff(), { path: { spaceId, eventId: event.id }, body: { title: 'Nouveau titre', summary: null, capacity: null } });
          assert.equal(data.title, 'Nouveau titre');
          assert.equal(data.summary, undefined);
          assert.equal(data.capacity, undefined);
          assert.equal(data.seatsLeft, undefined);
          assert.deepEqual(data.organizer, { name: 'Camille' });
          assert.equal(data.start, event.start);
          assert.equal(data.createdAt, event.createdAt);
          assert.equal(data.updatedAt, '2026-12-01T08:00:00.000Z');
          assert.deepEqual((await getEvent(server.client(), { path: { spaceId, eventId: event.id } })).data, data);
        } finally {
          server.clock.set(start);
        }
      });

      test('a change must keep the end after the start', async () => {
        const event = await newEvent();
        const error = await rejection(updateEvent(staff(), { path: { spaceId, eventId: event.id }, body: { end: '2026-12-03T16:00:00Z' } }));
        assert.equal(error.problem.code, 'end_before_start');
        assert.equal((await getEvent(server.client(), { path: { spaceId, eventId: event.id } })).data.end, event.end, 'nothing was written');
      });

      test('members cannot change or delete events', async () => {
        const event = await newEvent();
        const path = { spaceId, eventId: event.id };
        assert.equal((await rejection(updateEvent(server.client(memberToken), { path, body: { title: 'Pirate' } }))).status, 403);
        assert.equal((await rejection(deleteEvent(server.client(memberToken), { path }))).status, 403);
        assert.equal((await rejection(updateEvent(server.client(), { path, body: { title: 'Pirate' } }))).status, 401);
        assert.equal((await rejection(deleteEvent(server.client(otherStaffKey), { path }))).status, 401);
        assert.equal((await getEvent(server.client(), { path })).data.title, 'Atelier');
      });

      test('cancelling cancels every registration; a cancelled event cannot be scheduled again', async () => {
        const event = await newEvent({ capacity: 1, waitlistEnabled: true });
        const path = { spaceId, eventId: event.id };
        const first = await createRegistration(server.client(), { path, body: { guest: { name: 'Sophie Leroy', email: 'sophie@example.net' } } });
        const second = await createRegistration(server.client(memberToken), { path, body: {} });
        assert.equal(second.data.status, 'waitlisted');
        const { data: cancelled } = await updateEvent(staff(), { path, body: { status: 'cancelled' } });
        assert.equal(cancelled.status, 'cancelled');
        const { data: registrations } = await listRegistrations(staff(), { path: { spaceId }, query: { eventId: event.id } });
        assert.equal(registrations.items.length, 2);
        for (const registration of registrations.items) {
          assert.equal(registration.status, 'cancelled');
          assert.equal(registration.cancelledAt, start);
        }
        const mine = await getRegistration(server.client(memberToken), { path: { spaceId, registrationId: second.data.id } });
        assert.equal(mine.data.status, 'cancelled');
        const again = await rejection(updateEvent(staff(), { path, body: { status: 'scheduled' } }));
        assert.equal(again.status, 422);
        assert.equal(again.problem.code, 'event_cancelled');
        const guest = await rejection(
          cancelRegistration(server.client(), { path: { spaceId, registrationId: first.data.id }, query: { guestToken: first.data.guestToken } } as never),
        );
        assert.equal(guest.status, 409, 'already cancelled with the event');
      });

      test('capacity cannot go below the registered count; raising it promotes the waitlist in order', async () => {
        const event = await newEvent({ capacity: 1, waitlistEnabled: true });
        const path = { spaceId, eventId: event.id };
        const register = (n: number) => createRegistration(server.client(), { path, body: { guest: { name: `Invité ${n}`, email: `invite.${n}@example.net` } } });
        const seated = await register(1);
        const waiting = [await register(2), await register(3), await register(4)];
        assert.equal(seated.data.status, 'registered');
        assert.deepEqual(waiting.map((r) => [r.data.status, r.data.waitlistPosition]), [['waitlisted', 1], ['waitlisted', 2], ['waitlisted', 3]]);

        const { data: raised } = await updateEvent(staff(), { path, body: { capacity: 3 } });
        assert.equal(raised.seatsLeft, 0);
        const status = async (id: string) => (await getRegistration(staff(), { path: { spaceId, registrationId: id } })).data;
        assert.equal((await status(waiting[0]!.data.id)).status, 'registered');
        assert.equal((await status(waiting[1]!.data.id)).status, 'registered');
        const last = await status(waiting[2]!.data.id);
        assert.equal(last.status, 'waitlisted');
        assert.equal(last.waitlistPosition, 1);

        const lower = await rejection(updateEvent(staff(), { path, body: { capacity: 2 } }));
        assert.equal(lower.status, 422);
        assert.equal(lower.problem.code, 'capacity_below_registered');
        assert.equal((await getEvent(staff(), { path })).data.capacity, 3);

        const { data: unlimited } = await updateEvent(staff(), { path, body: { capacity: null } });
        assert.equal(unlimited.seatsLeft, undefined);
        assert.equal((await status(waiting[2]!.data.id)).status, 'registered', 'unlimited seats promote everyone');
      });

      test('deleting removes the event and its registrations', async () => {
        const event = await newEvent();
        const path = { spaceId, eventId: event.id };
        const registration = await createRegistration(server.client(memberToken), { path, body: {} });
        const response = await deleteEvent(staff(), { path });
        assert.equal(response.status, 204);
        assert.equal((await rejection(getEvent(staff(), { path }))).status, 404);
        assert.equal((await rejection(getRegistration(staff(), { path: { spaceId, registrationId: registration.data.id } }))).status, 404);
        assert.equal((await rejection(deleteEvent(staff(), { path }))).status, 404);
      });
    });

    describe('iCalendar', () => {
      test('one event as iCalendar: UID, times, summary, location, status', async () => {
        const event = await newEvent({
          title: 'Atelier; accessibilité, numérique',
          summary: 'Tester ses sites',
          description: 'Apportez votre ordinateur.\nBring a laptop.',
          start: '2026-12-12T09:00:00Z',
          end: '2026-12-12T11:30:00Z',
          location: { kind: 'resource', resourceId: roomId },
        });
        const response = await getEventIcal(server.client(), { path: { spaceId, eventId: event.id } });
        assert.match(response.headers.get('content-type') ?? '', /^text\/calendar/);
        const [vevent, ...rest] = vevents(response.data);
        assert.equal(rest.length, 0);
        assert.equal(vevent!.uid, `${event.id}@${spaceId}.coworking-commons`);
        assert.equal(vevent!.summary, 'Atelier; accessibilité, numérique');
        assert.equal(vevent!.start, '2026-12-12T09:00:00.000Z');
        assert.equal(vevent!.end, '2026-12-12T11:30:00.000Z');
        assert.match(vevent!.description, /Apportez votre ordinateur\.\nBring a laptop\./);
        assert.match(vevent!.location, /Salle Alvéole/);
        assert.equal(vevent!.status, 'CONFIRMED');
      });

      test('the feed lists the visible events, cancelled ones with STATUS:CANCELLED', async () => {
        const kept = await newEvent({ title: 'Flux gardé', start: '2026-12-14T09:00:00Z', end: '2026-12-14T10:00:00Z', location: { kind: 'text', text: 'Terrasse' } });
        const dropped = await newEvent({ title: 'Flux annulé', start: '2026-12-15T09:00:00Z', end: '2026-12-15T10:00:00Z' });
        await updateEvent(staff(), { path: { spaceId, eventId: dropped.id }, body: { status: 'cancelled' } });
        const response = await getEventFeed(server.client(), { path: { spaceId } });
        assert.match(response.headers.get('content-type') ?? '', /^text\/calendar/);
        assert.match(response.data as string, /\r\nEND:VCALENDAR\r\n$/, 'the last line ends with CRLF too (RFC 5545 §3.1)');
        const feed = vevents(response.data);
        const byUid = new Map(feed.map((e) => [e.uid, e]));
        assert.equal(byUid.get(`${kept.id}@${spaceId}.coworking-commons`)?.status, 'CONFIRMED');
        assert.equal(byUid.get(`${kept.id}@${spaceId}.coworking-commons`)?.location, 'Terrasse');
        assert.equal(byUid.get(`${dropped.id}@${spaceId}.coworking-commons`)?.status, 'CANCELLED');
        assert.equal(new Set(feed.map((e) => e.uid)).size, feed.length, 'one VEVENT per event');
        const { data: visible } = await listEvents(server.client(), { path: { spaceId }, query: { limit: 100 } });
        for (const event of visible.items) assert.ok(byUid.has(`${event.id}@${spaceId}.coworking-commons`), `${event.title} is in the feed`);
      });

      test('asking for JSON only is 406', async () => {
        const response = await fetch(`${server.url}/spaces/${spaceId}/events.ics`, { headers: { accept: 'application/json' } });
        assert.equal(response.status, 406);
        assert.equal((await response.json()).type, 'urn:coworking-commons:problem:not-acceptable');
      });
    });
  });
}
