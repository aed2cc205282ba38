import type { OpenApiDocument } from './bundle.ts';

export const httpMethods = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'] as const;

export interface OperationEntry {
  method: (typeof httpMethods)[number];
  path: string;
  operationId: string;
  operation: Record<string, any>;
  /** Parameters of the path item and the operation, $refs resolved. */
  parameters: Record<string, any>[];
}

/** Every operation of a bundled document, in document order. */
export function listOperations(doc: OpenApiDocument): OperationEntry[] {
  const resolve = (node: any): any => (node?.$ref ? resolve(pointer(doc, node.$ref)) : node);
  const entries: OperationEntry[] = [];
  for (const [path, item] of Object.entries<any>(doc.paths ?? {})) {
    const pathItem = resolve(item);
    for (const method of httpMethods) {
      const operation = pathItem[method];
      if (!operation) continue;
      const parameters = [...(pathItem.parameters ?? []), ...(operation.parameters ?? [])].map(resolve);
      entries.push({ method, path, operationId: operation.operationId, operation, parameters });
    }
  }
  return entries;
}

function pointer(doc: OpenApiDocument, ref: string): unknown {
  if (!ref.startsWith('#/')) throw new Error(`Only internal $refs are supported here: ${ref}`);
  return ref
    .slice(2)
    .split('/')
    .reduce<any>((node, token) => node?.[token.replace(/~1/g, '/').replace(/~0/g, '~')], doc);
}
