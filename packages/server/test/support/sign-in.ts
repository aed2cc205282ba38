import { createToken, requestSignInCode } from '@coworking-commons/client';
import { createMember, type Member } from '../../src/services/members.ts';
import type { TestServer } from './test-server.ts';

/** The six-digit code in the newest sign-in mail sent to `email` (undefined if none was sent). */
export function lastCodeSentTo(server: TestServer, email: string): string | undefined {
  const mail = server.mails.findLast((m) => m.to.toLowerCase() === email.toLowerCase());
  return mail && /\b(\d{6})\b/.exec(mail.text)?.[1];
}

/**
 * Signs a member in the way a person does: asks for a code, reads it from the mail the server
 * "sent", and exchanges it for a member token.
 */
export async function signInMember(server: TestServer, spaceId: string, email: string): Promise<string> {
  const before = server.mails.length;
  await requestSignInCode(server.client(), { path: { spaceId }, body: { email } });
  const mail = server.mails.slice(before).findLast((m) => m.to.toLowerCase() === email.toLowerCase());
  const code = mail && /\b(\d{6})\b/.exec(mail.text)?.[1];
  if (!code) throw new Error(`No sign-in code was mailed to ${email} in ${spaceId} (is it an active member there?)`);
  const { data } = await createToken(server.client(), { path: { spaceId }, body: { email, code } });
  return data.token;
}

/** Stores a member directly in the database (active, consent as given). */
export async function createMemberRecord(
  server: TestServer,
  spaceId: string,
  input: { email: string; displayName: string; directoryConsent?: boolean } & Partial<Parameters<typeof createMember>[2]>,
): Promise<Member> {
  return createMember(server.deps, spaceId, { directoryConsent: false, ...input });
}
