// `coworking-commons seed --demo`: the demo space "La Ruche", created through the services in one
// transaction, so that a failure leaves nothing half-made. Idempotent: when the space exists,
// nothing is touched.
import type { components } from '@coworking-commons/client';
import type { Store } from '../db/database.ts';
import type { Deps } from '../deps.ts';
import { newId } from '../domain/ids.ts';
import { hashSecret, newSecret } from '../domain/secrets.ts';
import { addDays, localDateOf, localToInstant, startOfLocalDay } from '../domain/time.ts';
import { issueApiKey } from '../services/api-keys.ts';
import { createBookingIn, type CreatingCaller } from '../services/bookings.ts';
import { toEventColumns, type Event } from '../services/events.ts';
import { createMember } from '../services/members.ts';
import { insertPlan, newPlan } from '../services/plans.ts';
import { newResource, saveResource } from '../services/resources.ts';
import { saveSpace } from '../services/spaces.ts';
import { demoProgram, type ScheduledEvent } from './demo-events.ts';
import { seedDemoMemberships } from './demo-memberships.ts';
import { demoAdminEmail, demoMembers, demoStaffEmail, sampleMemberEmail, sampleMemberId } from './demo-members.ts';
import { demoPlans, demoResources, demoSpace, demoSpaceId, openWeekdays } from './demo-space.ts';

type Space = components['schemas']['Space'];
type BookingCreate = components['schemas']['BookingCreate'];
type SeedDeps = Pick<Deps, 'store' | 'now'>;

export { demoAdminEmail, demoSpaceId, demoStaffEmail, sampleMemberEmail, sampleMemberId };

export interface DemoSeedResult {
  /** False when the space existed already (nothing was changed). */
  created: boolean;
  spaceId: string;
  name: string;
  /** A staff API key of the new space; only when it was created (the secret is shown once). */
  staffKey?: string;
  counts?: { resources: number; plans: number; members: number; organisations: number; memberships: number; events: number; registrations: number; bookings: number };
  /** "8 resources, 4 plans, …", for people. */
  summary: string;
  /** A demo member to sign in as. */
  sampleMemberEmail: string;
  /** The demo's admin and staff person, who sign in with a one-time code too. */
  adminEmail: string;
  staffEmail: string;
}

/** People without an account who registered to public events. */
const guests = [
  ['Jeanne Morel', 'jeanne.morel@example.net'],
  ['Paul Henry', 'paul.henry@example.net'],
  ['Lina Belkacem', 'lina.belkacem@example.net'],
  ['Marc Olivier', 'marc.olivier@example.net'],
  ['Sarah Lemoine', 'sarah.lemoine@example.net'],
  ['Tom Guérin', 'tom.guerin@example.net'],
] as const;

