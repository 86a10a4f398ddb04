import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, signIn } from '../support/api.js';
import { createBill, moveBill, officeUser, testSession } from '../support/bills.js';
import { drainItemMail, followUrl, mailTo, mailWith } from '../support/mailbox.js';

const session = testSession('office');
let clerk: string;
let roads: string;
let a: { user: string; token: string };
let a2: { user: string; token: string };
let other: { user: string; token: string };

const member = async (office: string) => {
  const user = await officeUser(office);
  return { user, token: await signIn(user) };
};
const email = (user: string) => `${user}@demo-city.example`;

beforeAll(async () => {
  clerk = await signIn('leg.clerk');
  roads = await signIn('roads.officer');
  const office = `office-o${Date.now() % 1e6}`;
  a = await member(office);
  a2 = await member(office);
  other = await member(`office-p${Date.now() % 1e6}`);
});

describe('office notes keep their history', () => {
  it('each change of the note is a version with who and when, newest first; the same note again adds none', async () => {
    const bill = await createBill(clerk, session);
    const put = (token: string, note: string) => api(`/api/staff/watchlist/${bill.id}`, { method: 'PUT', token, body: { note } });
    expect((await put(a.token, 'First read: supportive')).status).toBe(200);
    expect((await put(a2.token, 'Whip says: wait for the fiscal note')).status).toBe(200);
    expect((await put(a2.token, 'Whip says: wait for the fiscal note')).status).toBe(200);
    const view = await api(`/api/staff/bills/${bill.id}`, { token: a.token });
    expect(view.body.watch.note).toBe('Whip says: wait for the fiscal note');
    expect(view.body.watch.history.map((v: { note: string; by: { id: string } }) => [v.note, v.by.id])).toEqual([
      ['Whip says: wait for the fiscal note', a2.user],
      ['First read: supportive', a.user],
    ]);
    expect(Date.parse(view.body.watch.history[0].at)).toBeGreaterThanOrEqual(Date.parse(view.body.watch.history[1].at));
    // another office sees none of it
    const elsewhere = await api(`/api/staff/bills/${bill.id}`, { token: other.token });
    expect(elsewhere.status).toBe(200);
    expect(elsewhere.body.watch).toBeUndefined();
    expect(elsewhere.text).not.toContain('fiscal note');
  });
});

describe('the watchlist as CSV', () => {
  it('downloads every tracked bill with its stage and note, spreadsheet-safe; only the office’s own', async () => {
    const bill = await createBill(clerk, session, { title: 'Ferry, "fast" lanes' });
    const note = '=HYPERLINK("http://evil.example") call, then "vote"';
    await api(`/api/staff/watchlist/${bill.id}`, { method: 'PUT', token: a.token, body: { note } });
    const res = await api('/api/staff/watchlist?format=csv', { token: a.token });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="watchlist-office-o\d+\.csv"/);
    const rows = parse(res.text, { columns: true }) as Record<string, string>[];
    const row = rows.find((r) => r['bill id'] === bill.id);
    expect(row).toMatchObject({
      number: bill.number,
      title: 'Ferry, "fast" lanes',
      stage: 'introduced',
      note: `'${note}`,
      'note updated by': a.user,
    });
    const theirs = await api('/api/staff/watchlist?format=csv', { token: other.token });
    expect(theirs.status).toBe(200);
    expect(theirs.text).not.toContain(bill.id);
    // control: JSON is still the default
    expect((await api('/api/staff/watchlist', { token: a.token })).body.items.some((i: { billId: string }) => i.billId === bill.id)).toBe(
      true,
    );
  });
});

describe('watchlist alerts', () => {
  it('an office member who opted in gets an email when a watched bill changes stage or gets a vote; one who did not gets none', async () => {
    expect((await api('/api/staff/watchlist-alerts', { method: 'PUT', token: a.token, body: { enabled: true } })).status).toBe(200);
    expect((await api('/api/staff/watchlist-alerts', { token: a.token })).body).toMatchObject({ enabled: true });
    expect((await api('/api/staff/watchlist-alerts', { token: a2.token })).body).toMatchObject({ enabled: false });
    const bill = await createBill(clerk, session, { title: `Watched ferry bill ${Date.now()}` });
    const watched = await api(`/api/staff/watchlist/${bill.id}`, { method: 'PUT', token: a2.token, body: { note: 'private strategy' } });
    expect(watched.status, watched.text).toBe(200);
    await moveBill(clerk, bill.id, 'committee');
    await mailWith(email(a.user), 'In committee');
    const vote = await api(`/api/staff/bills/${bill.id}/votes`, {
      token: clerk,
      body: {
        at: '2030-01-10T11:00:00Z',
        chamber: 'House',
        motion: 'Motion to hold',
        yes: 3,
        no: 1,
        abstain: 0,
        absent: 0,
        result: 'pass',
      },
    });
    expect(vote.status).toBe(201);
    await drainItemMail(followUrl('bills', bill.id));
    const toA = (await mailTo(email(a.user))).filter((m) => m.body.text.includes(bill.title));
    expect(toA.map((m) => m.subject)).toEqual([expect.stringContaining('In committee'), expect.stringContaining('In committee')]);
    expect(toA[1]?.body.text).toContain('3 yes, 1 no');
    expect(toA.map((m) => m.body.text).join()).not.toContain('private strategy');
    expect(await mailTo(email(a2.user))).toEqual([]);
  });

  it('turning alerts off stops them', async () => {
    const bill = await createBill(clerk, session);
    await api(`/api/staff/watchlist/${bill.id}`, { method: 'PUT', token: a.token, body: { note: '' } });
    await api('/api/staff/watchlist-alerts', { method: 'PUT', token: a.token, body: { enabled: false } });
    await moveBill(clerk, bill.id, 'committee');
    await drainItemMail(followUrl('bills', bill.id));
    expect((await mailTo(email(a.user))).filter((m) => m.body.text.includes(bill.reference))).toEqual([]);
    expect((await api('/api/staff/watchlist-alerts', { token: a.token })).body).toMatchObject({ enabled: false });
  });

  it('staff outside an office get 403 whatever they send; an office member’s bad body is the 400', async () => {
    expect((await api('/api/staff/watchlist-alerts', { method: 'PUT', token: roads, body: { enabled: 'yes' } })).status).toBe(403);
    const bad = await api('/api/staff/watchlist-alerts', { method: 'PUT', token: a.token, body: { enabled: 'yes' } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('enabled');
  });
});
