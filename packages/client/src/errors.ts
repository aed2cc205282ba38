import type { components } from './generated/schema.ts';

export type Problem = components['schemas']['Problem'];
export type FieldError = components['schemas']['FieldError'];
export type ProblemType = components['schemas']['ProblemType'];

/**
 * The server answered with an error. `problem` is its RFC 9457 problem document; when a server
 * answers with something else (a proxy's HTML page, say), one is made up from the status.
 * Network failures and timeouts are not ApiErrors: they are `NetworkError` and `TimeoutError`.
 */
export class ApiError extends Error {
  override name = 'ApiError';
  readonly status: number;
  readonly problem: Problem;
  readonly response: Response;

  constructor(response: Response, body: unknown) {
    const problem = isProblem(body)
      ? body
      : ({ type: 'about:blank', title: response.statusText || 'HTTP error', status: response.status } as unknown as Problem);
    super(problem.detail ?? problem.title);
    this.status = response.status;
    this.problem = problem;
    this.response = response;
  }

  /** The problem's stable type, such as `urn:coworking-commons:problem:booking-conflict`. */
  get type(): ProblemType | 'about:blank' {
    return this.problem.type;
  }

  /** The fields the server refused, by JSON pointer (empty unless this is a validation error). */
  get fieldErrors(): FieldError[] {
    return this.problem.errors ?? [];
  }
}

/** The request never got an answer: the server could not be reached, or the connection was cut. */
export class NetworkError extends Error {
  override name = 'NetworkError';
  readonly request: Request;

  constructor(request: Request, cause: unknown) {
    super(`Could not reach ${request.method} ${request.url}`, { cause });
    this.request = request;
  }
}

/** No answer within the timeout (per attempt). */
export class TimeoutError extends Error {
  override name = 'TimeoutError';
  readonly request: Request;

  constructor(request: Request) {
    super(`Request timed out: ${request.method} ${request.url}`);
    this.request = request;
  }
}

function isProblem(body: unknown): body is Problem {
  return typeof body === 'object' && body !== null && typeof (body as Problem).type === 'string' && typeof (body as Problem).status === 'number';
}

/** Whether `error` is an ApiError, optionally of the given problem type. */
export function isApiError(error: unknown, type?: ProblemType): error is ApiError {
  return error instanceof ApiError && (type === undefined || error.type === type);
}
