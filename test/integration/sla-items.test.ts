import { beforeAll, describe, expect, it } from 'vitest';
import { getService } from '../../shared/catalog/index.js';
import { dueAt, jurisdictionCalendar } from '../../shared/sla/index.js';
import { api, createReport, signIn } from '../support/api.js';

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
