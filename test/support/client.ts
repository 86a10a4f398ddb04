import { request } from 'node:http';
import { inject } from 'vitest';

let next = 0;

/**
 * A loopback address of its own (127.x.y.z, never 127.0.0.1, which the test stack exempts from the
 * per-client limits): requests sent from it are counted with the real defaults, apart from every other
 * test's traffic. Linux routes all of 127/8 to the loopback interface.
 */
export function uniqueClientAddress(): string {
  next++;
  return `127.${1 + Math.floor(Math.random() * 250)}.${next % 256}.${1 + Math.floor(Math.random() * 250)}`;
}

/** POSTs JSON to the local board from `localAddress`, as a client on another machine would. */
export function postFrom(localAddress: string, path: string, body: unknown, headers: Record<string, string> = {}) {
  const { port } = new URL(inject('baseUrl'));
  const payload = JSON.stringify(body);
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary response shapes
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: any }>((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        localAddress,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), ...headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const json = /json/.test(res.headers['content-type'] ?? '') && text ? JSON.parse(text) : text;
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: json });
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}
