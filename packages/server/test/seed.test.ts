// The demo space "La Ruche": what `seed --demo` creates, that it is idempotent, and that a real
// server over the seeded database answers with documents that match the spec (the test server
// checks every response), on both databases.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import {
  createToken,
  getAvailability,
  getMe,
  getSpace,
  listApiKeys,
  listBookings,
  listEvents,
  listMemberCards,
  listMembers,
  listMemberships,
  listOrganisations,
  listPlans,
  listRegistrations,
  listResources,
  requestSignInCode,
  getMemberCredits,
} from '@coworking-commons/client';
import { openStore, type Store } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { addDays } from '../src/domain/time.ts';
import type { Database } from '../src/db/schema.ts';
import { demoSpaceId, sampleMemberEmail, seedDemo, type DemoSeedResult } from '../src/seed/demo.ts';
import { demoProgram } from '../src/seed/demo-events.ts';
import { demoClosures } from '../src/seed/demo-space.ts';
import { createTestDatabase, testDatabases } from './support/databases.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

const tables: (keyof Database)[] = ['spaces', 'resources', 'plans', 'members', 'api_keys', 'bookings', 'booking_units', 'events', 'registrations'];

async function rowCounts(store: Store): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const row = await store.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts;
}

/** Every item of a paginated list operation. */
async function all<T>(fetchPage: (cursor: string | undefined) => Promise<{ data: { items: T[]; nextCursor?: string } }>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const { data } = await fetchPage(cursor);
    items.push(...data.items);
    cursor = data.nextCursor;
  } while (cursor);
  return items;
}

