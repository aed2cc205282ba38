// CommonJS modules: under nodenext their classes are on .default (where they also are at run time).
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { fullFormats } from 'ajv-formats/dist/formats.js';
import type { FastifySchemaCompiler } from 'fastify';

/**
 * Request validation with JSON Schema 2020-12 (the dialect of OpenAPI 3.1) and real formats.
 * Query, path and header values arrive as strings, so they are coerced; bodies are not.
 */
export function openApiValidatorCompiler(): FastifySchemaCompiler<unknown> {
  const make = (coerceTypes: boolean | 'array') => {
    const ajv = new Ajv2020.default({ strict: false, allErrors: true, coerceTypes, useDefaults: true, removeAdditional: false, validateFormats: true });
    addFormats.default(ajv);
    // The spec's range of instants and dates, far from the ends of the calendar arithmetic can reach.
    ajv.addFormat('date-time', { type: 'string', validate: (text: string) => isDateTime(text) && inSupportedRange(Date.parse(text)) });
    ajv.addFormat('date', { type: 'string', validate: (text: string) => isDate(text) && inSupportedRange(Date.parse(`${text}T00:00:00Z`)) });
    // OpenAPI keywords that are annotations here.
    ajv.addKeyword({ keyword: 'example' });
    ajv.addKeyword({ keyword: 'discriminator' });
    return ajv;
  };
  const forBodies = make(false);
  const forParameters = make('array');
  return ({ schema, httpPart }) =>
    (httpPart === 'body' ? forBodies : forParameters).compile((httpPart === 'headers' ? lowerCaseHeaders(schema) : schema) as object) as never;
}

const isDateTime = (text: string) => (fullFormats['date-time'] as { validate: (s: string) => boolean }).validate(text);
const isDate = (text: string) => (fullFormats.date as { validate: (s: string) => boolean }).validate(text);

/** 1970-01-01 up to, not including, 9000-01-01 (the spec's `Instant` and `LocalDate`). */
export const supportedRange = { from: Date.UTC(1970, 0, 1), to: Date.UTC(9000, 0, 1) };
const inSupportedRange = (ms: number) => ms >= supportedRange.from && ms < supportedRange.to;

/**
 * Node gives header names in lower case, and Fastify only lowercases a header schema's names
 * itself when no custom validator compiler is set, so the spec's `Idempotency-Key` is lowercased here.
 */
function lowerCaseHeaders(schema: unknown): unknown {
  const s = schema as { properties?: Record<string, unknown>; required?: string[] };
  if (!s || typeof s !== 'object') return schema;
  return {
    ...s,
    ...(s.properties ? { properties: Object.fromEntries(Object.entries(s.properties).map(([name, value]) => [name.toLowerCase(), value])) } : {}),
    ...(s.required ? { required: s.required.map((name) => name.toLowerCase()) } : {}),
  };
}
