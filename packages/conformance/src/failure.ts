import type { Exchange, Failure } from './types.ts';

/** Thrown by a check when the server's answer is not what the spec says. */
export class CheckFailed extends Error {
  readonly failure: Failure;
  constructor(failure: Failure) {
    super(failure.message);
    this.failure = failure;
  }
}

/** Thrown by a check that cannot run against this server or space (reported `skipped`, never failed). */
export class CheckSkipped extends Error {}

/** One line naming a request: `POST http://…/bookings {"resourceId":…}` and its key headers. */
export function describeRequest(exchange: Exchange): string {
  const headers = Object.entries(exchange.requestHeaders)
    .filter(([name]) => name !== 'content-type')
    .map(([name, value]) => `${name}: ${name === 'authorization' ? 'Bearer …' : value}`);
  const body = exchange.requestBody ? ` ${truncate(exchange.requestBody, 300)}` : '';
  return `${exchange.method} ${exchange.url}${headers.length ? ` [${headers.join('; ')}]` : ''}${body}`;
}

export function describeResponse(exchange: Exchange): string {
  const type = exchange.responseHeaders['content-type'] ?? '(no content type)';
  return `${exchange.status} ${type} ${truncate(exchange.responseBody, 400)}`.trim();
}

export function truncate(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length)}…` : text;
}

/** Fails the check unless `condition` holds. */
export function expect(condition: unknown, message: string, expected: string, got: string, exchanges: Exchange[] = []): asserts condition {
  if (!condition) throw new CheckFailed({ message, expected, got, sent: exchanges.map(describeRequest) });
}

/** Fails unless the answer has the status; `got` shows the whole answer. */
export function expectStatus(exchange: Exchange, status: number | number[], message: string): void {
  const statuses = Array.isArray(status) ? status : [status];
  expect(statuses.includes(exchange.status), message, `status ${statuses.join(' or ')}`, describeResponse(exchange), [exchange]);
}

/** Fails unless the answer is a problem document of the status and type. */
export function expectProblem(exchange: Exchange, status: number, type: string, message: string): void {
  expectStatus(exchange, status, message);
  const contentType = (exchange.responseHeaders['content-type'] ?? '').split(';')[0]!.trim();
  expect(contentType === 'application/problem+json', message, 'content type application/problem+json', `content type ${contentType || '(none)'}`, [exchange]);
  expect(exchange.json?.type === type, message, `problem type ${type}`, `problem type ${JSON.stringify(exchange.json?.type)}`, [exchange]);
}
