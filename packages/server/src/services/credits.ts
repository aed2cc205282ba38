import type { components } from '@coworking-commons/client';
import { sql, type Kysely, type Selectable } from 'kysely';
import type { DatabaseKind } from '../db/database.ts';
import type { CreditEntriesTable, Database } from '../db/schema.ts';
import { balanceAt, type LedgerEntry } from '../domain/credits.ts';
import { newId } from '../domain/ids.ts';
import { periodContaining, type Period } from '../domain/periods.ts';
import type { QuoteResult } from '../domain/pricing.ts';
import { localDateOf, startOfLocalDay } from '../domain/time.ts';
import { insufficientCredits } from '../http/problem.ts';
import type { StaffActor } from '../http/caller.ts';
import { compact, iso, parseJson } from './json.ts';
import { encodeCursor } from './pagination.ts';
import { statusOn, type MembershipHolder } from './memberships.ts';
import { findPlan, toPlan } from './plans.ts';
import type { Resource } from './resources.ts';
import type { Space } from './spaces.ts';

/**
 * Credit ledgers: the entries of a member or an organisation, the grants of their memberships'
 * periods (written lazily, once per period), and the debits and reversals of bookings priced in
 * credits. Every write to a ledger holds its lock, so the balance it checks cannot change
 * before it commits (PostgreSQL: a transaction-scoped advisory lock, across processes too;
 * SQLite runs one transaction at a time).
 */

export type CreditEntry = components['schemas']['CreditEntry'];
export type CreditLedger = components['schemas']['CreditLedger'];
type Db = Kysely<Database>;
type EntryRow = Selectable<CreditEntriesTable>;

const MAX_PERIODS = 400;

export const overdraftOf = (space: Space) => space.policies.creditOverdraft ?? 0;

export function toCreditEntry(row: EntryRow): CreditEntry {
  return compact({
    id: row.id,
    kind: row.kind as CreditEntry['kind'],
    amount: row.amount,
    reason: row.reason,
    membershipId: row.membership_id ?? undefined,
    period: row.period_start !== null && row.period_end !== null ? { start: row.period_start, end: row.period_end } : undefined,
    bookingId: row.booking_id ?? undefined,
    reverses: row.reverses ?? undefined,
    by: row.actor_type !== null && row.actor_id !== null ? ({ type: row.actor_type, id: row.actor_id } as CreditEntry['by']) : undefined,
    expiresAt: row.expires_at === null ? undefined : iso(Number(row.expires_at)),
    createdAt: iso(Number(row.created_at)),
  }) as CreditEntry;
}

const toLedgerEntry = (row: EntryRow): LedgerEntry => ({
  id: row.id,
  seq: Number(row.seq),
  kind: row.kind as LedgerEntry['kind'],
  amount: row.amount,
  expiresAt: row.expires_at === null ? null : Number(row.expires_at),
  createdAt: Number(row.created_at),
  reverses: row.reverses,
});

/** Holds the ledger's lock until the transaction ends. */
export async function lockLedger(trx: Db, kind: DatabaseKind, spaceId: string, holder: MembershipHolder): Promise<void> {
  if (kind === 'postgres') await sql`select pg_advisory_xact_lock(hashtextextended(${`credits\n${spaceId}\n${holder.type}\n${holder.id}`}, 0))`.execute(trx);
}

interface Span {
  membershipId: string;
  planId: string;
  anchor: string;
  period: Period;
  from: string;
  to: string;
}

/**
 * The days on which a stored `active` membership has run with the same terms since it was last
 * written (a pause or a resumption is a write): from the day of that write (or its start) to
 * `today` or its last day, split at a change of plan that has come.
 */
function activeSpans(row: Selectable<Database['memberships']>, timeZone: string, today: string): Span[] {
  if (row.status !== 'active') return [];
  const document = parseJson<{ period: Period; periodAnchor: string; pending?: { period: Period } }>(row.document);
  const written = localDateOf(new Date(Number(row.updated_at)), timeZone);
  const from = written > row.start_date ? written : row.start_date;
  const to = row.end_date !== null && row.end_date < today ? row.end_date : today;
  if (to < from) return [];
  const base = { membershipId: row.id };
  if (row.pending_plan_id !== null && row.pending_date !== null && document.pending && row.pending_date <= to) {
    const before = { ...base, planId: row.plan_id, anchor: document.periodAnchor, period: document.period, from, to: row.pending_date };
    const after = { ...base, planId: row.pending_plan_id, anchor: row.pending_date, period: document.pending.period, from: from > row.pending_date ? from : row.pending_date, to };
    return [...(from < row.pending_date ? [{ ...before, to: previousDay(row.pending_date) }] : []), after];
  }
  return [{ ...base, planId: row.plan_id, anchor: document.periodAnchor, period: document.period, from, to }];
}

const previousDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/** Writes the grants of the holder's memberships' periods that have started and are not written yet. */
export async function grantPeriods(db: Db, space: Space, holder: MembershipHolder, now: Date): Promise<void> {
  const today = localDateOf(now, space.timeZone);
  const rows = await db
    .selectFrom('memberships')
    .selectAll()
    .where('space_id', '=', space.id)
    .where('holder_type', '=', holder.type)
    .where('holder_id', '=', holder.id)
    .where('status', '=', 'active')
    .where('start_date', '<=', today)
    .execute();
  const credits = new Map<string, { credits: number; name: string } | null>();
  for (const row of rows) {
    for (const span of activeSpans(row, space.timeZone, today)) {
      if (span.to < span.anchor) continue;
      if (!credits.has(span.planId)) {
        const plan = await findPlan(db, space.id, span.planId);
        const granted = plan ? toPlan(plan).grants?.credits : undefined;
        credits.set(span.planId, plan && granted ? { credits: granted, name: toPlan(plan).name } : null);
      }
      const plan = credits.get(span.planId);
      if (!plan) continue;
      let period = periodContaining(span.anchor, span.period, span.from > span.anchor ? span.from : span.anchor);
      for (let i = 0; i < MAX_PERIODS && period.start <= span.to; i++) {
        const at = startOfLocalDay(period.start, space.timeZone).getTime();
        const seq = await nextSeq(db, space.id, holder);
        await db
          .insertInto('credit_entries')
          .values({
            id: newId('ce', at),
            space_id: space.id,
            holder_type: holder.type,
            holder_id: holder.id,
            kind: 'grant',
            amount: plan.credits,
            reason: `${plan.name}, period ${period.start} – ${period.end}`,
            membership_id: span.membershipId,
            period_start: period.start,
            period_end: period.end,
            expires_at: startOfLocalDay(period.end, space.timeZone).getTime(),
            created_at: at,
            seq,
          })
          .onConflict((oc) => oc.columns(['membership_id', 'period_start']).doNothing())
          .execute();
        period = periodContaining(span.anchor, span.period, period.end);
      }
    }
  }
}

async function nextSeq(db: Db, spaceId: string, holder: MembershipHolder): Promise<number> {
  const row = await db
    .selectFrom('credit_entries')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('space_id', '=', spaceId)
    .where('holder_type', '=', holder.type)
    .where('holder_id', '=', holder.id)
    .executeTakeFirst();
  return Number(row?.seq ?? 0) + 1;
}

async function entriesOf(db: Db, spaceId: string, holder: MembershipHolder): Promise<EntryRow[]> {
  return db.selectFrom('credit_entries').selectAll().where('space_id', '=', spaceId).where('holder_type', '=', holder.type).where('holder_id', '=', holder.id).execute();
}

/** The holder's balance now, its due grants written first. */
export async function balanceOf(db: Db, space: Space, holder: MembershipHolder, now: Date): Promise<number> {
  await grantPeriods(db, space, holder, now);
  return balanceAt((await entriesOf(db, space.id, holder)).map(toLedgerEntry), now.getTime());
}

type NewEntry = Omit<EntryRow, 'id' | 'space_id' | 'holder_type' | 'holder_id' | 'created_at' | 'seq'>;

const blankLinks = { membership_id: null, period_start: null, period_end: null, booking_id: null, reverses: null, actor_type: null, actor_id: null, expires_at: null };

/**
 * Writes an entry to the holder's ledger under its lock. One that takes credits is refused with
 * `insufficient-credits`, and nothing written, when it would take the balance below the overdraft.
 */
export async function writeEntry(trx: Db, kind: DatabaseKind, space: Space, holder: MembershipHolder, entry: Partial<NewEntry> & Pick<NewEntry, 'kind' | 'amount' | 'reason'>, now: Date): Promise<EntryRow> {
  await lockLedger(trx, kind, space.id, holder);
  if (entry.amount < 0) {
    const balance = await balanceOf(trx, space, holder, now);
    const overdraft = overdraftOf(space);
    if (balance + entry.amount < -overdraft) throw insufficientCredits(balance, -entry.amount, overdraft);
  }
  const seq = await nextSeq(trx, space.id, holder);
  const row: EntryRow = { ...blankLinks, ...entry, id: newId('ce', now.getTime()), space_id: space.id, holder_type: holder.type, holder_id: holder.id, created_at: now.getTime(), seq };
  await trx.insertInto('credit_entries').values(row).execute();
  return row;
}

/** An adjustment by staff. */
export async function adjustCredits(
  trx: Db,
  kind: DatabaseKind,
  space: Space,
  holder: MembershipHolder,
  adjustment: { amount: number; reason: string; expiresAt?: number },
  actor: StaffActor,
  now: Date,
): Promise<CreditEntry> {
  const row = await writeEntry(
    trx,
    kind,
    space,
    holder,
    { kind: 'adjustment', amount: adjustment.amount, reason: adjustment.reason, actor_type: actor.type, actor_id: actor.id, expires_at: adjustment.expiresAt ?? null },
    now,
  );
  return toCreditEntry(row);
}

