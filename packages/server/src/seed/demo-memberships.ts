// The demo space's organisations and memberships: two organisations (a company holding a
// membership for its people, an association), and members on the plans in every state a space's
// staff meet — running for months, paused, ended last month, and a request waiting for an answer.
import type { Kysely } from 'kysely';
import type { components } from '@coworking-commons/client';
import type { Database } from '../db/schema.ts';
import { addDays } from '../domain/time.ts';
import { newMembershipRow } from '../services/memberships.ts';
import { newOrganisationRow } from '../services/organisations.ts';
import { newPlan } from '../services/plans.ts';
import { demoPlans } from './demo-space.ts';

type Space = components['schemas']['Space'];
type OrganisationCreate = components['schemas']['OrganisationCreate'];
type MembershipStatus = components['schemas']['MembershipStatus'];

const organisations: { input: OrganisationCreate; members: string[]; plan?: string; startedDaysAgo?: number }[] = [
  {
    input: {
      name: 'Watt Next',
      legalName: 'Watt Next SAS',
      registrationNumber: '912 345 678 00015',
      vatNumber: 'FR12912345678',
      billingEmail: 'compta@wattnext.example',
      address: { street: '8 quai de la Fosse', postalCode: '44000', locality: 'Nantes', country: 'FR' },
    },
    members: ['maxime.moreau@example.org'],
    plan: 'pl_poste_fixe',
    startedDaysAgo: 120,
  },
  {
    input: { name: 'Les Amis de la Loire', legalName: 'Association Les Amis de la Loire', billingEmail: 'tresorerie@amisdelaloire.example' },
    members: ['manon.girard@example.org'],
  },
];

/** Members' memberships: plan, state, first day (days from today) and last day, if any. */
const memberships: { email: string; plan: string; status: MembershipStatus; startInDays: number; endInDays?: number }[] = [
  { email: 'camille.durand@example.org', plan: 'pl_resident', status: 'active', startInDays: -200 },
  { email: 'yanis.benali@example.org', plan: 'pl_nomade', status: 'active', startInDays: -95 },
  { email: 'aminata.diallo@example.org', plan: 'pl_nomade', status: 'active', startInDays: -40 },
  { email: 'hugo.lefebvre@example.org', plan: 'pl_resident', status: 'active', startInDays: -310 },
  { email: 'thomas.leroy@example.org', plan: 'pl_resident', status: 'paused', startInDays: -150 },
  { email: 'chloe.nguyen@example.org', plan: 'pl_nomade', status: 'active', startInDays: -120, endInDays: -30 },
  { email: 'sofia.rossi@example.org', plan: 'pl_nomade', status: 'requested', startInDays: 0 },
];

/** Writes the demo's organisations and memberships; how many of each. */
export async function seedDemoMemberships(
  db: Kysely<Database>,
  space: Space,
  memberId: (email: string) => string,
  today: string,
  at: number,
): Promise<{ organisations: number; memberships: number }> {
  const plan = (id: string) => {
    const input = demoPlans[id];
    if (!input) throw new Error(`The demo data names an unknown plan: ${id}`);
    return { ...newPlan(input, space), id };
  };
  let count = 0;
  for (const organisation of organisations) {
    const row = newOrganisationRow(space.id, organisation.input, at);
    await db.insertInto('organisations').values(row).execute();
    for (const email of organisation.members) await db.updateTable('members').set({ organisation_id: row.id }).where('id', '=', memberId(email)).execute();
    if (organisation.plan) {
      const start = addDays(today, -(organisation.startedDaysAgo ?? 0));
      await db.insertInto('memberships').values(newMembershipRow({ spaceId: space.id, holder: { type: 'organisation', id: row.id }, plan: plan(organisation.plan), status: 'active', startDate: start, now: at })).execute();
      count++;
    }
  }
  for (const m of memberships) {
    const row = newMembershipRow({
      spaceId: space.id,
      holder: { type: 'member', id: memberId(m.email) },
      plan: plan(m.plan),
      status: m.status,
      startDate: addDays(today, m.startInDays),
      ...(m.endInDays === undefined ? {} : { endDate: addDays(today, m.endInDays) }),
      now: at,
    });
    await db.insertInto('memberships').values(row).execute();
    count++;
  }
  return { organisations: organisations.length, memberships: count };
}
