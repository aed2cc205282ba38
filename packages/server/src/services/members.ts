import type { components } from '@coworking-commons/client';
import { sql, type Expression, type ExpressionBuilder, type Kysely, type Selectable, type SqlBool } from 'kysely';
import { DateTime } from 'luxon';
import type { Database, MembersTable } from '../db/schema.ts';
import type { DatabaseKind } from '../db/database.ts';
import type { Deps } from '../deps.ts';
import { newId } from '../domain/ids.ts';
import { lockEvent } from './events.ts';
import { promoteAndTell } from './waitlist.ts';
import { parseJson } from './json.ts';
import { emitEvent } from '../webhooks/emit.ts';

export type Member = components['schemas']['Member'];
export type MemberCard = components['schemas']['MemberCard'];
export type MemberCreate = components['schemas']['MemberCreate'];
export type MemberUpdate = components['schemas']['MemberUpdate'];
export type MemberStaffUpdate = components['schemas']['MemberStaffUpdate'];
export type MemberRow = Selectable<MembersTable>;

/** The display name an erased member keeps, so past bookings still read sensibly. */
export const formerMemberName = 'Former member';

/** The profile fields kept in the `document` column (everything but the columns of their own). */
interface MemberDocument {
  avatar?: components['schemas']['Image'];
  headline?: string;
  company?: string;
  bio?: string;
  skills: string[];
  links: components['schemas']['Link'][];
  phone?: string;
  [extension: `x-${string}`]: unknown;
}

const documentFields = ['avatar', 'headline', 'company', 'bio', 'skills', 'links', 'phone'] as const;

/** Lower-cased, without accents: what search text and search words are compared as. */
export function normalizeSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** The text the directory search looks in: name, company, headline and skills. */
export function searchTextOf(displayName: string, document: MemberDocument): string {
  return normalizeSearch([displayName, document.company ?? '', document.headline ?? '', ...document.skills].join('\n'));
}

/** A LIKE pattern matching `word` anywhere, its wildcards escaped (with `\`). */
export function containsPattern(word: string): string {
  return `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The words of a search, normalized; each must be found. */
export function searchWords(q: string | undefined): string[] {
  return q === undefined ? [] : normalizeSearch(q).split(/\s+/).filter((w) => w.length > 0);
}

/** `column LIKE %word% ESCAPE '\'`, the same on SQLite and PostgreSQL. */
export function likeContains(column: 'members.search_text' | 'members.email', word: string): Expression<SqlBool> {
  return sql<SqlBool>`${sql.ref(column)} like ${containsPattern(word)} escape '\\'`;
}

/** Members having `skill` among their skills (a JSON array in the document). */
export function hasSkill(kind: DatabaseKind, skill: string): Expression<SqlBool> {
  return kind === 'postgres'
    ? sql<SqlBool>`((members.document::jsonb) -> 'skills') @> ${JSON.stringify([skill])}::jsonb`
    : sql<SqlBool>`exists (select 1 from json_each(members.document, '$.skills') as s where s.value = ${skill})`;
}

/** Keyset condition: rows after (display_name, id). */
export function afterPosition(eb: ExpressionBuilder<Database, 'members'>, position: unknown[] | undefined): Expression<SqlBool> {
  if (position === undefined) return sql<SqlBool>`1 = 1`;
  const [name, id] = position.map(String) as [string, string];
  return eb.or([eb('members.display_name', '>', name), eb.and([eb('members.display_name', '=', name), eb('members.id', '>', id)])]);
}

function documentOf(row: MemberRow): MemberDocument {
  return parseJson<MemberDocument>(row.document);
}

/** The public card: never the email, phone, status or consent. */
export function toMemberCard(row: MemberRow): MemberCard {
  const { phone: _phone, ...card } = withCardFields(row);
  return card as MemberCard;
}

/** The full record (for the member and staff). An erased member has no email and no record. */
export function toMember(row: MemberRow): Member {
  return {
    ...withCardFields(row),
    email: row.email ?? '',
    status: row.status as Member['status'],
    role: row.role as Member['role'],
    directoryConsent: row.directory_consent === 1,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
    version: row.version,
    ...(row.organisation_id ? { organisationId: row.organisation_id } : {}),
  } as Member;
}

/** The stored document with the columns that complete the card, and empty lists where none. */
function withCardFields(row: MemberRow) {
  const document = documentOf(row);
  return {
    id: row.id,
    displayName: row.display_name,
    ...document,
    skills: document.skills ?? [],
    links: document.links ?? [],
    memberSince: row.member_since,
  };
}

/** Today in the space's time zone. */
export function todayIn(timeZone: string, now: Date): string {
  return DateTime.fromJSDate(now).setZone(timeZone).toISODate()!;
}

/** A new member row from a creation request (not inserted). Emails are stored lower-cased. */
export function newMemberRow(input: MemberCreate, options: { spaceId: string; timeZone: string; now: Date }): MemberRow {
  const document: MemberDocument = { skills: [], links: [] };
  for (const [key, value] of Object.entries(input)) {
    if ((documentFields as readonly string[]).includes(key) || key.startsWith('x-')) (document as unknown as Record<string, unknown>)[key] = value;
  }
  const at = options.now.getTime();
  return {
    id: newId('mb'),
    space_id: options.spaceId,
    email: input.email.toLowerCase(),
    display_name: input.displayName,
    status: input.status ?? 'active',
    role: input.role ?? 'member',
    directory_consent: input.directoryConsent ? 1 : 0,
    search_text: searchTextOf(input.displayName, document),
    document: JSON.stringify(document),
    member_since: input.memberSince ?? todayIn(options.timeZone, options.now),
    created_at: at,
    updated_at: at,
    version: 1,
    organisation_id: null,
  };
}

/**
 * The row after applying a patch (member or staff): left-out fields are unchanged, `null`
 * removes an optional field. Only the columns that change are returned (the version with them:
 * see `writeMemberChanges`).
 */
export function patchMemberRow(row: MemberRow, patch: MemberUpdate | MemberStaffUpdate, now: Date): Partial<MemberRow> {
  const document = documentOf(row) as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(patch)) {
    if (!(documentFields as readonly string[]).includes(key) && !key.startsWith('x-')) continue;
    if (value === null) delete document[key];
    else document[key] = value;
  }
  const staff = patch as MemberStaffUpdate;
  const displayName = patch.displayName ?? row.display_name;
  return {
    display_name: displayName,
    document: JSON.stringify(document),
    search_text: searchTextOf(displayName, document as unknown as MemberDocument),
    ...(patch.directoryConsent === undefined ? {} : { directory_consent: patch.directoryConsent ? 1 : 0 }),
    ...(staff.email === undefined ? {} : { email: staff.email.toLowerCase() }),
    ...(staff.status === undefined ? {} : { status: staff.status }),
    ...(staff.role === undefined ? {} : { role: staff.role }),
    ...(staff.memberSince === undefined ? {} : { member_since: staff.memberSince }),
    ...(staff.organisationId === undefined ? {} : { organisation_id: staff.organisationId }),
    updated_at: now.getTime(),
  };
}

