// A small real HTTP server for the client's tests: each test sets the handler, the server records
// every request it receives (method, url, headers, body, arrival time). No global fetch mocks.
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  /** The raw request target, path and query, exactly as sent (`/api/spaces/la%20ruche?limit=2`). */
  url: string;
  /** The path, still percent-encoded. */
  pathname: string;
  /** The decoded query. */
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** The body as text ('' when none). */
  body: string;
  /** When the request arrived, from `performance.now()`. */
  at: number;
}

export type Handler = (request: RecordedRequest, response: ServerResponse) => void | Promise<void>;

export interface TestServer {
  /** `http://127.0.0.1:<port>`, without a trailing slash. */
  readonly url: string;
  /** Every request received since the server started or since the last `reset()`. */
  readonly requests: RecordedRequest[];
  /** Sets how the server answers the following requests. */
  handle(handler: Handler): void;
  /** Forgets the recorded requests and goes back to answering 404. */
  reset(): void;
  /** Closes the server, cutting any connection still open (such as a request it never answered). */
  close(): Promise<void>;
}

const notFound: Handler = (request, response) =>
  sendProblem(response, {
    type: 'urn:coworking-commons:problem:not-found',
    title: 'Not found',
    status: 404,
    detail: `No handler for ${request.method} ${request.url}.`,
  });

export async function startTestServer(): Promise<TestServer> {
  let handler: Handler = notFound;
  const requests: RecordedRequest[] = [];
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const at = performance.now();
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const target = new URL(req.url ?? '/', 'http://test.invalid');
    const recorded: RecordedRequest = {
      method: req.method ?? 'GET',
      url: req.url ?? '/',
      pathname: target.pathname,
      query: target.searchParams,
      headers: req.headers,
      body: Buffer.concat(chunks).toString('utf8'),
      at,
    };
    requests.push(recorded);
    try {
      await handler(recorded, res);
    } catch (error) {
      if (!res.headersSent) sendProblem(res, { type: 'urn:coworking-commons:problem:internal', title: 'Internal error', status: 500, detail: String(error) });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    handle(next) {
      handler = next;
    },
    reset() {
      requests.length = 0;
      handler = notFound;
    },
    close() {
      server.closeAllConnections();
      return new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

/** A URL on 127.0.0.1 where nothing listens: a port the system just handed out, then freed. */
export async function refusedUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: { pointer: string; detail: string }[];
  code?: string;
}

/** Answers with an RFC 9457 problem document, as every error of the spec is. */
export function sendProblem(response: ServerResponse, problem: ProblemDocument, headers: Record<string, string> = {}): void {
  response.writeHead(problem.status, { 'content-type': 'application/problem+json', ...headers });
  response.end(JSON.stringify(problem));
}

/** Reads a recorded request's header as one string (Node joins repeated ones). */
export function header(request: RecordedRequest | undefined, name: string): string | undefined {
  const value = request?.headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(', ') : value;
}
