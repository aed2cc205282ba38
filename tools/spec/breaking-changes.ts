/**
 * Breaking changes between two bundled OpenAPI 3.1 documents, seen from a client written against
 * the previous one. Pure: no I/O; both documents only hold internal `$ref`s (`#/components/...`).
 *
 * A request is written by the client and read by the server: narrowing what the server accepts
 * breaks clients. A response is written by the server and read by the client: widening what the
 * server may send breaks clients (a new enum value breaks an exhaustive `switch`).
 *
 * Codes:
 * - paths and operations: `path-removed`, `operation-removed`, `operation-id-changed`
 * - parameters: `parameter-removed`, `parameter-moved`, `required-parameter-added`,
 *   `parameter-made-required`, and the request schema codes for the parameter's schema
 * - request bodies: `request-body-required-added`, `request-body-made-required`,
 *   `request-body-removed`, `request-media-type-removed`
 * - request schemas: `request-type-narrowed`, `request-enum-added`, `request-enum-value-removed`,
 *   `request-required-property-added`, `request-property-made-required`,
 *   `request-property-removed` (only where additional properties are forbidden),
 *   `request-additional-properties-forbidden`, `request-pattern-changed`, `request-format-changed`,
 *   `request-maximum-lowered`, `request-exclusive-maximum-lowered`, `request-max-length-lowered`,
 *   `request-max-items-lowered`, `request-max-properties-lowered`, `request-minimum-raised`,
 *   `request-exclusive-minimum-raised`, `request-min-length-raised`, `request-min-items-raised`,
 *   `request-min-properties-raised`
 * - responses: `response-status-removed` (success statuses only), `response-media-type-removed`,
 *   `response-header-removed`
 * - response schemas: `response-type-widened`, `response-enum-value-added`, `response-enum-removed`,
 *   `response-property-removed`, `response-required-property-removed`,
 *   `response-property-made-optional`, `response-format-changed`
 * - both directions: `composition-changed` (allOf/oneOf/anyOf whose length changed)
 * - security: `security-added` (a public operation now needs credentials),
 *   `security-requirement-changed`, `security-scheme-removed`, `security-scheme-changed`
 */

import { httpMethods } from './operations.ts';
export interface BreakingChange {
  /** A stable identifier of the kind of change, such as `request-max-length-lowered`. */
  code: string;
  /** Where, such as `GET /spaces/{spaceId}/bookings › response 200 › /items/*\/price`. */
  location: string;
  /** What changed, for a human. */
  message: string;
}

export interface OpenApiDocument {
  openapi: string;
  info: { title?: string; version: string; [key: string]: unknown };
  paths?: { [path: string]: unknown };
  components?: { [kind: string]: unknown };
  security?: unknown[];
  [key: string]: unknown;
}

type JsonObject = { [key: string]: unknown };
type Direction = 'request' | 'response';

/** Where a schema sits: the operation part of the location, and a JSON-pointer-like path inside. */
interface SchemaSite {
  direction: Direction;
  where: string;
  pointer: string;
}

interface Comparison {
  previous: OpenApiDocument;
  next: OpenApiDocument;
  changes: BreakingChange[];
  /** Pairs of schemas being compared on the current walk: meeting one again means a recursive $ref. */
  visiting: Map<object, Set<object>>;
}


const ANY_SCHEMA: JsonObject = Object.freeze({});
const NO_SCHEMA: JsonObject = Object.freeze({ enum: [] });

export function findBreakingChanges(previous: OpenApiDocument, next: OpenApiDocument): BreakingChange[] {
  const comparison: Comparison = { previous, next, changes: [], visiting: new Map() };
  comparePaths(comparison);
  compareSecuritySchemes(comparison);
  return comparison.changes;
}

// ---------------------------------------------------------------------------------------------
// JSON helpers

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function entriesOf(value: unknown): [string, unknown][] {
  return isObject(value) ? Object.entries(value) : [];
}

function stringsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function numberOf(value: unknown): number | undefined {
  return typeof value === 'number' ? value : undefined;
}

function show(value: unknown): string {
  return JSON.stringify(value) ?? 'undefined';
}

function report(comparison: Comparison, code: string, location: string, message: string): void {
  comparison.changes.push({ code, location, message });
}

// ---------------------------------------------------------------------------------------------
// $ref resolution

