// RFC 9457 problem documents, with the spec's problem types.

export interface FieldError {
  pointer: string;
  detail: string;
}

const titles: Record<string, string> = {
  'validation-error': 'Validation failed',
  'bad-request': 'Bad request',
  unauthorized: 'Unauthorized',
  forbidden: 'Forbidden',
  'not-found': 'Not found',
  'not-acceptable': 'Not acceptable',
  'booking-conflict': 'Booking conflict',
  conflict: 'Conflict',
  'payload-too-large': 'Payload too large',
  'unsupported-media-type': 'Unsupported media type',
  'precondition-failed': 'Precondition failed',
  'precondition-required': 'Precondition required',
  'idempotency-key-reused': 'Idempotency key reused',
  'rule-violation': 'Rule violation',
  'rate-limited': 'Too many requests',
  'not-implemented': 'Not implemented',
  internal: 'Internal error',
};

/** Thrown by a handler: the server answers it as a problem document. */
export class Problem extends Error {
  readonly status: number;
  readonly kind: string;
  readonly extra: { errors?: FieldError[]; code?: string };
  readonly headers: Record<string, string>;

  constructor(status: number, kind: string, detail: string, extra: { errors?: FieldError[]; code?: string } = {}, headers: Record<string, string> = {}) {
    super(detail);
    this.status = status;
    this.kind = kind;
    this.extra = extra;
    this.headers = headers;
  }

  body(instance: string): object {
    return { type: `urn:coworking-commons:problem:${this.kind}`, title: titles[this.kind] ?? this.kind, status: this.status, detail: this.message.slice(0, 2000), instance: instance.slice(0, 2048), ...this.extra };
  }
}

export const invalid = (errors: FieldError[]) => new Problem(400, 'validation-error', 'The request does not match the API description.', { errors: errors.slice(0, 100) });
export const notFound = (detail = 'No such object in this space.') => new Problem(404, 'not-found', detail);
export const unauthorized = (detail = 'A valid staff key or guest token is required.') => new Problem(401, 'unauthorized', detail);
export const ruleViolation = (code: string, detail: string) => new Problem(422, 'rule-violation', detail, { code });
