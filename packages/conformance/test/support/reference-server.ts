// The reference server for the suite's own tests: real HTTP over a fresh database seeded with the
// demo space, optionally "mutated" (a Fastify hook that breaks one rule, given the server's deps) before it listens.
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../server/src/app.ts';
import { loadConfig } from '../../../server/src/config.ts';
import { openStore } from '../../../server/src/db/database.ts';
import { migrateToLatest } from '../../../server/src/db/migrate.ts';
import type { AppDeps } from '../../../server/src/deps.ts';
import { seedDemo } from '../../../server/src/seed/demo.ts';
import { sampleMemberEmail } from '../../../server/src/seed/demo-members.ts';
import { createTestDatabase, type DatabaseKind } from '../../../server/test/support/databases.ts';

/** The browser origins the demo space allows in these tests. */
export const allowedOrigins = ['https://www.la-ruche.example'];

export interface ReferenceServer {
  url: string;
  spaceId: string;
  staffKey: string;
  /** The tokens of two members of the demo space, signed in as people do (the code read from the mail). */
  memberTokens: [string, string];
  close(): Promise<void>;
}

/** Two demo members, for the member-isolation checks. */
export const twoMemberEmails = [sampleMemberEmail, 'yanis.benali@example.org'] as const;

/**
 * Signs two demo members in over HTTP, as a person does: asks for a code, reads it from the mail
 * the server "sent" (`mails`), exchanges it for a token.
 */
export async function tokensOfTwoMembers(url: string, spaceId: string, mails: readonly { to: string; text: string }[]): Promise<[string, string]> {
  const signIn = async (email: string): Promise<string> => {
    const post = (path: string, body: object) => fetch(`${url}/spaces/${spaceId}/auth/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const before = mails.length;
    const asked = await post('code', { email });
    if (asked.status !== 202 && asked.status !== 204) throw new Error(`requestSignInCode for ${email} answered ${asked.status}: ${await asked.text()}`);
    // The server mails the code once it has answered.
    let code: string | undefined;
    for (let waited = 0; !code && waited < 5_000; waited += 10) {
      code = /\b(\d{6})\b/.exec(mails.slice(before).findLast((mail) => mail.to === email)?.text ?? '')?.[1];
      if (!code) await new Promise((resolve) => setTimeout(resolve, 10));
    }
    if (!code) throw new Error(`no sign-in code was mailed to ${email}`);
    const token = await post('token', { email, code });
    if (token.status !== 201 && token.status !== 200) throw new Error(`createToken for ${email} answered ${token.status}: ${await token.text()}`);
    return (await token.json()).token;
  };
  return [await signIn(twoMemberEmails[0]), await signIn(twoMemberEmails[1])];
}

export async function startReferenceServer(kind: DatabaseKind, mutate?: (app: FastifyInstance, deps: AppDeps) => void): Promise<ReferenceServer> {
  const database = await createTestDatabase(kind);
  const store = openStore(database.url);
  await migrateToLatest(store);
  const config = loadConfig({ port: '0', database: store.file ?? 'postgres', 'log-level': 'silent' }, {});
  const mails: { to: string; text: string }[] = [];
  const deps: AppDeps = { store, config, mailer: { send: async (mail) => void mails.push(mail) }, now: () => new Date() };
  const seeded = await seedDemo(deps, { allowedOrigins });
  const app = await buildApp(deps, { rateLimits: { signIn: 1000, signInPerEmail: 5, guestCreate: 1000, other: 100_000 } });
  mutate?.(app, deps);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return {
    url,
    spaceId: seeded.spaceId,
    staffKey: seeded.staffKey!,
    memberTokens: await tokensOfTwoMembers(url, seeded.spaceId, mails),
    async close() {
      await app.close();
      await store.close();
      await database.drop();
    },
  };
}
