import { generateKeyPair, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { api, createReport, signIn } from '../support/api.js';
import { signWithEmulatorKey } from '../support/tokens.js';

const now = () => Math.floor(Date.now() / 1000);

describe('staff routes need a valid token of the right group', () => {
  it('no token → 401 problem+json with WWW-Authenticate', async () => {
    const res = await api('/api/staff/reports');
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
    expect(res.body.status).toBe(401);
  });

  it('a token signed by another key → 401', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const forged = await new SignJWT({ token_use: 'id', 'cognito:username': 'admin', 'cognito:groups': ['admin'] })
      .setProtectedHeader({ alg: 'RS256', kid: 'CognitoLocal' })
      .setExpirationTime(now() + 3600)
      .sign(privateKey);
    expect((await api('/api/staff/reports', { token: forged })).status).toBe(401);
  });

  it('a genuine but expired token → 401', async () => {
    const expired = await signWithEmulatorKey({}, now() - 60);
    const res = await api('/api/staff/reports', { token: expired });
    expect(res.status).toBe(401);
    expect(res.body.detail).toMatch(/expired/);
  });

  it('the same genuine key with a live expiry is accepted (the expired case fails only on expiry)', async () => {
    const live = await signWithEmulatorKey({}, now() + 600);
    expect((await api('/api/staff/reports', { token: live })).status).toBe(200);
  });

  it('an access token instead of the ID token → 401', async () => {
    const access = await signWithEmulatorKey({ token_use: 'access' }, now() + 600);
    expect((await api('/api/staff/reports', { token: access })).status).toBe(401);
  });

  it('a signed-in user of the wrong group → 403 and the item is unchanged', async () => {
    const report = await createReport();
    const token = await signIn('leg.clerk');
    const res = await api(`/api/staff/reports/${report.id}/transitions`, { token, body: { to: 'acknowledged' } });
    expect(res.status).toBe(403);
    expect((await api(`/api/reports/${report.id}`)).body.status).toBe('new');
    expect((await api(`/api/staff/reports/${report.id}`, { token })).status).toBe(403);
    // The same move by the report's own team is allowed: the 403 was the group, not the move.
    const roads = await signIn('roads.officer');
    expect((await api(`/api/staff/reports/${report.id}/transitions`, { token: roads, body: { to: 'acknowledged' } })).status).toBe(200);
  });

  it('the legislature sees no road reports in its work list, where the roads team does', async () => {
    const report = await createReport();
    const roadsList = await api('/api/staff/reports?service=pothole&limit=1000', { token: await signIn('roads.officer') });
    expect(roadsList.body.items.map((i: { id: string }) => i.id)).toContain(report.id);
    const token = await signIn('leg.clerk');
    const res = await api('/api/staff/reports', { token });
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([]);
    expect((await api('/api/staff/reports?service=pothole', { token })).status).toBe(403);
  });
});
