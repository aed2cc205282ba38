import { instantOf } from '@coworking-commons/elements';

export const allScopes = ['read', 'bookings', 'members', 'events', 'billing', 'admin'] as const;
export type Scope = (typeof allScopes)[number];

/** A key as the form edits it: the last day it works (`YYYY-MM-DD`, or empty: it never expires). */
export interface KeyDraft {
  name: string;
  scopes: Scope[];
  expiry: string;
}

export type KeyProblem = 'nameRequired' | 'nameTooLong' | 'scopesRequired' | 'expiryPast' | 'expiryInvalid';

/** The day after `date` (`YYYY-MM-DD`). */
function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** When a key whose last day is `expiry` stops working: that day's end in the space's zone. */
export const expiresAt = (expiry: string, timeZone: string): Date => instantOf(nextDay(expiry), '00:00', timeZone);

/** The fields the spec (schemas/api-key.yaml) refuses: a name of 1 to 100 characters, 1 to 6 scopes, an expiry in the future. */
export function checkKey(draft: KeyDraft, today: string): Partial<Record<'name' | 'scopes' | 'expiresAt', KeyProblem>> {
  const problems: Partial<Record<'name' | 'scopes' | 'expiresAt', KeyProblem>> = {};
  const name = draft.name.trim();
  if (!name) problems.name = 'nameRequired';
  else if ([...name].length > 100) problems.name = 'nameTooLong';
  if (draft.scopes.length === 0) problems.scopes = 'scopesRequired';
  if (draft.expiry && !/^\d{4}-\d{2}-\d{2}$/.test(draft.expiry)) problems.expiresAt = 'expiryInvalid';
  else if (draft.expiry && draft.expiry < today) problems.expiresAt = 'expiryPast';
  return problems;
}
