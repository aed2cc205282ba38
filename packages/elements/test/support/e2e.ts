/**
 * End-to-end helpers: a real reference server started by the test runner (see
 * web-test-runner.config.mjs and e2e-server.ts), on a temporary SQLite database seeded with the
 * demo space "La Ruche".
 *
 * Exports: `e2eServer()` → `{ url, spaceId, staffKey }` (starts it on first use);
 * `signInCode(email, after)`: the code mailed to `email` at or after `after` (ms since epoch);
 * `specViolations()`: the server's responses so far that broke the spec (assert it is empty);
 * `demoMembers`: emails of the demo's members (use a different one per test file: one sign-in
 * code at a time per member).
 */
import { executeServerCommand } from '@web/test-runner-commands';

export interface E2eServer {
  url: string;
  spaceId: string;
  staffKey: string;
}

export const e2eServer = () => executeServerCommand<E2eServer, undefined>('cowork-e2e-server');

export async function signInCode(email: string, after: number): Promise<string> {
  const result = await executeServerCommand<{ code: string | null }, { email: string; after: number }>('cowork-e2e-code', { email, after });
  if (!result?.code) throw new Error(`no sign-in code was mailed to ${email}`);
  return result.code;
}

export async function specViolations(): Promise<unknown[]> {
  return (await executeServerCommand<{ violations: unknown[] }, undefined>('cowork-e2e-violations'))?.violations ?? [];
}

export const demoMembers = {
  camille: 'camille.durand@example.org',
  yanis: 'yanis.benali@example.org',
  aminata: 'aminata.diallo@example.org',
  thomas: 'thomas.leroy@example.org',
  chloe: 'chloe.nguyen@example.org',
  hugo: 'hugo.lefebvre@example.org',
  ines: 'ines.haddad@example.org',
  maxime: 'maxime.moreau@example.org',
  sofia: 'sofia.rossi@example.org',
  julien: 'julien.roux@example.org',
};
