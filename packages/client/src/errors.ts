import { HTTPError, NetworkError as KyNetworkError, TimeoutError as KyTimeoutError, isHTTPError, isNetworkError, isTimeoutError, type NormalizedOptions } from 'ky';
import type { components } from './generated/schema.ts';

export type Problem = components['schemas']['Problem'];
export type FieldError = components['schemas']['FieldError'];
export type ProblemType = components['schemas']['ProblemType'];

/**
 * The server answered with an error. `problem` is its RFC 9457 problem document; when a server
 * answers with something else (a proxy's HTML page, say), one is made up from the status.
 * It is ky's `HTTPError` too (`isHTTPError` holds, `data` is the body as ky read it).
 * Network failures and timeouts are not ApiErrors: they are `NetworkError` and `TimeoutError`.
 */
export class ApiError extends HTTPError {
  // ky 2.1 types its errors' names as literals ('HTTPError'); each of these errors names itself.
  override name = 'ApiError' as HTTPError['name'];
  readonly status: number;
  readonly problem: Problem;

  constructor(response: Response, body: unknown, request = new Request(response.url || 'about:blank'), options = {} as NormalizedOptions) {
    super(response, request, options);
    const problem = isProblem(body)
      ? body
      : ({ type: 'about:blank', title: response.statusText || 'HTTP error', status: response.status } as unknown as Problem);
    this.message = problem.detail ?? problem.title;
    this.data = body;
    this.status = response.status;
    this.problem = problem;
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

/** The request never got an answer: the server could not be reached, or the connection was cut. ky's `NetworkError` too. */
export class NetworkError extends KyNetworkError {
  override name = 'NetworkError' as KyNetworkError['name'];
}

/** No answer within the timeout (per attempt). ky's `TimeoutError` too. */
export class TimeoutError extends KyTimeoutError {
  override name = 'TimeoutError' as KyTimeoutError['name'];
}

/** ky's errors as the client's own (a `beforeError` hook); any other error as it is. */
export function clientError(error: Error): Error {
  if (error instanceof ApiError || error instanceof NetworkError || error instanceof TimeoutError) return error;
  if (isHTTPError(error)) return new ApiError(error.response, error.data, error.request, error.options);
  if (isTimeoutError(error)) return new TimeoutError(error.request);
  if (isNetworkError(error)) return new NetworkError(error.request, { cause: error.cause as Error | undefined });
  return error;
}

function isProblem(body: unknown): body is Problem {
  return typeof body === 'object' && body !== null && typeof (body as Problem).type === 'string' && typeof (body as Problem).status === 'number';
}

/** Whether `error` is an ApiError, optionally of the given problem type. */
export function isApiError(error: unknown, type?: ProblemType): error is ApiError {
  return error instanceof ApiError && (type === undefined || error.type === type);
}
