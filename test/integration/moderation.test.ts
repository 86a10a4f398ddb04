import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../shared/limits.js';
import { api, createReport, reportBody, signIn } from '../support/api.js';
import { postFrom, uniqueClientAddress } from '../support/client.js';

type Listed = { items: { id: string }[] };
const ids = (body: Listed) => body.items.map((i) => i.id);

/** Every public list a report can appear in, as id lists (the first page is enough: these reports are new). */
async function publicLists(serviceCode: string, near: { lat: number; lng: number }) {
  const box = `${near.lng - 0.001},${near.lat - 0.001},${near.lng + 0.001},${near.lat + 0.001}`;
  const [recent, byService, waiting, inBox, queue] = await Promise.all([
    api('/api/reports?limit=1000'),
    api(`/api/reports?service=${serviceCode}&limit=1000`),
    api('/api/reports?phase=waiting&limit=1000'),
    api(`/api/reports?bbox=${box}`),
    api(`/api/queues/${serviceCode}?limit=1000`),
  ]);
  return [recent, byService, waiting, inBox, queue].map((r) => ids(r.body));
}

/** The references Open311's requests list gives for a service (the last 90 days, newest first). */
async function open311References(serviceCode: string): Promise<string[]> {
  const res = await api(`/open311/v2/requests.json?service_code=${serviceCode}`);
  expect(res.status, res.text).toBe(200);
  return res.body.map((r: { service_request_id: string }) => r.service_request_id);
}

describe('staff hide a report', () => {
  const where = { lat: 51.4711, lng: -2.5811 };
  let older: { id: string; reference: string };
  let newer: { id: string; reference: string; queuePosition: number };
  let token: string;

  beforeAll(async () => {
    token = await signIn('roads.officer');
    older = await createReport({ serviceCode: 'street-light', location: where, description: 'Hide me' });
    newer = await createReport({
      serviceCode: 'street-light',
      location: { lat: where.lat + 0.0001, lng: where.lng },
      description: 'Keep me',
    });
  });

  it('it leaves every public list and the queue, and the positions behind it close up', async () => {
    const before = await publicLists('street-light', where);
    for (const list of before) expect(list).toContain(older.id); // positive control
    expect(await open311References('street-light')).toContain(older.reference); // positive control
    const positionBefore = (await api(`/api/reports/${newer.id}`)).body.queuePosition;
    const area = (await api(`/api/reports/${older.id}`)).body.area.id as string;
    const waitingIn = async () => (await api('/api/areas')).body.items.find((a: { id: string }) => a.id === area).counts.waiting as number;
    const countedBefore = await waitingIn();
    expect(countedBefore).toBeGreaterThanOrEqual(2); // positive control: both reports are counted

    const hidden = await api(`/api/staff/reports/${older.id}`, { token, method: 'PATCH', body: { hidden: true } });
    expect(hidden.status, hidden.text).toBe(200);

    for (const list of await publicLists('street-light', where)) {
      expect(list).not.toContain(older.id);
    }
    expect(await open311References('street-light')).not.toContain(older.reference);
    expect((await api(`/api/reports/${newer.id}`)).body.queuePosition).toBe(positionBefore - 1);
    // The area's count follows from the stream: wait for it to move, then check it moved by exactly one.
    await expect.poll(waitingIn, { timeout: 15_000 }).toBeLessThan(countedBefore);
    expect(await waitingIn()).toBe(countedBefore - 1);
  });

  it('its public routes answer 410 saying the council removed it; staff still see it, with the event', async () => {
    for (const path of [`/api/reports/${older.id}`, `/api/reports/${older.reference}`]) {
      const res = await api(path);
      expect(res.status).toBe(410);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      expect(res.body.detail).toMatch(/removed by the council/);
    }
    expect((await api(`/api/reports/${older.id}/subscriptions`, { body: { email: 'x@example.org' } })).status).toBe(410);
    expect((await api(`/api/reports/${older.id}/flags`, { body: { reason: 'spam' } })).status).toBe(410);
    for (const path of [`/open311/v2/requests/${older.reference}.json`, `/open311/v2/tokens/${older.id}.json`]) {
      expect((await api(path)).status, path).toBe(410);
    }
    const named = await api(`/open311/v2/requests.json?service_request_id=${older.reference},${newer.reference}`);
    expect(named.body.map((r: { service_request_id: string }) => r.service_request_id)).toEqual([newer.reference]);
    const staff = await api(`/api/staff/reports/${older.id}`, { token });
    expect(staff.status).toBe(200);
    expect(staff.body.hidden).toBe(true);
    expect(staff.body.history).toContainEqual(expect.objectContaining({ type: 'hidden', visibility: 'internal' }));
  });

  it('unhiding brings it back', async () => {
    const shown = await api(`/api/staff/reports/${older.id}`, { token, method: 'PATCH', body: { hidden: false } });
    expect(shown.status, shown.text).toBe(200);
    expect((await api(`/api/reports/${older.id}`)).status).toBe(200);
    for (const list of await publicLists('street-light', where)) expect(list).toContain(older.id);
  });

  it('staff of another service cannot hide it (403), and nothing changes', async () => {
    const clerk = await signIn('leg.clerk');
    const res = await api(`/api/staff/reports/${older.id}`, { token: clerk, method: 'PATCH', body: { hidden: true } });
    expect(res.status).toBe(403);
    expect((await api(`/api/reports/${older.id}`)).status).toBe(200);
  });
});

