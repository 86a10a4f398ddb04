import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { uniqueClientAddress } from './client.js';

/**
 * A plain HTTP forward proxy that connects to the board from a loopback address of its own (see
 * uniqueClientAddress): a browser sent through it is a client of its own, counted by the per-client
 * limits like a visitor on another machine (the test stack exempts 127.0.0.1, where Chromium connects
 * from otherwise). Nothing is changed on the way: requests and answers pass through as they are.
 */
export async function clientProxy(): Promise<{ url: string; address: string; close: () => Promise<void> }> {
  const address = uniqueClientAddress();
  const server: Server = createServer((req, res) => {
    const target = new URL(req.url ?? '/');
    const upstream = request(
      {
        host: '127.0.0.1',
        port: target.port,
        path: `${target.pathname}${target.search}`,
        method: req.method,
        headers: req.headers,
        localAddress: address,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => {
      res.writeHead(502).end();
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    address,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
