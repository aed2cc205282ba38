import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findBreakingChanges } from './breaking-changes.ts';
import type { BreakingChange, OpenApiDocument } from './breaking-changes.ts';
import { compareVersions, isBreakingChangeAllowed, newestVersion, parseVersion } from './semver.ts';

// A small document in the shape of the Coworking Commons spec. Tests copy it, edit the copy and
// compare. `any` keeps the edits short: the fixture is data, not typed API.
type Fixture = any;

const LIST = 'GET /spaces/{spaceId}/bookings';
const CREATE = 'POST /spaces/{spaceId}/bookings';
const GET_SPACE = 'GET /spaces/{spaceId}';

function baseDocument(): Fixture {
  const json = (schemaName: string) => ({ 'application/json': { schema: { $ref: `#/components/schemas/${schemaName}` } } });
  return {
    openapi: '3.1.0',
    info: { title: 'Fixture', version: '0.1.0' },
    security: [],
    paths: {
      '/spaces/{spaceId}': {
        parameters: [{ $ref: '#/components/parameters/SpaceId' }],
        get: {
          operationId: 'getSpace',
          responses: { '200': { description: 'The space.', content: json('Space') } },
        },
      },
      '/spaces/{spaceId}/bookings': {
        parameters: [{ $ref: '#/components/parameters/SpaceId' }],
        get: {
          operationId: 'listBookings',
          security: [{ memberToken: [] }, { staffKey: [] }],
          parameters: [
            { $ref: '#/components/parameters/Limit' },
            { name: 'status', in: 'query', schema: { $ref: '#/components/schemas/BookingStatus' } },
          ],
          responses: {
            '200': { description: 'A page of bookings.', content: json('BookingList') },
            '404': { description: 'No such space.', content: { 'application/problem+json': { schema: { type: 'object' } } } },
          },
        },
        post: {
          operationId: 'createBooking',
          security: [{ memberToken: [] }],
          parameters: [{ name: 'Idempotency-Key', in: 'header', required: true, schema: { type: 'string', maxLength: 64 } }],
          requestBody: { required: true, content: json('BookingInput') },
          responses: {
            '201': {
              description: 'The booking.',
              headers: { ETag: { schema: { type: 'string' } } },
              content: { ...json('Booking'), 'text/calendar': { schema: { type: 'string' } } },
            },
          },
        },
      },
    },
    components: {
      securitySchemes: {
        memberToken: { type: 'http', scheme: 'bearer' },
        staffKey: { type: 'http', scheme: 'bearer' },
      },
      parameters: {
        SpaceId: { name: 'spaceId', in: 'path', required: true, schema: { type: 'string', maxLength: 64 } },
        Limit: { name: 'limit', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 100 } },
      },
      schemas: {
        Space: {
          type: 'object',
          required: ['id', 'name'],
          properties: { id: { type: 'string' }, name: { type: 'string', maxLength: 120 } },
        },
        BookingStatus: { type: 'string', enum: ['pending', 'confirmed', 'cancelled'] },
        Money: {
          type: 'object',
          required: ['amount', 'currency'],
          additionalProperties: false,
          properties: {
            amount: { type: 'integer', minimum: 0, maximum: 100000000 },
            currency: { type: 'string', pattern: '^[A-Z]{3}$', minLength: 3, maxLength: 3 },
          },
        },
        Booking: {
          type: 'object',
          required: ['id', 'status', 'price', 'start'],
          properties: {
            id: { type: 'string' },
            status: { $ref: '#/components/schemas/BookingStatus' },
            price: { $ref: '#/components/schemas/Money' },
            start: { type: 'string', format: 'date-time', maxLength: 40 },
            title: { type: 'string', maxLength: 120 },
            attendees: { type: 'integer', minimum: 1 },
            replaces: { $ref: '#/components/schemas/Booking' },
            booker: {
              oneOf: [
                { type: 'object', properties: { memberId: { type: 'string' } } },
                { type: 'object', properties: { kind: { enum: ['guest'] } } },
              ],
            },
          },
        },
        BookingList: {
          type: 'object',
          required: ['items'],
          properties: {
            items: { type: 'array', items: { $ref: '#/components/schemas/Booking' } },
            nextCursor: { type: 'string' },
          },
        },
        BookingInput: {
          type: 'object',
          required: ['resourceId', 'start'],
          additionalProperties: false,
          properties: {
            resourceId: { type: 'string', maxLength: 64, pattern: '^[a-z0-9_-]+$' },
            start: { type: 'string', format: 'date-time' },
            end: { type: 'string' },
            title: { type: 'string', minLength: 1, maxLength: 120 },
            quantity: { type: 'integer', minimum: 1, maximum: 12 },
            attendees: { type: 'array', minItems: 1, maxItems: 20, items: { type: 'string', minLength: 1 } },
            kind: { type: 'string', enum: ['meeting', 'workshop'] },
            notes: { type: ['string', 'null'], maxLength: 2000 },
            createdAt: { type: 'string', readOnly: true },
            details: { type: 'object', properties: { floor: { type: 'integer' } } },
            labels: { type: 'object', additionalProperties: { type: 'string', maxLength: 40 } },
            guest: {
              anyOf: [
                { type: 'object', properties: { name: { type: 'string', maxLength: 120 } } },
                { type: 'object', properties: { email: { type: 'string', format: 'email' } } },
              ],
            },
          },
        },
      },
    },
  };
}

