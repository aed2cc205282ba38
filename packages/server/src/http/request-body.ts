import type { FastifyInstance, FastifyRequest } from 'fastify';
import { unsupportedMediaType, validationError } from './problem.ts';

/** Deeper JSON than any body of the spec (its deepest is under ten levels) is refused, not walked. */
export const maxJsonDepth = 32;

interface BodyRule {
  mediaTypes: string[];
  required: boolean;
}

/**
 * Every request body is held to the spec before it is parsed: a body of a media type the
 * operation does not declare is a 415 (so no body escapes the schema of its declared type), a
 * missing required body a 400, and a body sent to an operation that takes none is ignored.
 * JSON is parsed with the framework's prototype-poisoning checks, then refused when deeper than
 * `maxJsonDepth`, before a validator or handler recurses into it, or when any text in it holds
 * NUL, which no text of the API may (nor the query).
 */
export function registerRequestBodies(app: FastifyInstance, spec: { paths: Record<string, any>; components?: any }): void {
  const rules = bodyRules(spec);
  app.addHook('onRequest', async (request) => {
    const operationId = (request.routeOptions.schema as { operationId?: string } | undefined)?.operationId;
    if (operationId === undefined) return;
    // No text of the API holds NUL (PostgreSQL cannot store it); in the query it is a %00.
    const query = request.url.indexOf('?');
    if (query !== -1 && /%00/.test(request.url.slice(query))) {
      throw validationError([{ pointer: '/query', detail: 'must not contain the NUL character (%00)' }], "The request's query does not match the API description.");
    }
    const rule = rules.get(operationId);
    const carriesBody = hasBody(request);
    if (!rule) {
      if (carriesBody) ignoreBody(request);
      return;
    }
    if (!carriesBody) {
      if (rule.required) throw validationError([{ pointer: '/', detail: 'is required: send a JSON body' }], `This operation needs a request body (${rule.mediaTypes.join(', ')}).`);
      return;
    }
    const mediaType = mediaTypeOf(request.headers['content-type']);
    if (!rule.mediaTypes.includes(mediaType)) {
      throw unsupportedMediaType(
        mediaType === ''
          ? `The request body has no Content-Type; send ${rule.mediaTypes.join(' or ')}.`
          : `This operation takes ${rule.mediaTypes.join(' or ')}, not ${mediaType.slice(0, 100)}.`,
      );
    }
  });
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    parseJson(request, body as string, (error: Error | null, value?: unknown) => {
      if (error) return done(error);
      if (depthExceeds(value, maxJsonDepth)) {
        return done(validationError([{ pointer: '/', detail: `must not nest deeper than ${maxJsonDepth} levels` }], 'The request body nests too deep.'));
      }
      const nul = pointerToNul(value);
      if (nul !== undefined) return done(validationError([{ pointer: nul || '/', detail: 'must not contain the NUL character (U+0000)' }]));
      done(null, value);
    });
  });
}

/** The lower-case media type of a Content-Type header, without its parameters. */
export function mediaTypeOf(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

function hasBody(request: FastifyRequest): boolean {
  const { headers } = request.raw;
  if (headers['transfer-encoding'] !== undefined) return true;
  const length = headers['content-length'];
  return length !== undefined && length !== '0';
}

// The framework parses a body whenever the headers announce one; an operation without a body
// in the spec must not fail on one, so its headers no longer announce it (Node drains the stream).
function ignoreBody(request: FastifyRequest): void {
  const { headers } = request.raw;
  delete headers['content-type'];
  delete headers['transfer-encoding'];
  headers['content-length'] = '0';
}

/** Whether a parsed JSON value nests deeper than `limit`, walked without recursion. */
export function depthExceeds(value: unknown, limit: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (depth > limit) return true;
    for (const child of Array.isArray(node) ? node : Object.values(node)) {
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
    }
  }
  return false;
}

/** The JSON pointer of the first string (or property name) holding U+0000, if any. */
export function pointerToNul(value: unknown): string | undefined {
  const stack: Array<[unknown, string]> = [[value, '']];
  const escape = (token: string) => token.replace(/~/g, '~0').replace(/\//g, '~1');
  while (stack.length > 0) {
    const [node, pointer] = stack.pop()!;
    if (typeof node === 'string') {
      if (node.includes('\u0000')) return pointer;
    } else if (node !== null && typeof node === 'object') {
      for (const [key, child] of Object.entries(node)) {
        if (key.includes('\u0000')) return pointer;
        stack.push([child, `${pointer}/${escape(key)}`]);
      }
    }
  }
  return undefined;
}

function bodyRules(spec: { paths: Record<string, any>; components?: any }): Map<string, BodyRule> {
  const rules = new Map<string, BodyRule>();
  for (const item of Object.values(spec.paths)) {
    for (const operation of Object.values<any>(item)) {
      if (!operation?.operationId || !operation.requestBody) continue;
      const ref: string | undefined = operation.requestBody.$ref;
      const body = ref ? spec.components.requestBodies[ref.split('/').pop()!] : operation.requestBody;
      rules.set(operation.operationId, { mediaTypes: Object.keys(body.content).map((type) => type.toLowerCase()), required: body.required === true });
    }
  }
  return rules;
}
