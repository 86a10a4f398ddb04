import { beforeAll, describe, expect, it } from 'vitest';
import { commit } from '../../functions/store/commit.js';
import { findItem } from '../../functions/store/items.js';
import { getService } from '../../shared/catalog/index.js';
import type { ItemSla } from '../../shared/sla/index.js';
import { dueAt, jurisdictionCalendar } from '../../shared/sla/index.js';
import { api, createReport, signIn, useTestTable } from '../support/api.js';

let token: string;
beforeAll(async () => {
  token = await signIn('roads.officer');
});

const publicItem = async (id: string) => (await api(`/api/reports/${id}`)).body;
const staffItem = async (id: string) => (await api(`/api/staff/reports/${id}`, { token })).body;
const move = async (id: string, to: string) => {
  const res = await api(`/api/staff/reports/${id}/transitions`, { token, body: { to } });
  expect(res.status, res.text).toBe(200);
  return res.body;
};

describe('the promise on an item', () => {
  it('a new pothole carries its due times from the catalog, on track and running, publicly and for staff', async () => {
    const report = await createReport();
    const policy = getService('pothole').sla;
    const created = new Date(report.createdAt);
    const expected = {
      firstResponseDueAt: dueAt(created, policy?.firstResponse as never, jurisdictionCalendar()).toISOString(),
      resolutionDueAt: dueAt(created, policy?.resolution as never, jurisdictionCalendar()).toISOString(),
      state: 'on_track',
      paused: false,
    };
    expect(report.sla).toEqual(expected);
    expect((await publicItem(report.id)).sla).toEqual(expected);
    expect((await staffItem(report.id)).sla).toMatchObject(expected);
  });

  it('a public move is the first response; waiting for the reporter stops the clock and resuming moves it on', async () => {
    const report = await createReport();
    const paused = await move(report.id, 'awaiting_info');
    expect(paused.sla).toMatchObject({ paused: true, firstRespondedAt: expect.any(String), state: 'on_track' });
    expect((await publicItem(report.id)).sla.paused).toBe(true);
    const resumed = await move(report.id, 'acknowledged');
    expect(resumed.sla.paused).toBe(false);
    expect(resumed.sla.firstRespondedAt).toBe(paused.sla.firstRespondedAt);
    expect(resumed.sla.resolutionDueAt >= report.sla.resolutionDueAt).toBe(true);
  });

  it('a public comment answers the reporter; an internal note does not', async () => {
    const answered = await createReport();
    const internal = await createReport();
    const comment = (id: string, visibility: string) =>
      api(`/api/staff/reports/${id}/comments`, { token, body: { body: 'We are on it', visibility } });
    expect((await comment(answered.id, 'public')).status).toBe(201);
    expect((await comment(internal.id, 'internal')).status).toBe(201);
    expect((await publicItem(answered.id)).sla.firstRespondedAt).toEqual(expect.any(String));
    expect((await publicItem(internal.id)).sla.firstRespondedAt).toBeUndefined();
  });

  it('a fixed report met its promise', async () => {
    const report = await createReport();
    await move(report.id, 'in_progress');
    const fixed = await move(report.id, 'fixed');
    expect(fixed.sla).toMatchObject({ state: 'met', paused: false });
    expect((await publicItem(report.id)).sla.state).toBe('met');
  });
});

describe('the staff list by promise', () => {
  useTestTable();
  const ago = (m: number) => new Date(Date.now() - m * 60_000).toISOString();
  const ahead = (m: number) => new Date(Date.now() + m * 60_000).toISOString();
  async function withSla(sla: ItemSla): Promise<string> {
    const { id } = await createReport({ serviceCode: 'damaged-pavement' });
    const item = await findItem(id, true);
    if (!item) throw new Error('not stored');
    await commit({ change: { item: { ...item, version: item.version + 1, sla }, events: [], notifications: [] }, before: item });
    return id;
  }
  const list = async (query: string) => {
    const res = await api(`/api/staff/reports?service=damaged-pavement&${query}`, { token });
    expect(res.status, res.text).toBe(200);
    return res.body as { items: { id: string; sla?: { state: string; resolutionDueAt?: string } }[]; nextCursor?: string };
  };
  const allPages = async (query: string) => {
    const ids: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await list(`${query}&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      ids.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    return ids;
  };

  it('filters sla=breached and sla=at_risk, each page after page, and sorts by due time', async () => {
    const breached = await withSla({ resolutionAtRiskAt: ago(120), resolutionDueAt: ago(60) });
    const atRisk = await withSla({ resolutionAtRiskAt: ago(5), resolutionDueAt: ahead(60) });
    const onTrack = await withSla({ resolutionAtRiskAt: ahead(30), resolutionDueAt: ahead(90) });
    const breachedIds = await allPages('sla=breached');
    expect(breachedIds).toContain(breached);
    expect(breachedIds).not.toContain(atRisk);
    const atRiskIds = await allPages('sla=at_risk');
    expect(atRiskIds).toContain(atRisk);
    expect(atRiskIds).not.toContain(breached);
    expect(atRiskIds).not.toContain(onTrack);
    const byDue = await allPages('sort=due');
    expect([breached, atRisk, onTrack].map((id) => byDue.indexOf(id))).toEqual(
      [...[breached, atRisk, onTrack].map((id) => byDue.indexOf(id))].sort((a, b) => a - b),
    );
    expect(byDue.indexOf(breached)).toBeGreaterThanOrEqual(0);
    const page = await list('sort=due&limit=100');
    const dues = page.items.map((i) => i.sla?.resolutionDueAt ?? '');
    expect(dues).toEqual([...dues].sort());
  });

  it('an sla filter the list does not know is a 400 naming it', async () => {
    const res = await api('/api/staff/reports?sla=late', { token });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].path).toBe('query.sla');
  });
});