/** A copy of the base document changed by `edit`. */
function edited(edit: (document: Fixture) => void): OpenApiDocument {
  const document = baseDocument();
  edit(document);
  return document;
}

function changesAfter(edit: (document: Fixture) => void): BreakingChange[] {
  return findBreakingChanges(baseDocument(), edited(edit));
}

function codesAfter(edit: (document: Fixture) => void): string[] {
  return changesAfter(edit).map((change) => change.code).sort();
}

/** Asserts that `edit` yields exactly these breaking changes, as [code, location] pairs. */
function assertChanges(edit: (document: Fixture) => void, expected: [code: string, location: string][]): void {
  const changes = changesAfter(edit);
  assert.deepEqual(changes.map(({ code, location }) => [code, location]), expected, JSON.stringify(changes, null, 2));
}

function assertOneChange(edit: (document: Fixture) => void, code: string, location: string): void {
  assertChanges(edit, [[code, location]]);
}

const schemas = (document: Fixture) => document.components.schemas;
const input = (document: Fixture) => schemas(document).BookingInput;
const booking = (document: Fixture) => schemas(document).Booking;
const listOperation = (document: Fixture) => document.paths['/spaces/{spaceId}/bookings'].get;
const createOperation = (document: Fixture) => document.paths['/spaces/{spaceId}/bookings'].post;

// ---------------------------------------------------------------------------------------------
// Sanity

test('identical documents have no breaking change, recursive $refs included', () => {
  assert.deepEqual(findBreakingChanges(baseDocument(), baseDocument()), []);
});

test('external $refs are refused: the documents must be bundled', () => {
  const next = edited((document) => {
    input(document).properties.end = { $ref: 'schemas/common.yaml#/Instant' };
  });
  assert.throws(() => findBreakingChanges(baseDocument(), next), /external \$ref/);
});

// ---------------------------------------------------------------------------------------------
// Paths and operations

test('a removed path is breaking', () => {
  assertOneChange((document) => delete document.paths['/spaces/{spaceId}'], 'path-removed', '/spaces/{spaceId}');
});

test('a removed operation is breaking', () => {
  assertOneChange((document) => delete document.paths['/spaces/{spaceId}/bookings'].post, 'operation-removed', CREATE);
});

test('a changed operationId is breaking', () => {
  const changes = changesAfter((document) => (listOperation(document).operationId = 'getBookings'));
  assert.deepEqual(changes, [{ code: 'operation-id-changed', location: LIST, message: 'operationId changed from listBookings to getBookings' }]);
});

