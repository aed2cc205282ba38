import type { Deps } from '../deps.ts';
import { newId } from '../domain/ids.ts';
import type { Role } from '../domain/scopes.ts';
import { hashOneTimeCode, hashSecret, newOneTimeCode, newSecret, normalizeEmail, safeEqual } from '../domain/secrets.ts';
import type { Mail } from './mailer.ts';
import type { Space } from './spaces.ts';

/** How long a one-time code works. */
export const codeLifetime = 10 * 60_000;
/** Wrong (or any) attempts a code survives: the sixth try fails whatever the code. */
export const maxCodeAttempts = 5;
/** Codes mailed to one address of one space per window, not counting codes that were exchanged. */
export const maxCodesPerWindow = 5;
export const codeWindow = 10 * 60_000;
/** How long a member token works. */
export const tokenLifetime = 30 * 24 * 3600_000;

type AuthDeps = Pick<Deps, 'store' | 'now' | 'config' | 'mailer' | 'log' | 'background'>;

/**
 * Handles a request for a sign-in code. Whether or not the address is an active member's, the
 * same work is done: the same queries before the answer, the same expiry answered, then, after
 * the answer is sent (`deps.background`), a code made, stored hashed and its mail written; only a
 * member's mail is sent. A stranger's code opens nothing (`exchangeSignInCode` wants an active
 * member), so neither the answer, its timing, nor the work behind it tells members from
 * strangers. At most `maxCodesPerWindow` unexchanged codes are made per address and window;
 * past that, requests are silently not honoured.
 */
export async function requestSignInCode(deps: AuthDeps, space: Space, rawEmail: string, language: string | undefined): Promise<{ expiresAt: number }> {
  const email = normalizeEmail(rawEmail);
  const now = deps.now().getTime();
  const expiresAt = now + codeLifetime;
  const { db } = deps.store;

  const member = await db
    .selectFrom('members')
    .select(['id'])
    .where('space_id', '=', space.id)
    .where('email', '=', email)
    .where('status', '=', 'active')
    .executeTakeFirst();
  const recent = await db
    .selectFrom('sign_in_codes')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('space_id', '=', space.id)
    .where('email', '=', email)
    .where('created_at', '>', now - codeWindow)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  // Old codes of this address are of no use any more.
  await db.deleteFrom('sign_in_codes').where('space_id', '=', space.id).where('email', '=', email).where('created_at', '<', now - 24 * 3600_000).execute();
  if (Number(recent.count) >= maxCodesPerWindow) return { expiresAt };
  const isMember = member !== undefined;
  deps.background.run(() => issueSignInCode(deps, space, { email, language, isMember }, now, expiresAt));
  return { expiresAt };
}

async function issueSignInCode(deps: AuthDeps, space: Space, to: { email: string; language: string | undefined; isMember: boolean }, now: number, expiresAt: number): Promise<void> {
  const { db } = deps.store;
  const { email } = to;
  const code = newOneTimeCode();
  await db.transaction().execute(async (trx) => {
    // Codes of any address older than a day are of no use any more.
    await trx.deleteFrom('sign_in_codes').where('space_id', '=', space.id).where('created_at', '<', now - 24 * 3600_000).execute();
    // A new code invalidates the previous ones.
    await trx.updateTable('sign_in_codes').set({ expires_at: now }).where('space_id', '=', space.id).where('email', '=', email).where('expires_at', '>', now).execute();
    await trx
      .insertInto('sign_in_codes')
      .values({
        id: newId('sic'),
        space_id: space.id,
        email,
        code_hash: hashOneTimeCode(code, email, deps.config.codePepper),
        attempts: 0,
        expires_at: expiresAt,
        used_at: null,
        created_at: now,
      })
      .execute();
  });
  const mail = signInMail(space, email, code, mailLanguage(space, to.language));
  if (!to.isMember) return;
  await deps.mailer.send(mail).catch((error: unknown) => deps.log.error({ err: error, mailTo: email }, 'The sign-in code could not be mailed'));
}

/**
 * Exchanges a code for a member token. Every try counts against the code (so at most
 * `maxCodeAttempts`, even concurrently); the code works once. Returns undefined when the code is
 * wrong, expired, used or worn out, or the member is no longer active: the caller answers 401
 * whichever it is.
 */
