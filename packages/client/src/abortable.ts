/**
 * A fetch that settles as soon as the request's signal aborts, even when the fetch it wraps ignores
 * the signal (a test double, a framework's fetch). ky ends such an attempt on its timeout, but after
 * a caller's abort it would wait for the fetch.
 */
export function abortable(inner?: (input: Request, init?: RequestInit) => Promise<Response>): (input: Request, init?: RequestInit) => Promise<Response> {
  return (input, init) => {
    const response = (inner ?? fetch)(input, init);
    const { signal } = input;
    return new Promise((resolve, reject) => {
      const abort = () => reject(signal.reason);
      if (signal.aborted) abort();
      signal.addEventListener('abort', abort, { once: true });
      response.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
    });
  };
}
