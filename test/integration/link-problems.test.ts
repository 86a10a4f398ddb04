import { describe, expect, it } from 'vitest';
import { api } from '../support/api.js';

/** Confirm and unsubscribe links answer a browser with a page and every other client with problem+json. */
describe('bad confirm and unsubscribe tokens', () => {
  const badToken = 'x'.repeat(43);
  const links: [string, string][] = [
    ['GET', `/api/subscriptions/confirm?token=${badToken}`],
    ['POST', `/api/subscriptions/unsubscribe?token=${badToken}`],
  ];
  const apiClients: [string, Record<string, string>][] = [
    ['Accept: application/json', { accept: 'application/json' }],
    ['Accept: application/problem+json', { accept: 'application/problem+json' }],
    ['Accept: */*', { accept: '*/*' }],
    ['no Accept', {}],
  ];

  for (const [method, path] of links) {
    for (const [who, headers] of apiClients) {
      it(`${method} ${path.split('?')[0]} with ${who} gets 404 problem+json`, async () => {
        const res = await api(path, { method, headers });
        expect(res.status).toBe(404);
        expect(res.headers.get('content-type')).toBe('application/problem+json');
        expect(res.body).toMatchObject({ type: '/problems/not-found', status: 404, title: expect.any(String) });
        expect(res.body.detail).toEqual(expect.any(String));
        expect(res.body.message).toBeUndefined();
      });
    }

    it(`${method} ${path.split('?')[0]} from a browser still gets a 404 page`, async () => {
      const res = await api(path, { method, headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toContain('text/html');
      expect(res.text).toContain('<h1>');
    });
  }
});
