import { beforeAll, describe, expect, it } from 'vitest';
import { ROUTES, routeKey } from '../../functions/routes.js';
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

/**
 * Every staff route, and every bill route that takes input, in one table: a caller who may not act gets
 * 403 whatever they send (a bad body or query), and one who may gets the 400 for the same input (or the
 * success, for routes without input). A new staff route fails the coverage check until it has a row.
 */
describe('authorisation before validation on every bill and staff route', () => {
  type Who = 'roads' | 'clerk' | 'admin';
  interface Case {
    /** Who gets the 403; null for a route every staff member may call (it answers each with their own share). */
    refused: Who | null;
    allowed: Who;
    path: (ids: { bill: string; report: string }) => string;
    body?: unknown;
    /** The status the allowed caller gets: 400 for a bad input, else what the route answers. */
    allowedStatus: number;
  }
  const CASES: Record<string, Case> = {
    'GET /api/staff/reports': {
      refused: 'clerk',
      allowed: 'roads',
      path: () => '/api/staff/reports?service=pothole&limit=abc',
      allowedStatus: 400,
    },
    'GET /api/staff/reports/{id}': {
      refused: 'clerk',
      allowed: 'roads',
      path: ({ report }) => `/api/staff/reports/${report}`,
      allowedStatus: 200,
    },
    'PATCH /api/staff/reports/{id}': {
      refused: 'clerk',
      allowed: 'roads',
      path: ({ report }) => `/api/staff/reports/${report}`,
      body: { priority: 9 },
      allowedStatus: 400,
    },
    'POST /api/staff/reports/{id}/transitions': {
      refused: 'clerk',
      allowed: 'roads',
      path: ({ report }) => `/api/staff/reports/${report}/transitions`,
      body: { to: [] },
      allowedStatus: 400,
    },
    'POST /api/staff/reports/{id}/comments': {
      refused: 'clerk',
      allowed: 'roads',
      path: ({ report }) => `/api/staff/reports/${report}/comments`,
      body: { text: 5 },
      allowedStatus: 400,
    },
    'GET /api/staff/services/{serviceCode}/members': {
      refused: 'clerk',
      allowed: 'roads',
      path: () => '/api/staff/services/pothole/members',
      allowedStatus: 200,
    },
    'POST /api/staff/bills': {
      refused: 'roads',
      allowed: 'clerk',
      path: () => '/api/staff/bills',
      body: { number: [] },
      allowedStatus: 400,
    },
    'GET /api/staff/bills/{id}': { refused: 'roads', allowed: 'clerk', path: ({ bill }) => `/api/staff/bills/${bill}`, allowedStatus: 200 },
    'POST /api/staff/bills/{id}/transitions': {
      refused: 'roads',
      allowed: 'clerk',
      path: ({ bill }) => `/api/staff/bills/${bill}/transitions`,
      body: { to: 1, scheduledVote: 'soon' },
      allowedStatus: 400,
    },
    'POST /api/staff/bills/{id}/votes': {
      refused: 'roads',
      allowed: 'clerk',
      path: ({ bill }) => `/api/staff/bills/${bill}/votes`,
      body: { chamber: 'Moon', yes: -1 },
      allowedStatus: 400,
    },
    'GET /api/staff/watchlist': { refused: 'roads', allowed: 'clerk', path: () => '/api/staff/watchlist?format=xml', allowedStatus: 400 },
    'PUT /api/staff/watchlist/{id}': {
      refused: 'roads',
      allowed: 'clerk',
      path: ({ bill }) => `/api/staff/watchlist/${bill}`,
      body: { note: 12 },
      allowedStatus: 400,
    },
    'DELETE /api/staff/watchlist/{id}': {
      refused: 'admin',
      allowed: 'clerk',
      path: () => '/api/staff/watchlist/not-on-the-list',
      allowedStatus: 404,
    },
    'GET /api/staff/watchlist-alerts': {
      refused: 'roads',
      allowed: 'clerk',
      path: () => '/api/staff/watchlist-alerts',
      allowedStatus: 200,
    },
    'PUT /api/staff/watchlist-alerts': {
      refused: 'admin',
      allowed: 'clerk',
      path: () => '/api/staff/watchlist-alerts',
      body: { enabled: 'yes' },
      allowedStatus: 400,
    },
    'POST /api/staff/api-keys': {
      refused: 'roads',
      allowed: 'admin',
      path: () => '/api/staff/api-keys',
      body: { name: 5 },
      allowedStatus: 400,
    },
    'GET /api/staff/api-keys': { refused: 'clerk', allowed: 'admin', path: () => '/api/staff/api-keys', allowedStatus: 200 },
    'DELETE /api/staff/api-keys/{id}': {
      refused: 'roads',
      allowed: 'admin',
      path: () => '/api/staff/api-keys/no-such-key',
      allowedStatus: 404,
    },
    'GET /api/staff/moderation': { refused: null, allowed: 'clerk', path: () => '/api/staff/moderation', allowedStatus: 200 },
    'POST /api/staff/reports/{id}/redactions': {
      refused: 'clerk',
      allowed: 'roads',
      path: ({ report }) => `/api/staff/reports/${report}/redactions`,
      body: { field: 5 },
      allowedStatus: 400,
    },
    'POST /api/staff/reports/{id}/flag-resolutions': {
      refused: 'clerk',
      allowed: 'roads',
      path: ({ report }) => `/api/staff/reports/${report}/flag-resolutions`,
      body: { action: 'burn' },
      allowedStatus: 400,
    },
  };
  const tokens = {} as Record<Who, string>;
  const ids = { bill: '', report: '' };

  beforeAll(async () => {
    tokens.roads = await signIn('roads.officer');
    tokens.clerk = await signIn('leg.clerk');
    tokens.admin = await signIn('admin');
    ids.bill = (await createBill(tokens.clerk, testSession('authz-all'))).id;
    ids.report = (await createReport()).id;
  });

  it('has a row for every staff route', () => {
    const staff = ROUTES.filter((r) => r.auth === 'staff').map(routeKey);
    expect(Object.keys(CASES).sort()).toEqual([...staff].sort());
  });

  it.each(Object.entries(CASES))('%s: 403 for who may not act, whatever the input; the right caller gets %j', async (key, c) => {
    const method = key.split(' ')[0] as string;
    const url = c.path(ids);
    const send = (who: Who) => api(url, { method, token: tokens[who], ...(c.body === undefined ? {} : { body: c.body }) });
    if (c.refused) {
      const refused = await send(c.refused);
      expect(refused.status, `${c.refused} ${key}`).toBe(403);
      expect(refused.body.errors).toBeUndefined();
    }
    const allowed = await send(c.allowed);
    expect(allowed.status, `${c.allowed} ${key}: ${allowed.text.slice(0, 200)}`).toBe(c.allowedStatus);
    if (c.allowedStatus === 400) expect(allowed.body.errors.length).toBeGreaterThan(0);
  });
});
