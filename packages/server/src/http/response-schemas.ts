import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

export type Validate = ((value: unknown) => boolean) & { errors?: unknown };

export interface ResponseSchemas {
  /** The JSON body schema of an operation's answer with this status, if it has one. */
  body(operationId: string, status: number): Validate | undefined;
  /** The schema of one item of a list answer (`{items: […]}`), if the operation answers one. */
  listItem(operationId: string): Validate | undefined;
}

/** Validators of the spec's response bodies, compiled when first used. */
export function responseSchemas(spec: { paths: Record<string, any>; components?: unknown }): ResponseSchemas {
  const ajv = new Ajv2020.default({ strict: false, allErrors: false, validateFormats: true });
  addFormats.default(ajv);
  ajv.addSchema({ $id: 'spec', components: spec.components });
  const resolve = (node: any): any => (node?.$ref ? resolve(node.$ref.slice(2).split('/').reduce((n: any, k: string) => n[k], spec)) : node);
  const compile = (schema: unknown) => ajv.compile(JSON.parse(JSON.stringify(schema).replace(/"#\/components\//g, '"spec#/components/'))) as Validate;
  const operations = new Map<string, any>();
  for (const item of Object.values(spec.paths)) {
    for (const operation of Object.values<any>(item)) if (operation?.operationId) operations.set(operation.operationId, operation);
  }
  const jsonSchema = (operationId: string, status: number) => resolve(resolve(operations.get(operationId)?.responses?.[String(status)])?.content?.['application/json']?.schema);
  const cache = new Map<string, Validate | undefined>();
  const cached = (key: string, make: () => Validate | undefined) => {
    if (!cache.has(key)) cache.set(key, make());
    return cache.get(key);
  };
  return {
    body: (operationId, status) =>
      cached(`${operationId} ${status}`, () => {
        const schema = jsonSchema(operationId, status);
        return schema ? compile(schema) : undefined;
      }),
    listItem: (operationId) =>
      cached(`${operationId} item`, () => {
        const items = jsonSchema(operationId, 200)?.properties?.items;
        return items?.type === 'array' && items.items ? compile(items.items) : undefined;
      }),
  };
}
