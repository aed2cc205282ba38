/** What a member's record says, as the forms edit it: text, trimmed when checked. */
export interface MemberDraft {
  displayName: string;
  email: string;
  company: string;
  phone: string;
  status: 'active' | 'inactive';
  role: 'member' | 'staff' | 'admin';
  /** The organisation's id, or '' for none. */
  organisationId: string;
}

export type MemberField = keyof MemberDraft;
export type MemberProblem = 'required' | 'tooLong' | 'email' | 'phone';

// The spec's rules (schemas/common.yaml Name, Email, Phone; schemas/member.yaml MemberCompany).
const maxLength: Partial<Record<MemberField, number>> = { displayName: 120, email: 254, company: 120, phone: 32 };
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const phonePattern = /^\+?[0-9 ().-]{3,31}$/;

/** The fields of `draft` that the spec refuses, each with why. */
export function checkMember(draft: MemberDraft): Partial<Record<MemberField, MemberProblem>> {
  const problems: Partial<Record<MemberField, MemberProblem>> = {};
  const value = (field: MemberField) => draft[field].trim();
  for (const [field, max] of Object.entries(maxLength) as [MemberField, number][]) {
    if ([...value(field)].length > max) problems[field] = 'tooLong';
  }
  if (!value('displayName')) problems.displayName = 'required';
  if (!value('email')) problems.email = 'required';
  else if (!problems.email && !emailPattern.test(value('email'))) problems.email = 'email';
  if (value('phone') && !problems.phone && !phonePattern.test(value('phone'))) problems.phone = 'phone';
  return problems;
}

/** The draft of an existing record. */
export function draftOf(member: { displayName: string; email: string; company?: string; phone?: string; status: MemberDraft['status']; role?: MemberDraft['role']; organisationId?: string }): MemberDraft {
  return { displayName: member.displayName, email: member.email, company: member.company ?? '', phone: member.phone ?? '', status: member.status, role: member.role ?? 'member', organisationId: member.organisationId ?? '' };
}

/** What changed from `before` to `draft`, as a staff update: an emptied optional field is removed (`null`). */
export function changesOf(before: MemberDraft, draft: MemberDraft): Partial<Record<MemberField, string | null>> {
  const changes: Partial<Record<MemberField, string | null>> = {};
  for (const field of Object.keys(before) as MemberField[]) {
    const now = draft[field].trim();
    if (now === before[field].trim()) continue;
    changes[field] = now === '' && (field === 'company' || field === 'phone' || field === 'organisationId') ? null : now;
  }
  return changes;
}
