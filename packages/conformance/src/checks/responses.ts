// Every answer of the run, whichever check caused it, against the bundled spec.
import type { Check } from '../context.ts';
import { describeRequest, describeResponse } from '../failure.ts';
import type { SpecIndex } from '../spec.ts';
import type { Exchange, Failure } from '../types.ts';

/** The spec's conventions: any request may be answered these, as a problem document. */
const anyRequestMayAnswer = new Set(['400', '408', '414', '431', '500']);

export const responsesMatchSpec: Check = {
  id: 'responses.schema',
  title: 'Every response of the run is declared by its operation: status, content type, body schema, problem documents',
  feature: 'core',
  specSection: '/paths',
  async run(context) {
    const failures: Failure[] = [];
    for (const exchange of context.http.exchanges) {
      if (!exchange.validate) continue;
      const problem = validateExchange(context.spec, context.http.relativePath(exchange.url), exchange);
      if (problem) failures.push({ message: `${problem.message} (sent by ${exchange.checkId || 'the suite'})`, expected: problem.expected, got: describeResponse(exchange), sent: [describeRequest(exchange)] });
    }
    return failures;
  },
};

export function validateExchange(spec: SpecIndex, path: string, exchange: Exchange): { message: string; expected: string } | undefined {
  const operation = spec.operation(exchange.method, path);
  if (!operation) return { message: `${exchange.method} ${path} is no operation of the spec`, expected: 'a path and method the spec declares' };
  const name = operation.operationId;
  const status = String(exchange.status);
  const declared = spec.resolve(operation.definition.responses?.[status]);
  const anywhere = anyRequestMayAnswer.has(status) ? { content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } } : undefined;
  const response = declared ?? anywhere;
  if (!response) return { message: `${name} answered status ${status}, which it does not declare`, expected: `one of ${Object.keys(operation.definition.responses ?? {}).join(', ')}` };
  if (!declared && status === '400' && exchange.json?.type !== 'urn:coworking-commons:problem:bad-request') {
    return { message: `${name} answered 400, which it does not declare; only malformed HTTP may (bad-request)`, expected: `one of ${Object.keys(operation.definition.responses ?? {}).join(', ')}` };
  }
  const contentType = (exchange.responseHeaders['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (!response.content) {
    if (exchange.responseBody !== '') return { message: `${name} ${status} has a body where the spec declares none`, expected: 'an empty body' };
    return undefined;
  }
  const media = response.content[contentType];
  if (!media) return { message: `${name} ${status} answered content type "${contentType || '(none)'}"`, expected: `content type ${Object.keys(response.content).join(' or ')}` };
  if (!/json/.test(contentType)) return undefined;
  if (exchange.json === undefined) return { message: `${name} ${status} is not valid JSON`, expected: 'a JSON body' };
  if (media.schema) {
    const errors = spec.validate(`${name} ${status} ${contentType}`, media.schema, exchange.json);
    if (errors) return { message: `${name} ${status} does not match its schema: ${errors}`, expected: `a body valid against the spec's schema for ${name} ${status}` };
  }
  if (contentType === 'application/problem+json' && exchange.json?.status !== exchange.status) {
    return { message: `${name} ${status}: the problem document's status is ${exchange.json?.status}`, expected: `status ${exchange.status} in the problem document (RFC 9457)` };
  }
  return undefined;
}
