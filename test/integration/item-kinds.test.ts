import { beforeAll, describe, expect, it } from 'vitest';
import { api, createReport, signIn } from '../support/api.js';
import { createBill, testSession } from '../support/bills.js';

/**
 * Reports and bills share the table, but each route serves one kind: a bill reached through a report
 * route is absent (404), never moved, renamed or pinned by report rules, and never an original for a
 * duplicate report. Each refusal is paired with the same call succeeding on the right kind.
 */
describe('each route serves one kind of item', () => {
  let admin: string;
  let clerk: string;
  // biome-ignore lint/suspicious/noExplicitAny: API bodies
  let bill: any;

  beforeAll(async () => {
    admin = await signIn('admin');
    clerk = await signIn('leg.clerk');
    bill = await createBill(clerk, testSession('kinds'));
    expect(bill.status).toBe('introduced');
  });

  const storedBill = async () => {
    const res = await api(`/api/bills/${bill.id}`);
    expect(res.status).toBe(200);
    return res.body;
  };

  it('a bill is not a report on the public report route, and is on the bill route', async () => {
    expect((await api(`/api/reports/${bill.id}`)).status).toBe(404);
    expect((await api(`/api/reports/${bill.reference}`)).status).toBe(404);
    expect((await storedBill()).id).toBe(bill.id);
  });

  it("the report transition route refuses a bill (404) and the bill's stage stays; the bill route moves it", async () => {
    const res = await api(`/api/staff/reports/${bill.id}/transitions`, { token: admin, body: { to: 'committee' } });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect((await storedBill()).status).toBe('introduced');

    const moved = await api(`/api/staff/bills/${bill.id}/transitions`, { token: admin, body: { to: 'committee' } });
    expect(moved.status).toBe(200);
    expect((await storedBill()).status).toBe('committee');
  });

  it('the report edit route cannot rename or pin a bill', async () => {
    const res = await api(`/api/staff/reports/${bill.id}`, {
      method: 'PATCH',
      token: admin,
      body: { title: 'Renamed through the report route', location: { lat: 51.45, lng: -2.59 } },
    });
    expect(res.status).toBe(404);
    const after = await storedBill();
    expect(after.title).toBe(bill.title);
    expect(after.location).toBeUndefined();
  });

  it('the report comment route refuses a bill, and comments on a report', async () => {
    expect(
      (await api(`/api/staff/reports/${bill.id}/comments`, { token: admin, body: { body: 'note', visibility: 'internal' } })).status,
    ).toBe(404);
    const report = await createReport();
    const ok = await api(`/api/staff/reports/${report.id}/comments`, { token: admin, body: { body: 'note', visibility: 'internal' } });
    expect(ok.status).toBe(201);
  });

  it('a report cannot be closed as a duplicate of a bill, but can of another report', async () => {
    const report = await createReport();
    const original = await createReport();
    const refused = await api(`/api/staff/reports/${report.id}/transitions`, {
      token: admin,
      body: { to: 'closed', resolution: 'duplicate', duplicateOf: bill.id },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.errors?.[0]?.path).toBe('duplicateOf');
    expect((await api(`/api/reports/${report.id}`)).body.status).toBe('new');

    const closed = await api(`/api/staff/reports/${report.id}/transitions`, {
      token: admin,
      body: { to: 'closed', resolution: 'duplicate', duplicateOf: original.reference },
    });
    expect(closed.status, closed.text).toBe(200);
    expect(closed.body.duplicateOf).toBe(original.id);
  });

  it('following a bill through the report route is a 404; through the bill route it is accepted', async () => {
    expect((await api(`/api/reports/${bill.id}/subscriptions`, { body: { email: 'kinds@example.org' } })).status).toBe(404);
    expect((await api(`/api/bills/${bill.id}/subscriptions`, { body: { email: 'kinds@example.org' } })).status).toBe(202);
  });
});
