import type { Scope, StaffRole } from '../domain/scopes.ts';

/** Who acts with staff rights: an API key, or a person whose role is staff or admin. */
export type StaffActor = { type: 'apiKey'; id: string } | { type: 'person'; id: string; role: StaffRole };

/** Who is calling, resolved from the Authorization header for the space in the path. */
export type Caller =
  | { kind: 'anonymous' }
  | { kind: 'member'; memberId: string }
  | { kind: 'staff'; actor: StaffActor; scopes: readonly Scope[] };

/** The caller's key for idempotency records and rate limits. */
export function callerKey(caller: Caller): string {
  if (caller.kind === 'member') return `member:${caller.memberId}`;
  if (caller.kind === 'staff') return caller.actor.type === 'person' ? `member:${caller.actor.id}` : `staff:${caller.actor.id}`;
  return 'guest';
}

/** The person signed in with a token (a member, or a staff person), if any. */
export function personOf(caller: Caller): string | undefined {
  if (caller.kind === 'member') return caller.memberId;
  if (caller.kind === 'staff' && caller.actor.type === 'person') return caller.actor.id;
  return undefined;
}
