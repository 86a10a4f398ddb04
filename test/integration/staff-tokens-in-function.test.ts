import { beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../support/api.js';
import { apiGatewayEvent, invoke, useLambdaEnvironment, viaCloudFront } from '../support/lambda.js';

// In AWS the staff functions sit behind no API Gateway authorizer (its 401 is {"message":…}), so the
// function itself must refuse: these tests invoke a handler exactly as API Gateway would.
let handler: Parameters<typeof invoke>[0];
beforeAll(async () => {
  useLambdaEnvironment();
  ({ handler } = await import('../../functions/staff/list-reports.js'));
});

const LIST = 'GET /api/staff/reports';

describe('a staff function verifies the token itself (issue 21, defect 2)', () => {
  it('no token → 401 problem+json with WWW-Authenticate, as the local server answers', async () => {
    const res = await invoke(handler, apiGatewayEvent(LIST, { headers: viaCloudFront() }));
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toBe('application/problem+json');
    expect(res.headers['www-authenticate']).toBe('Bearer');
    expect(res.body).toMatchObject({ type: '/problems/unauthenticated', status: 401 });
  });

  it('claims already on the event (no token) are not trusted', async () => {
    const forged = { authorizer: { jwt: { claims: { 'cognito:username': 'admin', 'cognito:groups': '[admin]' }, scopes: null } } };
    const res = await invoke(handler, apiGatewayEvent(LIST, { headers: viaCloudFront(), requestContext: forged }));
    expect(res.status).toBe(401);
  });

  it('a junk token → 401 problem+json', async () => {
    const res = await invoke(handler, apiGatewayEvent(LIST, { headers: { ...viaCloudFront(), authorization: 'Bearer not.a.token' } }));
    expect(res.status).toBe(401);
    expect(res.body.type).toBe('/problems/unauthenticated');
  });

  it("a genuine ID token from the pool → the staff member's list", async () => {
    const token = await signIn('roads.officer');
    const res = await invoke(handler, apiGatewayEvent(LIST, { headers: { ...viaCloudFront(), authorization: `Bearer ${token}` } }));
    expect(res.status).toBe(200);
    expect(Array.isArray(res.body.items)).toBe(true);
  });
});
