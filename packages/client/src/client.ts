import { newIdempotencyKey } from './idempotency.ts';
import type { RetryOptions } from './retry.ts';
import { readBody, send, type Hooks } from './transport.ts';
import type { CoworkResponse, OperationAt, OptionsArg, ResponseData, Route } from './types.ts';
import type { paths as CorePaths } from './generated/schema.ts';

export type TokenProvider = string | (() => string | null | undefined | Promise<string | null | undefined>);

export interface ClientOptions {
  /** Where the API's paths start, such as `https://space.example/api`. */
  baseUrl: string | URL;
  /** A member token or staff key, or a function giving one (called before each request). */
  token?: TokenProvider;
  /** Per-attempt timeout in milliseconds. Default 10 000. */
  timeout?: number;
  /** Retries of idempotent requests with exponential backoff, honouring `Retry-After`. */
  retry?: RetryOptions;
  /** Functions run around each request, for the host application: logging, tracing, extra headers. */
  hooks?: Hooks;
  /** Headers sent with every request. */
  headers?: Record<string, string>;
  /** A `fetch` to use instead of the global one. */
  fetch?: typeof fetch;
}

/** Internal call description, used by the generated operation functions. */
export interface Call {
  route: string;
  path?: Record<string, unknown>;
  query?: Record<string, unknown>;
  header?: Record<string, unknown>;
  body?: unknown;
  signal?: AbortSignal;
  timeout?: number;
  /** Send an Idempotency-Key (generated unless given) and allow retrying a POST. */
  idempotent?: boolean;
  /** A guest's token, sent as the `guestToken` query parameter. */
  guestToken?: string;
}

export interface CoworkClient<Paths = CorePaths> {
  /** A typed call by route, such as `request('GET /spaces/{spaceId}', { path: { spaceId } })`. */
  request<R extends Route<Paths>>(route: R, ...options: OptionsArg<OperationAt<Paths, R>>): Promise<CoworkResponse<ResponseData<OperationAt<Paths, R>>>>;
  /** Untyped form behind the generated operation functions. */
  call(call: Call): Promise<CoworkResponse<unknown>>;
}

const idempotentMethods = ['GET', 'PUT', 'HEAD', 'DELETE', 'OPTIONS', 'TRACE'];

/** Creates a client. Pass your extended `paths` type when your space's spec adds to the core. */
export function createClient<Paths = CorePaths>(options: ClientOptions): CoworkClient<Paths> {
  const { token } = options;
  const base = String(options.baseUrl).replace(/\/+$/, '');
  const transport = {
    fetch: options.fetch,
    retry: options.retry ?? {},
    hooks: {
      ...options.hooks,
      beforeRequest: [
        async ({ request }: { request: Request }) => {
          const value = typeof token === 'function' ? await token() : token;
          if (value && !request.headers.has('authorization')) request.headers.set('authorization', `Bearer ${value}`);
        },
        ...(options.hooks?.beforeRequest ?? []),
      ],
    },
  };

  async function call(c: Call): Promise<CoworkResponse<unknown>> {
    const space = c.route.indexOf(' ');
    const method = c.route.slice(0, space);
    const path = c.route.slice(space + 1).replace(/\{([^}]+)\}/g, (_, name: string) => {
      const value = c.path?.[name];
      if (value === undefined || value === null || value === '') throw new TypeError(`Missing path parameter ${name}`);
      return encodeURIComponent(String(value));
    });
    const headers: Record<string, string> = { ...options.headers };
    for (const [name, value] of Object.entries(c.header ?? {})) if (value !== undefined) headers[name] = String(value);
    // Header names are case-insensitive: a caller's `idempotency-key` is the key, not a reason to add a second one.
    const keyName = Object.keys(headers).find((name) => name.toLowerCase() === 'idempotency-key') ?? 'Idempotency-Key';
    if (c.idempotent && !headers[keyName]) headers[keyName] = newIdempotencyKey();
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries(c.query ?? {})) {
      for (const item of Array.isArray(value) ? value : [value]) if (item !== undefined && item !== null) query.append(name, String(item));
    }
    if (c.guestToken) query.append('guestToken', c.guestToken);
    if (c.body !== undefined) headers['content-type'] = 'application/json';
    const response = await send(
      {
        url: base + path + (query.size ? `?${query}` : ''),
        init: { method, headers, body: c.body === undefined ? undefined : JSON.stringify(c.body) },
        timeout: c.timeout ?? options.timeout ?? 10_000,
        signal: c.signal,
        // POST is retried only when an Idempotency-Key makes the retry safe.
        retryable: idempotentMethods.includes(method) || Boolean(headers[keyName]),
      },
      transport,
    );
    return { data: await readBody(response), status: response.status, headers: response.headers, etag: response.headers.get('etag') ?? undefined };
  }

  return {
    request: ((route: string, options: Omit<Call, 'route'> = {}) => call({ ...options, route })) as CoworkClient<Paths>['request'],
    call,
  };
}
