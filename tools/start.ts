// npm start — until the reference server lands, serves the API reference and the bundled spec.
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { bundledJson, bundledYaml, referenceHtml, repoRoot } from './spec/paths.ts';

if (!existsSync(referenceHtml)) {
  const built = spawnSync(process.execPath, [`${repoRoot}tools/spec/build.ts`], { stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? '127.0.0.1';
const routes: Record<string, [string, string]> = {
  '/': [referenceHtml, 'text/html; charset=utf-8'],
  '/openapi.json': [bundledJson, 'application/json'],
  '/openapi.yaml': [bundledYaml, 'application/yaml'],
};

createServer((request, response) => {
  const route = routes[new URL(request.url ?? '/', 'http://localhost').pathname];
  if (!route || (request.method !== 'GET' && request.method !== 'HEAD')) {
    response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found\n');
    return;
  }
  response.writeHead(200, { 'content-type': route[1], 'cache-control': 'no-cache' });
  response.end(request.method === 'HEAD' ? undefined : readFileSync(route[0]));
}).listen(port, host, () => {
  console.log(`Coworking Commons API reference: http://localhost:${port}/`);
  console.log(`The bundled spec: http://localhost:${port}/openapi.json and /openapi.yaml`);
  console.log('(The reference server and the demo space are not built yet; see README.md.)');
});
