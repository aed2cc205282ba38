// Signing in. This server's space has no members, so no code is ever sent and no member token
// exists: the sign-in operations answer as the spec says for an address that is no member's, and
// the operations that need a member token refuse every request with 401.
import { bodyOf, spaceOf, type Answer, type Call } from '../call.ts';
import { Problem, unauthorized } from '../problem.ts';
import { signInCodeRequest, signInTokenRequest } from '../schemas.ts';
import { iso } from '../time.ts';

const windowMs = 15 * 60_000;
const perAddress = 5;
const perClient = 20;

/** Counts a request against a limit; throws 429 with Retry-After once it is reached. */
function limit(call: Call, key: string, most: number): void {
  const recent = (call.store.signInRequests.get(key) ?? []).filter((at) => call.now - at < windowMs);
  if (recent.length >= most) {
    const retryAfter = Math.max(1, Math.ceil((recent[0]! + windowMs - call.now) / 1000));
    throw new Problem(429, 'rate-limited', `Too many sign-in code requests; retry after ${retryAfter} seconds.`, {}, { 'retry-after': String(retryAfter) });
  }
  recent.push(call.now);
  call.store.signInRequests.set(key, recent);
}

export function requestSignInCode(call: Call): Answer {
  const space = spaceOf(call);
  const input = bodyOf(call, signInCodeRequest, { required: true });
  limit(call, `${space.id} client ${call.clientAddress}`, perClient);
  limit(call, `${space.id} address ${String(input.email).toLowerCase()}`, perAddress);
  return { status: 202, body: { expiresAt: iso(call.now + 10 * 60_000) } };
}

export function createToken(call: Call): Answer {
  spaceOf(call);
  bodyOf(call, signInTokenRequest, { required: true });
  throw unauthorized('This code is wrong, expired or used.');
}

/** Operations of a signed-in member: no member token is valid here. */
export function memberOnly(call: Call): Answer {
  spaceOf(call);
  throw unauthorized('A valid member token is required.');
}
