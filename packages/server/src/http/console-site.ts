import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { notFound } from './problem.ts';

/** Where the staff console is served. */
export const consolePath = '/console/';

/**
 * The console's Content-Security-Policy: its code from this server only, and its requests to any
 * API over HTTPS as well as this server's (the console works with any server of the spec).
 */
export const consolePolicy = "default-src 'self'; img-src 'self' data: https:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self' https:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * Serves the staff console's build (`npm run build -w packages/console`, the folder `dir`) at
 * /console/: its page, never cached without revalidation, its entry revalidated, its hashed chunks
 * cached for a year. Without a build, /console/ says how to make one.
 */
export async function registerConsoleSite(app: FastifyInstance, dir: string): Promise<void> {
  app.get('/console', async (_request, reply) => reply.redirect(consolePath, 301));
  app.get(consolePath, async (_request, reply) => {
    const page = join(dir, 'index.html');
    if (!existsSync(page)) throw notFound('The staff console is not built: run `npm run build -w packages/console` (npm start does it for you).');
    return reply.type('text/html; charset=utf-8').header('content-security-policy', consolePolicy).header('cache-control', 'no-cache').send(readFileSync(page, 'utf8'));
  });
  await app.register(fastifyStatic, {
    root: dir,
    prefix: consolePath,
    decorateReply: false,
    index: false,
    cacheControl: false,
    setHeaders(response, path) {
      response.setHeader('cache-control', /[\\/]chunks[\\/][^\\/]+-[\w-]{8}\.js(\.map)?$/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
}