/** Creates the demo space "La Ruche" unless it exists. `allowedOrigins`: the browser origins it allows (CORS). */
export async function seedDemo(deps: SeedDeps, options: { allowedOrigins?: string[] } = {}): Promise<DemoSeedResult> {
  const existing = await deps.store.db.selectFrom('spaces').select('document').where('id', '=', demoSpaceId).executeTakeFirst();
  if (existing) {
    const { name } = JSON.parse(existing.document) as { name: string };
    return { created: false, spaceId: demoSpaceId, name, summary: 'already there, left unchanged', sampleMemberEmail, adminEmail: demoAdminEmail, staffEmail: demoStaffEmail };
  }
  const now = deps.now();
  return deps.store.db.transaction().execute(async (trx) => {
    // The services write through `store.db`: here, the transaction.
    const store: Store = { ...deps.store, db: trx };
    const inTransaction: SeedDeps = { store, now: () => now };
    const at = now.getTime();

    const space = demoSpace(now, localDateOf(now, 'Europe/Paris'));
    const today = localDateOf(now, space.timeZone);
    // saveSpace only uses the store and the clock of its deps.
    await saveSpace(inTransaction as Deps, space, options.allowedOrigins ?? []);

    for (const [id, input] of Object.entries(demoResources)) {
      await saveResource(trx, space.id, { ...newResource(input, space), id }, at);
    }
    for (const [id, input] of Object.entries(demoPlans)) {
      await insertPlan(trx, space.id, { ...newPlan(input, space), id }, at);
    }

    const members = new Map<string, { id: string; name: string; active: boolean }>();
    for (const { joinedDaysAgo, ...input } of demoMembers) {
      let member = await createMember(inTransaction, space.id, { ...input, memberSince: addDays(today, -joinedDaysAgo) });
      if (member.email === sampleMemberEmail) {
        // A stable id, so that the demo website can show this member's card. Nothing refers to the member yet.
        await trx.updateTable('members').set({ id: sampleMemberId }).where('id', '=', member.id).execute();
        member = { ...member, id: sampleMemberId };
      }
      members.set(member.email, { id: member.id, name: member.displayName, active: member.status === 'active' });
    }
    const memberId = (email: string) => {
      const member = members.get(email);
      if (!member) throw new Error(`The demo data names an unknown member: ${email}`);
      return member.id;
    };

    const economy = await seedDemoMemberships(trx, space, memberId, today, at);

    const program = demoProgram(today, space.closures);
    let registrations = 0;
    const active = [...members.values()].filter((m) => m.active);
    for (const [index, scheduled] of program.entries()) {
      const event = eventOf(scheduled, space, now, members);
      await trx.insertInto('events').values({ id: event.id, space_id: space.id, created_at: at, ...toEventColumns(event) }).execute();
      registrations += await registerPeople(trx, scheduled, event, index, active, at);
    }

    let bookings = 0;
    for (const [caller, body] of demoBookings(today, space, memberId)) {
      await createBookingIn(trx, inTransaction, space, caller, body);
      bookings++;
    }

    const { secret } = await issueApiKey(inTransaction, space.id, 'Demo staff key');
    const counts = {
      resources: Object.keys(demoResources).length,
      plans: Object.keys(demoPlans).length,
      members: members.size,
      organisations: economy.organisations,
      memberships: economy.memberships,
      events: program.length,
      registrations,
      bookings,
    };
    const summary = `${counts.resources} resources, ${counts.plans} plans, ${counts.members} members, ${counts.organisations} organisations, ${counts.memberships} memberships, ${counts.events} events with ${counts.registrations} registrations, ${counts.bookings} bookings`;
    return { created: true, spaceId: space.id, name: space.name, staffKey: secret, counts, summary, sampleMemberEmail, adminEmail: demoAdminEmail, staffEmail: demoStaffEmail };
  });
}

/** The Event document of a scheduled template, as createEvent makes it. */
function eventOf({ template, date }: ScheduledEvent, space: Space, now: Date, members: Map<string, { id: string; name: string }>): Event {
  const [start, end] = template.hours
    ? [localToInstant(date, template.hours[0], space.timeZone), localToInstant(date, template.hours[1], space.timeZone)]
    : [startOfLocalDay(date, space.timeZone), startOfLocalDay(addDays(date, 1), space.timeZone)];
  let organizer: Event['organizer'];
  if (template.organizer && 'memberEmail' in template.organizer) {
    const member = members.get(template.organizer.memberEmail);
    if (!member) throw new Error(`The demo data names an unknown organizer: ${template.organizer.memberEmail}`);
    organizer = { name: member.name, memberId: member.id };
  } else if (template.organizer) {
    organizer = { name: template.organizer.name };
  }
  const created = now.toISOString();
  return {
    id: newId('ev', now.getTime()),
    spaceId: space.id,
    title: template.title,
    summary: template.summary,
    description: template.description,
    start: start.toISOString(),
    end: end.toISOString(),
    allDay: template.hours === undefined,
    location: template.location,
    ...(organizer ? { organizer } : {}),
    tags: template.tags,
    ...(template.capacity !== undefined ? { capacity: template.capacity } : {}),
    waitlistEnabled: template.waitlistEnabled ?? false,
    visibility: template.visibility,
    status: template.cancelled ? 'cancelled' : 'scheduled',
    registration: template.registration,
    translations: { en: template.en },
    createdAt: created,
    updatedAt: created,
  };
}

/**
 * The registrations of an event: members in turn (a different group for each event, never the
 * organizer), then guests, spread over the past days. Past the capacity, members join the
 * waitlist when there is one. A cancelled event's registrations are cancelled with it.
 */
