import { ApiError, NetworkError, TimeoutError } from './errors.ts';
import { isRetryableStatus, retryDelay, type RetryOptions } from './retry.ts';

type Hook<State, Result = void> = (state: State) => Result | Promise<Result>;

/** Functions the host application runs around each request: logging, tracing, extra headers. */
export interface Hooks {
  /** Before each attempt; may change the request's headers. */
  beforeRequest?: Hook<{ request: Request }>[];
  /** After each answer, successful or not. */
  afterResponse?: Hook<{ request: Request; response: Response }>[];
  /** Before a retry, after the wait. */
  beforeRetry?: Hook<{ request: Request; error: Error; retryCount: number }>[];
  /** Before an error is thrown; returns the error to throw. */
  beforeError?: Hook<{ error: Error }, Error>[];
}

export interface TransportOptions {
  fetch?: typeof fetch;
  hooks: Hooks;
  retry: RetryOptions;
}

export interface Attempt {
  url: string;
  init: Omit<RequestInit, 'signal'>;
  /** Per attempt, in ms. */
  timeout: number;
  signal?: AbortSignal;
  /** Whether repeating the request is safe (an idempotent method, or an Idempotency-Key). */
  retryable: boolean;
}

/**
 * Sends a request: a timeout per attempt, retries with backoff for transient failures of requests
 * that are safe to repeat, and errors as ApiError (the server said no), NetworkError or
 * TimeoutError. A caller's abort is rethrown as is.
 */
export async function send(attempt: Attempt, options: TransportOptions): Promise<Response> {
  const { hooks, retry } = options;
  const limit = attempt.retryable ? (retry.limit ?? 2) : 0;
  for (let retryCount = 0; ; retryCount++) {
    attempt.signal?.throwIfAborted();
    const controller = new AbortController();
    // A fetch given by the caller may ignore the signal: the attempt ends anyway, as it would with
    // the platform's fetch, on the timeout or the caller's abort.
    let stop!: (reason: unknown) => void;
    const stopped = new Promise<never>((_, reject) => (stop = reject));
    stopped.catch(() => {});
    const abort = () => {
      controller.abort(attempt.signal?.reason);
      stop(attempt.signal?.reason);
    };
    attempt.signal?.addEventListener('abort', abort, { once: true });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
      stop(controller.signal.reason);
    }, attempt.timeout);
    const request = new Request(attempt.url, { ...attempt.init, signal: controller.signal });
    let response: Response | undefined;
    let error: Error;
    try {
      for (const hook of hooks.beforeRequest ?? []) await hook({ request });
      response = await Promise.race([(options.fetch ?? fetch)(request), stopped]);
      for (const hook of hooks.afterResponse ?? []) await hook({ request, response });
      if (response.ok) return response;
      error = new ApiError(response, await readBody(response));
    } catch (caught) {
      if (attempt.signal?.aborted) throw caught;
      if (timedOut) error = new TimeoutError(request);
      else if (caught instanceof TypeError) error = new NetworkError(request, caught);
      else throw caught;
    } finally {
      clearTimeout(timer);
      attempt.signal?.removeEventListener('abort', abort);
    }
    const transient = error instanceof NetworkError || (error instanceof ApiError && isRetryableStatus(error.status));
    if (!transient || retryCount >= limit) {
      for (const hook of hooks.beforeError ?? []) error = await hook({ error });
      throw error;
    }
    await wait(retryDelay(retryCount + 1, retry, response), attempt.signal);
    for (const hook of hooks.beforeRetry ?? []) await hook({ request, error, retryCount: retryCount + 1 });
  }
}

/** The body as JSON when it says so, as text otherwise, nothing for 204 and 205. */
export async function readBody(response: Response): Promise<unknown> {
  if (response.status === 204 || response.status === 205) return undefined;
  const text = await response.text();
  return /json/.test(response.headers.get('content-type') ?? '') && text ? JSON.parse(text) : text;
}

function wait(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}
