import type { components } from '@coworking-commons/client';
import { editableAmount, minorUnits } from '../forms/field-errors.ts';
import type { PlansMessages } from './messages.ts';
import { grantsBody, grantsDraftOf, type GrantsDraft } from './plan-grants.ts';

type Plan = components['schemas']['Plan'];
type PlanCreate = components['schemas']['PlanCreate'];
type PlanUpdate = components['schemas']['PlanUpdate'];
export type PlanPeriod = Plan['period'];

export const periods: readonly PlanPeriod[] = ['day', 'week', 'month', 'year'];

/** A plan as its form holds it: text as typed, the translations by language. */
export interface PlanDraft {
  name: string;
  description: string;
  price: string;
  period: PlanPeriod;
  includes: string;
  featured: boolean;
  grants: GrantsDraft;
  translations: Record<string, { name: string; description: string }>;
}

export function draftOf(plan: Plan | undefined, otherLanguages: readonly string[]): PlanDraft {
  return {
    name: plan?.name ?? '',
    description: plan?.description ?? '',
    price: plan ? editableAmount(plan.price.amount) : '',
    period: plan?.period ?? 'month',
    includes: (plan?.includes ?? []).join('\n'),
    featured: plan?.featured ?? false,
    grants: grantsDraftOf(plan?.grants),
    translations: Object.fromEntries(otherLanguages.map((lang) => [lang, { name: plan?.translations?.[lang]?.name ?? '', description: plan?.translations?.[lang]?.description ?? '' }])),
  };
}

/**
 * The draft as the spec's PlanCreate (`body`) and as a PlanUpdate (`update`: the same, but grants
 * not set are removed), or the fields to fix (by body path) with what is wrong with them.
 */
export function planBody(draft: PlanDraft, currency: string, m: PlansMessages): { body: PlanCreate; update: PlanUpdate } | { errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const name = draft.name.trim();
  if (name.length < 1 || name.length > 120) errors.name = m.errors.name;
  if (draft.description.length > 5000) errors.description = m.errors.description;
  const amount = minorUnits(draft.price);
  if (amount === undefined || amount > 100_000_000) errors['price/amount'] = m.errors.price;
  const includes = draft.includes
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  if (includes.length > 20 || includes.some((line) => line.length > 280)) errors.includes = m.errors.includes;
  const translations: Record<string, Record<string, string>> = {};
  for (const [lang, texts] of Object.entries(draft.translations)) {
    const entry: Record<string, string> = {};
    if (texts.name.trim() !== '') entry.name = texts.name.trim();
    if (texts.description.trim() !== '') entry.description = texts.description.trim();
    if (entry.name && entry.name.length > 120) errors[`translations/${lang}/name`] = m.errors.name;
    if (entry.description && entry.description.length > 5000) errors[`translations/${lang}/description`] = m.errors.description;
    if (Object.keys(entry).length > 0) translations[lang] = entry;
  }
  const grants = grantsBody(draft.grants, m);
  if ('errors' in grants) Object.assign(errors, grants.errors);
  if (Object.keys(errors).length > 0 || 'errors' in grants) return { errors };
  const body: PlanCreate = {
    name,
    // Always sent: on an update, an empty description clears the one there was.
    description: draft.description.trim(),
    price: { amount: amount!, currency },
    period: draft.period,
    includes,
    featured: draft.featured,
    translations,
  };
  return {
    body: grants.create ? { ...body, grants: grants.create } : body,
    // On an update, grants left empty are removed (`null`).
    update: { ...body, grants: grants.update },
  };
}
