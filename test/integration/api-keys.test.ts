import { beforeAll, describe, expect, it } from 'vitest';
import { findIdempotentCreate, getItemWithHistory } from '../../functions/store/items.js';
import { api, signIn, useTestTable } from '../support/api.js';
import { newApiKey, postForm, requestForm } from '../support/open311.js';

beforeAll(() => {
  useTestTable();
});

describe('API keys (admins only)', () => {
  it('an admin creates a key: the secret is shown once, the list never shows it or its hash', async () => {
    const key = await newApiKey({ name: 'Lamp column sensors', services: ['street-light'], ratePerMinute: 30 });
    expect(key.secret).toMatch(/^cb_[0-9A-Z]{26}_/);
    const list = await api('/api/staff/api-keys', { token: await signIn('admin') });
    expect(list.status).toBe(200);
    const listed = list.body.items.find((k: { id: string }) => k.id === key.id);
    expect(listed).toMatchObject({ name: 'Lamp column sensors', services: ['street-light'], ratePerMinute: 30 });
    expect(list.text).not.toContain(key.secret);
    expect(list.text).not.toMatch(/secretHash/);
  });

  it('a non-admin gets 403 on every key route, and nothing is created', async () => {
    const roads = await signIn('roads.officer');
    const body = { name: 'Sneaky', services: ['pothole'], ratePerMinute: 5 };
    expect((await api('/api/staff/api-keys', { token: roads, body })).status).toBe(403);
    expect((await api('/api/staff/api-keys', { token: roads })).status).toBe(403);
    expect((await api('/api/staff/api-keys/01J0000000000000000000000Z', { token: roads, method: 'DELETE' })).status).toBe(403);
    const list = await api('/api/staff/api-keys', { token: await signIn('admin') });
    expect(list.body.items.some((k: { name: string }) => k.name === 'Sneaky')).toBe(false);
  });

  it('a key for an unknown service is a 400 naming it', async () => {
    const res = await api('/api/staff/api-keys', {
      token: await signIn('admin'),
      body: { name: 'Bad', services: ['no-such'], ratePerMinute: 5 },
    });
    expect(res.status).toBe(400);
    expect(res.text).toContain('no-such');
  });

  it('a revoked key gets 403 at once (it worked just before)', async () => {
    const key = await newApiKey();
    expect((await postForm('/open311/v2/requests.json', requestForm(key.secret))).status).toBe(201);
    const revoked = await api(`/api/staff/api-keys/${key.id}`, { token: await signIn('admin'), method: 'DELETE' });
    expect(revoked.status).toBe(204);
    const refused = await postForm('/open311/v2/requests.json', requestForm(key.secret));
    expect(refused.status).toBe(403);
    expect(refused.body[0].description).toMatch(/revoked/);
  });

  it('a key used for another service gets 403; for its own service 201', async () => {
    const key = await newApiKey({ services: ['pothole'] });
    const other = await postForm('/open311/v2/requests.json', requestForm(key.secret, { service_code: 'street-light' }));
    expect(other.status).toBe(403);
    expect(other.body[0].description).toMatch(/street-light/);
    expect((await postForm('/open311/v2/requests.json', requestForm(key.secret))).status).toBe(201);
  });

  it('a forged key (right shape, wrong secret) gets 403', async () => {
    const key = await newApiKey();
    const forged = `${key.secret.slice(0, -4)}AAAA`;
    expect((await postForm('/open311/v2/requests.json', requestForm(forged))).status).toBe(403);
  });

  it('over the key’s rate: 429 with Retry-After, in the asked format', async () => {
    const key = await newApiKey({ ratePerMinute: 2 });
    for (let i = 0; i < 2; i++) expect((await postForm('/open311/v2/requests.json', requestForm(key.secret))).status).toBe(201);
    const refused = await postForm('/open311/v2/requests.xml', requestForm(key.secret));
    expect(refused.status).toBe(429);
    expect(refused.type).toBe('text/xml; charset=utf-8');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(60);
  });

  it('20 concurrent posts with the same attribute[external_id] from one key make one request', async () => {
    const key = await newApiKey({ ratePerMinute: 600 });
    const externalId = `drain-${Date.now()}`;
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        postForm(
          '/open311/v2/requests.json',
          requestForm(key.secret, { 'attribute[external_id]': externalId, description: `Blocked drain, reading ${i}` }),
        ),
      ),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 200)).toHaveLength(19);
    const ids = new Set(answers.map((a) => a.body[0].service_request_id));
    expect(ids.size).toBe(1);
    const record = await findIdempotentCreate(`open311:${key.id}:${externalId}`);
    const { item } = await getItemWithHistory([...ids][0] as string);
    expect(record?.itemId).toBe(item.id);
    // Positive control: another external_id from the same key is a new request.
    const other = await postForm('/open311/v2/requests.json', requestForm(key.secret, { 'attribute[external_id]': `${externalId}-b` }));
    expect(other.status).toBe(201);
    expect(ids.has(other.body[0].service_request_id)).toBe(false);
  });

  it('the same external_id from another key is that key’s own request', async () => {
    const [a, b] = [await newApiKey(), await newApiKey()];
    const form = { 'attribute[external_id]': `shared-${Date.now()}` };
    const first = await postForm('/open311/v2/requests.json', requestForm(a.secret, form));
    const second = await postForm('/open311/v2/requests.json', requestForm(b.secret, form));
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(first.body[0].service_request_id).not.toBe(second.body[0].service_request_id);
  });
});
