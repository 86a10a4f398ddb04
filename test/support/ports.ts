import { createServer } from 'node:net';

/**
 * A TCP port that is free right now, so parallel runs and a developer's `npm start` never collide.
 * Picked at random below Linux's ephemeral range (32768+), never with `listen(0)`: a port the kernel
 * handed out for `listen(0)` and got back is the one it hands to the next `listen(0)`, such as a
 * local stack's internal S3 server, which then takes the port this function promised to the caller.
 */
const handedOut = new Set<number>();

export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    // Never the same port twice in one process: the first caller may not have bound it yet.
    if (!handedOut.has(port) && (await isFree(port))) {
      handedOut.add(port);
      return port;
    }
  }
  throw new Error('no free TCP port found between 20000 and 32000');
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}