for (const kind of testDatabases()) {
  describe(`the demo space (${kind})`, () => {
    let store: Store;
    let seeded: DemoSeedResult;
    let server: TestServer;
    const seededAt = new Date();

    before(async () => {
      // A fresh, migrated database (dropped after the file) behind a real server; seeded directly.
      server = await startTestServer(kind);
      store = server.store;
      seeded = await seedDemo({ store, now: () => seededAt }, { allowedOrigins: ['http://localhost:6006'] });
    });

    test('seeding creates La Ruche and a staff key, and says so', async () => {
      assert.equal(seeded.created, true);
      assert.equal(seeded.spaceId, 'la-ruche');
      assert.equal(seeded.name, 'La Ruche');
      assert.match(seeded.staffKey ?? '', /^cck_[A-Za-z0-9_-]{30,}$/);
      assert.equal(seeded.sampleMemberEmail, sampleMemberEmail);
      assert.match(seeded.summary, /\d+ members/);
      const { data } = await listApiKeys(server.client(seeded.staffKey), { path: { spaceId: demoSpaceId } });
      assert.equal(data.items.length, 1, 'the printed key is the space’s staff key');
    });

    test('the space: bilingual, in Nantes, open weekdays and Saturday morning, closed for Christmas, guests welcome', async () => {
      const { data: space } = await getSpace(server.client(), { path: { spaceId: demoSpaceId } });
      assert.equal(space.timeZone, 'Europe/Paris');
      assert.equal(space.currency, 'EUR');
      assert.deepEqual(space.languages, ['fr', 'en']);
      assert.equal(space.address?.locality, 'Nantes');
      assert.ok(space.translations?.en?.description, 'an English description');
      assert.deepEqual(
        space.openingHours.filter((r) => r.day !== 'saturday').map((r) => `${r.day} ${r.opens}-${r.closes}`),
        ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'].map((day) => `${day} 08:00-19:00`),
      );
      const saturday = space.openingHours.find((r) => r.day === 'saturday');
      assert.ok(saturday && saturday.closes <= '13:00', 'open on Saturday morning only');
      assert.ok(!space.openingHours.some((r) => r.day === 'sunday'));
      assert.ok(space.closures.some((c) => c.from.endsWith('-12-24') && c.to.endsWith('-01-01')), 'closed over Christmas');
      assert.ok(space.closures.length >= 2);
      assert.ok(space.closures.every((c) => c.to >= seededAt.toISOString().slice(0, 10)), 'closures are upcoming');
      assert.equal(space.policies.guestBookingAllowed, true);
      assert.ok(space.amenities.includes('wifi'));
      const row = await store.db.selectFrom('spaces').select('allowed_origins').where('id', '=', demoSpaceId).executeTakeFirstOrThrow();
      assert.deepEqual(JSON.parse(row.allowed_origins), ['http://localhost:6006']);
    });

    test('resources of every kind, with rules and cheaper prices for members', async () => {
      const resources = await all((cursor) => listResources(server.client(), { path: { spaceId: demoSpaceId }, query: { cursor, limit: 100 } }));
      const types = new Set(resources.map((r) => r.type));
      for (const type of ['hot_desk', 'dedicated_desk', 'meeting_room', 'private_office', 'phone_booth', 'event_space'] as const) assert.ok(types.has(type), type);
      const desks = resources.find((r) => r.type === 'hot_desk')!;
      assert.equal(desks.quantity, 12);
      const rooms = resources.filter((r) => r.type === 'meeting_room');
      assert.deepEqual(rooms.map((r) => r.capacity).sort((a, b) => a - b), [4, 8, 12]);
      for (const room of rooms) {
        assert.equal(room.rules.granularity, 'PT30M');
        assert.equal(room.rules.maxDuration, 'PT8H');
        assert.ok(['PT30M', 'PT1H'].includes(room.rules.minDuration));
        for (const unit of ['hour', 'half_day', 'day'] as const) {
          const guest = room.offers.find((o) => o.unit === unit && o.audience === 'guest');
          const member = room.offers.find((o) => o.unit === unit && o.audience === 'member');
          assert.ok(guest && member, `${room.name}: ${unit} prices for guests and members`);
          assert.ok(member.price.amount < guest.price.amount, `${room.name}: members pay less by the ${unit}`);
        }
      }
      assert.ok(rooms.some((r) => r.rules.bufferBefore !== 'PT0S' || r.rules.bufferAfter !== 'PT0S'), 'buffers');
      assert.ok(resources.every((r) => r.translations?.en?.name), 'English names');
      assert.ok(resources.some((r) => r.rules.approvalRequired));
      const { data: availability } = await getAvailability(server.client(), {
        path: { spaceId: demoSpaceId },
        query: { from: seededAt.toISOString(), to: new Date(seededAt.getTime() + 7 * 86_400_000).toISOString(), type: 'meeting_room' },
      });
      assert.equal(availability.resources.length, 3, 'the three meeting rooms');
      assert.ok(availability.resources.every((r) => r.slots.length > 0), 'each free at some time this week');
    });

    test('three or four plans, one featured', async () => {
      const { data } = await listPlans(server.client(), { path: { spaceId: demoSpaceId } });
      assert.ok(data.items.length >= 3 && data.items.length <= 4);
      assert.equal(data.items.filter((p) => p.featured).length, 1);
      assert.ok(data.items.every((p) => p.price.currency === 'EUR' && p.includes.length > 0 && p.translations?.en?.name));
      assert.ok(data.items.every((p) => p.grants && (p.grants.credits !== undefined || p.grants.includedDays !== undefined)), 'each says what it grants');
      assert.deepEqual(data.items.find((p) => p.period === 'day')?.grants?.includedDays, 1, 'the day pass is one day');
    });

    test('organisations, and memberships in every state staff meet: running, paused, ended, asked for, held by a company', async () => {
      const staff = server.client(seeded.staffKey);
      const organisations = (await listOrganisations(staff, { path: { spaceId: demoSpaceId } })).data.items;
      assert.ok(organisations.length >= 2);
      assert.ok(organisations.every((o) => o.memberCount >= 1), 'each has a member');
      const memberships = await all((cursor) => listMemberships(staff, { path: { spaceId: demoSpaceId }, query: { cursor, limit: 100 } }));
      assert.equal(memberships.length, seeded.counts!.memberships);
      for (const status of ['active', 'paused', 'ended', 'requested'] as const) assert.ok(memberships.some((m) => m.status === status), `one ${status}`);
      assert.ok(memberships.some((m) => m.holder.type === 'organisation' && m.status === 'active'), 'a company holds one');
      assert.ok(memberships.filter((m) => m.status === 'active').every((m) => m.currentPeriod), 'running ones are in a period');
    });

    test('about thirty varied members, most of them in the directory', async () => {
      const members = await all((cursor) => listMembers(server.client(seeded.staffKey), { path: { spaceId: demoSpaceId }, query: { cursor, limit: 100 } }));
      assert.ok(members.length >= 25, `${members.length} members`);
      assert.equal(new Set(members.map((m) => m.displayName)).size, members.length, 'different names');
      assert.equal(new Set(members.map((m) => m.company)).size > 20, true, 'different companies');
      const consenting = members.filter((m) => m.directoryConsent && m.status === 'active');
      assert.ok(consenting.length >= members.length * 0.75, 'most consented to the directory');
      assert.ok(consenting.length < members.length, 'but not all');
      assert.ok(members.filter((m) => m.skills.length > 0 && m.headline).length >= 25);
      assert.ok(members.filter((m) => m.links.length > 0).length >= 20);
      assert.ok(members.some((m) => m.email === sampleMemberEmail && m.status === 'active'));
      const cards = await all((cursor) => listMemberCards(server.client(), { path: { spaceId: demoSpaceId }, query: { cursor, limit: 100 } }));
      assert.equal(cards.length, consenting.length, 'the public directory lists exactly the consenting active members');
    });

    test('a month of events from today: workshops, breakfasts, talks; some full, some for members, one cancelled', async () => {
      const events = await all((cursor) => listEvents(server.client(seeded.staffKey), { path: { spaceId: demoSpaceId }, query: { cursor, limit: 100 } }));
      assert.ok(events.length >= 20, `${events.length} events`);
      const starts = events.map((e) => Date.parse(e.start));
      assert.ok(Math.min(...starts) > seededAt.getTime(), 'all ahead');
      assert.ok(Math.max(...starts) - seededAt.getTime() >= 21 * 86_400_000, 'spread over the month');
      assert.ok(Math.max(...starts) - seededAt.getTime() <= 60 * 86_400_000);
      const tags = new Set(events.flatMap((e) => e.tags));
      for (const tag of ['workshop', 'breakfast', 'talk']) assert.ok(tags.has(tag), tag);
      const full = events.filter((e) => e.status === 'scheduled' && e.capacity !== undefined && e.seatsLeft === 0);
      assert.ok(full.length >= 2, 'some events are full');
      const membersOnly = events.filter((e) => e.visibility === 'members');
      assert.ok(membersOnly.length >= 3, 'some are for members only');
      const cancelled = events.filter((e) => e.status === 'cancelled');
      assert.equal(cancelled.length, 1, 'one is cancelled');
      assert.ok(events.every((e) => e.translations?.en?.title), 'translated');
      assert.ok(events.some((e) => e.location?.kind === 'online') && events.some((e) => e.location?.kind === 'resource') && events.some((e) => e.allDay));

      const publicEvents = await all((cursor) => listEvents(server.client(), { path: { spaceId: demoSpaceId }, query: { cursor, limit: 100 } }));
      assert.equal(publicEvents.length, events.length - membersOnly.length, 'members-only events are hidden from the public');

      const registrations = await all((cursor) => listRegistrations(server.client(seeded.staffKey), { path: { spaceId: demoSpaceId }, query: { cursor, limit: 100 } }));
      for (const event of full) {
        const seated = registrations.filter((r) => r.eventId === event.id && r.status === 'registered');
        assert.equal(seated.length, event.capacity, `${event.title}: full of registrations`);
        assert.ok(seated.filter((r) => r.registrant.kind === 'member').length >= event.capacity! / 2, `${event.title}: mostly members`);
      }
      assert.ok(registrations.some((r) => r.status === 'waitlisted' && r.waitlistPosition === 1), 'a waitlist');
      const ofCancelled = registrations.filter((r) => r.eventId === cancelled[0]!.id);
      assert.ok(ofCancelled.length > 0 && ofCancelled.every((r) => r.status === 'cancelled'), 'the cancelled event’s registrations are cancelled');
      assert.ok(registrations.some((r) => r.registrant.kind === 'guest'), 'guests registered too');
    });

    test('a few bookings ahead, one waiting for approval', async () => {
      const bookings = await all((cursor) => listBookings(server.client(seeded.staffKey), { path: { spaceId: demoSpaceId }, query: { cursor, limit: 100 } }));
      assert.ok(bookings.length >= 4);
      assert.ok(bookings.every((b) => Date.parse(b.start) > seededAt.getTime()));
      assert.ok(bookings.some((b) => b.status === 'pending'));
      assert.ok(bookings.some((b) => b.booker.kind === 'guest'));
      assert.ok(bookings.some((b) => b.price.amount > 0));
    });

    test('members with a membership have their plan’s credits; Le Petit Salon is priced in credits for them', async () => {
      const camille = await store.db.selectFrom('members').select('id').where('email', '=', 'camille.durand@example.org').executeTakeFirstOrThrow();
      const ledger = (await getMemberCredits(server.client(seeded.staffKey), { path: { spaceId: demoSpaceId, memberId: camille.id } })).data;
      assert.ok(ledger.items.some((e) => e.kind === 'grant' && e.amount === 20 && e.reason.startsWith('Résident')), 'Résident grants 20 credits');
      assert.ok(ledger.balance > 0 && ledger.balance <= 20);
      const salon = await store.db.selectFrom('resources').select('document').where('id', '=', 'rs_petit_salon').executeTakeFirstOrThrow();
      const offers = JSON.parse(salon.document).offers as { audience: string; credits?: number }[];
      assert.ok(offers.filter((o) => o.audience === 'member').every((o) => o.credits !== undefined && o.credits > 0));
    });

    test('the sample member can sign in and sees their own bookings', async () => {
      await requestSignInCode(server.client(), { path: { spaceId: demoSpaceId }, body: { email: sampleMemberEmail } });
      const mail = server.mails.at(-1);
      assert.equal(mail?.to, sampleMemberEmail);
      const code = /\b(\d{6})\b/.exec(mail!.text)?.[1];
      assert.ok(code, 'a code in the mail');
      const { data: token } = await createToken(server.client(), { path: { spaceId: demoSpaceId }, body: { email: sampleMemberEmail, code } });
      const { data: me } = await getMe(server.client(token.token), { path: { spaceId: demoSpaceId } });
      assert.equal(me.displayName, 'Camille Durand');
      const { data: mine } = await listBookings(server.client(token.token), { path: { spaceId: demoSpaceId } });
      assert.ok(mine.items.length >= 1);
    });

    test('seeding again changes nothing and says the space exists', async () => {
      const before = await rowCounts(store);
      const again = await seedDemo({ store, now: () => new Date() });
      assert.equal(again.created, false);
      assert.equal(again.staffKey, undefined, 'no new key');
      assert.deepEqual(await rowCounts(store), before);
      const { data: space } = await getSpace(server.client(), { path: { spaceId: demoSpaceId } });
      assert.equal(space.updatedAt, seededAt.toISOString(), 'the space was not rewritten');
    });
  });
}