/**
 * Writes the changes of a member row read at `row.version`: its version goes up by one. False,
 * and nothing written, when the row is no longer at that version (changed since it was read).
 */
export async function writeMemberChanges(db: Kysely<Database>, row: MemberRow, changes: Partial<MemberRow>): Promise<boolean> {
  const result = await db.updateTable('members').set({ ...changes, version: row.version + 1 }).where('id', '=', row.id).where('version', '=', row.version).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** A member of the space by id, erased ones excluded (they have no record any more). */
export async function findMember(db: Kysely<Database>, spaceId: string, memberId: string): Promise<MemberRow | undefined> {
  return db.selectFrom('members').selectAll().where('space_id', '=', spaceId).where('id', '=', memberId).where('email', 'is not', null).executeTakeFirst();
}

/** Whether the member is the space's only active admin (whom the space may not lose). */
export async function isLastAdmin(db: Kysely<Database>, row: Pick<MemberRow, 'id' | 'space_id' | 'role' | 'status'>): Promise<boolean> {
  if (row.role !== 'admin' || row.status !== 'active') return false;
  const other = await db
    .selectFrom('members')
    .select('id')
    .where('space_id', '=', row.space_id)
    .where('role', '=', 'admin')
    .where('status', '=', 'active')
    .where('email', 'is not', null)
    .where('id', '<>', row.id)
    .executeTakeFirst();
  return other === undefined;
}

/** Inserts a member; throws the database's unique violation when the email is taken in the space. */
export async function insertMember(db: Kysely<Database>, row: MemberRow): Promise<MemberRow> {
  await db.insertInto('members').values(row).execute();
  return row;
}

/** Creates a member directly (seeding, tests): the same as staff's createMember without HTTP. */
export async function createMember(deps: Pick<Deps, 'store' | 'now'>, spaceId: string, input: MemberCreate): Promise<Member> {
  const space = await deps.store.db.selectFrom('spaces').select('document').where('id', '=', spaceId).executeTakeFirstOrThrow();
  const timeZone = parseJson<{ timeZone: string }>(space.document).timeZone;
  const row = newMemberRow(input, { spaceId, timeZone, now: deps.now() });
  return toMember(await insertMember(deps.store.db, row));
}

/**
 * Erases a member's personal data, in one transaction: the profile, email and phone go; the
 * member becomes an inactive "Former member" without consent; every token is revoked; future
 * bookings are cancelled and their units freed; registrations to events that have not started
 * are cancelled (the first waitlisted person gets the seat); past bookings and registrations
 * stay, anonymized (the member's name and email were only ever on the member row, which is
 * erased), and so do the sign-in codes sent to the email.
 */
export async function eraseMember(deps: Pick<Deps, 'store' | 'now' | 'webhooks'>, spaceId: string, memberId: string, cancelledBy: 'member' | 'staff'): Promise<boolean> {
  const now = deps.now().getTime();
  return deps.store.db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('members').select('email').where('space_id', '=', spaceId).where('id', '=', memberId).executeTakeFirst();
    const erased = await trx
      .updateTable('members')
      .set({
        email: null,
        display_name: formerMemberName,
        status: 'inactive',
        directory_consent: 0,
        search_text: '',
        document: JSON.stringify({ skills: [], links: [] }),
        organisation_id: null,
        updated_at: now,
        version: (eb) => eb('version', '+', 1),
      })
      .where('space_id', '=', spaceId)
      .where('id', '=', memberId)
      .where('email', 'is not', null)
      .executeTakeFirst();
    if (Number(erased.numUpdatedRows) === 0) return false;

    await trx.deleteFrom('member_tokens').where('member_id', '=', memberId).execute();
    await emitEvent(deps, trx, spaceId, 'member.erased', { id: memberId });
    // Sign-in codes are kept by address, the one other place the email was written.
    if (before?.email) await trx.deleteFrom('sign_in_codes').where('space_id', '=', spaceId).where('email', '=', before.email).execute();

    const future = await trx
      .selectFrom('bookings')
      .select('id')
      .where('space_id', '=', spaceId)
      .where('member_id', '=', memberId)
      .where('start_at', '>', now)
      .where('status', '<>', 'cancelled')
      .execute();
    const futureIds = future.map((b) => b.id);
    // A title or notes may name the member: no booking of theirs keeps them.
    if (futureIds.length > 0) {
      await trx.deleteFrom('booking_units').where('booking_id', 'in', futureIds).execute();
      await trx
        .updateTable('bookings')
        .set((eb) => ({
          status: 'cancelled',
          cancelled_at: now,
          cancelled_by: cancelledBy,
          cancellation_reason: 'The member erased their data.',
          title: null,
          notes: null,
          updated_at: now,
          version: eb('version', '+', 1),
        }))
        .where('id', 'in', futureIds)
        .execute();
    }
    // Their memberships stop: a request is refused; a running one ends today (or on its earlier last day).
    const space = await trx.selectFrom('spaces').select('document').where('id', '=', spaceId).executeTakeFirstOrThrow();
    const today = todayIn(parseJson<{ timeZone: string }>(space.document).timeZone, deps.now());
    const held = (eb: ExpressionBuilder<Database, 'memberships'>) => eb.and([eb('space_id', '=', spaceId), eb('holder_type', '=', 'member'), eb('holder_id', '=', memberId)]);
    await trx
      .updateTable('memberships')
      .set((eb) => ({ status: 'refused', updated_at: now, version: eb('version', '+', 1) }))
      .where(held)
      .where('status', '=', 'requested')
      .execute();
    await trx
      .updateTable('memberships')
      .set({ end_date: today })
      .where(held)
      .where('status', 'in', ['active', 'paused'])
      .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>', today)]))
      .execute();
    await trx
      .updateTable('memberships')
      .set((eb) => ({ status: 'ended', updated_at: now, version: eb('version', '+', 1) }))
      .where(held)
      .where('status', 'in', ['active', 'paused'])
      .execute();

    // Past (and already cancelled) bookings stay for the space's accounting, anonymized.
    await trx
      .updateTable('bookings')
      .set((eb) => ({ title: null, notes: null, version: eb('version', '+', 1) }))
      .where('space_id', '=', spaceId)
      .where('member_id', '=', memberId)
      .where((eb) => eb.or([eb('title', 'is not', null), eb('notes', 'is not', null)]))
      .$if(futureIds.length > 0, (qb) => qb.where('id', 'not in', futureIds))
      .execute();

    const upcoming = await trx
      .selectFrom('registrations')
      .innerJoin('events', 'events.id', 'registrations.event_id')
      .select(['registrations.id', 'registrations.event_id'])
      .where('registrations.space_id', '=', spaceId)
      .where('registrations.member_id', '=', memberId)
      .where('registrations.status', '<>', 'cancelled')
      .where('events.start_at', '>', now)
      .execute();
    for (const eventId of new Set(upcoming.map((r) => r.event_id))) {
      // The event is locked (on PostgreSQL) while its seats change, as registrations do.
      const event = await lockEvent(trx, deps.store.kind, spaceId, eventId);
      await trx
        .updateTable('registrations')
        .set({ status: 'cancelled', cancelled_at: now, cancellation_reason: 'The member erased their data.', updated_at: now })
        .where('id', 'in', upcoming.filter((r) => r.event_id === eventId).map((r) => r.id))
        .execute();
      // A freed seat goes to the first waitlisted person.
      if (event) await promoteAndTell(deps, trx, spaceId, event, now);
    }
    await trx.updateTable('registrations').set({ note: null }).where('space_id', '=', spaceId).where('member_id', '=', memberId).execute();
    return true;
  });
}
