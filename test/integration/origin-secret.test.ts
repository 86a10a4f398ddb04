import { beforeAll, describe, expect, it } from 'vitest';
import { ORIGIN_HEADER } from '../../functions/lib/origin.js';
import { api, reportBody, signIn } from '../support/api.js';
import { apiGatewayEvent, invoke, TEST_ORIGIN_SECRET, useLambdaEnvironment, viaCloudFront } from '../support/lambda.js';

// In AWS the execute-api URL reaches the functions without CloudFront; these invoke handlers as API
// Gateway does, with and without the header CloudFront adds (issue 21, defect 3).
type Handler = Parameters<typeof invoke>[0];
let services: Handler;
let createReport: Handler;
let staffList: Handler;
beforeAll(async () => {
  useLambdaEnvironment();
  ({ handler: services } = await import('../../functions/services/list-services.js'));
  ({ handler: createReport } = await import('../../functions/reports/create-report.js'));
  ({ handler: staffList } = await import('../../functions/staff/list-reports.js'));
});

describe('the API serves only requests that came through CloudFront', () => {
  it('a request without the origin header (the execute-api URL called directly) → 403 problem+json', async () => {
    const res = await invoke(services, apiGatewayEvent('GET /api/services'));
    expect(res.status).toBe(403);
    expect(res.headers['content-type']).toBe('application/problem+json');
    expect(res.body).toMatchObject({ type: '/problems/forbidden', status: 403 });
  });

  it('a wrong origin header → 403, and the same request with the right one is served', async () => {
    const wrong = await invoke(services, apiGatewayEvent('GET /api/services', { headers: { [ORIGIN_HEADER]: `${TEST_ORIGIN_SECRET}x` } }));
    expect(wrong.status).toBe(403);
    const right = await invoke(services, apiGatewayEvent('GET /api/services', { headers: viaCloudFront() }));
    expect(right.status).toBe(200);
  });

  it('a forged CloudFront-Viewer-Address without the origin header is refused (the per-client limits cannot be dodged)', async () => {
    const event = apiGatewayEvent('POST /api/reports', {
      headers: { 'content-type': 'application/json', 'cloudfront-viewer-address': '203.0.113.99:1234' },
    });
    event.body = JSON.stringify(reportBody());
    const res = await invoke(createReport, event);
    expect(res.status).toBe(403);
    // The same request through CloudFront is created: the 403 was the missing header, nothing else.
    event.headers = { ...event.headers, ...viaCloudFront() };
    expect((await invoke(createReport, event)).status).toBe(201);
  });

  it('refuses a staff route before looking at the token', async () => {
    const token = await signIn('roads.officer');
    const res = await invoke(staffList, apiGatewayEvent('GET /api/staff/reports', { headers: { authorization: `Bearer ${token}` } }));
    expect(res.status).toBe(403);
  });

  it('the local server plays CloudFront: it sends its own origin header, replacing one a client sent', async () => {
    const res = await api('/api/services', { headers: { [ORIGIN_HEADER]: 'made-up' } });
    expect(res.status).toBe(200);
  });
});
