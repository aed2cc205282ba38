// The suite's only way to the server: every request goes through here and is recorded, so that
// `responses.schema` can validate every answer the run received.
import type { Exchange } from './types.ts';

export interface RequestOptions {
  query?: Record<string, string | number | undefined>;
  headers?: Record<string, string>;
  body?: unknown;
  /** Send the staff key as a bearer token. */
  staff?: boolean;
  /** False for requests that are not operations of the spec (CORS preflights). */
  validate?: boolean;
}

export class Http {
  readonly exchanges: Exchange[] = [];
  private readonly apiUrl: string;
  private readonly staffKey: string | undefined;
  private readonly fetchImpl: typeof fetch;
  /** The check now running, to tag its requests. */
  currentCheck = '';

  constructor(apiUrl: string, staffKey: string | undefined, fetchImpl: typeof fetch = fetch) {
    this.apiUrl = apiUrl.replace(/\/+$/, '');
    this.staffKey = staffKey;
    this.fetchImpl = fetchImpl;
  }

  /** The absolute URL of a path relative to the API's base (or of an absolute URL). */
  url(path: string, query: RequestOptions['query'] = {}): string {
    const url = new URL(/^https?:/.test(path) ? path : this.apiUrl + path);
    for (const [name, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(name, String(value));
    return url.toString();
  }

  /** The path of a URL relative to the API's base, as the spec's paths are written. */
  relativePath(url: string): string {
    const base = new URL(this.apiUrl);
    const target = new URL(url);
    if (target.pathname === '/.well-known/coworking-commons') return target.pathname;
    const prefix = base.pathname.replace(/\/+$/, '');
    return target.pathname.startsWith(prefix) ? target.pathname.slice(prefix.length) || '/' : target.pathname;
  }

  async request(method: string, path: string, options: RequestOptions = {}): Promise<Exchange> {
    const url = this.url(path, options.query);
    const requestHeaders: Record<string, string> = { accept: 'application/json, application/problem+json', ...lower(options.headers ?? {}) };
    if (options.staff && this.staffKey) requestHeaders.authorization = `Bearer ${this.staffKey}`;
    let requestBody: string | undefined;
    if (options.body !== undefined) {
      requestBody = JSON.stringify(options.body);
      requestHeaders['content-type'] ??= 'application/json';
    }
    const response = await this.fetchImpl(url, { method, headers: requestHeaders, body: requestBody, redirect: 'manual' });
    const responseBody = await response.text();
    const responseHeaders: Record<string, string> = {};
    response.headers.forEach((value, name) => (responseHeaders[name] = value));
    let json: unknown;
    if (/json/.test(responseHeaders['content-type'] ?? '') && responseBody) {
      try {
        json = JSON.parse(responseBody);
      } catch {
        json = undefined;
      }
    }
    const exchange: Exchange = { method, url, requestHeaders, requestBody, status: response.status, responseHeaders, responseBody, json, validate: options.validate ?? true, checkId: this.currentCheck };
    this.exchanges.push(exchange);
    return exchange;
  }
}

function lower(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}
