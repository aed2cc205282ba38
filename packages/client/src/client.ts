import ky, { HTTPError, type Hooks, type KyInstance } from 'ky';
import { ApiError } from './errors.ts';
import { newIdempotencyKey } from './idempotency.ts';
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
  retry?: { limit?: number; backoffLimit?: number; maxRetryAfter?: number };
  /** ky hooks for the host application: logging, tracing, extra headers. */
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
  readonly ky: KyInstance;
}

const retryableMethods = ['get', 'put', 'head', 'delete', 'options', 'trace'];

/** Creates a client. Pass your extended `paths` type when your space's spec adds to the core. */
export function createClient<Paths = CorePaths>(options: ClientOptions): CoworkClient<Paths> {
  const { token } = options;
  const http = ky.create({
    prefix: options.baseUrl,
    timeout: options.timeout ?? 10_000,
    headers: options.headers,
    fetch: options.fetch,
    // Not 413: a body too large stays too large.
    retry: { limit: 2, backoffLimit: 10_000, maxRetryAfter: 60_000, jitter: true, statusCodes: [408, 429, 500, 502, 503, 504], ...options.retry },
    hooks: {
      ...options.hooks,
      beforeRequest: [
        async ({ request }) => {
          const value = typeof token === 'function' ? await token() : token;
          if (value && !request.headers.has('authorization')) request.headers.set('authorization', `Bearer ${value}`);
        },
        ...(options.hooks?.beforeRequest ?? []),
      ],
    },
  });

  async function call(c: Call): Promise<CoworkResponse<unknown>> {
    const space = c.route.indexOf(' ');
    const method = c.route.slice(0, space).toLowerCase();
    const url = c.route.slice(space + 1).replace(/\{([^}]+)\}/g, (_, name: string) => {
      const value = c.path?.[name];
      if (value === undefined || value === null || value === '') throw new TypeError(`Missing path parameter ${name}`);
      return encodeURIComponent(String(value));
    });
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(c.header ?? {})) if (value !== undefined) headers[name] = String(value);
    // Header names are case-insensitive: a caller's `idempotency-key` is the key, not a reason to add a second one.
    const keyName = Object.keys(headers).find((name) => name.toLowerCase() === 'idempotency-key') ?? 'Idempotency-Key';
    if (c.idempotent && !headers[keyName]) headers[keyName] = newIdempotencyKey();
    const hasKey = Boolean(headers[keyName]);
    const searchParams: [string, string][] = [];
    for (const [name, value] of Object.entries(c.query ?? {})) {
      for (const item of Array.isArray(value) ? value : [value]) if (item !== undefined && item !== null) searchParams.push([name, String(item)]);
    }
    if (c.guestToken) searchParams.push(['guestToken', c.guestToken]);
    try {
      const response = await http(url, {
        method,
        headers,
        searchParams,
        json: c.body,
        signal: c.signal,
        ...(c.timeout ? { timeout: c.timeout } : {}),
        // POST is retried only when an Idempotency-Key makes the retry safe.
        retry: { methods: hasKey ? [...retryableMethods, 'post'] : retryableMethods },
      });
      return { data: await readBody(response), status: response.status, headers: response.headers, etag: response.headers.get('etag') ?? undefined };
    } catch (error) {
      if (error instanceof HTTPError) throw new ApiError(error.response, error.data);
      throw error;
    }
  }

  return {
    request: ((route: string, options: Omit<Call, 'route'> = {}) => call({ ...options, route })) as CoworkClient<Paths>['request'],
    call,
    ky: http,
  };
}

async function readBody(response: Response): Promise<unknown> {
  if (response.status === 204 || response.status === 205) return undefined;
  const type = response.headers.get('content-type') ?? '';
  if (/json/.test(type)) return response.json();
  return response.text();
}
