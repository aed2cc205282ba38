import type { components } from '@coworking-commons/client';
import type { SpaceMessages } from './messages.ts';

type Space = components['schemas']['Space'];
type SpaceUpdate = components['schemas']['SpaceUpdate'];
type Weekday = components['schemas']['Weekday'];

export const weekdays: readonly Weekday[] = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
export const visibilities = ['public', 'members', 'staff'] as const;

/** The space as its form holds it: text as typed. */
export interface SpaceDraft {
  name: string;
  description: string;
  translations: Record<string, { name: string; description: string }>;
  street: string;
  postalCode: string;
  locality: string;
  country: string;
  timeZone: string;
  hours: { day: Weekday; opens: string; closes: string }[];
  closures: { from: string; to: string; reason: string }[];
  guestBookingAllowed: boolean;
  /** Hours, as typed. */
  cancellationNotice: string;
  directoryVisibility: (typeof visibilities)[number];
  morningStart: string;
  morningEnd: string;
  afternoonStart: string;
  afternoonEnd: string;
  /** The sites allowed to embed the widgets, as typed; undefined when the server does not show them (spec 0.1.0). */
  origins: string[] | undefined;
}

/**
 * An origin as a browser sends it (`https://www.example.org`), from what a person types: a site's
 * address with or without its scheme, path or trailing slash (`www.example.org/coworking/`), or
 * `*` for any site. Undefined when it is not a web address.
 */
