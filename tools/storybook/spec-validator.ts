// CommonJS modules: under nodenext their classes are on .default (where they also are at run time).
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * Checks an answer against the bundled spec, as the server's tests do with its own: the status
 * must be declared for the operation (or be a 500 problem document), the content type offered,
 * and a JSON body valid against the schema (JSON Schema 2020-12 with real formats).
 * `check(route, response)` resolves to a list of violations, empty when the answer is valid.
 */
export function specValidator(): { check(route: string, response: Response): Promise<string[]> } {
  const spec = JSON.parse(readFileSync(require.resolve('@coworking-commons/spec/openapi.json'), 'utf8'));
  const ajv = new Ajv2020.default({ strict: false, allErrors: true, validateFormats: true });
  addFormats.default(ajv);
  ajv.addSchema({ $id: 'spec', components: spec.components });
  const deref = (node: any): any => (node?.$ref ? deref(node.$ref.slice(2).split('/').reduce((n: any, key: string) => n[key], spec)) : node);
  const rewrite = (schema: unknown) => JSON.parse(JSON.stringify(schema).replace(/"#\/components\//g, '"spec#/components/'));
  const internal = { content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } };

  return {
    async check(route, response) {
      const [method, path] = route.split(' ') as [string, string];
      const operation = spec.paths[path]?.[method.toLowerCase()];
      if (!operation) return [`${route} is not an operation of the spec`];
      const status = String(response.status);
      const declared = deref(operation.responses[status]) ?? (status === '500' ? internal : undefined);
      if (!declared) return [`status ${status} is not declared for ${operation.operationId}`];
      const text = await response.text();
      if (!declared.content) return text ? ['a body where the spec declares none'] : [];
      const type = (response.headers.get('content-type') ?? '').split(';')[0]!.trim();
      const media = declared.content[type];
      if (!media) return [`content type "${type}" is not declared (${Object.keys(declared.content).join(', ')})`];
      if (!/json/.test(type) || !media.schema) return [];
      const validate = ajv.compile(rewrite(media.schema));
      return validate(JSON.parse(text)) ? [] : [ajv.errorsText(validate.errors, { separator: '; ' })];
    },
  };
}
