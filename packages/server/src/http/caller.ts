/** Who is calling, resolved from the Authorization header for the space in the path. */
export type Caller =
  | { kind: 'anonymous' }
  | { kind: 'member'; memberId: string }
  | { kind: 'staff'; apiKeyId: string };

/** The caller's key for idempotency records and rate limits. */
export function callerKey(caller: Caller): string {
  if (caller.kind === 'member') return `member:${caller.memberId}`;
  if (caller.kind === 'staff') return `staff:${caller.apiKeyId}`;
  return 'guest';
}
