/**
 * One booking attempt's Idempotency-Key. The key is kept while the same booking is retried after a
 * failure that may not have reached the server (network down, timeout, 5xx, rate limit), so that
 * the server answers a retry with the booking it may already have made instead of making a
 * second one; it is dropped after a success or a definitive refusal, and when the booking changes.
 */
import { newIdempotencyKey } from '@coworking-commons/client';

/** Whether an error may have left the request unanswered, so that the same request may be sent again. */
export function isTransient(error: unknown): boolean {
  const e = error as { name?: string; status?: number } | null;
  if (!e || typeof e !== 'object') return false;
  if (e.name === 'NetworkError' || e.name === 'TimeoutError' || e.name === 'AbortError') return true;
  // A fetch that failed before the client could tell (a TypeError "Failed to fetch").
  if (e.name === 'TypeError') return true;
  return e.name === 'ApiError' && typeof e.status === 'number' && (e.status >= 500 || e.status === 429 || e.status === 408);
}

export class IdempotentAttempt {
  #key: string | undefined;
  #body = '';

  /** The key for sending `body`: the pending attempt's key when the body is the same, otherwise a new one. */
  keyFor(body: unknown): string {
    const text = JSON.stringify(body);
    if (!this.#key || text !== this.#body) {
      this.#key = newIdempotencyKey();
      this.#body = text;
    }
    return this.#key;
  }

  /** The key of the attempt still pending, if any. */
  get pending(): string | undefined {
    return this.#key;
  }

  /** Ends the attempt unless `error` is transient (then the next `keyFor` with the same body reuses the key). */
  settle(error?: unknown): void {
    if (error === undefined || !isTransient(error)) this.#key = undefined;
  }
}
