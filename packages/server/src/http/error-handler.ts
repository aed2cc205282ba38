import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { toFieldErrors } from './validation-errors.ts';
import { badRequest, HttpProblem, internalError, notFound, payloadTooLarge, unsupportedMediaType, validationError } from './problem.ts';

/** Every error leaves as an RFC 9457 problem document; stack traces and SQL stay in the log. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const problem = toHttpProblem(error);
    if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
    sendProblem(request, reply, problem);
  });
  app.setNotFoundHandler((request, reply) => {
    sendProblem(request, reply, notFound(`No operation at ${request.method} ${request.url.split('?')[0]}.`));
  });
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, problem: HttpProblem): void {
  reply
    .code(problem.status)
    .headers(problem.headers)
    .type('application/problem+json')
    .serializer(JSON.stringify)
    .send(problem.toProblem(request.url.split('?')[0]!));
}

function toHttpProblem(error: FastifyError & { validationContext?: string; errors?: unknown[] }): HttpProblem {
  if (error instanceof HttpProblem) return error;
  if (error.validation) {
    const context = error.validationContext ?? 'body';
    return validationError(toFieldErrors(error.validation as never, context), `The request's ${context === 'querystring' ? 'query' : context} does not match the API description.`);
  }
  // fastify-openapi-glue: none of the operation's security alternatives passed.
  if (error.name === 'Unauthorized' && Array.isArray(error.errors)) {
    const problems = error.errors.filter((e): e is HttpProblem => e instanceof HttpProblem);
    return problems.find((p) => p.status === error.statusCode) ?? problems.at(-1) ?? internalError();
  }
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return payloadTooLarge();
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return validationError([{ pointer: '/', detail: 'must be a valid JSON document' }], 'The request body is not valid JSON.');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return unsupportedMediaType();
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return validationError([{ pointer: '/header/Content-Length', detail: 'must be the length of the body' }], 'The request body is not as long as its Content-Length says.');
  }
  if (error.statusCode === 400 && error instanceof SyntaxError) {
    return validationError([{ pointer: '/', detail: 'must be a valid JSON document' }], 'The request body is not valid JSON.');
  }
  // Static files (@fastify/send): a path that leaves its root or names nothing is simply not there.
  if (error.statusCode === 403 || error.statusCode === 404) return notFound();
  if (error.statusCode === 400) return badRequest('The request could not be understood.');
  return internalError();
}
