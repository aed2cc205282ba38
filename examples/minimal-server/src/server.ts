// The HTTP server: reads a request, finds its operation, answers JSON or a problem document,
// and applies the space's CORS origins.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { callerOf, type Answer, type Call } from './call.ts';
import { invalid, Problem } from './problem.ts';
import { route } from './routes.ts';
import { slug } from './schemas.ts';
import { minimalSpaceId, seedSpace } from './seed.ts';
import { Store } from './store.ts';
import { check } from './validate.ts';

export interface MinimalServerOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  /** The staff API key; a random one by default. */
  staffKey?: string;
  /** The browser origins the space allows (CORS). */
  allowedOrigins?: string[];
}

export interface MinimalServer {
  url: string;
  spaceId: string;
  staffKey: string;
  close(): Promise<void>;
}

const maxBody = 64 * 1024;
const allowedHeaders = 'authorization, content-type, idempotency-key, if-match';
const exposedHeaders = 'etag, location, retry-after';

export async function startMinimalServer(options: MinimalServerOptions = {}): Promise<MinimalServer> {
  const staffKey = options.staffKey ?? `sk_${randomBytes(24).toString('base64url')}`;
  const store = new Store();
  const { space, resources } = seedSpace(options.allowedOrigins ?? ['https://minimal-space.example', 'http://localhost:8080']);
  store.addSpace(space, resources);
  const host = options.host ?? '127.0.0.1';
  let publicUrl = '';
  const server = createServer((request, response) => {
    readBody(request)
      .then((body) => respond(request, response, body))
      .catch((error) => {
        console.error(error);
        if (!response.headersSent) send(response, problemAnswer(new Problem(500, 'internal', 'An unexpected error; nothing was changed.'), request.url ?? '/'), {});
      });
  });

  function respond(request: IncomingMessage, response: ServerResponse, body: Buffer | 'too-large'): void {
    const [rawPath = '/', rawQuery = ''] = (request.url ?? '/').split('?', 2) as [string, string?];
    let segments: string[];
    try {
      segments = rawPath.split('/').slice(1).map(decodeURIComponent);
    } catch {
      return send(response, problemAnswer(new Problem(400, 'bad-request', 'The path is not well-formed (bad percent-encoding).'), rawPath), {});
    }
    const cors = corsHeaders(store, segments, request.headers.origin);
    const method = request.method ?? 'GET';
    if (method === 'OPTIONS') {
      const preflight = request.headers['access-control-request-method'] !== undefined && cors['access-control-allow-origin'] !== undefined;
      const headers: Record<string, string> = preflight ? { ...cors, 'access-control-allow-methods': 'GET, POST, PATCH, DELETE', 'access-control-allow-headers': allowedHeaders, 'access-control-max-age': '600' } : {};
      return send(response, { status: 204, headers: { allow: 'GET, POST, PATCH, DELETE, OPTIONS', ...headers } }, {});
    }
    const found = route(method, segments);
    let answer: Answer;
    try {
      if (found.kind === 'none') throw new Problem(404, 'not-found', `No operation ${method} ${rawPath} on this server.`);
      const spaceErrors = found.params.spaceId !== undefined ? check(slug, found.params.spaceId, '/path/spaceId') : [];
      if (spaceErrors.length) throw invalid(spaceErrors);
      if (found.kind === 'not-implemented') throw new Problem(501, 'not-implemented', `This server does not implement ${method} ${rawPath} (see its README).`);
      // A body sent to an operation that declares none is ignored, however large.
      const takesBody = method === 'POST' || method === 'PATCH';
      if (body === 'too-large' && takesBody) throw new Problem(413, 'payload-too-large', `The request body is larger than ${maxBody} bytes.`);
      const call: Call = {
        store,
        method,
        path: rawPath,
        params: found.params,
        query: new URLSearchParams(rawQuery),
        headers: request.headers,
        rawBody: body === 'too-large' || !takesBody ? Buffer.alloc(0) : body,
        caller: callerOf(request.headers, staffKey),
        clientAddress: request.socket.remoteAddress ?? 'unknown',
        publicUrl,
        now: Date.now(),
      };
      answer = found.handler(call);
    } catch (error) {
      if (!(error instanceof Problem)) throw error;
      answer = problemAnswer(error, rawPath);
    }
    send(response, answer, cors);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  publicUrl = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    url: publicUrl,
    spaceId: minimalSpaceId,
    staffKey,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function readBody(request: IncomingMessage): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBody) chunks.push(chunk);
    });
    request.on('end', () => resolve(size > maxBody ? 'too-large' : Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function problemAnswer(problem: Problem, instance: string): Answer {
  return { status: problem.status, headers: { ...problem.headers, 'content-type': 'application/problem+json' }, body: problem.body(instance) };
}

/** CORS for the origins of the space the path names; the discovery and the list of spaces for those of any space. */
function corsHeaders(store: Store, segments: string[], origin: string | undefined): Record<string, string> {
  if (origin === undefined) return {};
  const spaces = segments[0] === 'spaces' && segments[1] !== undefined ? [store.spaces.get(segments[1])].filter((space) => space !== undefined) : [...store.spaces.values()];
  const origins = spaces.flatMap((space) => space.allowedOrigins);
  if (!origins.includes('*') && !origins.includes(origin)) return { vary: 'Origin' };
  return { 'access-control-allow-origin': origin, 'access-control-expose-headers': exposedHeaders, vary: 'Origin' };
}

function send(response: ServerResponse, answer: Answer, cors: Record<string, string>): void {
  const headers: Record<string, string> = { ...cors, ...answer.headers };
  if (answer.body === undefined || answer.status === 204) {
    response.writeHead(answer.status, headers).end();
    return;
  }
  headers['content-type'] ??= 'application/json';
  response.writeHead(answer.status, headers).end(JSON.stringify(answer.body));
}
