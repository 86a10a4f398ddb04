import { beforeAll, describe, expect, it } from 'vitest';
import { api, createReport, signIn } from '../support/api.js';

let token: string;
beforeAll(async () => {
  token = await signIn('roads.officer');
});

const refs = (body: { items: { reference: string }[] }) => body.items.map((i) => i.reference);

describe('the staff work list, unassigned filter', () => {
  it('assignee=none lists only items nobody owns, and an item leaves it once assigned', async () => {
    const free = await createReport({ serviceCode: 'blocked-drain' });
    const owned = await createReport({ serviceCode: 'blocked-drain' });
    const patched = await api(`/api/staff/reports/${owned.id}`, { method: 'PATCH', token, body: { assignee: 'me' } });
    expect(patched.status).toBe(200);

    const res = await api('/api/staff/reports?service=blocked-drain&assignee=none&limit=1000', { token });

    expect(res.status).toBe(200);
    expect(refs(res.body)).toContain(free.reference);
    expect(refs(res.body)).not.toContain(owned.reference);
    expect(res.body.items.every((i: { assignee?: unknown }) => i.assignee === undefined)).toBe(true);
  });

  it('assignee=none combines with priority', async () => {
    const urgent = await createReport({ serviceCode: 'damaged-sign' });
    const patched = await api(`/api/staff/reports/${urgent.id}`, { method: 'PATCH', token, body: { priority: 'urgent' } });
    expect(patched.status).toBe(200);
    const normal = await createReport({ serviceCode: 'damaged-sign' });

    const res = await api('/api/staff/reports?assignee=none&priority=urgent&limit=1000', { token });

    expect(res.status).toBe(200);
    expect(res.body.items.every((i: { priority: string }) => i.priority === 'urgent')).toBe(true);
    expect(refs(res.body)).toContain(urgent.reference);
    expect(refs(res.body)).not.toContain(normal.reference);
  });
});
