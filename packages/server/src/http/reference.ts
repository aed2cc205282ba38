import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { ServerConfig } from '../config.ts';
import { notFound } from './problem.ts';

const require = createRequire(import.meta.url);

/** The files of @coworking-commons/spec: the bundled spec and its rendered HTML reference. */
function specFile(name: 'openapi.json' | 'openapi.yaml' | 'reference.html'): string {
  return join(dirname(require.resolve('@coworking-commons/spec/package.json')), name);
}

/**
 * Serves the API's own description next to it, for people and tools: the rendered reference at
 * `/reference` (a self-contained page under its own Content-Security-Policy), the bundled spec at
 * `/openapi.json` and `/openapi.yaml`; `/` redirects to the reference. None of them is an
 * operation of the API. The files are read on each request, so a rebuilt spec shows at once.
 */
export async function registerReference(app: FastifyInstance, config: Pick<ServerConfig, 'publicUrl'>, options: { redirectRoot?: boolean } = {}): Promise<void> {
  const files = {
    '/reference': ['reference.html', 'text/html; charset=utf-8'],
    '/openapi.json': ['openapi.json', 'application/json; charset=utf-8'],
    '/openapi.yaml': ['openapi.yaml', 'application/yaml; charset=utf-8'],
  } as const;
  for (const [url, [name, type]] of Object.entries(files)) {
    app.get(url, async (_request, reply) => {
      const file = specFile(name);
      if (!existsSync(file)) {
        throw notFound(`${name} has not been built: run \`npm run spec:build\` in the repository (npm start does it for you).`);
      }
      reply.type(type).header('cache-control', 'no-cache');
      // The page's own policy is in its <meta>; framing can only be limited by a header.
      if (name === 'reference.html') reply.header('content-security-policy', "frame-ancestors 'self'").header('x-frame-options', 'SAMEORIGIN');
      return readFileSync(file);
    });
  }
  // Through the public URL, so that the redirect also holds behind a proxy that mounts the API on a path.
  if (options.redirectRoot !== false) app.get('/', async (_request, reply) => reply.redirect(`${config.publicUrl}/reference`, 302));
}