/**
 * The ledger a member's bookings are priced from: theirs when they hold an active membership
 * today, else their organisation's when it holds one; undefined without either.
 */
export async function creditHolderOf(db: Db, space: Space, memberId: string, now: Date): Promise<MembershipHolder | undefined> {
  const today = localDateOf(now, space.timeZone);
  const member = await db.selectFrom('members').select('organisation_id').where('space_id', '=', space.id).where('id', '=', memberId).executeTakeFirst();
  const holders: MembershipHolder[] = [{ type: 'member', id: memberId }, ...(member?.organisation_id ? [{ type: 'organisation' as const, id: member.organisation_id }] : [])];
  for (const holder of holders) {
    const found = await db
      .selectFrom('memberships')
      .select('id')
      .where('space_id', '=', space.id)
      .where('holder_type', '=', holder.type)
      .where('holder_id', '=', holder.id)
      .where('start_date', '<=', today)
      .where((eb) => statusOn(eb, 'active', today))
      .executeTakeFirst();
    if (found) return holder;
  }
  return undefined;
}

/** The price in credits of a priced booking: when every line's offer has one; undefined otherwise. */
export function creditPrice(resource: Resource, price: QuoteResult): number | undefined {
  if (price.lines.length === 0) return undefined;
  let total = 0;
  for (const line of price.lines) {
    const credits = resource.offers.find((offer) => offer.id === line.offerId)?.credits;
    if (credits === undefined) return undefined;
    total += credits * line.count;
  }
  return total;
}

/** Debits a booking's credits (under the ledger's lock, refused past the overdraft). */
export async function debitBooking(trx: Db, kind: DatabaseKind, space: Space, holder: MembershipHolder, booking: { id: string; resourceName: string }, credits: number, now: Date): Promise<void> {
  await writeEntry(trx, kind, space, holder, { kind: 'debit', amount: -credits, reason: `Booking of ${booking.resourceName}`, booking_id: booking.id }, now);
}

/** Gives back the booking's debit not yet reversed, if any. */
export async function reverseBooking(trx: Db, kind: DatabaseKind, space: Space, bookingId: string, reason: string, now: Date): Promise<void> {
  const debit = await trx
    .selectFrom('credit_entries as d')
    .selectAll('d')
    .where('d.space_id', '=', space.id)
    .where('d.booking_id', '=', bookingId)
    .where('d.kind', '=', 'debit')
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('credit_entries as r').select('r.id').whereRef('r.reverses', '=', 'd.id'))))
    .executeTakeFirst();
  if (!debit) return;
  const holder = { type: debit.holder_type, id: debit.holder_id } as MembershipHolder;
  await writeEntry(trx, kind, space, holder, { kind: 'reversal', amount: -debit.amount, reason, booking_id: bookingId, reverses: debit.id }, now);
}

/** The debit of a booking that stands (not reversed), if any. */
export async function standingDebit(db: Db, spaceId: string, bookingId: string): Promise<EntryRow | undefined> {
  return db
    .selectFrom('credit_entries as d')
    .selectAll('d')
    .where('d.space_id', '=', spaceId)
    .where('d.booking_id', '=', bookingId)
    .where('d.kind', '=', 'debit')
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('credit_entries as r').select('r.id').whereRef('r.reverses', '=', 'd.id'))))
    .executeTakeFirst();
}

/** A page of the holder's ledger, newest first, with its balance now. */
export async function ledgerPage(db: Db, space: Space, holder: MembershipHolder, now: Date, limit: number, after: [number, string] | undefined): Promise<CreditLedger> {
  const balance = await balanceOf(db, space, holder, now);
  const rows = await db
    .selectFrom('credit_entries')
    .selectAll()
    .where('space_id', '=', space.id)
    .where('holder_type', '=', holder.type)
    .where('holder_id', '=', holder.id)
    .$if(after !== undefined, (q) => q.where((eb) => eb.or([eb('created_at', '<', after![0]), eb.and([eb('created_at', '=', after![0]), eb('id', '<', after![1])])])))
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
  const items = rows.slice(0, limit).map(toCreditEntry);
  const last = rows.length > limit ? rows[limit - 1] : undefined;
  return {
    holder,
    balance,
    overdraft: overdraftOf(space),
    items,
    ...(last ? { nextCursor: encodeCursor([Number(last.created_at), last.id]) } : {}),
  };
}

export async function findCreditEntry(db: Db, spaceId: string, id: string): Promise<CreditEntry | undefined> {
  const row = await db.selectFrom('credit_entries').selectAll().where('space_id', '=', spaceId).where('id', '=', id).executeTakeFirst();
  return row && toCreditEntry(row);
}