describe('photos can be hidden by a redaction', () => {
  it('a photo: field naming no photo of the report is a 400', async () => {
    const item = await createReport();
    const res = await api(`/api/staff/reports/${item.id}/redactions`, {
      token: await signIn('admin'),
      body: { field: 'photo:01J0000000000000000000000A', reason: 'a child' },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({ path: 'field' });
  });
});

describe('flags', () => {
  it('anyone flags a report (202); staff see the count and the reasons, and resolve it with a recorded decision', async () => {
    const item = await createReport();
    for (const reason of ['Has my neighbour’s name', 'Offensive']) {
      const res = await api(`/api/reports/${item.id}/flags`, { body: { reason } });
      expect(res.status, res.text).toBe(202);
    }
    const token = await signIn('roads.officer');
    const queue = await api('/api/staff/moderation', { token });
    expect(queue.status).toBe(200);
    const row = queue.body.items.find((f: { itemId: string }) => f.itemId === item.id);
    expect(row).toMatchObject({ count: 2, reference: item.reference });
    expect(row.reasons.map((r: { reason: string }) => r.reason)).toEqual(['Has my neighbour’s name', 'Offensive']);

    const resolved = await api(`/api/staff/reports/${item.id}/flag-resolutions`, {
      token,
      body: { action: 'redact', note: 'name removed', redaction: { field: 'description', reason: 'names a neighbour' } },
    });
    expect(resolved.status, resolved.text).toBe(200);
    expect(resolved.body.history ?? []).toBeDefined();
    const after = await api('/api/staff/moderation', { token });
    expect(after.body.items.map((f: { itemId: string }) => f.itemId)).not.toContain(item.id);
    const staff = (await api(`/api/staff/reports/${item.id}`, { token })).body;
    expect(staff.history).toContainEqual(expect.objectContaining({ type: 'flags-resolved', to: 'redact', visibility: 'internal' }));
    expect(staff.history).toContainEqual(expect.objectContaining({ type: 'redacted', field: 'description' }));
    expect((await api(`/api/reports/${item.id}`)).body.description).toBe('[removed: personal information]');
  });

  it('resolving a report with no open flags is a 409', async () => {
    const item = await createReport();
    const res = await api(`/api/staff/reports/${item.id}/flag-resolutions`, { token: await signIn('admin'), body: { action: 'keep' } });
    expect(res.status).toBe(409);
  });

  it('staff of another service do not see the report in their moderation queue', async () => {
    const item = await createReport();
    expect((await api(`/api/reports/${item.id}/flags`, { body: { reason: 'spam' } })).status).toBe(202);
    const admin = await api('/api/staff/moderation', { token: await signIn('admin') });
    expect(admin.body.items.map((f: { itemId: string }) => f.itemId)).toContain(item.id);
    const clerk = await api('/api/staff/moderation', { token: await signIn('leg.clerk') });
    expect(clerk.body.items.map((f: { itemId: string }) => f.itemId)).not.toContain(item.id);
  });

  it(`flags over ${DEFAULT_LIMITS.perClient.flag[0]!.limit} in a window get 429 with Retry-After`, async () => {
    const item = await createReport(reportBody());
    const client = uniqueClientAddress();
    const { limit } = DEFAULT_LIMITS.perClient.flag[0]!;
    for (let i = 0; i < limit; i++)
      expect((await postFrom(client, `/api/reports/${item.id}/flags`, { reason: `flag ${i}` })).status).toBe(202);
    const refused = await postFrom(client, `/api/reports/${item.id}/flags`, { reason: 'one more' });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.body.detail).toContain('flags');
  });

  it('a flag about a comment must name a public comment of the report', async () => {
    const item = await createReport();
    const res = await api(`/api/reports/${item.id}/flags`, { body: { reason: 'rude', comment: '01J0000000000000000000000A' } });
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({ path: 'comment' });
  });
});