// The demo is built around the day it is seeded: whatever that day, it must hold together.
describe('the demo calendar, whatever the day of seeding', () => {
  test('every day of a year: closures ahead with Christmas, a month of events on open days', () => {
    for (let today = '2026-01-01'; today < '2027-01-01'; today = addDays(today, 1)) {
      const closures = demoClosures(today);
      assert.ok(closures.length >= 2, `${today}: closures`);
      assert.ok(closures.some((c) => c.from.endsWith('-12-24')), `${today}: Christmas`);
      assert.ok(closures.every((c) => c.to >= today && c.from <= c.to), `${today}: upcoming`);
      assert.deepEqual([...closures].sort((a, b) => a.from.localeCompare(b.from)), closures, `${today}: earliest first`);
      const program = demoProgram(today, closures);
      assert.ok(program.length >= 20, `${today}: ${program.length} events`);
      assert.ok(program.every(({ date }) => date > today && date <= addDays(today, 60)), `${today}: ahead, within two months`);
      assert.ok(program.every(({ date }) => !closures.some((c) => c.from <= date && date <= c.to)), `${today}: never on a closed day`);
      assert.equal(program.filter(({ template }) => template.cancelled).length, 1, `${today}: one cancelled`);
      const full = program.filter(({ template }) => !template.cancelled && template.capacity !== undefined && template.members >= template.capacity);
      assert.ok(full.length >= 2, `${today}: two full events`);
    }
  });

  test('seeding succeeds around Christmas and the changes of time (SQLite)', async () => {
    for (const instant of ['2026-12-21T18:30:00Z', '2026-12-31T09:00:00Z', '2026-03-27T10:00:00Z', '2026-10-23T22:30:00Z']) {
      const database = await createTestDatabase('sqlite');
      const store = openStore(database.url);
      try {
        await migrateToLatest(store);
        const result = await seedDemo({ store, now: () => new Date(instant) });
        assert.equal(result.created, true, instant);
        assert.ok(result.counts!.bookings >= 8 && result.counts!.events >= 20, `${instant}: ${result.summary}`);
      } finally {
        await store.close();
        await database.drop();
      }
    }
  });
});
