import { beforeAll, describe, expect, it } from 'vitest';
import { api, createReport, signIn } from '../support/api.js';
import { createBill, testSession } from '../support/bills.js';

/**
 * Who may act is decided before the body is read: a caller without rights gets 403 whatever they send,
 * and learns nothing about the schema. The same bad body from someone with rights is the 400 that says
 * what to fix.
 */
describe('authorisation comes before validation', () => {
  let roads: string;
  let clerk: string;
  // biome-ignore lint/suspicious/noExplicitAny: API bodies
  let bill: any;
  // biome-ignore lint/suspicious/noExplicitAny: API bodies
  let report: any;

  beforeAll(async () => {
    roads = await signIn('roads.officer');
    clerk = await signIn('leg.clerk');
    bill = await createBill(clerk, testSession('authz'));
    report = await createReport();
  });

  it('a roads officer recording a bill vote with a bad body gets 403; the clerk gets the 400', async () => {
    const bad = { chamber: 'Moon', yes: -1 };
    const refused = await api(`/api/staff/bills/${bill.id}/votes`, { token: roads, body: bad });
    expect(refused.status).toBe(403);
    expect(refused.body.errors).toBeUndefined();
    const explained = await api(`/api/staff/bills/${bill.id}/votes`, { token: clerk, body: bad });
    expect(explained.status).toBe(400);
    expect(explained.body.errors.length).toBeGreaterThan(0);
  });

  it('a roads officer filing a bill with a bad body gets 403; the clerk gets the 400', async () => {
    expect((await api('/api/staff/bills', { token: roads, body: { number: 7 } })).status).toBe(403);
    expect((await api('/api/staff/bills', { token: clerk, body: { number: 7 } })).status).toBe(400);
  });

  it('legislature staff moving a pothole report with a bad body get 403; its team gets the 400', async () => {
    const bad = { to: 42 };
    expect((await api(`/api/staff/reports/${report.id}/transitions`, { token: clerk, body: bad })).status).toBe(403);
    expect((await api(`/api/staff/reports/${report.id}/transitions`, { token: roads, body: bad })).status).toBe(400);
  });

  it('legislature staff editing or commenting on a report with a bad body get 403; its team gets the 400', async () => {
    const patch = { method: 'PATCH', body: { priority: 'whenever' } };
    expect((await api(`/api/staff/reports/${report.id}`, { ...patch, token: clerk })).status).toBe(403);
    expect((await api(`/api/staff/reports/${report.id}`, { ...patch, token: roads })).status).toBe(400);
    const comment = { body: { visibility: 'everyone' } };
    expect((await api(`/api/staff/reports/${report.id}/comments`, { ...comment, token: clerk })).status).toBe(403);
    expect((await api(`/api/staff/reports/${report.id}/comments`, { ...comment, token: roads })).status).toBe(400);
  });

  it('a roads officer noting a bill on a watchlist with a bad body gets 403; an office member gets the 400', async () => {
    const bad = { method: 'PUT', body: { note: 12 } };
    expect((await api(`/api/staff/watchlist/${bill.id}`, { ...bad, token: roads })).status).toBe(403);
    expect((await api(`/api/staff/watchlist/${bill.id}`, { ...bad, token: clerk })).status).toBe(400);
  });
});