export function originOf(typed: string): string | undefined {
  const text = typed.trim();
  if (text === '*') return text;
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '' && url.username === '' ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

/** Hours in an ISO 8601 duration such as PT24H or P2D (elapsed hours; a day counted as 24). */
export function durationHours(duration: string): number {
  const match = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(duration);
  if (!match) return 0;
  const [, w, d, h, m, s] = match.map((part) => Number(part ?? 0));
  return (w! * 7 + d!) * 24 + h! + m! / 60 + s! / 3600;
}

export function draftOf(space: Space): SpaceDraft {
  return {
    name: space.name,
    description: space.description ?? '',
    translations: Object.fromEntries(space.languages.slice(1).map((lang) => [lang, { name: space.translations?.[lang]?.name ?? '', description: space.translations?.[lang]?.description ?? '' }])),
    street: space.address?.street ?? '',
    postalCode: space.address?.postalCode ?? '',
    locality: space.address?.locality ?? '',
    country: space.address?.country ?? '',
    timeZone: space.timeZone,
    hours: space.openingHours.map((range) => ({ ...range })),
    closures: space.closures.map((closure) => ({ from: closure.from, to: closure.to, reason: closure.reason ?? '' })),
    guestBookingAllowed: space.policies.guestBookingAllowed,
    cancellationNotice: String(Math.round(durationHours(space.policies.cancellationNotice) * 100) / 100),
    directoryVisibility: space.policies.directoryVisibility,
    morningStart: space.policies.halfDays.morning.start,
    morningEnd: space.policies.halfDays.morning.end,
    afternoonStart: space.policies.halfDays.afternoon.start,
    afternoonEnd: space.policies.halfDays.afternoon.end,
    origins: space.allowedOrigins && [...space.allowedOrigins],
  };
}

const time = /^([01][0-9]|2[0-4]):[0-5][0-9]$/;
const date = /^\d{4}-\d{2}-\d{2}$/;

/** The draft as the spec's SpaceUpdate, or the fields to fix (by body path) with what is wrong with them. */
export function spaceBody(draft: SpaceDraft, m: SpaceMessages): { body: SpaceUpdate } | { errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const name = draft.name.trim();
  if (name.length < 1 || name.length > 120) errors.name = m.errors.name;
  if (draft.description.length > 5000) errors.description = m.errors.description;
  const translations: Record<string, Record<string, string>> = {};
  for (const [lang, texts] of Object.entries(draft.translations)) {
    const entry: Record<string, string> = {};
    if (texts.name.trim()) entry.name = texts.name.trim();
    if (texts.description.trim()) entry.description = texts.description.trim();
    if ((entry.name?.length ?? 0) > 120) errors[`translations/${lang}/name`] = m.errors.name;
    if ((entry.description?.length ?? 0) > 5000) errors[`translations/${lang}/description`] = m.errors.description;
    if (Object.keys(entry).length > 0) translations[lang] = entry;
  }
  const address = { street: draft.street.trim(), postalCode: draft.postalCode.trim(), locality: draft.locality.trim(), country: draft.country.trim().toUpperCase() };
  const anyAddress = Object.values(address).some((part) => part !== '');
  if (anyAddress) {
    if (!address.street || address.street.length > 200) errors['address/street'] = m.errors.street;
    if (!address.postalCode || address.postalCode.length > 20) errors['address/postalCode'] = m.errors.postalCode;
    if (!address.locality || address.locality.length > 100) errors['address/locality'] = m.errors.locality;
    if (!/^[A-Z]{2}$/.test(address.country)) errors['address/country'] = m.errors.country;
  }
  const timeZone = draft.timeZone.trim();
  if (!/^[A-Za-z]+(?:[/_+-][A-Za-z0-9]+)*(?:\/[A-Za-z0-9_+-]+)*$/.test(timeZone) || timeZone.length > 64) errors.timeZone = m.errors.timeZone;
  draft.hours.forEach((range, index) => {
    if (!time.test(range.opens) || !time.test(range.closes) || range.opens >= range.closes) errors[`openingHours/${index}`] = m.errors.range;
    else if (draft.hours.some((other, j) => j !== index && other.day === range.day && time.test(other.opens) && other.opens < range.closes && range.opens < other.closes)) errors[`openingHours/${index}`] = m.errors.overlap;
  });
  draft.closures.forEach((closure, index) => {
    if (!date.test(closure.from) || !date.test(closure.to) || closure.from > closure.to) errors[`closures/${index}`] = m.errors.closure;
    else if (closure.reason.length > 200) errors[`closures/${index}`] = m.errors.reason;
  });
  const notice = Number(draft.cancellationNotice.trim().replace(',', '.'));
  if (draft.cancellationNotice.trim() === '' || !Number.isInteger(notice) || notice < 0 || notice > 8760) errors['policies/cancellationNotice'] = m.errors.notice;
  const halves = [draft.morningStart, draft.morningEnd, draft.afternoonStart, draft.afternoonEnd];
  if (!halves.every((t) => time.test(t)) || !(draft.morningStart < draft.morningEnd && draft.morningEnd <= draft.afternoonStart && draft.afternoonStart < draft.afternoonEnd)) errors['policies/halfDays'] = m.errors.halfDays;
  const origins = draft.origins?.filter((typed) => typed.trim() !== '').map((typed) => originOf(typed));
  draft.origins?.forEach((typed, index) => {
    if (typed.trim() !== '' && originOf(typed) === undefined) errors[`allowedOrigins/${index}`] = m.errors.origin;
  });
  if (origins && origins.length > 50) errors.allowedOrigins = m.errors.tooManyOrigins;
  if (Object.keys(errors).length > 0) return { errors };
  return {
    body: {
      name,
      description: draft.description.trim(),
      translations,
      ...(anyAddress ? { address } : {}),
      timeZone,
      openingHours: weekdays.flatMap((day) => draft.hours.filter((range) => range.day === day).sort((a, b) => a.opens.localeCompare(b.opens))),
      closures: [...draft.closures].sort((a, b) => a.from.localeCompare(b.from)).map((c) => ({ from: c.from, to: c.to, ...(c.reason.trim() ? { reason: c.reason.trim() } : {}) })),
      policies: {
        guestBookingAllowed: draft.guestBookingAllowed,
        cancellationNotice: `PT${notice}H`,
        directoryVisibility: draft.directoryVisibility,
        halfDays: { morning: { start: draft.morningStart, end: draft.morningEnd }, afternoon: { start: draft.afternoonStart, end: draft.afternoonEnd } },
      },
      ...(origins ? { allowedOrigins: [...new Set(origins as string[])] } : {}),
    },
  };
}