async function registerPeople(
  trx: Store['db'],
  { template }: ScheduledEvent,
  event: Event,
  index: number,
  active: readonly { id: string }[],
  at: number,
): Promise<number> {
  const people: { member_id: string | null; guest_name: string | null; guest_email: string | null }[] = [];
  const candidates = active.filter((m) => m.id !== event.organizer?.memberId);
  for (let k = 0; k < Math.min(template.members, candidates.length); k++) {
    people.push({ member_id: candidates[(index * 7 + k) % candidates.length]!.id, guest_name: null, guest_email: null });
  }
  for (let k = 0; k < (template.guests ?? 0); k++) {
    const [name, email] = guests[(index + k) % guests.length]!;
    people.push({ member_id: null, guest_name: name, guest_email: email });
  }
  let seated = 0;
  let count = 0;
  for (const [k, person] of people.entries()) {
    const full = template.capacity !== undefined && seated >= template.capacity;
    if (full && !template.waitlistEnabled) break;
    const created = at - (people.length - k) * 47 * 60_000 - (index % 5) * 3_600_000;
    const status = template.cancelled ? 'cancelled' : full ? 'waitlisted' : 'registered';
    if (status === 'registered') seated++;
    await trx
      .insertInto('registrations')
      .values({
        id: newId('rg', created),
        space_id: event.spaceId,
        event_id: event.id,
        ...person,
        guest_token_hash: person.guest_email ? hashSecret(newSecret('ccg_')) : null,
        status,
        note: k === 1 && !template.cancelled ? 'Végétarien, merci !' : null,
        created_at: created,
        updated_at: template.cancelled ? at : created,
        cancelled_at: template.cancelled ? at : null,
        cancellation_reason: template.cancelled ? 'L’événement est annulé.' : null,
      })
      .execute();
    count++;
  }
  return count;
}

/** A few bookings over the next opening days: by staff for members and a guest, and one pending request of a member. */
function demoBookings(today: string, space: Space, memberId: (email: string) => string): [CreatingCaller, BookingCreate][] {
  // From three days on, so that every resource's lead time is met.
  const [d0, d1, d2, d3] = openWeekdays(addDays(today, 3), 4, space.closures) as [string, string, string, string];
  const at = (date: string, time: string) => localToInstant(date, time, space.timeZone).toISOString();
  const staff: CreatingCaller = { kind: 'staff' };
  const forMember = (email: string) => ({ memberId: memberId(email) });
  return [
    [staff, { resourceId: 'rs_salle_verte', start: at(d0, '09:00'), end: at(d0, '11:00'), attendees: 6, title: 'Point d’équipe Vélocargo', ...forMember('hugo.lefebvre@example.org') }],
    [staff, { resourceId: 'rs_open_space', start: at(d0, '09:00'), end: at(d0, '18:00'), quantity: 3, attendees: 3, title: 'Équipe Flinkwerk de passage', ...forMember('nora.kessler@example.org') }],
    [staff, { resourceId: 'rs_cabines', start: at(d0, '10:00'), end: at(d0, '10:30'), title: 'Appel client', ...forMember(sampleMemberEmail) }],
    [staff, { resourceId: 'rs_petit_salon', start: at(d1, '10:00'), end: at(d1, '11:30'), attendees: 3, title: 'Entretiens utilisateurs', ...forMember(sampleMemberEmail) }],
    [
      staff,
      {
        resourceId: 'rs_atelier',
        start: at(d1, '08:00'),
        end: at(d1, '13:00'),
        attendees: 10,
        title: 'Séminaire d’équipe Atlantique Habitat',
        notes: 'Café d’accueil à 8 h 30, merci.',
        guest: { name: 'Jeanne Morel', email: 'jeanne.morel@example.net' },
      },
    ],
    [staff, { resourceId: 'rs_la_serre', start: at(d2, '15:00'), end: at(d2, '18:00'), attendees: 35, title: 'Assemblée générale des Amis de la Loire', ...forMember('manon.girard@example.org') }],
    [staff, { resourceId: 'rs_open_space', start: at(d3, '08:00'), end: at(d3, '19:00'), title: 'Journée au calme', ...forMember('yanis.benali@example.org') }],
    // Made by the member herself: La Serre needs the staff's approval, so it waits, pending.
    [{ kind: 'member', memberId: memberId('awa.traore@example.org') }, { resourceId: 'rs_la_serre', start: at(d3, '14:00'), end: at(d3, '18:00'), attendees: 30, title: 'Vente éphémère Wax & Co' }],
  ];
}
