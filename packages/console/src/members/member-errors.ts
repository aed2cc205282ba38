import { describeError } from '@coworking-commons/elements';
import { topLevelFieldErrors, statusOf } from '../forms/field-errors.ts';
import type { MembersMessages } from './messages.ts';
import type { MemberField, MemberProblem } from './validation.ts';

export interface FormErrors {
  fields: Partial<Record<MemberField, string>>;
  /** What is said above the form (the fields' errors are under each field). */
  message?: string | undefined;
}

/** The spec's refusals of the form's own checks, in words. */
export function checkedErrors(problems: Partial<Record<MemberField, MemberProblem>>, m: MembersMessages): FormErrors {
  const fields = Object.fromEntries(Object.entries(problems).map(([field, problem]) => [field, m.problems[problem]]));
  return { fields, message: Object.keys(fields).length > 0 ? m.fixFields : undefined };
}

/**
 * A failed create or update in words: the validation problem's fields under each field, a taken
 * email under the email, the admin-only and last-admin refusals said as such.
 * `changedEmail` says whether the request changed the email (the only 409 a creation can get).
 */
export function requestErrors(error: unknown, m: MembersMessages, changedEmail: boolean): FormErrors {
  const status = statusOf(error);
  const fields: Partial<Record<MemberField, string>> = {};
  for (const [field, detail] of Object.entries(topLevelFieldErrors(error))) fields[field as MemberField] = m.serverSays(detail);
  if (Object.keys(fields).length > 0) return { fields, message: m.fixFields };
  if (status === 409 && changedEmail) return { fields: { email: m.emailTaken }, message: m.fixFields };
  if (status === 409) return { fields, message: m.lastAdmin };
  if (status === 403) return { fields, message: m.adminOnly };
  return { fields, message: describeError(error).message };
}
