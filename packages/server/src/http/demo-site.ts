import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { registerCdn } from './cdn.ts';
import { notFound } from './problem.ts';

export interface DemoSite {
  /** The demo space's website: HTML pages and /site/ assets. */
  siteDir: string;
  /** The elements' browser bundles, served at /cdn/. */
  cdnDir: string;
}

/** What `npm run build:cdn` writes next to the files: the files each entry loads, and the name each has in this build (packages/elements/scripts/cdn.ts). */
const preloadManifestName = 'cowork-preload.json';

/** Content-Security-Policy of the demo pages: everything from this origin, no inline script. */
export const pagePolicy = "default-src 'self'; img-src 'self' data: https:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'";

/**
 * Serves the demo website of La Ruche next to the API (the `npm start` job): its pages at `/`
 * and `/<page>.html`, its assets at `/site/`, and the elements' bundles at `/cdn/`, exactly as a
 * space's own site would load them from a CDN. The pages name the API as
 * `http://localhost:8080`; they are served with this server's public URL instead.
 */
/**
 * The page with the CDN's files named as the build at `cdnDir` names them. The pages name them
 * without the hash of their content (`/cdn/v0.1.0/core.js`), so that they stay the same from one
 * build to the next; the build's `cowork-preload.json` says which file each is
 * (`v0.1.0/core-DguIwRz3.js`).
 */
function withBuiltNames(html: string, cdnDir: string): string {
  let files: Record<string, string> = {};
  try {
    files = (JSON.parse(readFileSync(join(cdnDir, preloadManifestName), 'utf8')) as { files?: Record<string, string> }).files ?? {};
  } catch {
    // A build without its manifest: the pages' scripts still load the entries, only their hints miss.
  }
  return html.replace(/"\/cdn\/([^"]+)"/g, (quoted, name: string) => (Object.hasOwn(files, name) ? `"/cdn/${files[name]}"` : quoted));
}

export async function registerDemoSite(app: FastifyInstance, site: DemoSite, publicUrl: string): Promise<void> {
  await registerCdn(app, site.cdnDir);
  await app.register(async (siteFiles) => {
    // The site's own HTML files are pages too, under the pages' policy.
    siteFiles.addHook('onSend', async (_request, reply, payload) => {
      if (String(reply.getHeader('content-type') ?? '').startsWith('text/html')) reply.header('content-security-policy', pagePolicy);
      return payload;
    });
    await siteFiles.register(fastifyStatic, { root: site.siteDir, prefix: '/site/', decorateReply: false });
  });
  const page = (name: string) => async (_request: unknown, reply: import('fastify').FastifyReply) => {
    const file = join(site.siteDir, name);
    if (!existsSync(file)) throw notFound(`The demo site has no ${name}.`);
    if (!existsSync(join(site.cdnDir, 'cowork-elements.js'))) {
      throw notFound('The elements are not built: run `npm run build:cdn` (npm start does it for you).');
    }
    reply.type('text/html; charset=utf-8').header('content-security-policy', pagePolicy).header('cache-control', 'no-cache');
    return withBuiltNames(readFileSync(file, 'utf8').replaceAll('http://localhost:8080', publicUrl), site.cdnDir);
  };
  app.get('/', page('index.html'));
  for (const name of ['index.html', 'reserver.html', 'agenda.html', 'communaute.html', 'compte.html']) app.get(`/${name}`, page(name));
}
