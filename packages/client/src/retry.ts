/** How idempotent requests are retried. */
export interface RetryOptions {
  /** Retries after the first attempt. Default 2; 0 turns retries off. */
  limit?: number;
  /** The longest backoff between attempts, in ms. Default 10 000. */
  backoffLimit?: number;
  /** The longest wait a server's `Retry-After` may impose, in ms. Default 60 000. */
  maxRetryAfter?: number;
}

// Not 413: a body too large stays too large.
const retryableStatuses = new Set([408, 429, 500, 502, 503, 504]);

/** Whether an answer with this status is worth another attempt. */
export const isRetryableStatus = (status: number) => retryableStatuses.has(status);

/**
 * The wait before retry number `retry` (1, 2…): the server's `Retry-After` (seconds or an HTTP
 * date) when it sent one, capped by `maxRetryAfter`; otherwise exponential backoff from 300 ms with
 * jitter, capped by `backoffLimit`.
 */
export function retryDelay(retry: number, options: RetryOptions, response?: Response): number {
  const retryAfter = response?.headers.get('retry-after');
  if (retryAfter) {
    const seconds = Number(retryAfter);
    const wait = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(retryAfter) - Date.now();
    if (!Number.isNaN(wait)) return Math.min(Math.max(wait, 0), options.maxRetryAfter ?? 60_000);
  }
  const backoff = Math.min(300 * 2 ** (retry - 1), options.backoffLimit ?? 10_000);
  return backoff / 2 + (Math.random() * backoff) / 2;
}
