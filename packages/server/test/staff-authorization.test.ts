// Every operation open to staff, called with each kind of credentials: a key lacking the
// operation's scope, a key holding only that scope, a staff person's and an admin's token, a
// member token and none. The requests are the spec's own examples, on ids that may not exist:
// what is judged is whether the credentials get through, not what the operation then does.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, describe, test } from 'node:test';
import { listOperations } from '../../../tools/spec/operations.ts';
import { loadSpec } from '../src/app.ts';
import { scopes, type Scope } from '../src/domain/scopes.ts';
import { issueApiKey } from '../src/services/api-keys.ts';
import { testDatabases } from './support/databases.ts';
import { seedSpace } from './support/fixtures.ts';
import { createMemberRecord, signInMember } from './support/sign-in.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

const spec = loadSpec();
const resolve = (node: any): any => (node?.$ref ? resolve(node.$ref.slice(2).split('/').reduce((n: any, k: string) => n[k.replace(/~1/g, '/')], spec)) : node);
const staffOperations = listOperations(spec as never)
  .filter(({ operation }) => operation.security?.some((alternative: object) => 'staffKey' in alternative))
  .map(({ method, path, operationId, operation, parameters }) => {
    const body = operation.requestBody && resolve(operation.requestBody)?.content?.['application/json'];
    const alternatives: string[] = operation.security.flatMap((alternative: object) => (Object.keys(alternative).length === 0 ? ['none'] : Object.keys(alternative)));
    return {
      method: method.toUpperCase(),
      path,
      operationId,
      scope: operation['x-cowork-scope'] as Scope,
      staffOnly: alternatives.every((name) => name === 'staffKey'),
      idempotent: parameters.some((p) => p.in === 'header' && p.name === 'Idempotency-Key'),
      accept: Object.keys(operation.responses['200']?.content ?? { 'application/json': {} })[0]!,
      body: body?.example ?? Object.values<any>(body?.examples ?? {})[0]?.value,
    };
  });

interface Answer {
  status: number;
  detail?: string;
}

for (const kind of testDatabases()) {
  describe(`every staff operation, by credentials (${kind})`, () => {
    let server: TestServer;
    const spaceId = 'la-ruche';
    const keys = new Map<string, string>();
    let staffToken: string;
    let adminToken: string;
    let memberToken: string;

    const call = async (operation: (typeof staffOperations)[number], credential: string | undefined): Promise<Answer> => {
      const url = `${server.url}${operation.path.replace('{spaceId}', spaceId).replace(/\{(\w+)\}/g, (_, name: string) => `${name}_unknown`)}`;
      const headers: Record<string, string> = { accept: operation.accept, 'if-match': '"1"' };
      if (credential) headers.authorization = `Bearer ${credential}`;
      if (operation.idempotent) headers['idempotency-key'] = randomUUID();
      if (operation.body !== undefined) headers['content-type'] = 'application/json';
      const response = await fetch(url, { method: operation.method, headers, ...(operation.body !== undefined ? { body: JSON.stringify(operation.body) } : {}) });
      const text = await response.text();
      const detail = response.headers.get('content-type')?.includes('problem+json') ? (JSON.parse(text) as { detail: string }).detail : undefined;
      return { status: response.status, ...(detail === undefined ? {} : { detail }) };
    };
    const refusedForScope = (answer: Answer, scope: Scope) => answer.status === 403 && (answer.detail ?? '').includes(`lacks the "${scope}" scope`);

    before(async () => {
      server = await startTestServer(kind, { now: '2026-12-01T07:00:00Z' });
      await seedSpace(server);
      for (const scope of scopes) {
        keys.set(`only ${scope}`, (await issueApiKey(server.deps, spaceId, `Only ${scope}`, { scopes: [scope] })).secret);
        keys.set(`all but ${scope}`, (await issueApiKey(server.deps, spaceId, `All but ${scope}`, { scopes: scopes.filter((s) => s !== scope) })).secret);
      }
      await createMemberRecord(server, spaceId, { email: 'desk@example.org', displayName: 'Desk', role: 'staff' });
      await createMemberRecord(server, spaceId, { email: 'boss@example.org', displayName: 'Boss', role: 'admin' });
      await createMemberRecord(server, spaceId, { email: 'camille@example.org', displayName: 'Camille' });
      staffToken = await signInMember(server, spaceId, 'desk@example.org');
      adminToken = await signInMember(server, spaceId, 'boss@example.org');
      memberToken = await signInMember(server, spaceId, 'camille@example.org');
    });

    test('the spec names at least one staff operation of every scope', () => {
      for (const scope of scopes) assert.ok(staffOperations.some((operation) => operation.scope === scope), scope);
    });

    for (const operation of staffOperations) {
      test(`${operation.operationId} (${operation.scope})`, async () => {
        const without = await call(operation, keys.get(`all but ${operation.scope}`));
        assert.ok(refusedForScope(without, operation.scope), `a key without "${operation.scope}": ${JSON.stringify(without)}`);
        const only = await call(operation, keys.get(`only ${operation.scope}`));
        assert.ok(!refusedForScope(only, operation.scope) && only.status !== 401, `a key with "${operation.scope}" only: ${JSON.stringify(only)}`);

        const asStaff = await call(operation, staffToken);
        if (operation.scope === 'admin') assert.ok(refusedForScope(asStaff, 'admin'), `a staff token: ${JSON.stringify(asStaff)}`);
        else assert.ok(asStaff.status !== 401 && !(asStaff.detail ?? '').includes('scope'), `a staff token: ${JSON.stringify(asStaff)}`);
        const asAdmin = await call(operation, adminToken);
        assert.ok(asAdmin.status !== 401 && !(asAdmin.detail ?? '').includes('scope'), `an admin token: ${JSON.stringify(asAdmin)}`);

        if (operation.staffOnly) {
          assert.equal((await call(operation, memberToken)).status, 403, 'a member token');
          assert.equal((await call(operation, undefined)).status, 401, 'no credentials');
        }
      });
    }
  });
}