function decodePointerToken(token: string): string {
  return decodeURIComponent(token).replaceAll('~1', '/').replaceAll('~0', '~');
}

function encodePointerToken(token: string): string {
  return token.replaceAll('~', '~0').replaceAll('/', '~1');
}

function refTarget(document: OpenApiDocument, ref: string): unknown {
  if (!ref.startsWith('#')) {
    throw new Error(`external $ref "${ref}" is not supported: compare bundled documents`);
  }
  let node: unknown = document;
  for (const token of ref.slice(1).split('/').slice(1).map(decodePointerToken)) {
    node = Array.isArray(node) ? node[Number(token)] : isObject(node) && Object.hasOwn(node, token) ? node[token] : undefined;
    if (node === undefined) throw new Error(`unresolvable $ref "${ref}"`);
  }
  return node;
}

interface Resolved {
  value: JsonObject;
  /** The object at the end of the $ref chain, the same each time that target is reached. */
  identity: object;
}

/**
 * Follows a chain of $refs. Keywords next to a $ref (OpenAPI 3.1 allows `description`, JSON
 * Schema any keyword) are laid over the target, the outermost winning. Boolean schemas become
 * objects: `true` accepts anything, `false` nothing.
 */
function resolve(document: OpenApiDocument, value: unknown): Resolved | undefined {
  const seen = new Set<string>();
  let siblings: JsonObject = {};
  let node = value;
  while (isObject(node) && typeof node.$ref === 'string') {
    if (seen.has(node.$ref)) throw new Error(`circular $ref chain through "${node.$ref}"`);
    seen.add(node.$ref);
    const { $ref, ...rest } = node;
    siblings = { ...rest, ...siblings };
    node = refTarget(document, $ref);
  }
  if (node === true) node = ANY_SCHEMA;
  if (node === false) node = NO_SCHEMA;
  if (!isObject(node)) return undefined;
  const merged = Object.keys(siblings).length > 0 ? { ...node, ...siblings } : node;
  return { value: merged, identity: node };
}

function resolveObject(document: OpenApiDocument, value: unknown): JsonObject | undefined {
  return resolve(document, value)?.value;
}

// ---------------------------------------------------------------------------------------------
// Paths and operations

/** `/spaces/{spaceId}` and `/spaces/{id}` are the same URL for a client. */
function pathShape(path: string): string {
  return path.replace(/\{[^}]*\}/g, '{}');
}

function pathParameterNames(path: string): string[] {
  return [...path.matchAll(/\{([^}]*)\}/g)].map((match) => match[1] ?? '');
}

interface OperationPair {
  label: string;
  previousPath: string;
  nextPath: string;
  previousItem: JsonObject;
  nextItem: JsonObject;
  previous: JsonObject;
  next: JsonObject;
}

function comparePaths(comparison: Comparison): void {
  const nextPaths = new Map(entriesOf(comparison.next.paths).map(([path, item]) => [pathShape(path), { path, item }]));
  for (const [path, item] of entriesOf(comparison.previous.paths)) {
    const counterpart = nextPaths.get(pathShape(path));
    if (counterpart === undefined) {
      report(comparison, 'path-removed', path, `path ${path} was removed`);
      continue;
    }
    const previousItem = resolveObject(comparison.previous, item) ?? {};
    const nextItem = resolveObject(comparison.next, counterpart.item) ?? {};
    comparePathItems(comparison, path, counterpart.path, previousItem, nextItem);
  }
}

function comparePathItems(comparison: Comparison, previousPath: string, nextPath: string, previousItem: JsonObject, nextItem: JsonObject): void {
  for (const method of httpMethods) {
    const previous = resolveObject(comparison.previous, previousItem[method]);
    if (previous === undefined) continue;
    const label = `${method.toUpperCase()} ${previousPath}`;
    const next = resolveObject(comparison.next, nextItem[method]);
    if (next === undefined) {
      report(comparison, 'operation-removed', label, `operation ${label} was removed`);
      continue;
    }
    compareOperations(comparison, { label, previousPath, nextPath, previousItem, nextItem, previous, next });
  }
}

function compareOperations(comparison: Comparison, operation: OperationPair): void {
  compareOperationIds(comparison, operation);
  compareParameters(comparison, operation);
  compareRequestBodies(comparison, operation);
  compareResponses(comparison, operation);
  compareSecurity(comparison, operation);
}

