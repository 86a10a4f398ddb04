import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// What the functions print: captured from stdout/stderr, where Lambda sends it to CloudWatch Logs.
let lines: string[] = [];
beforeEach(() => {
  lines = [];
  const capture = (chunk: unknown) => {
    lines.push(String(chunk));
    return true;
  };
  vi.spyOn(process.stdout, 'write').mockImplementation(capture);
  vi.spyOn(process.stderr, 'write').mockImplementation(capture);
  process.env.LOG_LEVEL = 'debug';
});
afterEach(() => {
  vi.restoreAllMocks();
  delete process.env.AWS_LAMBDA_FUNCTION_NAME;
  vi.resetModules();
});
const printed = () =>
  lines
    .flatMap((l) => l.split('\n'))
    .filter(Boolean)
    .map((l) => JSON.parse(l));

describe('the logger', () => {
  it('prints one JSON line with level, message, service and the given fields', async () => {
    const { logger } = await import('../../functions/lib/logger.js');
    logger.info('request', { route: 'POST /api/reports', status: 201, latencyMs: 12 });
    expect(printed()).toEqual([
      expect.objectContaining({
        level: 'INFO',
        message: 'request',
        service: 'civicboard',
        route: 'POST /api/reports',
        status: 201,
        latencyMs: 12,
      }),
    ]);
  });

  it('never prints an email address, a reporter, a name or a token, wherever it hides', async () => {
    const { logger } = await import('../../functions/lib/logger.js');
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhIn0.c2lnbmF0dXJl';
    logger.error('unhandled error', {
      requestId: 'r-1',
      reporter: { name: 'Jo Bloggs', email: 'jo@example.org', phone: '0117 496 0000' },
      to: 'someone@example.net',
      fullname: 'Alice Staff',
      authorization: `Bearer ${jwt}`,
      error: new Error('ConditionalCheckFailed for jo.bloggs+x@council.example.org'),
      note: `token ${jwt} in a message`,
      nested: { list: [{ email: 'deep@example.org' }, 'see deeper@example.org'] },
    });
    const out = lines.join('');
    for (const secret of [
      'jo@example.org',
      'Jo Bloggs',
      '0117 496 0000',
      'someone@example.net',
      'Alice Staff',
      jwt,
      'council.example.org',
      'deep@',
      'deeper@',
    ])
      expect(out).not.toContain(secret);
    // Positive control: the line is there, with what an operator needs.
    const [line] = printed();
    expect(line).toMatchObject({ level: 'ERROR', message: 'unhandled error', requestId: 'r-1', reporter: '[redacted]', to: '[redacted]' });
    expect(line.error).toMatchObject({ name: 'Error', message: 'ConditionalCheckFailed for [email]' });
    expect(line.note).toBe('token [token] in a message');
    expect(line.nested.list).toEqual([{ email: '[redacted]' }, 'see [email]']);
  });

  it('respects LOG_LEVEL: below it nothing prints, at it the line does', async () => {
    process.env.LOG_LEVEL = 'warn';
    const { logger } = await import('../../functions/lib/logger.js');
    logger.info('quiet');
    logger.warn('loud');
    expect(printed().map((l) => l.message)).toEqual(['loud']);
  });
});

describe('the metrics', () => {
  it('inside Lambda, an invocation prints its counts as one CloudWatch EMF line in the civicboard namespace', async () => {
    process.env.AWS_LAMBDA_FUNCTION_NAME = 'civicboard-create-report';
    const { count, duration, flushMetrics, METRIC } = await import('../../functions/lib/metrics.js');
    count(METRIC.reportsCreated);
    count(METRIC.requests);
    duration(METRIC.latency, 42);
    flushMetrics();
    const [emf] = printed();
    expect(emf._aws.CloudWatchMetrics[0].Namespace).toBe('civicboard');
    expect(emf._aws.CloudWatchMetrics[0].Metrics.map((m: { Name: string }) => m.Name).sort()).toEqual([
      'Latency',
      'ReportsCreated',
      'Requests',
    ]);
    expect(emf).toMatchObject({ ReportsCreated: 1, Requests: 1, Latency: 42, service: 'civicboard' });
  });

  it('outside Lambda nothing is printed (no CloudWatch to read it), though the same calls are made', async () => {
    const { count, flushMetrics, METRIC } = await import('../../functions/lib/metrics.js');
    count(METRIC.reportsCreated);
    flushMetrics();
    expect(lines).toEqual([]);
  });

  it('the route wrapper logs one line per request with route, status and latency, and counts a 4xx', async () => {
    process.env.AWS_LAMBDA_FUNCTION_NAME = 'civicboard-test';
    process.env.TABLE_NAME = 'unused';
    const { route } = await import('../../functions/lib/http.js');
    const { HttpError } = await import('../../functions/lib/problem.js');
    const { ORIGIN_ENV, ORIGIN_HEADER } = await import('../../functions/lib/origin.js');
    process.env[ORIGIN_ENV.current] = 'a'.repeat(64);
    const handler = route({}, async () => {
      throw new HttpError(404, 'not-found', 'Not found', 'No report jo@example.org');
    });
    const event = {
      routeKey: 'GET /api/reports/{id}',
      headers: { [ORIGIN_HEADER]: 'a'.repeat(64) },
      requestContext: { requestId: 'api-1', http: { method: 'GET', path: '/api/reports/x', sourceIp: '198.51.100.1' } },
    };
    const res = await handler(
      event as never,
      { awsRequestId: 'lambda-1', functionName: 'f', getRemainingTimeInMillis: () => 1000 } as never,
    );
    expect(res.statusCode).toBe(404);
    const request = printed().find((l) => l.message === 'request');
    expect(request).toMatchObject({ requestId: 'lambda-1', route: 'GET /api/reports/{id}', status: 404, function_request_id: 'lambda-1' });
    expect(typeof request.latencyMs).toBe('number');
    const emf = printed().find((l) => l._aws);
    expect(emf).toMatchObject({ Requests: 1, ClientErrors: 1 });
    expect(emf.ServerErrors).toBeUndefined();
    expect(lines.join('')).not.toContain('jo@example.org');
  });
});
