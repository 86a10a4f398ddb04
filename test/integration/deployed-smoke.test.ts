import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, inject, it } from 'vitest';
import { runSmoke } from '../../infra/smoke/checks.js';

// `npm run smoke -- --url <base>` is what an operator runs after every deploy; here the same checks
// run against the local stack, so CI (npm test) proves the smoke test and the local board agree.
describe('the deployed smoke test', () => {
  it('passes every check against the local stack', async () => {
    const results = await runSmoke(inject('baseUrl'));
    expect(results.filter((r) => !r.ok)).toEqual([]);
    expect(results.map((r) => r.name)).toHaveLength(9);
  });

  it("fails against a board whose gateway answers with its own bodies (today's defects 1 and 2)", async () => {
    // Every unknown address as HTML, staff 401s as {"message": …}: what the deployed board did before issue 21.
    const server = createServer((req, res) => {
      if (req.url?.startsWith('/api/staff/')) {
        res.writeHead(401, { 'content-type': 'application/json' });
        return res.end('{"message":"Unauthorized"}');
      }
      res.writeHead(req.url === '/api/health' ? 200 : 404, { 'content-type': 'text/html' });
      res.end('<h1>Page not found</h1>');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const results = await runSmoke(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, { write: false });
      const failed = results.filter((r) => !r.ok).map((r) => r.name);
      expect(failed).toContain('an unknown API address is a 404 problem+json (not the HTML page)');
      expect(failed).toContain('a staff route without a token is a 401 problem+json');
    } finally {
      server.close();
    }
  });
});
