// Members from a CSV file (`coworking-commons import-members`): the columns that the exports of
// Cobot, Nexudus and a spreadsheet commonly have (name, or first and last name; email; company;
// plan; start date), in English or French, separated by commas or semicolons. Each row is
// checked first; the rows that pass are written in one transaction, with their events.
import type { Kysely } from 'kysely';
import { parse } from 'csv-parse/sync';
import type { Database } from '../db/schema.ts';
import { outsideRequestTransaction } from '../db/request-transaction.ts';
import type { Deps } from '../deps.ts';
import type { Space } from '../services/spaces.ts';
import { insertMember, newMemberRow, normalizeSearch, todayIn, toMember } from '../services/members.ts';
import { newMembershipRow, stateOn, toMembership } from '../services/memberships.ts';
import { newOrganisationRow } from '../services/organisations.ts';
import { listSpacePlans, toPlan, type Plan } from '../services/plans.ts';
import { emitEvent } from '../webhooks/emit.ts';

type Column = 'name' | 'firstName' | 'lastName' | 'email' | 'company' | 'plan' | 'startDate';

/** Header names, compared without case, accents, spaces or punctuation. */
const headers: Record<Column, string[]> = {
  name: ['name', 'fullname', 'displayname', 'membername', 'nomcomplet', 'nom'],
  firstName: ['firstname', 'givenname', 'prenom'],
  lastName: ['lastname', 'surname', 'familyname', 'nomdefamille', 'nom'],
  email: ['email', 'emailaddress', 'mail', 'courriel', 'adresseemail', 'adressemail'],
  company: ['company', 'companyname', 'organisation', 'organization', 'business', 'societe', 'entreprise'],
  plan: ['plan', 'planname', 'membership', 'membershipplan', 'tariff', 'tariffname', 'forfait', 'abonnement', 'formule'],
  startDate: ['startdate', 'start', 'membersince', 'joined', 'joinedat', 'startedat', 'datededebut', 'datedebut', 'debut'],
};

const squeeze = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]/g, '');

export interface MemberToImport {
  line: number;
  email: string;
  displayName: string;
  company?: string;
  /** The organisation the member joins: one of the space's, or one the import creates. */
  organisation?: { name: string; id?: string };
  plan?: { id: string; name: string };
  startDate?: string;
}

export interface MemberImport {
  /** Which column of the file each field was read from. */
  columns: Partial<Record<Column, string>>;
  members: MemberToImport[];
  /** The organisations the import creates (named by a row's company, not in the space yet). */
  newOrganisations: string[];
  refused: { line: number; reason: string }[];
}

/** A file that cannot be read as members at all. */
export class MembersFileRefused extends Error {}

/** Reads the file and checks each row against the space: nothing is written. */
export async function planMemberImport(db: Kysely<Database>, space: Space, text: string, now: Date): Promise<MemberImport> {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // csv-parse's types leave out what `info` makes of each record.
    records = parse(text, { bom: true, delimiter, skip_empty_lines: true, trim: true, relax_column_count: true, info: true }) as unknown as typeof records;
  } catch (error) {
    throw new MembersFileRefused(`the file is not readable as CSV: ${(error as Error).message}`);
  }
  const header = records[0]?.record;
  const rows = records.slice(1);
  if (!header) throw new MembersFileRefused('the file is empty');
  const columns = columnsOf(header);
  if (columns.email === undefined) throw new MembersFileRefused(`no column of the file holds the email (its columns: ${header.join(', ')}; expected one named email, e-mail or courriel)`);
  if (columns.name === undefined && columns.firstName === undefined && columns.lastName === undefined) throw new MembersFileRefused(`no column of the file holds the name (its columns: ${header.join(', ')}; expected name, or first name and last name)`);

  const plans = (await listSpacePlans(db, space.id)).map((row) => toPlan(row));
  const organisations = await db.selectFrom('organisations').select(['id', 'name']).where('space_id', '=', space.id).execute();
  const existingEmails = new Set((await db.selectFrom('members').select('email').where('space_id', '=', space.id).execute()).map((row) => row.email));
  const seen = new Map<string, number>();
  const result: MemberImport = { columns: Object.fromEntries(Object.entries(columns).map(([field, index]) => [field, header[index!]!])), members: [], newOrganisations: [], refused: [] };
  const today = todayIn(space.timeZone, now);

  rows.forEach(({ record: cells, info }) => {
    // The line the row ends on (a quoted value may span several).
    const line = info.lines;
    const cell = (column: Column) => (columns[column] === undefined ? '' : (cells[columns[column]!] ?? '').trim());
    const refuse = (reason: string) => void result.refused.push({ line, reason });
    const displayName = cell('name') || [cell('firstName'), cell('lastName')].filter(Boolean).join(' ');
    const email = cell('email').toLowerCase();
    if (!email) return refuse('no email');
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.length > 254) return refuse(`"${email}" is not an email address`);
    if (!displayName) return refuse('no name');
    if (displayName.length > 120) return refuse('the name is longer than 120 characters');
    if (existingEmails.has(email)) return refuse(`${email} is a member of the space already`);
    const earlier = seen.get(email);
    if (earlier !== undefined) return refuse(`${email} is on line ${earlier} already`);
    const planName = cell('plan');
    const plan = planName ? plans.find((candidate) => namesOf(candidate).some((name) => squeeze(name) === squeeze(planName))) : undefined;
    if (planName && !plan) return refuse(`the space has no plan named "${planName}" (its plans: ${plans.map((p) => p.name).join(', ') || 'none'})`);
    const startText = cell('startDate');
    const startDate = startText ? dayOf(startText) : undefined;
    if (startText && !startDate) return refuse(`"${startText}" is not a date (write 2026-03-31 or 31/03/2026)`);
    if (startDate && startDate > today) return refuse(`the start date ${startDate} is after today`);
    seen.set(email, line);
    const company = cell('company') || undefined;
    const member: MemberToImport = { line, email, displayName, ...(company ? { company } : {}), ...(plan ? { plan: { id: plan.id, name: plan.name } } : {}), ...(startDate ? { startDate } : {}) };
    if (company) {
      const existing = organisations.find((organisation) => squeeze(organisation.name) === squeeze(company));
      member.organisation = existing ? { name: existing.name, id: existing.id } : { name: result.newOrganisations.find((name) => squeeze(name) === squeeze(company)) ?? company };
      if (!existing && !result.newOrganisations.some((name) => squeeze(name) === squeeze(company))) result.newOrganisations.push(company);
    }
    result.members.push(member);
  });
  return result;
}

