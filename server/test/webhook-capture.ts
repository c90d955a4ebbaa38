import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A webhook request a real HTTP server on loopback answered with 204. */
export interface CapturedDelivery {
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface WebhookCapture {
  /** Where to point a webhook action: `http://127.0.0.1:<port>/hook`. */
  url: string;
  deliveries: CapturedDelivery[];
  /** Answers the next `count` requests with 500 (and does not keep them), to exercise retries. */
  failNext(count: number): void;
  close(): Promise<void>;
}

/** A real HTTP server on 127.0.0.1 that keeps the webhook requests it receives. */
export async function startWebhookCapture(): Promise<WebhookCapture> {
  const deliveries: CapturedDelivery[] = [];
  let failing = 0;
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      if (failing > 0) {
        failing--;
        res.writeHead(500).end();
        return;
      }
      deliveries.push({ headers: req.headers, body });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    deliveries,
    failNext(count) {
      failing = count;
    },
    close: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        // A sender's keep-alive connection would otherwise hold the close open.
        server.closeAllConnections();
      }),
  };
}
