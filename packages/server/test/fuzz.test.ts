// A fuzz test generated from the bundled spec: every operation, with wrong types, missing and
// extra fields, declared and undeclared content types, huge and deep values, bad dates and
// paths. Whatever arrives: no 5xx, every error a problem document, nothing written by a
// refused request, no body the spec forbids accepted, and every list still answers 200.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, describe, test } from 'node:test';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { createBooking, createEvent, createPlan, createRegistration } from '@coworking-commons/client';
import { loadSpec } from '../src/app.ts';
import { issueApiKey } from '../src/services/api-keys.ts';
import { addResource } from './support/booking-fixtures.ts';
import { testDatabases } from './support/databases.ts';
import { seedSpace } from './support/fixtures.ts';
import { memberWithToken } from './support/rows.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

const spec = loadSpec();
const resolve = (node: any): any => (node?.$ref ? resolve(node.$ref.slice(2).split('/').reduce((n: any, k: string) => n[k], spec)) : node);

interface Operation {
  method: string;
  template: string;
  operationId: string;
  security: string[];
  pathParameters: string[];
  query: { name: string; required: boolean; schema: any }[];
  headers: string[];
  body?: { mediaTypes: string[]; required: boolean; schema: any; example: unknown };
}

function operations(): Operation[] {
  const found: Operation[] = [];
  for (const [template, item] of Object.entries<any>(spec.paths)) {
    for (const [method, raw] of Object.entries<any>(item)) {
      if (!raw?.operationId) continue;
      const parameters = [...(item.parameters ?? []), ...(raw.parameters ?? [])].map(resolve);
      const body = raw.requestBody && resolve(raw.requestBody);
      const media = body?.content?.['application/json'];
      found.push({
        method: method.toUpperCase(),
        template,
        operationId: raw.operationId,
        security: (raw.security ?? []).flatMap((alternative: object) => Object.keys(alternative)),
        pathParameters: parameters.filter((p) => p.in === 'path').map((p) => p.name),
        query: parameters.filter((p) => p.in === 'query').map((p) => ({ name: p.name, required: p.required === true, schema: resolve(p.schema) })),
        headers: parameters.filter((p) => p.in === 'header').map((p) => p.name.toLowerCase()),
        ...(body
          ? { body: { mediaTypes: Object.keys(body.content), required: body.required === true, schema: media.schema, example: media.example ?? Object.values<any>(media.examples ?? {})[0]?.value } }
          : {}),
      });
    }
  }
  return found;
}

