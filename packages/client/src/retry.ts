import { isHTTPError, type RetryOptions } from 'ky';
import { defined } from './defined.ts';

// ky's idempotent methods. POST and PATCH are left out: a call adds its own method when it
// carries an Idempotency-Key, which makes repeating it safe.
const methods = ['get', 'put', 'head', 'delete', 'options', 'trace', 'query'] as const;

const defaults: RetryOptions = {
  limit: 2,
  // ky's, less 413: a body too large stays too large.
  statusCodes: [408, 429, 500, 502, 503, 504],
  afterStatusCodes: [429, 503],
  backoffLimit: 10_000,
  maxRetryAfter: 60_000,
  jitter: true,
};

/**
 * The retry options of the client's ky instance: the client's defaults, then each layer given (a
 * ky instance's own, then the client's `retry` option), with two rules no layer can lift: POST and
 * PATCH are retried only with an Idempotency-Key, and a 413 never.
 */
export function retryOptions(...layers: (RetryOptions | number | undefined)[]): RetryOptions {
  const retry: RetryOptions = Object.assign({}, defaults, ...layers.map((layer) => (typeof layer === 'number' ? { limit: layer } : defined(layer ?? {}))));
  const { shouldRetry } = retry;
  return {
    ...retry,
    methods: (retry.methods ?? methods).filter((method) => method !== 'post' && method !== 'patch'),
    shouldRetry: (state) => (isHTTPError(state.error) && state.error.response.status === 413 ? false : shouldRetry?.(state)),
  };
}
