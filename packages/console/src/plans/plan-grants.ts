import type { components } from '@coworking-commons/client';
import type { PlansMessages } from './messages.ts';

type Plan = components['schemas']['Plan'];
type PlanGrants = components['schemas']['PlanGrants'];
type PlanGrantsUpdate = components['schemas']['PlanGrantsUpdate'];
export type ResourceType = components['schemas']['ResourceType'];
export type Weekday = components['schemas']['Weekday'];

export const resourceTypes: readonly ResourceType[] = ['hot_desk', 'dedicated_desk', 'meeting_room', 'private_office', 'phone_booth', 'event_space'];
export const weekdays: readonly Weekday[] = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/** What a plan grants as its form holds it: numbers as typed (empty: none, or unlimited), the types ticked (none: every type), the access ranges (none: the space's hours). */
export interface GrantsDraft {
  credits: string;
  includedDays: string;
  resourceTypes: ResourceType[];
  accessHours: { day: Weekday; opens: string; closes: string }[];
}

export function grantsDraftOf(grants: PlanGrants | undefined): GrantsDraft {
  return {
    credits: grants?.credits === undefined ? '' : String(grants.credits),
    includedDays: grants?.includedDays === undefined ? '' : String(grants.includedDays),
    resourceTypes: [...(grants?.resourceTypes ?? [])],
    accessHours: (grants?.accessHours ?? []).map((range) => ({ ...range })),
  };
}

const wholeNumber = (text: string, max: number): number | undefined | 'invalid' => {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  if (!/^\d{1,7}$/.test(trimmed) || Number(trimmed) > max) return 'invalid';
  return Number(trimmed);
};

const time = /^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$/;

/**
 * The draft's grants for a new plan (`create`: only what is set) and for a change (`update`: each
 * field set or, with `null`, removed; `null` for all when nothing is set), or the fields to fix by
 * body path (`grants/credits`, `grants/accessHours/1`).
 */
export function grantsBody(draft: GrantsDraft, m: PlansMessages): { create: PlanGrants | undefined; update: PlanGrantsUpdate | null } | { errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const credits = wholeNumber(draft.credits, 1_000_000);
  if (credits === 'invalid') errors['grants/credits'] = m.errors.credits;
  const includedDays = wholeNumber(draft.includedDays, 366);
  if (includedDays === 'invalid') errors['grants/includedDays'] = m.errors.includedDays;
  draft.accessHours.forEach((range, index) => {
    if (!time.test(range.opens) || !time.test(range.closes) || range.opens >= range.closes) errors[`grants/accessHours/${index}`] = m.errors.range;
    else if (draft.accessHours.some((other, j) => j < index && other.day === range.day && other.opens < range.closes && range.opens < other.closes)) errors[`grants/accessHours/${index}`] = m.errors.overlap;
  });
  if (Object.keys(errors).length > 0) return { errors };
  const types = resourceTypes.filter((type) => draft.resourceTypes.includes(type));
  const hours = weekdays.flatMap((day) => draft.accessHours.filter((range) => range.day === day).sort((a, b) => a.opens.localeCompare(b.opens)));
  const fields = {
    credits: credits as number | undefined,
    includedDays: includedDays as number | undefined,
    resourceTypes: types.length > 0 ? types : undefined,
    accessHours: hours.length > 0 ? hours : undefined,
  };
  const create = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as PlanGrants;
  const empty = Object.keys(create).length === 0;
  return {
    create: empty ? undefined : create,
    update: empty ? null : (Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v ?? null])) as PlanGrantsUpdate),
  };
}

/** Consecutive days with the same ranges, as `Mon–Fri 08:00–19:00`. */
function hoursSummary(hours: NonNullable<PlanGrants['accessHours']>, locale: string): string {
  const dayName = (day: Weekday) => new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(2026, 0, 5 + weekdays.indexOf(day))));
  const rangesOf = (day: Weekday) =>
    hours
      .filter((r) => r.day === day)
      .map((r) => `${r.opens}–${r.closes}`)
      .join(', ');
  const groups: { from: Weekday; to: Weekday; ranges: string }[] = [];
  for (const day of weekdays) {
    const ranges = rangesOf(day);
    if (ranges === '') continue;
    const last = groups[groups.length - 1];
    if (last && last.ranges === ranges && weekdays.indexOf(last.to) === weekdays.indexOf(day) - 1) last.to = day;
    else groups.push({ from: day, to: day, ranges });
  }
  return groups.map((g) => `${dayName(g.from)}${g.to !== g.from ? `–${dayName(g.to)}` : ''} ${g.ranges}`).join(', ');
}

/** What the plan grants, in plain words (`10 credits and 8 days per month · hot desks`); empty when it says nothing. */
export function grantsSummary(plan: Plan, m: PlansMessages, locale: string): string {
  const grants = plan.grants;
  if (!grants) return '';
  const amounts: string[] = [];
  if (grants.credits) amounts.push(m.grantSummary.credits(grants.credits));
  if (grants.includedDays !== undefined) amounts.push(m.grantSummary.days(grants.includedDays));
  let first = new Intl.ListFormat(locale, { type: 'conjunction' }).format(amounts);
  if (first !== '' && plan.period !== 'day') first += ` ${m.perPeriod[plan.period] ?? plan.period}`;
  if (grants.includedDays === undefined) first = first === '' ? m.grantSummary.unlimited : `${first}, ${m.grantSummary.unlimited}`;
  const parts = [first];
  parts.push(grants.resourceTypes ? new Intl.ListFormat(locale, { type: 'conjunction' }).format(grants.resourceTypes.map((t) => m.resourceTypes[t] ?? t)) : m.grantSummary.allTypes);
  if (grants.accessHours) parts.push(hoursSummary(grants.accessHours, locale));
  return parts.join(' · ');
}
