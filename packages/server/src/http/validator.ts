// CommonJS modules: under nodenext their classes are on .default (where they also are at run time).
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';

/**
 * Request validation with JSON Schema 2020-12 (the dialect of OpenAPI 3.1) and real formats.
 * Query, path and header values arrive as strings, so they are coerced; bodies are not.
 */
export function openApiValidatorCompiler(): FastifySchemaCompiler<unknown> {
  const make = (coerceTypes: boolean | 'array') => {
    const ajv = new Ajv2020.default({ strict: false, allErrors: true, coerceTypes, useDefaults: true, removeAdditional: false, validateFormats: true });
    addFormats.default(ajv);
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
