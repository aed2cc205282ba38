import type { components } from '@coworking-commons/client';

export type Problem = components['schemas']['Problem'];
export type ProblemType = components['schemas']['ProblemType'];
export type FieldError = components['schemas']['FieldError'];

const urn = (slug: string) => `urn:coworking-commons:problem:${slug}` as ProblemType;

/** An error that becomes an RFC 9457 problem document. Handlers throw these; nothing else reaches clients. */
export class HttpProblem extends Error {
  readonly status: number;
  readonly type: ProblemType;
  readonly title: string;
  readonly errors: FieldError[] | undefined;
  readonly code: string | undefined;
  readonly headers: Record<string, string>;
  readonly members: { balance?: number; credits?: number };

  constructor(status: number, slug: string, title: string, detail: string, extra: { errors?: FieldError[]; code?: string; headers?: Record<string, string>; members?: { balance?: number; credits?: number } } = {}) {
    super(detail);
    this.status = status;
    this.type = urn(slug);
    this.title = title;
    this.errors = extra.errors;
    this.code = extra.code;
    this.headers = extra.headers ?? {};
    this.members = extra.members ?? {};
  }

  toProblem(instance: string): Problem {
    return {
      type: this.type,
      title: this.title,
      status: this.status,
      detail: this.message,
      instance: instance.slice(0, 2048),
      ...(this.errors ? { errors: this.errors.slice(0, 100) } : {}),
      ...(this.code ? { code: this.code } : {}),
      ...this.members,
    };
  }
}

export const validationError = (errors: FieldError[], detail = 'The request does not match the API description.') =>
  new HttpProblem(400, 'validation-error', 'Validation failed', detail, { errors });
export const unauthorized = (detail = 'A valid member token, staff key or guest token is required.') =>
  new HttpProblem(401, 'unauthorized', 'Unauthorized', detail, { headers: { 'www-authenticate': 'Bearer' } });
export const forbidden = (detail = 'These credentials may not perform this operation.') => new HttpProblem(403, 'forbidden', 'Forbidden', detail);
export const notFound = (detail = 'No such object in this space.') => new HttpProblem(404, 'not-found', 'Not found', detail);
export const notAcceptable = (detail = 'This representation is not offered.') => new HttpProblem(406, 'not-acceptable', 'Not acceptable', detail);
export const bookingConflict = (detail = 'The resource is no longer available for this time.') =>
  new HttpProblem(409, 'booking-conflict', 'Booking conflict', detail);
export const conflict = (detail: string) => new HttpProblem(409, 'conflict', 'Conflict', detail);
export const preconditionFailed = (detail = 'If-Match names an outdated version; fetch the object again.') =>
  new HttpProblem(412, 'precondition-failed', 'Precondition failed', detail);
export const payloadTooLarge = (detail = 'The request body is larger than the server accepts.') =>
  new HttpProblem(413, 'payload-too-large', 'Payload too large', detail);
export const unsupportedMediaType = (detail = 'This operation does not take a body of this media type.') =>
  new HttpProblem(415, 'unsupported-media-type', 'Unsupported media type', detail);
export const badRequest = (detail: string) => new HttpProblem(400, 'bad-request', 'Bad request', detail);
export const requestTimeout = () => new HttpProblem(408, 'request-timeout', 'Request timeout', 'The request took too long to arrive; send it again.');
export const uriTooLong = (detail = 'A path segment is longer than the server accepts.') => new HttpProblem(414, 'uri-too-long', 'URI too long', detail);
export const headersTooLarge = (detail = 'The request headers are larger than the server accepts.') =>
  new HttpProblem(431, 'headers-too-large', 'Request headers too large', detail);
export const idempotencyKeyReused = (detail = 'This Idempotency-Key was used with a different request.') =>
  new HttpProblem(422, 'idempotency-key-reused', 'Idempotency key reused', detail);
export const ruleViolation = (code: string, detail: string) => new HttpProblem(422, 'rule-violation', 'Rule violation', detail, { code });
export const insufficientCredits = (balance: number, credits: number, overdraft: number) =>
  new HttpProblem(
    422,
    'insufficient-credits',
    'Insufficient credits',
    `This takes ${credits} credit${credits === 1 ? '' : 's'} and the balance is ${balance} (${overdraft === 0 ? 'no overdraft' : `overdraft up to ${overdraft}`}).`,
    { members: { balance, credits } },
  );
export const preconditionRequired = (detail = "Send the object's ETag in If-Match.") =>
  new HttpProblem(428, 'precondition-required', 'Precondition required', detail);
export const rateLimited = (retryAfterSeconds: number) =>
  new HttpProblem(429, 'rate-limited', 'Too many requests', `Retry after ${retryAfterSeconds} seconds.`, { headers: { 'retry-after': String(retryAfterSeconds) } });
export const notImplemented = (detail = 'This server does not implement this optional feature.') =>
  new HttpProblem(501, 'not-implemented', 'Not implemented', detail);
export const internalError = () => new HttpProblem(500, 'internal', 'Internal server error', 'An unexpected error occurred; nothing was changed.');