test('renaming a path parameter is not breaking: the URL stays the same', () => {
  const changes = changesAfter((document) => {
    const item = document.paths['/spaces/{spaceId}'];
    delete document.paths['/spaces/{spaceId}'];
    document.paths['/spaces/{id}'] = { ...item, parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', maxLength: 64 } }] };
  });
  assert.deepEqual(changes, []);
});

// ---------------------------------------------------------------------------------------------
// Parameters

test('a removed parameter is breaking', () => {
  assertOneChange((document) => listOperation(document).parameters.splice(1, 1), 'parameter-removed', `${LIST} › query parameter status`);
});

test('a new required parameter is breaking', () => {
  assertOneChange(
    (document) => listOperation(document).parameters.push({ name: 'from', in: 'query', required: true, schema: { type: 'string' } }),
    'required-parameter-added',
    `${LIST} › query parameter from`,
  );
});

test('an optional parameter made required is breaking', () => {
  assertOneChange((document) => (document.components.parameters.Limit.required = true), 'parameter-made-required', `${LIST} › query parameter limit`);
});

test("a parameter's narrowed schema is breaking", () => {
  assertOneChange((document) => (document.components.parameters.Limit.schema.maximum = 50), 'request-maximum-lowered', `${LIST} › query parameter limit`);
  assertOneChange(
    (document) => (schemas(document).BookingStatus.enum = ['pending', 'confirmed']),
    'request-enum-value-removed',
    `${LIST} › query parameter status`,
  );
});

test('a parameter moved to another location is breaking', () => {
  const changes = changesAfter((document) => (listOperation(document).parameters[1].in = 'header'));
  assert.deepEqual(changes, [
    { code: 'parameter-moved', location: `${LIST} › query parameter status`, message: 'parameter status moved from query to header' },
  ]);
});

test('header parameters match whatever their case', () => {
  assert.deepEqual(changesAfter((document) => (createOperation(document).parameters[0].name = 'idempotency-key')), []);
});

// ---------------------------------------------------------------------------------------------
// Request bodies

test('a required request body added is breaking, an optional one is not', () => {
  assertOneChange(
    (document) => (listOperation(document).requestBody = { required: true, content: { 'application/json': { schema: {} } } }),
    'request-body-required-added',
    `${LIST} › request body`,
  );
  assert.deepEqual(changesAfter((document) => (listOperation(document).requestBody = { content: { 'application/json': { schema: {} } } })), []);
});

test('a request body made required is breaking', () => {
  const before = edited((document) => (createOperation(document).requestBody.required = false));
  const changes = findBreakingChanges(before, baseDocument());
  assert.deepEqual(changes.map((change) => change.code), ['request-body-made-required']);
});

test('a removed request media type is breaking', () => {
  const before = edited((document) => (createOperation(document).requestBody.content['application/x-www-form-urlencoded'] = { schema: {} }));
  const changes = findBreakingChanges(before, baseDocument());
  assert.deepEqual(changes.map(({ code, location }) => ({ code, location })), [{ code: 'request-media-type-removed', location: `${CREATE} › request body` }]);
});

// ---------------------------------------------------------------------------------------------
// Request schemas: narrowing breaks

test('a new required request property is breaking', () => {
  assertOneChange(
    (document) => {
      input(document).properties.seats = { type: 'integer' };
      input(document).required.push('seats');
    },
    'request-required-property-added',
    `${CREATE} › request body › /seats`,
  );
});

test('an optional request property made required is breaking', () => {
  assertOneChange((document) => input(document).required.push('title'), 'request-property-made-required', `${CREATE} › request body › /title`);
});

test('a new required readOnly request property is not breaking: clients do not send it', () => {
  assert.deepEqual(changesAfter((document) => input(document).required.push('createdAt')), []);
});

test('a request property removed is breaking only where additional properties are forbidden', () => {
  assertOneChange((document) => delete input(document).properties.end, 'request-property-removed', `${CREATE} › request body › /end`);
  assert.deepEqual(changesAfter((document) => delete input(document).properties.details.properties.floor), []);
});

test('a request property removed is checked against the additional properties that replace it', () => {
  assertChanges(
    (document) => {
      delete input(document).properties.details.properties.floor;
      input(document).properties.details.additionalProperties = { type: 'string' };
    },
    [
      ['request-type-narrowed', `${CREATE} › request body › /details/floor`],
      ['request-type-narrowed', `${CREATE} › request body › /details/<additionalProperties>`],
    ],
  );
});

test('a narrowed request type is breaking, a widened one is not', () => {
  assertOneChange((document) => (input(document).properties.notes.type = 'string'), 'request-type-narrowed', `${CREATE} › request body › /notes`);
  assertOneChange((document) => (input(document).properties.quantity.type = 'string'), 'request-type-narrowed', `${CREATE} › request body › /quantity`);
  assert.deepEqual(changesAfter((document) => (input(document).properties.quantity.type = 'number')), []);
  assert.deepEqual(changesAfter((document) => (input(document).properties.end.type = ['string', 'null'])), []);
});

test('a request enum value removed, or a new enum, is breaking', () => {
  assertOneChange((document) => (input(document).properties.kind.enum = ['meeting']), 'request-enum-value-removed', `${CREATE} › request body › /kind`);
  assertOneChange((document) => (input(document).properties.end.enum = ['x']), 'request-enum-added', `${CREATE} › request body › /end`);
});

const tightenedBounds: [string, (document: Fixture) => void, string, string][] = [
  ['maxLength lowered', (document) => (input(document).properties.title.maxLength = 80), 'request-max-length-lowered', '/title'],
  ['maxItems lowered', (document) => (input(document).properties.attendees.maxItems = 10), 'request-max-items-lowered', '/attendees'],
  ['maximum lowered', (document) => (input(document).properties.quantity.maximum = 6), 'request-maximum-lowered', '/quantity'],
  ['minLength raised', (document) => (input(document).properties.title.minLength = 3), 'request-min-length-raised', '/title'],
  ['minItems raised', (document) => (input(document).properties.attendees.minItems = 2), 'request-min-items-raised', '/attendees'],
  ['minimum raised', (document) => (input(document).properties.quantity.minimum = 2), 'request-minimum-raised', '/quantity'],
  ['maxLength added', (document) => (input(document).properties.end.maxLength = 40), 'request-max-length-lowered', '/end'],
  ['exclusiveMaximum added', (document) => (input(document).properties.quantity.exclusiveMaximum = 12), 'request-exclusive-maximum-lowered', '/quantity'],
  ['maxProperties added', (document) => (input(document).properties.labels.maxProperties = 5), 'request-max-properties-lowered', '/labels'],
];

for (const [what, edit, code, pointer] of tightenedBounds) {
  test(`a request bound tightened is breaking: ${what}`, () => {
    assertOneChange(edit, code, `${CREATE} › request body › ${pointer}`);
  });
}

test('a request pattern or format added or changed is breaking', () => {
  assertOneChange((document) => (input(document).properties.end.pattern = '^2'), 'request-pattern-changed', `${CREATE} › request body › /end`);
  assertOneChange((document) => (input(document).properties.resourceId.pattern = '^[a-z]+$'), 'request-pattern-changed', `${CREATE} › request body › /resourceId`);
  assertOneChange((document) => (input(document).properties.end.format = 'date-time'), 'request-format-changed', `${CREATE} › request body › /end`);
  assertOneChange((document) => (input(document).properties.start.format = 'date'), 'request-format-changed', `${CREATE} › request body › /start`);
  assert.deepEqual(changesAfter((document) => delete input(document).properties.start.format), []);
});

test('request additional properties forbidden is breaking', () => {
  assertOneChange(
    (document) => (input(document).properties.details.additionalProperties = false),
    'request-additional-properties-forbidden',
    `${CREATE} › request body › /details`,
  );
});

test('request schemas are walked through items, additionalProperties and compositions', () => {
  assertOneChange((document) => (input(document).properties.attendees.items.minLength = 2), 'request-min-length-raised', `${CREATE} › request body › /attendees/*`);
  assertOneChange(
    (document) => (input(document).properties.labels.additionalProperties.maxLength = 20),
    'request-max-length-lowered',
    `${CREATE} › request body › /labels/<additionalProperties>`,
  );
  assertOneChange(
    (document) => (input(document).properties.guest.anyOf[1].properties.email.format = 'idn-email'),
    'request-format-changed',
    `${CREATE} › request body › /guest/<anyOf[1]>/email`,
  );
});

test('a composition whose length changed is reported coarsely', () => {
  assertOneChange(
    (document) => input(document).properties.guest.anyOf.pop(),
    'composition-changed',
    `${CREATE} › request body › /guest`,
  );
  assertChanges((document) => booking(document).properties.booker.oneOf.push({ type: 'string' }), [
    ['composition-changed', `${LIST} › response 200 › /items/*/booker`],
    ['composition-changed', `${CREATE} › response 201 › /booker`],
  ]);
});

// ---------------------------------------------------------------------------------------------
// Responses: widening breaks

test('a removed success response status is breaking, a removed error status is not', () => {
  assertOneChange(
    (document) => {
      createOperation(document).responses['200'] = createOperation(document).responses['201'];
      delete createOperation(document).responses['201'];
    },
    'response-status-removed',
    `${CREATE} › response 201`,
  );
  assert.deepEqual(changesAfter((document) => delete listOperation(document).responses['404']), []);
});

test('a status replaced by its range is compared with the range', () => {
  const changes = changesAfter((document) => {
    listOperation(document).responses['2XX'] = listOperation(document).responses['200'];
    delete listOperation(document).responses['200'];
  });
  assert.deepEqual(changes, []);
});

test('a removed response media type is breaking', () => {
  assertOneChange((document) => delete createOperation(document).responses['201'].content['text/calendar'], 'response-media-type-removed', `${CREATE} › response 201`);
});

test('a removed response header is breaking', () => {
  assertOneChange((document) => delete createOperation(document).responses['201'].headers.ETag, 'response-header-removed', `${CREATE} › response 201 › header ETag`);
});

test('a required response property removed or made optional is breaking, so is an optional one removed', () => {
  const removeRequired = (document: Fixture) => {
    delete booking(document).properties.start;
    booking(document).required = booking(document).required.filter((name: string) => name !== 'start');
  };
  assertChanges(removeRequired, [
    ['response-required-property-removed', `${LIST} › response 200 › /items/*/start`],
    ['response-required-property-removed', `${CREATE} › response 201 › /start`],
  ]);
});

test('a response property made optional is breaking', () => {
  const changes = changesAfter((document) => (schemas(document).BookingList.required = []));
  assert.deepEqual(changes, [{ code: 'response-property-made-optional', location: `${LIST} › response 200 › /items`, message: 'required property items is now optional' }]);
});

test('an optional response property removed is breaking', () => {
  assertOneChange((document) => delete schemas(document).BookingList.properties.nextCursor, 'response-property-removed', `${LIST} › response 200 › /nextCursor`);
});

test('a widened response type is breaking, null included', () => {
  assertOneChange((document) => (schemas(document).Space.properties.name.type = ['string', 'null']), 'response-type-widened', `${GET_SPACE} › response 200 › /name`);
  assertOneChange((document) => (schemas(document).Space.properties.id = {}), 'response-type-widened', `${GET_SPACE} › response 200 › /id`);
  assert.deepEqual(
    codesAfter((document) => (booking(document).properties.attendees.type = 'number')),
    ['response-type-widened', 'response-type-widened'],
  );
});

test('a narrowed response type is not breaking', () => {
  assert.deepEqual(changesAfter((document) => (booking(document).properties.attendees.maximum = 50)), []);
});

test('an enum value added in a response is breaking', () => {
  const changes = changesAfter((document) => schemas(document).BookingStatus.enum.push('no_show'));
  const inResponses = changes.filter((change) => change.code === 'response-enum-value-added');
  assert.deepEqual(
    inResponses.map((change) => change.location),
    [`${LIST} › response 200 › /items/*/status`, `${CREATE} › response 201 › /status`],
  );
  assert.equal(inResponses[0]?.message, 'enum value "no_show" was added');
  assert.equal(changes.length, 2, 'adding the value to the status query parameter is not breaking');
});

test('an enum removed from a response is breaking', () => {
  assertChanges((document) => delete booking(document).properties.booker.oneOf[1].properties.kind.enum, [
    ['response-enum-removed', `${LIST} › response 200 › /items/*/booker/<oneOf[1]>/kind`],
    ['response-enum-removed', `${CREATE} › response 201 › /booker/<oneOf[1]>/kind`],
  ]);
});

test('a response format changed or removed is breaking', () => {
  const inBothResponses: [string, string][] = [
    ['response-format-changed', `${LIST} › response 200 › /items/*/start`],
    ['response-format-changed', `${CREATE} › response 201 › /start`],
  ];
  assertChanges((document) => (booking(document).properties.start.format = 'date'), inBothResponses);
  assertChanges((document) => delete booking(document).properties.start.format, inBothResponses);
  assert.deepEqual(changesAfter((document) => (schemas(document).Space.properties.id.format = 'uuid')), [], 'a format added is not');
});

test('response bounds raised are not breaking', () => {
  const changes = changesAfter((document) => {
    booking(document).properties.title.maxLength = 500;
    schemas(document).Money.properties.amount.maximum = 1e12;
    schemas(document).Money.properties.amount.minimum = -1e12;
    schemas(document).Money.properties.currency.minLength = 1;
  });
  assert.deepEqual(changes, []);
});

test('recursive schemas are compared without looping, a change reported where first met', () => {
  const changes = changesAfter((document) => (booking(document).properties.title.type = ['string', 'null']));
  assert.deepEqual(changes.map((change) => change.location), [`${LIST} › response 200 › /items/*/title`, `${CREATE} › response 201 › /title`]);
});

test('mutually recursive schemas terminate', () => {
  const recursive = (document: Fixture) => {
    schemas(document).A = { type: 'object', properties: { b: { $ref: '#/components/schemas/B' } } };
    schemas(document).B = { type: 'array', items: { type: 'object', properties: { a: { $ref: '#/components/schemas/A' } } } };
    booking(document).properties.tree = { $ref: '#/components/schemas/A' };
  };
  const before = edited(recursive);
  const after = edited((document) => {
    recursive(document);
    schemas(document).B.items.properties.a = { $ref: '#/components/schemas/B' };
  });
  const codes = findBreakingChanges(before, after).map((change) => change.code);
  assert.ok(codes.includes('response-type-widened'), codes.join());
});

// ---------------------------------------------------------------------------------------------
// Security

test('a security requirement added to a public operation is breaking', () => {
  assertOneChange((document) => (document.paths['/spaces/{spaceId}'].get.security = [{ memberToken: [] }]), 'security-added', GET_SPACE);
  assertOneChange((document) => (document.security = [{ staffKey: [] }]), 'security-added', GET_SPACE);
});

test('making optional credentials required is breaking, making them optional is not', () => {
  const optional = edited((document) => (document.paths['/spaces/{spaceId}'].get.security = [{}, { memberToken: [] }]));
  const required = edited((document) => (document.paths['/spaces/{spaceId}'].get.security = [{ memberToken: [] }]));
  assert.deepEqual(findBreakingChanges(optional, required).map((change) => change.code), ['security-added']);
  assert.deepEqual(findBreakingChanges(required, optional), []);
});

test('dropping an accepted credential is breaking, accepting another one is not', () => {
  assertOneChange((document) => (listOperation(document).security = [{ staffKey: [] }]), 'security-requirement-changed', LIST);
  assert.deepEqual(changesAfter((document) => createOperation(document).security.push({ staffKey: [] })), []);
});

test('a removed security scheme is breaking', () => {
  const changes = changesAfter((document) => {
    delete document.components.securitySchemes.staffKey;
    listOperation(document).security = [{ memberToken: [] }];
  });
  assert.deepEqual(changes.map(({ code, location }) => ({ code, location })), [
    { code: 'security-requirement-changed', location: LIST },
    { code: 'security-scheme-removed', location: 'components › securitySchemes › staffKey' },
  ]);
});

// ---------------------------------------------------------------------------------------------
// Not breaking

const compatibleChanges: [string, (document: Fixture) => void][] = [
  ['a new optional request property', (document) => (input(document).properties.seats = { type: 'integer' })],
  ['a new operation', (document) => (document.paths['/spaces/{spaceId}'].delete = { operationId: 'deleteSpace', responses: { '204': { description: 'Gone.' } } })],
  ['a new path', (document) => (document.paths['/spaces'] = { get: { operationId: 'listSpaces', responses: { '200': { description: 'Spaces.' } } } })],
  ['a new optional query parameter', (document) => listOperation(document).parameters.push({ name: 'from', in: 'query', schema: { type: 'string' } })],
  ['a new response property', (document) => (booking(document).properties.cancelledAt = { type: 'string', format: 'date-time' })],
  ['a new required response property', (document) => booking(document).required.push('title')],
  ['an enum value added in a request', (document) => input(document).properties.kind.enum.push('event')],
  ['maxLength raised in a request', (document) => (input(document).properties.title.maxLength = 500)],
  ['minimum lowered in a request', (document) => (input(document).properties.quantity.minimum = 0)],
  ['a request bound removed', (document) => delete input(document).properties.attendees.maxItems],
  ['a request property made optional', (document) => (input(document).required = ['resourceId'])],
  ['additional properties allowed in a request', (document) => delete input(document).additionalProperties],
  ['a new response status', (document) => (createOperation(document).responses['409'] = { description: 'Conflict.' })],
  ['a new request media type', (document) => (createOperation(document).requestBody.content['application/merge-patch+json'] = { schema: {} })],
  ['a new security scheme', (document) => (document.components.securitySchemes.apiKey = { type: 'apiKey', in: 'header', name: 'X-Key' })],
  ['descriptions and examples', (document) => {
    booking(document).description = 'A booking.';
    input(document).properties.title.examples = ['Stand-up'];
    document.info.version = '0.1.1';
  }],
];

for (const [what, edit] of compatibleChanges) {
  test(`not breaking: ${what}`, () => {
    assert.deepEqual(changesAfter(edit), []);
  });
}

// ---------------------------------------------------------------------------------------------
// Versions

test('versions compare by number, not by text', () => {
  assert.ok(compareVersions('0.10.0', '0.9.0') > 0);
  assert.ok(compareVersions('1.0.0', '0.99.99') > 0);
  assert.ok(compareVersions('0.1.2', '0.1.10') < 0);
  assert.equal(compareVersions('2.3.4', '2.3.4'), 0);
  assert.equal(newestVersion(['0.9.0', '0.10.0', '0.2.1']), '0.10.0');
  assert.equal(newestVersion([]), undefined);
});

test('only plain major.minor.patch versions are accepted', () => {
  assert.deepEqual(parseVersion('1.20.3'), { major: 1, minor: 20, patch: 3 });
  for (const text of ['1.0', 'v1.0.0', '1.0.0-beta.1', '01.0.0', '1.0.0.0', '']) {
    assert.throws(() => parseVersion(text), /not a version/, text);
  }
});

test('breaking changes are allowed by a major bump, or a minor bump before 1.0.0', () => {
  const cases: [string, string, boolean][] = [
    ['0.1.0', '0.2.0', true],
    ['0.1.3', '0.2.0', true],
    ['0.1.0', '0.1.1', false],
    ['0.1.0', '0.1.0', false],
    ['0.9.0', '1.0.0', true],
    ['1.2.0', '2.0.0', true],
    ['1.2.0', '1.3.0', false],
    ['1.2.0', '1.2.1', false],
    ['2.0.0', '1.9.0', false],
    ['0.2.0', '0.1.0', false],
  ];
  for (const [previous, next, allowed] of cases) {
    assert.equal(isBreakingChangeAllowed(previous, next), allowed, `${previous} → ${next}`);
  }
});

// ---------------------------------------------------------------------------------------------
// The command line

const CLI = path.join(import.meta.dirname, 'check-breaking.ts');

interface Workspace {
  spec: string;
  releases: string;
}

const temporaryDirectories: string[] = [];
after(() => temporaryDirectories.forEach((directory) => rmSync(directory, { recursive: true, force: true })));

function workspace(releases: Record<string, OpenApiDocument>, spec: OpenApiDocument): Workspace {
  const root = mkdtempSync(path.join(tmpdir(), 'check-breaking-'));
  temporaryDirectories.push(root);
  const directory = path.join(root, 'releases');
  mkdirSync(directory);
  for (const [version, document] of Object.entries(releases)) {
    writeFileSync(path.join(directory, `${version}.json`), JSON.stringify(document));
  }
  const specFile = path.join(root, 'openapi.json');
  writeFileSync(specFile, JSON.stringify(spec));
  return { spec: specFile, releases: directory };
}

function runCli(files: Workspace, ...extra: string[]): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [CLI, '--spec', files.spec, '--releases', files.releases, ...extra], { encoding: 'utf8' });
  return { status: result.status, output: result.stdout + result.stderr };
}

