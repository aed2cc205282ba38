import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { redocly } from './redocly.ts';

const dir = mkdtempSync(join(tmpdir(), 'cowork-lint-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const problem = {
  description: 'Problem',
  content: {
    'application/problem+json': {
      schema: {
        type: 'object',
        additionalProperties: false,
        properties: { type: { type: 'string', maxLength: 100 }, title: { type: 'string', maxLength: 100 }, status: { type: 'integer', minimum: 400, maximum: 599 } },
      },
      example: { type: 'urn:x', title: 'X', status: 400 },
    },
  },
};

/** A minimal valid document with one operation, which each test breaks in one way. */
function documentWith(change: (op: any, doc: any) => void) {
  const op: any = {
    operationId: 'getThing',
    summary: 'Get a thing',
    tags: ['Things'],
    security: [],
    parameters: [{ name: 'q', in: 'query', schema: { type: 'string', maxLength: 10 } }],
    responses: {
      '200': {
        description: 'OK',
        content: {
          'application/json': {
            schema: { type: 'object', additionalProperties: false, properties: { name: { type: 'string', maxLength: 10 } } },
            example: { name: 'a' },
          },
        },
      },
      '400': problem,
      '429': problem,
    },
  };
  const doc = {
    openapi: '3.1.0',
    info: { title: 'T', version: '1.0.0', description: 'T', license: { name: 'MIT', identifier: 'MIT' } },
    servers: [{ url: 'https://example.org' }],
    tags: [{ name: 'Things', description: 'Things' }],
    paths: { '/things': { get: op } },
  };
  change(op, doc);
  return doc;
}

function lint(doc: object): string[] {
  const file = join(dir, `${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(doc));
  const json = JSON.parse(redocly(['lint', file, '--format=json']).stdout);
  return json.problems.filter((p: any) => p.severity === 'error').map((p: any) => p.ruleId);
}

const schemaOf = (op: any) => op.responses['200'].content['application/json'].schema;

test('the minimal document passes', () => {
  assert.deepEqual(lint(documentWith(() => {})), []);
});

test('an unbounded string is refused', () => {
  const rules = lint(documentWith((op) => delete schemaOf(op).properties.name.maxLength));
  assert.ok(rules.includes('cowork/bounded-strings'), rules.join());
});

test('an unbounded array is refused', () => {
  const rules = lint(
    documentWith((op) => {
      schemaOf(op).properties.tags = { type: 'array', items: { type: 'string', maxLength: 5 } };
    }),
  );
  assert.ok(rules.includes('cowork/bounded-arrays'), rules.join());
});

test('an object that admits unknown properties is refused, and so is a non-extension pattern', () => {
  assert.ok(lint(documentWith((op) => delete schemaOf(op).additionalProperties)).includes('cowork/strict-objects'));
  const rules = lint(documentWith((op) => (schemaOf(op).patternProperties = { '^foo': {} })));
  assert.ok(rules.includes('cowork/strict-objects'), rules.join());
  assert.deepEqual(lint(documentWith((op) => (schemaOf(op).patternProperties = { '^x-[a-z0-9]+-[a-z0-9-]+$': {} }))), []);
});

test('a response without an example is refused', () => {
  const rules = lint(documentWith((op) => delete op.responses['200'].content['application/json'].example));
  assert.ok(rules.includes('cowork/operation-examples'), rules.join());
});

test('an example that does not match its schema is refused', () => {
  const rules = lint(documentWith((op) => (op.responses['200'].content['application/json'].example = { name: 'a', extra: true })));
  assert.ok(rules.includes('no-invalid-media-type-examples'), rules.join());
});

test('an operation that takes input must declare its 400 problem, and every operation its 429', () => {
  assert.ok(lint(documentWith((op) => delete op.responses['400'])).includes('cowork/expected-problems'));
  assert.ok(lint(documentWith((op) => delete op.responses['429'])).includes('cowork/expected-problems'));
});

test('an operation that needs credentials must declare its 401 problem', () => {
  const rules = lint(
    documentWith((op, doc) => {
      op.security = [{ bearer: [] }];
      doc.components = { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } };
    }),
  );
  assert.ok(rules.includes('cowork/expected-problems'), rules.join());
});

test('an operation with If-Match declares 412, and 428 unless its If-Match is optional (x-cowork-precondition: optional)', () => {
  const ifMatch = { name: 'If-Match', in: 'header', schema: { type: 'string', maxLength: 10 } };
  const withIfMatch = (extra: object, responses: string[]) =>
    documentWith((op) => {
      op.parameters.push({ ...ifMatch, ...extra });
      for (const status of responses) op.responses[status] = problem;
    });
  assert.ok(lint(withIfMatch({}, ['412'])).includes('cowork/expected-problems'), 'a required-in-practice If-Match without 428');
  assert.deepEqual(lint(withIfMatch({}, ['412', '428'])), []);
  assert.deepEqual(lint(withIfMatch({ 'x-cowork-precondition': 'optional' }, ['412'])), []);
  assert.ok(lint(withIfMatch({ 'x-cowork-precondition': 'optional' }, [])).includes('cowork/expected-problems'), 'an optional If-Match without 412');
});

test('a 4xx response must be a problem document', () => {
  const rules = lint(documentWith((op) => (op.responses['400'] = { description: 'Bad', content: { 'application/json': { schema: { type: 'string', maxLength: 5 } } } })));
  assert.ok(rules.includes('operation-4xx-problem-details-rfc7807'), rules.join());
});

test('an operation without operationId or summary is refused', () => {
  const rules = lint(
    documentWith((op) => {
      delete op.operationId;
      delete op.summary;
    }),
  );
  assert.ok(rules.includes('operation-operationId'), rules.join());
  assert.ok(rules.includes('operation-summary'), rules.join());
});