function compareOperationIds(comparison: Comparison, operation: OperationPair): void {
  const before = operation.previous.operationId;
  const after = operation.next.operationId;
  if (typeof before !== 'string' || before === after) return;
  const message = typeof after === 'string' ? `operationId changed from ${before} to ${after}` : `operationId ${before} was removed`;
  report(comparison, 'operation-id-changed', operation.label, message);
}

// ---------------------------------------------------------------------------------------------
// Parameters

interface Parameter {
  name: string;
  in: string;
  required: boolean;
  schema: unknown;
  /** What identifies the parameter for a client: a path parameter by its position in the URL. */
  key: string;
}

function toParameter(document: OpenApiDocument, raw: unknown, path: string): Parameter | undefined {
  const parameter = resolveObject(document, raw);
  if (parameter === undefined || typeof parameter.name !== 'string' || typeof parameter.in !== 'string') return undefined;
  const location = parameter.in;
  const name = location === 'header' ? parameter.name.toLowerCase() : parameter.name;
  const position = location === 'path' ? pathParameterNames(path).indexOf(parameter.name) : -1;
  return {
    name: parameter.name,
    in: location,
    required: parameter.required === true || location === 'path',
    schema: parameter.schema ?? firstMediaTypeSchema(document, parameter.content) ?? ANY_SCHEMA,
    key: position >= 0 ? `path:#${position}` : `${location}:${name}`,
  };
}

function firstMediaTypeSchema(document: OpenApiDocument, content: unknown): unknown {
  const first = entriesOf(content)[0];
  return first === undefined ? undefined : resolveObject(document, first[1])?.schema;
}