function versioned(version: string, edit: (document: Fixture) => void = () => {}): OpenApiDocument {
  return edited((document) => {
    document.info.version = version;
    edit(document);
  });
}

const removeTitle = (document: Fixture) => delete booking(document).properties.title;

test('cli: passes without breaking change', () => {
  const result = runCli(workspace({ '0.1.0': versioned('0.1.0') }, versioned('0.1.1')));
  assert.equal(result.status, 0, result.output);
  assert.equal(result.output.trim(), 'no breaking change against 0.1.0');
});

test('cli: fails on breaking changes that the version bump does not allow, listing them', () => {
  const result = runCli(workspace({ '0.1.0': versioned('0.1.0') }, versioned('0.1.1', removeTitle)));
  assert.equal(result.status, 1, result.output);
  assert.match(result.output, /response-property-removed {2}GET \/spaces\/\{spaceId\}\/bookings › response 200 › \/items\/\*\/title/);
  assert.match(result.output, /property title was removed/);
});

test('cli: allows breaking changes with a minor bump before 1.0.0', () => {
  const result = runCli(workspace({ '0.1.0': versioned('0.1.0') }, versioned('0.2.0', removeTitle)));
  assert.equal(result.status, 0, result.output);
  assert.match(result.output, /^2 breaking changes allowed by the bump 0\.1\.0 → 0\.2\.0:\n {2}response-property-removed: 2, such as GET \/spaces\/\{spaceId\}\/bookings › response 200 › \/items\/\*\/title: property title was removed\n$/);
});

