import type { KyInstance, RetryOptions } from 'ky';
import { readBody } from './body.ts';
import { defined } from './defined.ts';
import { createHttp, type ClientOptions } from './http.ts';
import { newIdempotencyKey } from './idempotency.ts';
import type { CoworkResponse, OperationAt, OptionsArg, ResponseData, Route } from './types.ts';
import type { paths as CorePaths } from './generated/schema.ts';

export type { ClientOptions, TokenProvider } from './http.ts';

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
  /** The client's ky instance (base URL, token, retries, errors, hooks), for requests the spec does not describe. */
  readonly ky: KyInstance;
}

/** Creates a client. Pass your extended `paths` type when your space's spec adds to the core. */
export function createClient<Paths = CorePaths>(options: ClientOptions): CoworkClient<Paths> {
  const http = createHttp(options);

  async function call(c: Call): Promise<CoworkResponse<unknown>> {
    const space = c.route.indexOf(' ');
    const method = c.route.slice(0, space);
    const path = c.route.slice(space + 1).replace(/\{([^}]+)\}/g, (_, name: string) => {
      const value = c.path?.[name];
      if (value === undefined || value === null || value === '') throw new TypeError(`Missing path parameter ${name}`);
      return encodeURIComponent(String(value));
    });
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(c.header ?? {})) if (value !== undefined) headers[name] = String(value);
    // Header names are case-insensitive: a caller's `idempotency-key` is the key, not a reason to add a second one.
    const keyName = Object.keys(headers).find((name) => name.toLowerCase() === 'idempotency-key') ?? 'Idempotency-Key';
    if (c.idempotent && !headers[keyName]) headers[keyName] = newIdempotencyKey();
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries(c.query ?? {})) {
      for (const item of Array.isArray(value) ? value : [value]) if (item !== undefined && item !== null) query.append(name, String(item));
    }
    if (c.guestToken) query.append('guestToken', c.guestToken);
    const response = await http(
      path + (query.size ? `?${query}` : ''),
      defined({
        method,
        headers,
        json: c.body,
        signal: c.signal,
        timeout: c.timeout,
        // An Idempotency-Key makes repeating the request safe: its method joins ky's retried ones,
        // and each retry sends the same key.
        retry: headers[keyName] ? ({ methods: [method.toLowerCase()] } as RetryOptions) : undefined,
      }),
    );
    return { data: await readBody(response), status: response.status, headers: response.headers, etag: response.headers.get('etag') ?? undefined };
  }

  return {
    request: ((route: string, options: Omit<Call, 'route'> = {}) => call({ ...options, route })) as CoworkClient<Paths>['request'],
    call,
    ky: http,
  };
}