/** Values of every wrong kind, and right kinds at their worst. */
const wrongValues: unknown[] = [
  'abc', '', -1, 0, 1.5, 1e308, true, null, [], {}, ['x'], 'x'.repeat(5000), 'a\r\nBcc: evil@example.org',
  'javascript:alert(1)', '9999-12-31T00:00:00Z', '0001-01-01', 'Mars/Olympus_Mons', '<script>alert(1)</script>', 'nul\u0000byte',
];
const wrongQueryValues = ['abc', '-1', '0', '99999999999999999999', '', '9999-12-31T00:00:00Z', '0001-01-01T00:00:00Z', 'x'.repeat(3000), '%00', '%zz'];
const wrongPathValues = ['nope', '..', '%2e%2e', '%00', 'x'.repeat(400), '%zz', '%C3%A9', 'a%2Fb'];
const undeclaredTypes = ['text/plain', 'text/calendar', 'application/problem+json', 'application/merge-patch+json', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded', 'application/xml'];

interface Attempt {
  label: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** When the body is JSON: whether the spec allows it (undefined: not judged). */
  bodyValid?: boolean;
}

const deep = (levels: number) => JSON.parse(`${'['.repeat(levels)}1${']'.repeat(levels)}`);

for (const kind of testDatabases()) {
  describe(`fuzz from the spec (${kind})`, () => {
    let server: TestServer;
    let staffKey: string;
    let member: { memberId: string; token: string };
    const ids: Record<string, string> = { spaceId: 'la-ruche' };
    const ajv = new Ajv2020.default({ strict: false, allErrors: false, validateFormats: true });
    addFormats.default(ajv);
    ajv.addSchema({ $id: 'spec', components: spec.components });
    const validators = new Map<string, (value: unknown) => boolean>();
    const specAllows = (operation: Operation, value: unknown) => {
      if (!validators.has(operation.operationId)) {
        validators.set(operation.operationId, ajv.compile(JSON.parse(JSON.stringify(operation.body!.schema).replace(/"#\/components\//g, '"spec#/components/'))) as never);
      }
      return validators.get(operation.operationId)!(value);
    };

    before(async () => {
      server = await startTestServer(kind, { now: '2026-12-01T07:00:00Z' });
      ({ staffKey } = await seedSpace(server));
      member = await memberWithToken(server, 'la-ruche', 'fuzz.member@example.org');
      const staff = server.client(staffKey);
      const resource = await addResource(server, 'la-ruche');
      const { data: booking } = await createBooking(staff, {
        path: { spaceId: 'la-ruche' },
        body: { resourceId: resource.id, start: '2026-12-08T09:00:00+01:00', end: '2026-12-08T10:00:00+01:00', memberId: member.memberId },
      });
      const { data: event } = await createEvent(staff, { path: { spaceId: 'la-ruche' }, body: { title: 'Fuzz', start: '2026-12-10T17:00:00Z', end: '2026-12-10T19:00:00Z' } });
      const { data: registration } = await createRegistration(staff, { path: { spaceId: 'la-ruche', eventId: event.id }, body: { memberId: member.memberId } });
      const { data: plan } = await createPlan(staff, { path: { spaceId: 'la-ruche' }, body: { name: 'Fuzz plan', price: { amount: 1000, currency: 'EUR' }, period: 'month' } as never });
      const { apiKey } = await issueApiKey(server.deps, 'la-ruche', 'A key to revoke');
      Object.assign(ids, { resourceId: resource.id, bookingId: booking.id, eventId: event.id, registrationId: registration.id, planId: plan.id, memberId: member.memberId, apiKeyId: apiKey.id });
    });

    const credentialsFor = (operation: Operation): Record<string, string> => {
      if (operation.security.includes('staffKey')) return { authorization: `Bearer ${staffKey}` };
      if (operation.security.includes('memberToken')) return { authorization: `Bearer ${member.token}` };
      return {};
    };

    function attemptsFor(operation: Operation): Attempt[] {
      const path = (overrides: Record<string, string> = {}) =>
        operation.template.replace(/\{(\w+)\}/g, (_, name: string) => overrides[name] ?? encodeURIComponent(ids[name] ?? `${name}_unknown`));
      const headers = (extra: Record<string, string> = {}) => ({
        ...credentialsFor(operation),
        ...(operation.headers.includes('idempotency-key') ? { 'idempotency-key': randomUUID() } : {}),
        ...(operation.headers.includes('if-match') ? { 'if-match': '"1"' } : {}),
        ...extra,
      });
      const guestQuery = operation.security.includes('guestToken') && !operation.security.includes('memberToken') ? '?guestToken=ccg_fuzz' : '';
      const attempts: Attempt[] = [];
      const base = { method: operation.method, path: path() + guestQuery };
      for (const name of operation.pathParameters) {
        for (const value of wrongPathValues) attempts.push({ ...base, label: `path ${name}=${value.slice(0, 20)}`, path: path({ [name]: value }), headers: headers() });
      }
      for (const parameter of operation.query) {
        for (const value of wrongQueryValues) {
          const glue = base.path.includes('?') ? '&' : '?';
          attempts.push({ ...base, label: `query ${parameter.name}=${value.slice(0, 20)}`, path: `${base.path}${glue}${parameter.name}=${value}`, headers: headers() });
        }
        attempts.push({ ...base, label: `query ${parameter.name} twice`, path: `${base.path}${base.path.includes('?') ? '&' : '?'}${parameter.name}=1&${parameter.name}=2`, headers: headers() });
      }
      if (!operation.body) {
        attempts.push({ ...base, label: 'as documented', headers: headers() });
        if (operation.method !== 'GET') attempts.push({ ...base, label: 'an unexpected body', headers: headers({ 'content-type': 'text/plain' }), body: 'hello' });
        return attempts;
      }
      const example = operation.body.example as Record<string, unknown>;
      const json = (label: string, value: unknown) =>
        attempts.push({ ...base, label, headers: headers({ 'content-type': 'application/json' }), body: JSON.stringify(value), bodyValid: specAllows(operation, value) });
      json('the example', example);
      for (const type of undeclaredTypes) {
        attempts.push({ ...base, label: `as ${type}`, headers: headers({ 'content-type': type }), body: JSON.stringify(example) });
        const forbidden = { ...example, unknownField: 'abc' };
        attempts.push({ ...base, label: `a forbidden body as ${type}`, headers: headers({ 'content-type': type }), body: JSON.stringify(forbidden), bodyValid: specAllows(operation, forbidden) });
      }
      attempts.push({ ...base, label: 'no body', headers: headers() });
      attempts.push({ ...base, label: 'no content type', headers: headers({ 'content-type': '' }), body: JSON.stringify(example) });
      for (const text of ['{"a":', 'null', '[]', '"text"', '1', '{"__proto__":{"admin":true}}', '{"constructor":{"prototype":{"x":1}}}']) {
        attempts.push({ ...base, label: `JSON ${text}`, headers: headers({ 'content-type': 'application/json' }), body: text });
      }
      json('an unknown property', { ...example, unknownField: 1 });
      json('a deep extension', { ...example, 'x-acme-deep': deep(40) });
      json('a very deep extension', { ...example, 'x-acme-deep': deep(3000) });
      json('a long extension', { ...example, 'x-acme-long': 'x'.repeat(50_000) });
      const schema = resolve(operation.body.schema);
      for (const name of schema.required ?? []) {
        const { [name]: _removed, ...rest } = example;
        json(`without ${name}`, rest);
      }
      const names = new Set([...Object.keys(schema.properties ?? {}), ...Object.keys(example)]);
      for (const name of names) {
        for (const value of wrongValues) json(`${name}=${JSON.stringify(value).slice(0, 20)}`, { ...example, [name]: value });
        const nested = example[name];
        if (nested && typeof nested === 'object' && !Array.isArray(nested)) {
          for (const key of Object.keys(nested)) {
            for (const value of wrongValues) json(`${name}.${key}=${JSON.stringify(value).slice(0, 20)}`, { ...example, [name]: { ...nested, [key]: value } });
          }
        }
        if (Array.isArray(nested) && nested[0] && typeof nested[0] === 'object') {
          for (const key of Object.keys(nested[0])) {
            for (const value of wrongValues) json(`${name}[0].${key}=${JSON.stringify(value).slice(0, 20)}`, { ...example, [name]: [{ ...nested[0], [key]: value }] });
          }
        }
      }
      return attempts;
    }

    type Snapshot = Map<string, Record<string, unknown>[]>;

    async function snapshot(): Promise<Snapshot> {
      const tables = await server.store.db.introspection.getTables();
      const rows: Snapshot = new Map();
      for (const table of tables.map((t) => t.name).sort()) rows.set(table, await server.store.db.selectFrom(table as never).selectAll().execute());
      return rows;
    }

    /** The snapshot as text; `counting` leaves out the failed attempts a refused code exchange is meant to count. */
    function written(rows: Snapshot, counting = false): string {
      return [...rows]
        .map(([table, list]) => {
          const kept = list.map((row) => (counting && table === 'sign_in_codes' ? { ...row, attempts: undefined } : row));
          return `${table}:${kept.map((row) => JSON.stringify(row)).sort().join('\n')}`;
        })
        .join('\n\n');
    }

    test('no 5xx, every error a problem document, nothing written by a refused request, no forbidden body accepted', async (t) => {
      // Operations that end sessions or delete what others use go last.
      const endsSomething = (operation: Operation) => operation.method === 'DELETE' || ['eraseMe', 'revokeToken'].includes(operation.operationId);
      const ordered = operations().sort((a, b) => Number(endsSomething(a)) - Number(endsSomething(b)));
      const failures: string[] = [];
      // The database as the last write request left it: a refused request must leave it so.
      let current = await snapshot();
      const figures = { requests: 0, serverErrors: 0, nonProblemErrors: 0, wronglyAccepted: 0, refusedWrites: 0, writesCompared: 0 };
      for (const operation of ordered) {
        for (const attempt of attemptsFor(operation)) {
          const what = `${operation.operationId} (${attempt.label})`;
          const writes = attempt.method !== 'GET';
          const answer = await fetch(`${server.url}${attempt.path}`, { method: attempt.method, headers: attempt.headers, body: attempt.body, redirect: "manual" }).catch((error: Error) => {
            throw new Error(`${what}: ${error.message} (${String((error as { cause?: Error }).cause?.message)})`);
          });
          const text = await answer.text();
          // What the server does after answering (a sign-in code) belongs to this request.
          await server.app.background.idle();
          figures.requests++;
          if (answer.status >= 500) {
            figures.serverErrors++;
            failures.push(`${what}: ${answer.status} ${text.slice(0, 200)}`);
          }
          if (answer.status >= 400) {
            let problem: any;
            try {
              problem = JSON.parse(text);
            } catch {
              problem = undefined;
            }
            const isProblem =
              /^application\/problem\+json/.test(answer.headers.get('content-type') ?? '') &&
              typeof problem?.type === 'string' &&
              problem.type.startsWith('urn:coworking-commons:problem:') &&
              problem.status === answer.status;
            if (!isProblem) {
              figures.nonProblemErrors++;
              failures.push(`${what}: ${answer.status} is not a problem document: ${text.slice(0, 200)}`);
            }
          } else if (attempt.bodyValid === false) {
            figures.wronglyAccepted++;
            failures.push(`${what}: the spec forbids this body, yet it was accepted with ${answer.status}`);
          }
          if (writes) {
            const after = await snapshot();
            if (answer.status >= 400) {
              figures.writesCompared++;
              const counting = operation.operationId === 'createToken' && answer.status === 401;
              if (written(after, counting) !== written(current, counting)) {
                figures.refusedWrites++;
                failures.push(`${what}: refused with ${answer.status}, yet the database changed`);
              }
            }
            current = after;
          }
        }
      }
      t.diagnostic(`fuzz (${kind}): ${JSON.stringify(figures)}`);
      console.log(`fuzz (${kind}): ${JSON.stringify(figures)}`);
      assert.ok(figures.requests > 3000, `${figures.requests} requests`);
      assert.deepEqual(failures.slice(0, 25), [], `${failures.length} failures`);
    });

    test('afterwards, every list answers 200', async () => {
      const { secret } = await issueApiKey(server.deps, 'la-ruche', 'After the fuzz');
      const { token } = await memberWithToken(server, 'la-ruche', 'after.fuzz@example.org');
      const lists = operations().filter((operation) => operation.method === 'GET' && operation.pathParameters.every((name) => name === 'spaceId'));
      let checked = 0;
      for (const operation of lists) {
        const schema = resolve(resolve(spec.paths[operation.template].get.responses['200']).content?.['application/json']?.schema);
        if (!schema?.properties?.items) continue;
        const credentials = operation.security.includes('staffKey') ? [secret] : operation.security.includes('memberToken') ? [token] : [undefined, secret, token];
        for (const credential of credentials) {
          const answer = await fetch(`${server.url}${operation.template.replace('{spaceId}', 'la-ruche')}?limit=100`, { headers: credential ? { authorization: `Bearer ${credential}` } : {} });
          assert.equal(answer.status, 200, `${operation.operationId}: ${await answer.text()}`);
          checked++;
        }
      }
      assert.ok(checked >= 8, `${checked} lists`);
    });
  });
}