test('cli: compares with the highest version, not the last by name', () => {
  const releases = { '0.9.0': versioned('0.9.0'), '0.10.0': versioned('0.10.0', removeTitle) };
  const result = runCli(workspace(releases, versioned('0.10.1', removeTitle)));
  assert.equal(result.status, 0, result.output);
  assert.equal(result.output.trim(), 'no breaking change against 0.10.0');
});

test('cli: fails when the version went backwards', () => {
  const result = runCli(workspace({ '0.2.0': versioned('0.2.0') }, versioned('0.1.9')));
  assert.equal(result.status, 1, result.output);
  assert.match(result.output, /0\.1\.9 is lower than the latest release 0\.2\.0/);
});

test('cli: rejects a malformed version and unknown options', () => {
  const files = workspace({}, versioned('1.0'));
  assert.equal(runCli(files).status, 2);
  assert.equal(runCli(workspace({}, versioned('0.1.0')), '--frobnicate').status, 2);
});

test('cli: --snapshot writes the release, and refuses to rewrite it differently', () => {
  const files = workspace({}, versioned('0.1.0'));
  const first = runCli(files, '--snapshot');
  assert.equal(first.status, 0, first.output);
  const snapshot = path.join(files.releases, '0.1.0.json');
  assert.deepEqual(JSON.parse(readFileSync(snapshot, 'utf8')), versioned('0.1.0'));

  assert.equal(runCli(files, '--snapshot').status, 0, 'the same spec again is fine');

  writeFileSync(files.spec, JSON.stringify(versioned('0.1.0', (document) => (booking(document).description = 'changed'))));
  const rewrite = runCli(files, '--snapshot');
  assert.equal(rewrite.status, 1, rewrite.output);
  assert.match(rewrite.output, /already exists and differs/);
});

test('cli: --snapshot refuses a release with disallowed breaking changes', () => {
  const files = workspace({ '0.1.0': versioned('0.1.0') }, versioned('0.1.1', removeTitle));
  assert.equal(runCli(files, '--snapshot').status, 1);
  assert.equal(existsSync(path.join(files.releases, '0.1.1.json')), false);
});
