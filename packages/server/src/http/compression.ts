import { constants } from 'node:zlib';
import fastifyCompress from '@fastify/compress';
import type { FastifyInstance, FastifyReply } from 'fastify';

/** Answers smaller than this go out as they are: compressing them saves less than it costs. */
export const compressionThreshold = 1024;

/** Media types whose bodies shrink when compressed (what @fastify/compress compresses by default, and JavaScript). */
const compressible = /^text\/|[+/]json(?:;|$)|[+/]xml(?:;|$)|^application\/(?:javascript|yaml)(?:;|$)|^image\/svg\+xml/;

export interface CompressionOptions {
  /** Whether the route at this URL serves files compressed in advance (the CDN build), which are sent as they are. */
  preCompressed: (url: string) => boolean;
}

/**
 * Compresses answers of 1 kB and more with brotli or gzip, as the request's `Accept-Encoding`
 * prefers (identity when it takes neither): the API's JSON and problem documents, the pages,
 * the spec and the reference. Routes that serve files compressed at build time are left to send
 * those files. Every answer whose body could be compressed says `Vary: Accept-Encoding`, even
 * when this one was not, so that no shared cache hands a compressed answer to a client that did
 * not ask for it, nor the reverse. Request bodies are never decompressed: the API takes plain
 * JSON (a compressed body is as invalid as before).
 *
 * Register before any route: the choice is made per route as it is added.
 */
export async function registerCompression(app: FastifyInstance, options: CompressionOptions): Promise<void> {
  // Runs before @fastify/compress's own onRoute hook, which reads `compress` as the route is added.
  const onSendBefore = new WeakMap<object, number>();
  app.addHook('onRoute', (route) => {
    if (options.preCompressed(route.url ?? '')) route.compress = false;
    onSendBefore.set(route, onSendHandlers(route.onSend).length);
  });
  await app.register(fastifyCompress, {
    global: true,
    globalDecompression: false,
    encodings: ['br', 'gzip'],
    threshold: compressionThreshold,
    // Quality 5 costs what the plugin's default 4 costs (about 0.3 ms for 10 kB of JSON) and
    // makes the API's lists about 6 % smaller, a little smaller than gzip's default level.
    brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } },
  });
  // A HEAD route that Fastify adds for a GET route ends with Fastify's handler that drops the
  // body; the plugin's own handler comes after it and would see no body, so HEAD answers would
  // describe the uncompressed body while GET sends a compressed one. The plugin's handler is
  // moved before Fastify's: HEAD says what GET sends (Content-Encoding, Content-Length).
  app.addHook('onRoute', (route) => {
    const before = onSendBefore.get(route) ?? 0;
    const handlers = onSendHandlers(route.onSend);
    if (route.method !== 'HEAD' || before === 0 || handlers.length === before) return;
    route.onSend = [...handlers.slice(0, before - 1), ...handlers.slice(before), handlers[before - 1]!] as typeof route.onSend;
  });
  app.addHook('onSend', async (_request, reply, payload) => {
    const type = String(reply.getHeader('content-type') ?? '');
    if (type === '' || compressible.test(type)) appendVary(reply, 'accept-encoding');
    return payload;
  });
}

/** Adds a request header to `Vary`, once whatever its case, keeping what is already there. */
export function appendVary(reply: FastifyReply, header: string): void {
  const current = reply.getHeader('vary');
  const fields = (Array.isArray(current) ? current.join(',') : String(current ?? ''))
    .split(',')
    .map((field) => field.trim())
    .filter((field) => field !== '');
  if (fields.includes('*') || fields.some((field) => field.toLowerCase() === header.toLowerCase())) return;
  reply.header('vary', [...fields, header].join(', '));
}

function onSendHandlers(onSend: unknown): unknown[] {
  return Array.isArray(onSend) ? onSend : onSend === undefined || onSend === null ? [] : [onSend];
}
