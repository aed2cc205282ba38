// The bundled spec (@coworking-commons/spec) and what the suite asks of it: the operation a
// request reached, and a validator for each of its responses.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

export interface Spec {
  info: { version: string };
  paths: Record<string, Record<string, any>>;
  components: Record<string, any>;
  [key: string]: any;
}

export interface Operation {
  operationId: string;
  method: string;
  path: string;
  definition: any;
}

export function loadSpec(): Spec {
  const require = createRequire(import.meta.url);
  return JSON.parse(readFileSync(require.resolve('@coworking-commons/spec/openapi.json'), 'utf8'));
}

const methods = ['get', 'put', 'post', 'patch', 'delete', 'head', 'options'];

export class SpecIndex {
  readonly spec: Spec;
  private readonly routes: { pattern: RegExp; literal: number; operation: Operation }[] = [];
  private readonly ajv: InstanceType<typeof Ajv2020.default>;
  private readonly validators = new Map<string, ((data: unknown) => boolean) & { errors?: any }>();

  constructor(spec: Spec = loadSpec()) {
    this.spec = spec;
    for (const [path, item] of Object.entries(spec.paths)) {
      for (const method of methods) {
        const definition = item[method];
        if (!definition?.operationId) continue;
        const source = path.split(/(\{[^}]+\})/).map((part) => (part.startsWith('{') ? '([^/]+)' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('');
        this.routes.push({ pattern: new RegExp(`^${source}$`), literal: path.replace(/\{[^}]+\}/g, '').length, operation: { operationId: definition.operationId, method: method.toUpperCase(), path, definition } });
      }
    }
    // A literal segment wins over a parameter (`/events.ics` over `/events/{eventId}`).
    this.routes.sort((a, b) => b.literal - a.literal);
    this.ajv = new Ajv2020.default({ strict: false, allErrors: true, validateFormats: true });
    addFormats.default(this.ajv);
    this.ajv.addSchema({ $id: 'spec', components: spec.components });
  }

  /** The operation a method and a path relative to the API's base reach, if any. */
  operation(method: string, path: string): Operation | undefined {
    return this.routes.find((route) => route.operation.method === method.toUpperCase() && route.pattern.test(path))?.operation;
  }

  byId(operationId: string): Operation {
    const found = this.routes.find((route) => route.operation.operationId === operationId)?.operation;
    if (!found) throw new Error(`no operation ${operationId} in the spec`);
    return found;
  }

  /** Follows a local `$ref`. */
  resolve(node: any): any {
    return node?.$ref ? this.resolve(node.$ref.slice(2).split('/').reduce((n: any, k: string) => n?.[k.replace(/~1/g, '/').replace(/~0/g, '~')], this.spec)) : node;
  }

  /** Validates `data` against a schema of the spec; returns the errors, or undefined when valid. */
  validate(key: string, schema: unknown, data: unknown): string | undefined {
    let validator = this.validators.get(key);
    if (!validator) {
      const rewritten = JSON.parse(JSON.stringify(schema).replace(/"#\/components\//g, '"spec#/components/'));
      validator = this.ajv.compile(rewritten);
      this.validators.set(key, validator);
    }
    return validator(data) ? undefined : this.ajv.errorsText(validator.errors, { separator: '; ' });
  }
}
