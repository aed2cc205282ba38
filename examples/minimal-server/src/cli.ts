// `node examples/minimal-server/src/cli.ts [--port N] [--staff-key K]`: serves the minimal space.
import { parseArgs } from 'node:util';
import { startMinimalServer } from './server.ts';

const { values } = parseArgs({ options: { port: { type: 'string', default: '8090' }, 'staff-key': { type: 'string' }, host: { type: 'string' } } });
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  process.stderr.write('minimal-server: --port must be an integer from 0 to 65535\n');
  process.exit(2);
}
const server = await startMinimalServer({ port, ...(values.host ? { host: values.host } : {}), ...(values['staff-key'] ? { staffKey: values['staff-key'] } : {}) });
process.stdout.write(`Minimal Coworking Commons server on ${server.url}\nspace: ${server.spaceId}\nstaff key: ${server.staffKey}\n`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void server.close().then(() => process.exit(0)));