/** Path-level parameters, overridden by the operation's own of the same name and location. */
function operationParameters(document: OpenApiDocument, path: string, item: JsonObject, operation: JsonObject): Map<string, Parameter> {
  const parameters = new Map<string, Parameter>();
  for (const raw of [...asArray(item.parameters), ...asArray(operation.parameters)]) {
    const parameter = toParameter(document, raw, path);
    if (parameter !== undefined) parameters.set(parameter.key, parameter);
  }
  return parameters;
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function describeParameter(parameter: Parameter): string {
  return `${parameter.in} parameter ${parameter.name}`;
}

function compareParameters(comparison: Comparison, operation: OperationPair): void {
  const before = operationParameters(comparison.previous, operation.previousPath, operation.previousItem, operation.previous);
  const after = operationParameters(comparison.next, operation.nextPath, operation.nextItem, operation.next);
  for (const parameter of before.values()) {
    const counterpart = after.get(parameter.key);
    if (counterpart !== undefined) compareParameter(comparison, operation, parameter, counterpart);
    else reportMissingParameter(comparison, operation, parameter, after);
  }
  for (const parameter of after.values()) {
    if (before.has(parameter.key) || findByName(before, parameter.name) !== undefined) continue;
    if (parameter.required) {
      report(comparison, 'required-parameter-added', `${operation.label} › ${describeParameter(parameter)}`, `new required ${describeParameter(parameter)}`);
    }
  }
}

function findByName(parameters: Map<string, Parameter>, name: string): Parameter | undefined {
  return [...parameters.values()].find((parameter) => parameter.name.toLowerCase() === name.toLowerCase());
}

function reportMissingParameter(comparison: Comparison, operation: OperationPair, parameter: Parameter, after: Map<string, Parameter>): void {
  const location = `${operation.label} › ${describeParameter(parameter)}`;
  const moved = findByName(after, parameter.name);
  if (moved !== undefined && moved.in !== parameter.in) {
    report(comparison, 'parameter-moved', location, `parameter ${parameter.name} moved from ${parameter.in} to ${moved.in}`);
  } else {
    report(comparison, 'parameter-removed', location, `${describeParameter(parameter)} was removed`);
  }
}

function compareParameter(comparison: Comparison, operation: OperationPair, before: Parameter, after: Parameter): void {
  const where = `${operation.label} › ${describeParameter(before)}`;
  if (!before.required && after.required) {
    report(comparison, 'parameter-made-required', where, `optional ${describeParameter(before)} is now required`);
  }
  compareSchemas(comparison, { direction: 'request', where, pointer: '' }, before.schema, after.schema);
}

// ---------------------------------------------------------------------------------------------
// Request bodies

function compareRequestBodies(comparison: Comparison, operation: OperationPair): void {
  const before = resolveObject(comparison.previous, operation.previous.requestBody);
  const after = resolveObject(comparison.next, operation.next.requestBody);
  const where = `${operation.label} › request body`;
  if (after === undefined) {
    if (before !== undefined) report(comparison, 'request-body-removed', where, 'the request body was removed');
    return;
  }
  if (before === undefined) {
    if (after.required === true) report(comparison, 'request-body-required-added', where, 'a required request body was added');
    return;
  }
  if (before.required !== true && after.required === true) {
    report(comparison, 'request-body-made-required', where, 'the optional request body is now required');
  }
  compareRequestContent(comparison, where, before.content, after.content);
}

function compareRequestContent(comparison: Comparison, where: string, before: unknown, after: unknown): void {
  for (const [mediaType, media] of entriesOf(before)) {
    const counterpart = findMediaType(after, mediaType);
    if (counterpart === undefined) {
      report(comparison, 'request-media-type-removed', where, `request media type ${mediaType} was removed`);
      continue;
    }
    const site: SchemaSite = { direction: 'request', where: withMediaType(where, mediaType), pointer: '' };
    compareSchemas(comparison, site, schemaOfMedia(comparison.previous, media), schemaOfMedia(comparison.next, counterpart));
  }
}

function essence(mediaType: string): string {
  return (mediaType.split(';')[0] ?? '').trim().toLowerCase();
}

/** The entry of `content` serving `mediaType`: the same type, or a range such as `image/*`. */
function findMediaType(content: unknown, mediaType: string): unknown {
  const wanted = essence(mediaType);
  const candidates = [wanted, `${wanted.split('/')[0]}/*`, '*/*'];
  for (const candidate of candidates) {
    const found = entriesOf(content).find(([key]) => essence(key) === candidate);
    if (found !== undefined) return found[1];
  }
  return undefined;
}

function schemaOfMedia(document: OpenApiDocument, media: unknown): unknown {
  return resolveObject(document, media)?.schema ?? ANY_SCHEMA;
}

function withMediaType(where: string, mediaType: string): string {
  return essence(mediaType) === 'application/json' ? where : `${where} (${mediaType})`;
}

// ---------------------------------------------------------------------------------------------
// Responses

function isSuccessStatus(status: string): boolean {
  return /^2(\d\d|XX)$/i.test(status);
}

/** The response for `status`: the same code, or its range (`2XX`). */
function findResponse(responses: unknown, status: string): unknown {
  const exact = entriesOf(responses).find(([key]) => key.toUpperCase() === status.toUpperCase());
  if (exact !== undefined) return exact[1];
  return entriesOf(responses).find(([key]) => key.toUpperCase() === `${status[0]}XX`)?.[1];
}

function compareResponses(comparison: Comparison, operation: OperationPair): void {
  for (const [status, response] of entriesOf(operation.previous.responses)) {
    const where = `${operation.label} › response ${status}`;
    const counterpart = findResponse(operation.next.responses, status);
    if (counterpart === undefined) {
      if (isSuccessStatus(status)) report(comparison, 'response-status-removed', where, `success response ${status} was removed`);
      continue;
    }
    const before = resolveObject(comparison.previous, response) ?? {};
    const after = resolveObject(comparison.next, counterpart) ?? {};
    compareResponseContent(comparison, where, before.content, after.content);
    compareResponseHeaders(comparison, where, before.headers, after.headers);
  }
}

function compareResponseContent(comparison: Comparison, where: string, before: unknown, after: unknown): void {
  for (const [mediaType, media] of entriesOf(before)) {
    const counterpart = entriesOf(after).find(([key]) => essence(key) === essence(mediaType))?.[1];
    if (counterpart === undefined) {
      report(comparison, 'response-media-type-removed', where, `response media type ${mediaType} was removed`);
      continue;
    }
    const site: SchemaSite = { direction: 'response', where: withMediaType(where, mediaType), pointer: '' };
    compareSchemas(comparison, site, schemaOfMedia(comparison.previous, media), schemaOfMedia(comparison.next, counterpart));
  }
}

function compareResponseHeaders(comparison: Comparison, where: string, before: unknown, after: unknown): void {
  const headers = new Map(entriesOf(after).map(([name, header]) => [name.toLowerCase(), header]));
  for (const [name, header] of entriesOf(before)) {
    const counterpart = headers.get(name.toLowerCase());
    const location = `${where} › header ${name}`;
    if (counterpart === undefined) {
      report(comparison, 'response-header-removed', location, `response header ${name} was removed`);
      continue;
    }
    const schemaBefore = resolveObject(comparison.previous, header)?.schema ?? ANY_SCHEMA;
    const schemaAfter = resolveObject(comparison.next, counterpart)?.schema ?? ANY_SCHEMA;
    compareSchemas(comparison, { direction: 'response', where: location, pointer: '' }, schemaBefore, schemaAfter);
  }
}

// ---------------------------------------------------------------------------------------------
// Security

type Requirement = Map<string, string[]>;

/** The alternatives a client may satisfy; an empty alternative means no credentials. */
function securityAlternatives(document: OpenApiDocument, operation: JsonObject): Requirement[] {
  const declared = Array.isArray(operation.security) ? operation.security : document.security ?? [];
  if (declared.length === 0) return [new Map()];
  return declared.map((requirement) => new Map(entriesOf(requirement).map(([scheme, scopes]) => [scheme, stringsOf(scopes)])));
}

/** Whether `requirement` asks for nothing more than `credentials` (schemes and their scopes). */
function isCoveredBy(requirement: Requirement, credentials: Requirement): boolean {
  return [...requirement].every(([scheme, scopes]) => {
    const held = credentials.get(scheme);
    return held !== undefined && scopes.every((scope) => held.includes(scope));
  });
}

function describeRequirements(alternatives: Requirement[]): string {
  return alternatives.map((requirement) => [...requirement.keys()].join(' + ') || 'nothing').join(' or ');
}

function compareSecurity(comparison: Comparison, operation: OperationPair): void {
  const before = securityAlternatives(comparison.previous, operation.previous);
  const after = securityAlternatives(comparison.next, operation.next);
  for (const credentials of before) {
    if (after.some((requirement) => isCoveredBy(requirement, credentials))) continue;
    const required = describeRequirements(after);
    if (credentials.size === 0) {
      report(comparison, 'security-added', operation.label, `the public operation now requires ${required}`);
    } else {
      report(comparison, 'security-requirement-changed', operation.label, `clients using ${describeRequirements([credentials])} are no longer enough: it requires ${required}`);
    }
  }
}

function compareSecuritySchemes(comparison: Comparison): void {
  const after = resolveObject(comparison.next, comparison.next.components?.securitySchemes) ?? {};
  for (const [name, raw] of entriesOf(comparison.previous.components?.securitySchemes)) {
    const location = `components › securitySchemes › ${name}`;
    if (after[name] === undefined) {
      report(comparison, 'security-scheme-removed', location, `security scheme ${name} was removed`);
      continue;
    }
    const before = resolveObject(comparison.previous, raw) ?? {};
    const counterpart = resolveObject(comparison.next, after[name]) ?? {};
    for (const field of ['type', 'scheme', 'in', 'name']) {
      if (before[field] !== counterpart[field]) {
        report(comparison, 'security-scheme-changed', location, `${field} changed from ${show(before[field])} to ${show(counterpart[field])}`);
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Schemas: the walk

function locationOf(site: SchemaSite): string {
  return site.pointer === '' ? site.where : `${site.where} › ${site.pointer}`;
}

function child(site: SchemaSite, segment: string): SchemaSite {
  return { ...site, pointer: `${site.pointer}/${segment}` };
}

function reportAt(comparison: Comparison, site: SchemaSite, code: string, message: string): void {
  report(comparison, code, locationOf(site), message);
}

/** Marks a pair as being compared; false when it already is, further up this walk. */
function enter(visiting: Map<object, Set<object>>, before: object, after: object): boolean {
  const partners = visiting.get(before) ?? new Set<object>();
  if (partners.has(after)) return false;
  partners.add(after);
  visiting.set(before, partners);
  return true;
}

function leave(visiting: Map<object, Set<object>>, before: object, after: object): void {
  visiting.get(before)?.delete(after);
}

function compareSchemas(comparison: Comparison, site: SchemaSite, rawBefore: unknown, rawAfter: unknown): void {
  const before = resolve(comparison.previous, rawBefore) ?? { value: ANY_SCHEMA, identity: ANY_SCHEMA };
  const after = resolve(comparison.next, rawAfter) ?? { value: ANY_SCHEMA, identity: ANY_SCHEMA };
  if (!enter(comparison.visiting, before.identity, after.identity)) return;
  try {
    const checks = site.direction === 'request' ? REQUEST_CHECKS : RESPONSE_CHECKS;
    for (const check of checks) check(comparison, site, before.value, after.value);
    compareProperties(comparison, site, before.value, after.value);
    compareItems(comparison, site, before.value, after.value);
    compareAdditionalProperties(comparison, site, before.value, after.value);
    compareCompositions(comparison, site, before.value, after.value);
  } finally {
    leave(comparison.visiting, before.identity, after.identity);
  }
}

type SchemaCheck = (comparison: Comparison, site: SchemaSite, before: JsonObject, after: JsonObject) => void;

const REQUEST_CHECKS: SchemaCheck[] = [
  checkTypeNarrowed,
  checkEnumNarrowed,
  checkBoundsNarrowed,
  checkPatternChanged,
  checkRequestFormatChanged,
  checkRequiredAdded,
];

const RESPONSE_CHECKS: SchemaCheck[] = [checkTypeWidened, checkEnumWidened, checkResponseFormatChanged, checkRequiredRemoved];

/** Whether a property is out of the picture: the client does not send readOnly ones, nor receive writeOnly ones. */
function isIgnored(comparison: Comparison, direction: Direction, before: unknown, after: unknown): boolean {
  const keyword = direction === 'request' ? 'readOnly' : 'writeOnly';
  return resolveObject(comparison.previous, before)?.[keyword] === true || resolveObject(comparison.next, after)?.[keyword] === true;
}

function compareProperties(comparison: Comparison, site: SchemaSite, before: JsonObject, after: JsonObject): void {
  const properties = isObject(after.properties) ? after.properties : {};
  for (const [name, property] of entriesOf(before.properties)) {
    const counterpart = Object.hasOwn(properties, name) ? properties[name] : undefined;
    if (isIgnored(comparison, site.direction, property, counterpart)) continue;
    const propertySite = child(site, encodePointerToken(name));
    if (counterpart !== undefined) compareSchemas(comparison, propertySite, property, counterpart);
    else if (site.direction === 'response') reportResponsePropertyRemoved(comparison, propertySite, name, before);
    else compareRemovedRequestProperty(comparison, propertySite, name, property, after);
  }
}

function reportResponsePropertyRemoved(comparison: Comparison, site: SchemaSite, name: string, before: JsonObject): void {
  if (stringsOf(before.required).includes(name)) {
    reportAt(comparison, site, 'response-required-property-removed', `required property ${name} was removed`);
  } else {
    reportAt(comparison, site, 'response-property-removed', `property ${name} was removed`);
  }
}

/** A property the client may still send: rejected when extra properties are forbidden, else checked against them. */
function compareRemovedRequestProperty(comparison: Comparison, site: SchemaSite, name: string, property: unknown, after: JsonObject): void {
  if (matchesPatternProperty(after, name)) return;
  if (forbidsAdditionalProperties(after)) {
    reportAt(comparison, site, 'request-property-removed', `property ${name} was removed and additional properties are not allowed`);
  } else if (isObject(after.additionalProperties)) {
    compareSchemas(comparison, site, property, after.additionalProperties);
  }
}

function matchesPatternProperty(schema: JsonObject, name: string): boolean {
  return entriesOf(schema.patternProperties).some(([pattern]) => new RegExp(pattern, 'u').test(name));
}

function forbidsAdditionalProperties(schema: JsonObject): boolean {
  return schema.additionalProperties === false || schema.unevaluatedProperties === false;
}

/** Array items; a side without `items` accepts any item. */
function compareItems(comparison: Comparison, site: SchemaSite, before: JsonObject, after: JsonObject): void {
  if (before.items === undefined && after.items === undefined) return;
  compareSchemas(comparison, child(site, '*'), before.items ?? ANY_SCHEMA, after.items ?? ANY_SCHEMA);
}

function compareAdditionalProperties(comparison: Comparison, site: SchemaSite, before: JsonObject, after: JsonObject): void {
  const was = before.additionalProperties;
  const is = after.additionalProperties;
  if (site.direction === 'request' && was !== false && is === false) {
    reportAt(comparison, site, 'request-additional-properties-forbidden', 'additional properties are no longer allowed');
  }
  if (was === false || is === false || (!isObject(was) && !isObject(is))) return;
  compareSchemas(comparison, child(site, '<additionalProperties>'), was ?? ANY_SCHEMA, is ?? ANY_SCHEMA);
}

/** allOf/oneOf/anyOf: member by member when the lengths match, else one coarse change. */
function compareCompositions(comparison: Comparison, site: SchemaSite, before: JsonObject, after: JsonObject): void {
  for (const keyword of ['allOf', 'oneOf', 'anyOf']) {
    const was = asArray(before[keyword]);
    const is = asArray(after[keyword]);
    if (was.length === is.length) {
      was.forEach((member, index) => compareSchemas(comparison, child(site, `<${keyword}[${index}]>`), member, is[index]));
    } else {
      reportAt(comparison, site, 'composition-changed', `${keyword} went from ${was.length} to ${is.length} subschemas`);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Schemas: checks of one level

/** The types a schema allows; undefined means any. */
function typesOf(schema: JsonObject): string[] | undefined {
  if (typeof schema.type === 'string') return [schema.type];
  return Array.isArray(schema.type) ? stringsOf(schema.type) : undefined;
}

function allowsType(types: string[] | undefined, type: string): boolean {
  return types === undefined || types.includes(type) || (type === 'integer' && types.includes('number'));
}

/** The types of `wider` that `narrower` does not allow ('any' when `wider` has no type). */
function typesMissing(narrower: string[] | undefined, wider: string[] | undefined): string[] {
  if (narrower === undefined) return [];
  if (wider === undefined) return ['any'];
  return wider.filter((type) => !allowsType(narrower, type));
}

function describeTypes(types: string[] | undefined): string {
  return types === undefined ? 'any type' : types.join(' | ');
}

function checkTypeNarrowed(comparison: Comparison, site: SchemaSite, before: JsonObject, after: JsonObject): void {
  const lost = typesMissing(typesOf(after), typesOf(before));
  if (lost.length > 0) {
    reportAt(comparison, site, 'request-type-narrowed', `type narrowed from ${describeTypes(typesOf(before))} to ${describeTypes(typesOf(after))}`);
  }
}

function checkTypeWidened(comparison: Comparison, site: SchemaSite, before: JsonObject, after: JsonObject): void {
  const gained = typesMissing(typesOf(before), typesOf(after));
  if (gained.length > 0) {
    reportAt(comparison, site, 'response-type-widened', `type widened from ${describeTypes(typesOf(before))} to ${describeTypes(typesOf(after))}`);
  }
}

/** The values a schema is limited to (`enum`, or `const`); undefined means no such limit. */
function enumValues(schema: JsonObject): unknown[] | undefined {
  if (Array.isArray(schema.enum)) return schema.enum;
  return Object.hasOwn(schema, 'const') ? [schema.const] : undefined;
}

/** Values of `from` missing in `to`. */
function valuesMissing(from: unknown[], to: unknown[]): unknown[] {
  const kept = new Set(to.map(show));
  return from.filter((value) => !kept.has(show(value)));
}

function checkEnumNarrowed(comparison: Comparison, site: SchemaSite, before: JsonObject, after: JsonObject): void {
  const was = enumValues(before);
  const is = enumValues(after);
  if (is === undefined) return;
  if (was === undefined) {
    reportAt(comparison, site, 'request-enum-added', `values are now limited to ${show(is)}`);
    return;
  }
  for (const value of valuesMissing(was, is)) {
    reportAt(comparison, site, 'request-enum-value-removed', `enum value ${show(value)} was removed`);
  }
}

function checkEnumWidened(comparison: Comparison, site: SchemaSite, before: JsonObject, after: JsonObject): void {
  const was = enumValues(before);
  const is = enumValues(after);
  if (was === undefined) return;
  if (is === undefined) {
    reportAt(comparison, site, 'response-enum-removed', `values are no longer limited to ${show(was)}`);
    return;
  }
  for (const value of valuesMissing(is, was)) {
    reportAt(comparison, site, 'response-enum-value-added', `enum value ${show(value)} was added`);
  }
}

const UPPER_BOUNDS: [keyword: string, code: string][] = [
  ['maximum', 'request-maximum-lowered'],
  ['exclusiveMaximum', 'request-exclusive-maximum-lowered'],
  ['maxLength', 'request-max-length-lowered'],
  ['maxItems', 'request-max-items-lowered'],
  ['maxProperties', 'request-max-properties-lowered'],
];

const LOWER_BOUNDS: [keyword: string, code: string][] = [
  ['minimum', 'request-minimum-raised'],
  ['exclusiveMinimum', 'request-exclusive-minimum-raised'],
  ['minLength', 'request-min-length-raised'],
  ['minItems', 'request-min-items-raised'],
  ['minProperties', 'request-min-properties-raised'],
];

function describeBound(value: number | undefined): string {
  return value === undefined ? 'none' : String(value);
}

/** A new or tighter bound rejects values the previous schema accepted. */
function checkBoundsNarrowed(comparison: Comparison, site: SchemaSite, before: JsonObject, after: JsonObject): void {
  for (const [keyword, code] of UPPER_BOUNDS) {
    const was = numberOf(before[keyword]);
    const is = numberOf(after[keyword]);
    if (is !== undefined && (was === undefined || is < was)) {
      reportAt(comparison, site, code, `${keyword} lowered from ${describeBound(was)} to ${is}`);
    }
  }
  for (const [keyword, code] of LOWER_BOUNDS) {
    const was = numberOf(before[keyword]);
    const is = numberOf(after[keyword]);
    if (is !== undefined && (was === undefined || is > was)) {
      reportAt(comparison, site, code, `${keyword} raised from ${describeBound(was)} to ${is}`);
    }
  }
}

function checkPatternChanged(comparison: Comparison, site: SchemaSite, before: JsonObject, after: JsonObject): void {
  if (typeof after.pattern !== 'string' || after.pattern === before.pattern) return;
  const message = typeof before.pattern === 'string' ? `pattern changed from ${before.pattern} to ${after.pattern}` : `pattern ${after.pattern} was added`;
  reportAt(comparison, site, 'request-pattern-changed', message);
}

function checkRequestFormatChanged(comparison: Comparison, site: SchemaSite, before: JsonObject, after: JsonObject): void {
  if (typeof after.format !== 'string' || after.format === before.format) return;
  const message = typeof before.format === 'string' ? `format changed from ${before.format} to ${after.format}` : `format ${after.format} was added`;
  reportAt(comparison, site, 'request-format-changed', message);
}

/** A client may parse a value by its format (a date, a URI): changing or dropping it breaks that. */
function checkResponseFormatChanged(comparison: Comparison, site: SchemaSite, before: JsonObject, after: JsonObject): void {
  if (typeof before.format !== 'string' || after.format === before.format) return;
  const message = typeof after.format === 'string' ? `format changed from ${before.format} to ${after.format}` : `format ${before.format} was removed`;
  reportAt(comparison, site, 'response-format-changed', message);
}

function checkRequiredAdded(comparison: Comparison, site: SchemaSite, before: JsonObject, after: JsonObject): void {
  const was = stringsOf(before.required);
  const known = isObject(before.properties) ? before.properties : {};
  const properties = isObject(after.properties) ? after.properties : {};
  for (const name of stringsOf(after.required)) {
    if (was.includes(name) || resolveObject(comparison.next, properties[name])?.readOnly === true) continue;
    const propertySite = child(site, encodePointerToken(name));
    if (Object.hasOwn(known, name)) {
      reportAt(comparison, propertySite, 'request-property-made-required', `optional property ${name} is now required`);
    } else {
      reportAt(comparison, propertySite, 'request-required-property-added', `new required property ${name}`);
    }
  }
}

/** A required property that is still there but may now be missing (a removed one is reported as removed). */
function checkRequiredRemoved(comparison: Comparison, site: SchemaSite, before: JsonObject, after: JsonObject): void {
  const is = stringsOf(after.required);
  const wasDeclared = isObject(before.properties) ? before.properties : {};
  const declared = isObject(after.properties) ? after.properties : {};
  for (const name of stringsOf(before.required)) {
    if (is.includes(name)) continue;
    if (Object.hasOwn(wasDeclared, name) && !Object.hasOwn(declared, name)) continue;
    reportAt(comparison, child(site, encodePointerToken(name)), 'response-property-made-optional', `required property ${name} is now optional`);
  }
}
