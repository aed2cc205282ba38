import { STATUS_CODES, type ServerOptions } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
import { badRequest, headersTooLarge, requestTimeout, uriTooLong } from './problem.ts';
import { sendProblem } from './error-handler.ts';
import { apiPolicy, applySecurityHeaders } from './security-headers.ts';

/**
 * Errors found before a route runs also leave as problem documents: Fastify's router errors
 * (a bad percent-encoding, a path segment over the limit) through `frameworkErrors`, and
 * Node's HTTP parser errors (oversized headers, malformed requests) through `clientErrorHandler`,
 * which only has the socket to write to.
 */
export const frameworkErrorOptions = {
  frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
    const problem =
      error.code === 'FST_ERR_MAX_PARAM_LENGTH'
        ? uriTooLong()
        : error.code === 'FST_ERR_BAD_URL'
          ? badRequest('The request path is not valid percent-encoding.')
          : badRequest('The request could not be routed.');
    // The router's replies skip the onSend hooks.
    applySecurityHeaders(request, reply);
    sendProblem(request, reply, problem);
  },
  clientErrorHandler(error: Error & { code?: string }, socket: Socket) {
    if (error.code === 'ECONNRESET' || socket.destroyed || !socket.writable) return;
    const problem =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? headersTooLarge()
        : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? requestTimeout()
          : badRequest('The request is not well-formed HTTP.');
    const body = JSON.stringify(problem.toProblem('/'));
    socket.end(
      `HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status]}\r\nContent-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `X-Content-Type-Options: nosniff\r\nContent-Security-Policy: ${apiPolicy}\r\nConnection: close\r\n\r\n${body}`,
    );
  },
  // A request without Host is refused by the server's own hook below, as a problem document.
  http: { requireHostHeader: false } satisfies ServerOptions,
} satisfies Pick<FastifyServerOptions, 'frameworkErrors' | 'clientErrorHandler'> & { http: ServerOptions };

/** HTTP/1.1 requires a Host header (RFC 9112 §3.2); Node's own refusal has no body. */
export function registerHostCheck(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    if (request.raw.httpVersion !== '1.0' && request.raw.headers.host === undefined) throw badRequest('The request has no Host header.');
  });
}