/** Writes the members that passed, their organisations and memberships, with their events, in one transaction. */
export async function applyMemberImport(deps: Pick<Deps, 'store' | 'now'> & { webhooks: Pick<Deps['webhooks'], 'notify'> }, space: Space, plan: MemberImport): Promise<void> {
  const now = deps.now();
  const at = now.getTime();
  const today = todayIn(space.timeZone, now);
  const plans = new Map((await listSpacePlans(deps.store.db, space.id)).map((row) => [row.id, toPlan(row)]));
  await outsideRequestTransaction(() => deps.store.db).transaction().execute(async (trx) => {
    const organisationIds = new Map<string, string>();
    for (const name of plan.newOrganisations) {
      const row = newOrganisationRow(space.id, { name }, at);
      await trx.insertInto('organisations').values(row).execute();
      organisationIds.set(normalizeSearch(name), row.id);
    }
    for (const member of plan.members) {
      const row = {
        ...newMemberRow({ email: member.email, displayName: member.displayName, ...(member.company ? { company: member.company } : {}), ...(member.startDate ? { memberSince: member.startDate } : {}) }, { spaceId: space.id, timeZone: space.timeZone, now }),
        organisation_id: member.organisation ? (member.organisation.id ?? organisationIds.get(normalizeSearch(member.organisation.name)) ?? null) : null,
      };
      await insertMember(trx, row);
      await emitEvent(deps, trx, space.id, 'member.created', toMember(row));
      if (!member.plan) continue;
      const membership = newMembershipRow({ spaceId: space.id, holder: { type: 'member', id: row.id }, plan: plans.get(member.plan.id)!, status: 'active', startDate: member.startDate ?? today, now: at });
      await trx.insertInto('memberships').values(membership).execute();
      await emitEvent(deps, trx, space.id, 'membership.created', toMembership(stateOn(membership, today), today));
    }
  });
}

/** A plan's name and its translations' (a file may name "Day pass" the plan "Pass journée"). */
const namesOf = (plan: Plan): string[] => [plan.name, ...Object.values(plan.translations ?? {}).flatMap((translation) => (translation?.name ? [translation.name] : []))];

function columnsOf(header: string[]): Partial<Record<Column, number>> {
  const squeezed = header.map(squeeze);
  const columns: Partial<Record<Column, number>> = {};
  const taken = new Set<number>();
  // First and last name before `name`: "Prénom" and "Nom" side by side are a first and a last name.
  for (const field of ['email', 'firstName', 'lastName', 'name', 'company', 'plan', 'startDate'] as Column[]) {
    if (field === 'name' && columns.firstName !== undefined) continue;
    if (field === 'lastName' && columns.firstName === undefined) continue;
    const index = squeezed.findIndex((name, i) => !taken.has(i) && headers[field].includes(name));
    if (index >= 0) {
      columns[field] = index;
      taken.add(index);
    }
  }
  return columns;
}

/** `2026-03-31`, `31/03/2026` or `31.03.2026` (day first, as in Europe) as a day, if it is one. */
function dayOf(text: string): string | undefined {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const european = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(text);
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : european ? [european[3], european[2], european[1]] : [];
  if (!year) return undefined;
  const value = `${year}-${month!.padStart(2, '0')}-${day!.padStart(2, '0')}`;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value) ? value : undefined;
}
