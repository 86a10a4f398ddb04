import { beforeAll, describe, expect, it } from 'vitest';
import { api, createReport, signIn } from '../support/api.js';

let roads: string;
beforeAll(async () => {
  roads = await signIn('roads.officer');
});

describe('team members and assignment', () => {
  it('lists who can own a service: its team and admins, not other teams', async () => {
    const res = await api('/api/staff/services/pothole/members', { token: roads });
    expect(res.status).toBe(200);
    const ids = res.body.items.map((m: { id: string }) => m.id);
    expect(ids).toEqual(expect.arrayContaining(['roads.officer', 'admin']));
    expect(ids).not.toContain('leg.clerk');
    expect(res.body.items.find((m: { id: string }) => m.id === 'roads.officer').name).toBe('Rita Okafor');
  });

  it('refuses the member list to another team', async () => {
    const res = await api('/api/staff/services/pothole/members', { token: await signIn('leg.clerk') });
    expect(res.status).toBe(403);
  });

  it('assigns to another member of the team, by the name the directory holds', async () => {
    const report = await createReport();
    const res = await api(`/api/staff/reports/${report.id}`, { token: roads, method: 'PATCH', body: { assignee: 'admin' } });
    expect(res.status).toBe(200);
    expect(res.body.assignee).toEqual({ id: 'admin', name: 'Ada Admin' });
    const staff = (await api(`/api/staff/reports/${report.id}`, { token: roads })).body;
    expect(staff.history.at(-1)).toMatchObject({ type: 'assigned', to: 'admin', visibility: 'internal' });
  });

  it('refuses to assign someone outside the team, with 400 naming assignee, and keeps the owner', async () => {
    const report = await createReport();
    expect((await api(`/api/staff/reports/${report.id}`, { token: roads, method: 'PATCH', body: { assignee: 'me' } })).status).toBe(200);
    for (const who of ['leg.clerk', 'nobody.at.all']) {
      const res = await api(`/api/staff/reports/${report.id}`, { token: roads, method: 'PATCH', body: { assignee: who } });
      expect(res.status).toBe(400);
      expect(res.body.errors[0].path).toBe('assignee');
    }
    expect((await api(`/api/staff/reports/${report.id}`, { token: roads })).body.assignee.id).toBe('roads.officer');
  });

  it('unassigns with null', async () => {
    const report = await createReport();
    const assigned = await api(`/api/staff/reports/${report.id}`, { token: roads, method: 'PATCH', body: { assignee: 'me' } });
    expect(assigned.body.assignee).toMatchObject({ id: 'roads.officer' });
    const res = await api(`/api/staff/reports/${report.id}`, { token: roads, method: 'PATCH', body: { assignee: null } });
    expect(res.status).toBe(200);
    const stored = (await api(`/api/staff/reports/${report.id}`, { token: roads })).body;
    expect(stored.version).toBe(3);
    expect(stored.assignee).toBeUndefined();
    const unowned = await api('/api/staff/reports?service=pothole&assignee=none&limit=1000', { token: roads });
    expect(unowned.body.items.map((i: { id: string }) => i.id)).toContain(report.id);
  });
});
