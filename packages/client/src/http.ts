import ky, { replaceOption, type Hooks, type KyInstance, type Options, type RetryOptions } from 'ky';
import { abortable } from './abortable.ts';
import { defined } from './defined.ts';
import { clientError } from './errors.ts';
import { retryOptions } from './retry.ts';

export type TokenProvider = string | (() => string | null | undefined | Promise<string | null | undefined>);

export interface ClientOptions {
  /** Where the API's paths start, such as `https://space.example/api`. */
  baseUrl: string | URL;
  /** A member token or staff key, or a function giving one (called before each request). */
  token?: TokenProvider;
  /** Per-attempt timeout in milliseconds. Default 10 000. */
  timeout?: number;
  /**
   * ky's retry options. Defaults: 2 retries of idempotent requests on 408, 429, 500, 502, 503, 504
   * and network errors, backoff with jitter up to 10 s, `Retry-After` honoured up to 60 s. POST
   * and PATCH are retried only with an Idempotency-Key, and a 413 never.
   */
  retry?: RetryOptions | number;
  /** ky hooks for the host application: logging, tracing, extra headers. `beforeError` gets the client's errors. */
  hooks?: Hooks;
  /** Headers sent with every request. */
  headers?: Record<string, string>;
  /** A `fetch` to use instead of the ky instance's or the global one. */
  fetch?: typeof fetch;
  /** A ky instance of your own (`ky.create(…)`, `….extend(…)`) to build on: its options and hooks apply first. */
  ky?: KyInstance;
}

/**
 * The client's ky instance: the given one (or ky itself) extended with the API's base URL, the
 * bearer token, the client's retry rules, its errors, and then the given hooks. The given
 * instance's hooks run first and see ky's own errors; the client's `hooks` see the client's.
 */
export function createHttp(options: ClientOptions): KyInstance {
  const { token } = options;
  const http = (options.ky ?? ky).extend((parent) =>
    defined({
      prefix: String(options.baseUrl),
      timeout: options.timeout,
      headers: options.headers,
      retry: replaceOption(retryOptions(parent.retry, options.retry)),
      // ky calls its fetch with a Request (ky 2.1's type also names URLs and strings).
      fetch: abortable(options.fetch ?? parent.fetch) as Options['fetch'],
      // The client's answers are the operations' success types: any other status is an ApiError.
      throwHttpErrors: true,
      hooks: {
        beforeRequest: [
          async ({ request }) => {
            const value = typeof token === 'function' ? await token() : token;
            if (value && !request.headers.has('authorization')) request.headers.set('authorization', `Bearer ${value}`);
          },
        ],
        beforeError: [({ error }) => clientError(error)],
      },
    }),
  );
  return options.hooks ? http.extend({ hooks: defined(options.hooks) }) : http;
}
