// A space's other tool, as small as it gets: it receives the webhooks of the demo space
// (`npm start` subscribes http://127.0.0.1:8091/webhooks to every event), verifies each with
// verifyWebhook from @coworking-commons/client, and prints what happened.
//
//   npm run demo:receiver                      # the demo's secret and port
//   WEBHOOK_SECRET=whsec_… PORT=9000 npm run demo:receiver
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyWebhook, type WebhookEvent } from '@coworking-commons/client/webhooks';

/** The secret the demo space's subscription signs with (see packages/server/src/seed/demo-webhook.ts). */
export const demoSecret = `whsec_${Buffer.from('coworking-commons demo receiver!').toString('base64')}`;

/** One line for a person: what happened, and to what. */
export function describeEvent(event: WebhookEvent): string {
  const data = event.data as { id?: string; status?: string; title?: string; displayName?: string };
  const what = [data.id, data.title ?? data.displayName, data.status].filter(Boolean).join(' · ');
  return `${event.timestamp} ${event.type}${what ? ` — ${what}` : ''}`;
}

/** Listens on `port` (0: any free one); `print` gets a line per delivery, verified or refused. */
export async function startReceiver(options: { port: number; secret: string; print: (line: string) => void }): Promise<{ url: string; server: Server }> {
  const server = createServer((request, response) => {
    if (request.method !== 'POST' || request.url !== '/webhooks') {
      response.writeHead(404).end();
      return;
    }
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      try {
        const event = verifyWebhook(options.secret, body, request.headers);
        options.print(describeEvent(event));
        response.writeHead(204).end();
      } catch (error) {
        // A delivery that does not verify is refused: the server will try it again later.
        options.print(`refused a delivery: ${(error as Error).message}`);
        response.writeHead(400).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks`, server };
}

if (import.meta.main) {
  const port = Number(process.env.PORT ?? 8091);
  const { url } = await startReceiver({ port, secret: process.env.WEBHOOK_SECRET ?? demoSecret, print: (line) => console.log(line) });
  console.log(`Receiving the demo space's webhooks at ${url} (Ctrl+C to stop). Book a room on the demo site to see one.`);
}
