import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';

/**
 * Request validation with JSON Schema 2020-12 (the dialect of OpenAPI 3.1) and real formats.
 * Query, path and header values arrive as strings, so they are coerced; bodies are not.
 */
export function openApiValidatorCompiler(): FastifySchemaCompiler<unknown> {
  const make = (coerceTypes: boolean | 'array') => {
    const ajv = new Ajv2020({ strict: false, allErrors: true, coerceTypes, useDefaults: true, removeAdditional: false, validateFormats: true });
    addFormats(ajv);
    // OpenAPI keywords that are annotations here.
    ajv.addKeyword({ keyword: 'example' });
    ajv.addKeyword({ keyword: 'discriminator' });
    return ajv;
  };
  const forBodies = make(false);
  const forParameters = make('array');
  return ({ schema, httpPart }) => (httpPart === 'body' ? forBodies : forParameters).compile(schema as object) as never;
}
