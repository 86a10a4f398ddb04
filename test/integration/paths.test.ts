import { describe, expect, it } from 'vitest';
import { api, signIn } from '../support/api.js';

/** Ids, references and codes in the path that cannot name anything are the caller's mistake: 4xx, never 5xx. */
describe('malformed path parameters', () => {
  const cases: [string, string, number][] = [
    ['a %-escape that is not UTF-8', '/api/reports/%ff%fe', 400],
    ['a control character', '/api/reports/RF%00123', 404],
    ['an id longer than any key', `/api/reports/${'a'.repeat(3000)}`, 404],
    ['a bill number longer than any key', `/api/bills/${'HB'.repeat(400)}`, 404],
    ['a service code with a control character', '/api/queues/pot%0Ahole', 404],
  ];
  for (const [what, path, status] of cases) {
    it(`answers ${what} with ${status} problem+json`, async () => {
      const res = await api(path);
      expect(res.status).toBe(status);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.body.status).toBe(status);
      expect(res.text.length).toBeLessThan(500);
    });
  }

  it('answers a staff route the same way once the token is checked', async () => {
    const res = await api(`/api/staff/reports/${'x'.repeat(500)}`, { token: await signIn('roads.officer') });
    expect(res.status).toBe(404);
    expect(res.body.type).toBe('/problems/not-found');
  });
});
