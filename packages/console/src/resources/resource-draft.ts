import type { components } from '@coworking-commons/client';
import { editableAmount, minorUnits } from '../forms/field-errors.ts';
import { friendly, iso, minutesOf, type FriendlyDuration } from './durations.ts';
import type { ResourcesMessages } from './messages.ts';

type Resource = components['schemas']['Resource'];
type ResourceCreate = components['schemas']['ResourceCreate'];
export type ResourceType = Resource['type'];
export type OfferUnit = components['schemas']['OfferUnit'];
export type Audience = components['schemas']['Audience'];

export const resourceTypes: readonly ResourceType[] = ['hot_desk', 'dedicated_desk', 'meeting_room', 'private_office', 'phone_booth', 'event_space'];
export const offerUnits: readonly OfferUnit[] = ['hour', 'half_day', 'day', 'week', 'month'];
export const audiences: readonly Audience[] = ['guest', 'member'];
export const ruleNames = ['minDuration', 'maxDuration', 'granularity', 'leadTime', 'horizon', 'bufferBefore', 'bufferAfter'] as const;
export type RuleName = (typeof ruleNames)[number];

export interface OfferDraft {
  id?: string | undefined;
  audience: Audience;
  unit: OfferUnit;
  price: string;
  label: string;
}

/** A resource as its form holds it: text as typed, durations as a number and a unit. */
export interface ResourceDraft {
  type: ResourceType;
  name: string;
  description: string;
  capacity: string;
  quantity: string;
  bookableBy: Audience[];
  rules: Record<RuleName, FriendlyDuration>;
  approvalRequired: boolean;
  offers: OfferDraft[];
  translations: Record<string, { name: string; description: string }>;
}

const defaults: Record<RuleName, string> = { minDuration: 'PT30M', maxDuration: 'P1D', granularity: 'PT30M', leadTime: 'PT0S', horizon: 'P90D', bufferBefore: 'PT0S', bufferAfter: 'PT0S' };

/** `decimalComma`: amounts written as French people write them (12,50). */
export function draftOf(resource: Resource | undefined, otherLanguages: readonly string[], decimalComma = false): ResourceDraft {
  return {
    type: resource?.type ?? 'meeting_room',
    name: resource?.name ?? '',
    description: resource?.description ?? '',
    capacity: String(resource?.capacity ?? 1),
    quantity: String(resource?.quantity ?? 1),
    bookableBy: [...(resource?.bookableBy ?? ['member'])],
    rules: Object.fromEntries(ruleNames.map((rule) => [rule, friendly(resource?.rules[rule] ?? defaults[rule])])) as Record<RuleName, FriendlyDuration>,
    approvalRequired: resource?.rules.approvalRequired ?? false,
    offers: (resource?.offers ?? []).map((offer) => ({ id: offer.id, audience: offer.audience, unit: offer.unit, price: decimalComma ? editableAmount(offer.price.amount).replace('.', ',') : editableAmount(offer.price.amount), label: offer.label ?? '' })),
    translations: Object.fromEntries(otherLanguages.map((lang) => [lang, { name: resource?.translations?.[lang]?.name ?? '', description: resource?.translations?.[lang]?.description ?? '' }])),
  };
}

const wholeIn = (text: string, min: number, max: number) => (/^\s*\d{1,6}\s*$/.test(text) && Number(text) >= min && Number(text) <= max ? Number(text) : undefined);

/** The draft as the spec's ResourceCreate (also a valid ResourceUpdate), or the fields to fix by body path. */
export function resourceBody(draft: ResourceDraft, currency: string, m: ResourcesMessages): { body: ResourceCreate } | { errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const name = draft.name.trim();
  if (name.length < 1 || name.length > 120) errors.name = m.errors.name;
  if (draft.description.length > 5000) errors.description = m.errors.description;
  const capacity = wholeIn(draft.capacity, 1, 10000);
  if (capacity === undefined) errors.capacity = m.errors.capacity;
  const quantity = wholeIn(draft.quantity, 1, 1000);
  if (quantity === undefined) errors.quantity = m.errors.quantity;
  const rules: Record<string, string> = {};
  for (const rule of ruleNames) {
    const value = iso(draft.rules[rule]);
    if (value === undefined) errors[`rules/${rule}`] = m.errors.duration;
    else rules[rule] = value;
  }
  const granularity = minutesOf(draft.rules.granularity);
  if (!errors['rules/granularity'] && granularity === 0) errors['rules/granularity'] = m.errors.granularity;
  for (const rule of ['minDuration', 'maxDuration'] as const) {
    const minutes = minutesOf(draft.rules[rule]);
    if (!errors[`rules/${rule}`] && granularity > 0 && (minutes === 0 || minutes % granularity !== 0)) errors[`rules/${rule}`] = m.errors.multiple;
  }
  if (!errors['rules/minDuration'] && !errors['rules/maxDuration'] && minutesOf(draft.rules.minDuration) > minutesOf(draft.rules.maxDuration)) errors['rules/maxDuration'] = m.errors.minMax;
  const offers = draft.offers.map((offer, index) => {
    const amount = minorUnits(offer.price);
    if (amount === undefined || amount > 100_000_000) errors[`offers/${index}/price/amount`] = m.errors.price;
    if (offer.label.trim().length > 80) errors[`offers/${index}/label`] = m.errors.label;
    return { ...(offer.id ? { id: offer.id } : {}), audience: offer.audience, unit: offer.unit, price: { amount: amount ?? 0, currency }, ...(offer.label.trim() ? { label: offer.label.trim() } : {}) };
  });
  if (offers.length > 20) errors.offers = m.errors.offers;
  const translations: Record<string, Record<string, string>> = {};
  for (const [lang, texts] of Object.entries(draft.translations)) {
    const entry: Record<string, string> = {};
    if (texts.name.trim()) entry.name = texts.name.trim();
    if (texts.description.trim()) entry.description = texts.description.trim();
    if ((entry.name?.length ?? 0) > 120) errors[`translations/${lang}/name`] = m.errors.name;
    if ((entry.description?.length ?? 0) > 5000) errors[`translations/${lang}/description`] = m.errors.description;
    if (Object.keys(entry).length > 0) translations[lang] = entry;
  }
  if (Object.keys(errors).length > 0) return { errors };
  return {
    body: {
      type: draft.type,
      name,
      description: draft.description.trim(),
      capacity: capacity!,
      quantity: quantity!,
      bookableBy: audiences.filter((audience) => draft.bookableBy.includes(audience)),
      rules: { ...rules, approvalRequired: draft.approvalRequired },
      offers,
      translations,
    },
  };
}
