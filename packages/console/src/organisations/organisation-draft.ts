import type { components } from '@coworking-commons/client';
import type { OrganisationsMessages } from './messages.ts';

type Organisation = components['schemas']['Organisation'];
type OrganisationCreate = components['schemas']['OrganisationCreate'];

/** An organisation as its form holds it: text as typed. */
export interface OrganisationDraft {
  name: string;
  legalName: string;
  registrationNumber: string;
  vatNumber: string;
  billingEmail: string;
  street: string;
  postalCode: string;
  locality: string;
  country: string;
}

export const textFields = ['legalName', 'registrationNumber', 'vatNumber', 'billingEmail'] as const;

export function draftOf(organisation?: Organisation): OrganisationDraft {
  return {
    name: organisation?.name ?? '',
    legalName: organisation?.legalName ?? '',
    registrationNumber: organisation?.registrationNumber ?? '',
    vatNumber: organisation?.vatNumber ?? '',
    billingEmail: organisation?.billingEmail ?? '',
    street: organisation?.address?.street ?? '',
    postalCode: organisation?.address?.postalCode ?? '',
    locality: organisation?.address?.locality ?? '',
    country: organisation?.address?.country ?? '',
  };
}

const number = /^[A-Za-z0-9][A-Za-z0-9 .-]*$/;
const email = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The draft as the spec's body, or the fields to fix (by body path) with what is wrong. On an
 * update (`forUpdate`), an emptied optional field is sent as `null`, which removes it.
 */
export function organisationBody(draft: OrganisationDraft, m: OrganisationsMessages, forUpdate: boolean): { body: OrganisationCreate & Record<string, unknown> } | { errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const name = draft.name.trim();
  if (name.length < 1 || name.length > 120) errors.name = m.errors.name;
  const body: Record<string, unknown> = { name };
  for (const field of textFields) {
    const text = draft[field].trim();
    if (text === '') {
      if (forUpdate) body[field] = null;
      continue;
    }
    if (field === 'billingEmail' ? !email.test(text) || text.length > 254 : field === 'legalName' ? text.length > 120 : !number.test(text) || text.length > 40) {
      errors[field] = field === 'billingEmail' ? m.errors.email : field === 'legalName' ? m.errors.name : m.errors.number;
    }
    body[field] = text;
  }
  const address = { street: draft.street.trim(), postalCode: draft.postalCode.trim(), locality: draft.locality.trim(), country: draft.country.trim().toUpperCase() };
  if (Object.values(address).some((part) => part !== '')) {
    if (!address.street || !address.postalCode || !address.locality || !/^[A-Z]{2}$/.test(address.country)) errors.address = m.errors.address;
    body.address = address;
  } else if (forUpdate) body.address = null;
  return Object.keys(errors).length > 0 ? { errors } : { body: body as OrganisationCreate };
}
