import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
};
const textTypes = new Set(['.html', '.js', '.css']);

export interface Mount {
  /** The folder served under the prefix (`index.html` for a path ending in `/`). */
  dir: string;
  /** Applied to the HTML, JavaScript and CSS files served (the placeholder origins, in the tests). */
  rewrite?: (text: string) => string;
}

export interface StaticSite {
  origin: string;
  /** Serves `mount.dir` under `prefix` (`/react/`). */
  mount(prefix: string, mount: Mount): void;
  close(): Promise<void>;
}

/**
 * A static file server on 127.0.0.1, standing for a website or a CDN. `crossOrigin` adds
 * `Access-Control-Allow-Origin: *`, which a CDN must send: module scripts are fetched with CORS.
 */
export async function startStaticSite(options: { crossOrigin?: boolean } = {}): Promise<StaticSite> {
  const mounts = new Map<string, Mount>();
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://site').pathname);
    const headers: Record<string, string> = { 'cache-control': 'no-store', ...(options.crossOrigin ? { 'access-control-allow-origin': '*' } : {}) };
    const file = resolveFile(mounts, path);
    if (!file) {
      // Chromium asks every site for its icon; a 404 would be logged as a console error.
      response.writeHead(path === '/favicon.ico' ? 204 : 404, headers).end();
      return;
    }
    const type = extname(file.path);
    response.writeHead(200, { ...headers, 'content-type': types[type] ?? 'application/octet-stream' });
    if (file.rewrite && textTypes.has(type)) response.end(file.rewrite(readFileSync(file.path, 'utf8')));
    else createReadStream(file.path).pipe(response);
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const address = server.address();
  const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return {
    origin,
    mount: (prefix, mount) => void mounts.set(prefix, mount),
    close: () =>
      new Promise<void>((closed) => {
        server.closeAllConnections();
        server.close(() => closed());
      }),
  };
}

function resolveFile(mounts: Map<string, Mount>, path: string): { path: string; rewrite?: Mount['rewrite'] } | undefined {
  const prefix = [...mounts.keys()].filter((p) => path.startsWith(p)).sort((a, b) => b.length - a.length)[0];
  if (prefix === undefined) return undefined;
  const mount = mounts.get(prefix)!;
  const relative = normalize(path.slice(prefix.length) || '.');
  if (relative.startsWith('..')) return undefined;
  let file = join(mount.dir, relative);
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  if (!file.startsWith(mount.dir.endsWith(sep) ? mount.dir : mount.dir + sep) || !existsSync(file)) return undefined;
  return { path: file, ...(mount.rewrite ? { rewrite: mount.rewrite } : {}) };
}
