import { describe, expect, it } from 'vitest';
import { api } from '../support/api.js';
import { rawRequest } from '../support/raw-http.js';

/**
 * Requests Node's HTTP parser refuses never reach a handler; the local server (standing in for API
 * Gateway and CloudFront) must still answer them as the API answers everything: problem+json.
 */
describe('requests the HTTP parser refuses', () => {
  const expectProblem = (res: { status: number; headers: Record<string, string>; body: string }, status: number) => {
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toBe('application/problem+json');
    const problem = JSON.parse(res.body);
    expect(problem).toMatchObject({ status, type: expect.stringMatching(/^\/problems\//), title: expect.any(String) });
    expect(problem.detail.length).toBeGreaterThan(10);
    expect(Number(res.headers['content-length'])).toBe(Buffer.byteLength(res.body));
  };

  it('an over-long URL gets 431 with a problem body', async () => {
    const res = await rawRequest(`GET /api/reports/${'a'.repeat(20_000)} HTTP/1.1\r\nHost: localhost\r\n\r\n`);
    expectProblem(res, 431);
  });

  it('over-long headers get 431 with a problem body', async () => {
    const res = await rawRequest(`GET /api/health HTTP/1.1\r\nHost: localhost\r\nX-Junk: ${'j'.repeat(20_000)}\r\n\r\n`);
    expectProblem(res, 431);
  });

  it('a control byte in a header value gets 400 with a problem body', async () => {
    const res = await rawRequest('GET /api/health HTTP/1.1\r\nHost: localhost\r\nX-Evil: a\u0001b\r\n\r\n');
    expectProblem(res, 400);
  });

  it('a space in a header name gets 400 with a problem body', async () => {
    const res = await rawRequest('GET /api/health HTTP/1.1\r\nHost: localhost\r\nBad Header: x\r\n\r\n');
    expectProblem(res, 400);
  });

  it('a request line that is not HTTP gets 400 with a problem body', async () => {
    const res = await rawRequest('HELLO\r\n\r\n');
    expectProblem(res, 400);
  });

  it('a Host that is no host name gets 400 problem+json and the server keeps answering', async () => {
    const res = await rawRequest('GET /api/health HTTP/1.1\r\nHost: exa mple\r\nConnection: close\r\n\r\n');
    expectProblem(res, 400);
    expect((await api('/api/health')).status).toBe(200);
  });
});
