import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { FastifyInstance } from 'fastify';
import { loadSpec } from '../../src/app.ts';

export interface Violation {
  route: string;
  status: number;
  errors: string;
}

/**
 * Checks every response the server sends against the spec: its status must be declared for the
 * operation, its content type offered, and its body valid against the schema. Violations are
 * collected; the harness fails the test that saw one.
 */
const anyRequestMayAnswer = new Set(['400', '408', '414', '431', '500']);

export function validateResponses(app: FastifyInstance): Violation[] {
  const spec = loadSpec();
  const ajv = new Ajv2020.default({ strict: false, allErrors: true, validateFormats: true });
  addFormats.default(ajv);
  ajv.addSchema({ $id: 'spec', components: spec.components });
  const resolve = (node: any): any => (node?.$ref ? resolve(node.$ref.slice(2).split('/').reduce((n: any, k: string) => n[k], spec)) : node);
  const rewrite = (schema: unknown): unknown => JSON.parse(JSON.stringify(schema).replace(/"#\/components\//g, '"spec#/components/'));
  const operations = new Map<string, any>(
    Object.values<any>(spec.paths).flatMap((item) => Object.values<any>(item).filter((op) => op?.operationId).map((op) => [op.operationId, op] as const)),
  );
  const violations: Violation[] = [];
  const validators = new Map<string, ReturnType<typeof ajv.compile> | null>();

  app.addHook('onSend', async (request, reply, payload) => {
    const operationId = (request.routeOptions.schema as any)?.operationId as string | undefined;
    if (!operationId) return payload;
    const route = `${request.method} ${request.routeOptions.url}`;
    const operation = operations.get(operationId);
    const status = String(reply.statusCode);
    // Any request may fail unexpectedly, or be malformed HTTP (the spec's conventions say so); the
    // answer must still be the spec's problem document.
    const anywhere = { content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } };
    const response = resolve(operation.responses[status]) ?? (anyRequestMayAnswer.has(status) ? anywhere : undefined);
    if (!operation.responses[status] && status === '400' && !String(payload).includes('"urn:coworking-commons:problem:bad-request"')) {
      violations.push({ route, status: reply.statusCode, errors: `status 400 is not declared for ${operationId}, and only malformed HTTP may answer it anyway` });
      return payload;
    }
    if (!response) {
      violations.push({ route, status: reply.statusCode, errors: `status ${status} is not declared for ${operationId}` });
      return payload;
    }
    if (!response.content) {
      if (payload !== undefined && payload !== null && payload !== '') violations.push({ route, status: reply.statusCode, errors: 'a body where the spec declares none' });
      return payload;
    }
    const contentType = String(reply.getHeader('content-type') ?? '').split(';')[0]!.trim();
    const media = response.content[contentType];
    if (!media) {
      violations.push({ route, status: reply.statusCode, errors: `content type "${contentType}" is not declared (${Object.keys(response.content).join(', ')})` });
      return payload;
    }
    if (!/json/.test(contentType)) return payload;
    const key = `${operationId} ${status} ${contentType}`;
    if (!validators.has(key)) validators.set(key, media.schema ? ajv.compile(rewrite(media.schema) as object) : null);
    const validate = validators.get(key);
    if (validate && !validate(JSON.parse(String(payload)))) {
      violations.push({ route, status: reply.statusCode, errors: ajv.errorsText(validate.errors, { separator: '; ' }) });
    }
    return payload;
  });
  return violations;
}