export async function exchangeSignInCode(
  deps: AuthDeps,
  spaceId: string,
  rawEmail: string,
  code: string,
): Promise<{ token: string; expiresAt: number; member: { id: string; displayName: string; role: Role } } | undefined> {
  const email = normalizeEmail(rawEmail);
  const now = deps.now().getTime();
  const { db } = deps.store;
  const stored = await db
    .selectFrom('sign_in_codes')
    .selectAll()
    .where('space_id', '=', spaceId)
    .where('email', '=', email)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  const presented = hashOneTimeCode(code, email, deps.config.codePepper);
  if (!stored) {
    safeEqual(presented, presented);
    return undefined;
  }
  const counted = await db
    .updateTable('sign_in_codes')
    .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
    .where('id', '=', stored.id)
    .where('attempts', '<', maxCodeAttempts)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  if (Number(counted.numUpdatedRows) === 0 || !safeEqual(presented, stored.code_hash)) return undefined;

  return db.transaction().execute(async (trx) => {
    const used = await trx.updateTable('sign_in_codes').set({ used_at: now }).where('id', '=', stored.id).where('used_at', 'is', null).executeTakeFirst();
    if (Number(used.numUpdatedRows) === 0) return undefined;
    const member = await trx
      .selectFrom('members')
      .select(['id', 'display_name', 'role'])
      .where('space_id', '=', spaceId)
      .where('email', '=', email)
      .where('status', '=', 'active')
      .executeTakeFirst();
    if (!member) return undefined;
    const token = newSecret('cct_');
    const expiresAt = now + tokenLifetime;
    await trx.insertInto('member_tokens').values({ token_hash: hashSecret(token), space_id: spaceId, member_id: member.id, expires_at: expiresAt, created_at: now }).execute();
    // Expired tokens of the member are of no use any more.
    await trx.deleteFrom('member_tokens').where('member_id', '=', member.id).where('expires_at', '<=', now).execute();
    return { token, expiresAt, member: { id: member.id, displayName: member.display_name, role: member.role as Role } };
  });
}

/** Revokes one member token (the one presented), leaving the member's others. */
export async function revokeMemberToken(deps: Pick<Deps, 'store'>, memberId: string, token: string): Promise<void> {
  await deps.store.db.deleteFrom('member_tokens').where('token_hash', '=', hashSecret(token)).where('member_id', '=', memberId).execute();
}

/** Revokes every token of a member (status set to inactive, data erased). */
export async function revokeAllMemberTokens(deps: Pick<Deps, 'store'>, memberId: string): Promise<void> {
  await deps.store.db.deleteFrom('member_tokens').where('member_id', '=', memberId).execute();
}

const texts = {
  fr: (spaceName: string, code: string) => ({
    subject: `Votre code de connexion : ${code}`,
    text: [
      'Bonjour,',
      '',
      `Voici votre code pour vous connecter à ${spaceName} :`,
      '',
      `    ${code}`,
      '',
      'Il est valable 10 minutes et ne sert qu’une fois.',
      'Si vous n’avez rien demandé, ignorez ce message : personne ne peut se connecter sans ce code.',
      '',
      `— ${spaceName}`,
    ].join('\n'),
  }),
  en: (spaceName: string, code: string) => ({
    subject: `Your sign-in code: ${code}`,
    text: [
      'Hello,',
      '',
      `Here is your code to sign in to ${spaceName}:`,
      '',
      `    ${code}`,
      '',
      'It works for 10 minutes, once.',
      'If you did not ask for it, ignore this message: nobody can sign in without this code.',
      '',
      `— ${spaceName}`,
    ].join('\n'),
  }),
} as const;

type MailLanguage = keyof typeof texts;

const primary = (tag: string) => tag.toLowerCase().split('-')[0]!;
const known = (tag: string | undefined): MailLanguage | undefined => {
  const p = tag === undefined ? undefined : primary(tag);
  return p !== undefined && p in texts ? (p as MailLanguage) : undefined;
};

/** The requested language when there is a text for it, else the space's first one there is, else English. */
export function mailLanguage(space: Pick<Space, 'languages'>, requested: string | undefined): MailLanguage {
  return known(requested) ?? space.languages?.map(known).find((l) => l !== undefined) ?? 'en';
}

export function signInMail(space: Pick<Space, 'name' | 'translations' | 'languages'>, to: string, code: string, language: MailLanguage): Mail {
  const translated = (space.translations as Record<string, { name?: string }> | undefined)?.[language]?.name;
  const { subject, text } = texts[language](translated ?? space.name, code);
  return { to, subject, text };
}
