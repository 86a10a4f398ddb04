import { beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '../../functions/routes.js';
import { api, signIn } from '../support/api.js';
import { createBill, officeUser, testSession } from '../support/bills.js';

const secret = `Whip count shaky ${Date.now()}: call the Senator before Friday`;
let clerk: string;
let officeA: string;
let officeA2: string;
let officeB: string;
let bill: { id: string; reference: string; number: string };
const session = testSession('watch');

beforeAll(async () => {
  clerk = await signIn('leg.clerk');
  const a = `office-a${Date.now() % 1e6}`;
  officeA = await signIn(await officeUser(a));
  officeA2 = await signIn(await officeUser(a));
  officeB = await signIn(await officeUser(`office-b${Date.now() % 1e6}`));
  bill = await createBill(clerk, session);
  const res = await api(`/api/staff/watchlist/${bill.id}`, { method: 'PUT', token: officeA, body: { note: secret } });
  expect(res.status).toBe(200);
});

describe('office watchlists', () => {
  it('every member of the office sees the tracked bill and its note', async () => {
    for (const token of [officeA, officeA2]) {
      const res = await api('/api/staff/watchlist', { token });
      expect(res.status).toBe(200);
      expect(res.body.items).toEqual([
        expect.objectContaining({ billId: bill.id, note: secret, bill: expect.objectContaining({ id: bill.id }) }),
      ]);
    }
    const staffView = await api(`/api/staff/bills/${bill.id}`, { token: officeA2 });
    expect(staffView.body.watch).toMatchObject({ note: secret });
  });

  it('another office sees neither the bill on its list nor the note on the bill', async () => {
    const ownList = await api('/api/staff/watchlist', { token: officeA });
    expect(ownList.text).toContain(secret);
    const list = await api('/api/staff/watchlist', { token: officeB });
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([]);
    expect(list.text).not.toContain(secret);
    const staffView = await api(`/api/staff/bills/${bill.id}`, { token: officeB });
    expect(staffView.status).toBe(200);
    expect(staffView.body.watch).toBeUndefined();
    expect(staffView.text).not.toContain(secret);
  });

  it('no public GET route carries the note', async () => {
    // Member and committee pages are keyed by LegiScan people and committee names, not bills (import-bills.test.ts).
    const byBill = (path: string) => path.includes('bills') && !/\/(members|committees)\//.test(path);
    const urls = ROUTES.filter((r) => r.auth === 'public' && r.method === 'GET' && byBill(r.path)).flatMap((r) =>
      [bill.id, bill.reference, bill.number].map((id) => r.path.replace('{id}', encodeURIComponent(id))),
    );
    urls.push(`/api/bills?session=${session}`, `/api/bills?q=${encodeURIComponent(bill.number)}`, '/api/bills?phase=waiting');
    // Feeds and calendars list only the newest bills or those with a vote on the agenda: they are walked
    // for the note, not counted as showing this bill.
    const showsBill = urls.filter((url) => !/\.(atom|ics)(\?|$)/.test(url));
    let sawBill = 0;
    for (const url of urls) {
      const res = await api(url);
      expect(res.status, url).toBe(200);
      expect(res.text, url).not.toContain(secret);
      expect(res.text, url).not.toContain('Whip count');
      if (showsBill.includes(url) && res.text.includes(bill.id)) sawBill++;
    }
    expect(urls.length).toBeGreaterThan(showsBill.length); // the feeds and calendars are walked too
    expect(sawBill).toBeGreaterThanOrEqual(showsBill.length - 1);
  });

  it('a staff member in no office, and roads staff, get 403', async () => {
    expect((await api('/api/staff/watchlist', { token: await signIn('admin') })).status).toBe(403);
    const roads = await signIn('roads.officer');
    expect((await api('/api/staff/watchlist', { token: roads })).status).toBe(403);
    expect((await api(`/api/staff/watchlist/${bill.id}`, { method: 'PUT', token: roads, body: { note: 'x' } })).status).toBe(403);
  });

  it('removing a bill takes it and its note off the office list', async () => {
    const other = await createBill(clerk, session);
    expect((await api(`/api/staff/watchlist/${other.id}`, { method: 'PUT', token: officeB, body: { note: 'temporary' } })).status).toBe(
      200,
    );
    expect((await api('/api/staff/watchlist', { token: officeB })).body.items).toEqual([expect.objectContaining({ billId: other.id })]);
    expect((await api(`/api/staff/watchlist/${other.id}`, { method: 'DELETE', token: officeB })).status).toBe(200);
    expect((await api('/api/staff/watchlist', { token: officeB })).body.items).toEqual([]);
    expect((await api(`/api/staff/watchlist/${other.id}`, { method: 'DELETE', token: officeB })).status).toBe(404);
  });
});
