// A webhook receiver on loopback, as a space's other tool would run one: it verifies every
// delivery with the client's verifyWebhook and answers what the test says (200 by default).
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { verifyWebhook } from '@coworking-commons/client/webhooks';

export interface Received {
  id: string;
  type: string;
  data: any;
}

/** A receiver that verifies every delivery and answers what `answer` says (200 by default). */
export async function startReceiver(secret: () => string) {
  const received: Received[] = [];
  const refused: string[] = [];
  let answer = (_n: number) => 200;
  const body = (request: IncomingMessage) => new Promise<string>((resolve) => {
    let text = '';
    request.setEncoding('utf8').on('data', (chunk) => (text += chunk)).on('end', () => resolve(text));
  });
  const held: Received[] = [];
  const server: Server = createServer(async (request, response) => {
    const text = await body(request);
    let delivery: Received | undefined;
    try {
      const verified = verifyWebhook(secret(), text, request.headers);
      delivery = { id: String(request.headers['webhook-id']), type: verified.type, data: verified.data };
    } catch (error) {
      refused.push((error as Error).message);
    }
    const status = answer(received.length + refused.length + held.length + (delivery ? 1 : 0));
    // 0: the receiver takes the delivery and never answers (the request stays open until close).
    if (status === 0 && delivery) return void held.push(delivery);
    if (delivery) received.push(delivery);
    response.statusCode = status;
    response.end('ok');
  });
  // Every connection, to end them all at close, whatever state each is in: close() waits for every one.
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`,
    received,
    refused,
    /** Deliveries taken and never answered (`answerWith` said 0). */
    held,
    answerWith(f: (n: number) => number) {
      answer = f;
    },
    /** Waits until `count` deliveries were received (`ms`, 5 s by default, at most). */
    async until(count: number, ms = 5_000) {
      const deadline = Date.now() + ms;
      while (received.length < count && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
      return received;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}
