import type { FastifyRequest } from 'fastify';

/** Query parameters that carry secrets (the spec's `guestToken`, and any named like a secret). */
const secretParameter = /token|secret|password|key|code|signature/i;

/** The URL with the value of every secret-bearing query parameter replaced, for logs. */
export function redactUrl(url: string): string {
  const question = url.indexOf('?');
  if (question === -1) return url;
  const query = url
    .slice(question + 1)
    .split('&')
    .map((pair) => {
      const equals = pair.indexOf('=');
      const name = equals === -1 ? pair : pair.slice(0, equals);
      let decoded = name;
      try {
        decoded = decodeURIComponent(name);
      } catch {
        // A malformed name is logged as it came.
      }
      return equals !== -1 && secretParameter.test(decoded) ? `${name}=[redacted]` : pair;
    })
    .join('&');
  return `${url.slice(0, question)}?${query}`;
}

/**
 * How a request appears in the log: what Fastify logs by default, with secrets redacted from
 * the URL. Headers (Authorization, Cookie) are never logged.
 */
export function logRequest(request: FastifyRequest): Record<string, unknown> {
  return {
    method: request.method,
    url: redactUrl(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}
