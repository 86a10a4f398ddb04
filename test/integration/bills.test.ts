import { beforeAll, describe, expect, it } from 'vitest';
import { api, signIn } from '../support/api.js';
import { billBody, createBill, moveBill, testSession } from '../support/bills.js';

let clerk: string;
let roads: string;
const session = testSession('api');
const vote = { chamber: 'House', motion: 'Third reading, final passage', yes: 3, no: 1, abstain: 0, absent: 1, result: 'pass' };
const rollCall = [
  { member: 'Ames', vote: 'yes' },
  { member: 'Bell', vote: 'yes' },
  { member: 'Cruz', vote: 'yes' },
  { member: 'Diaz', vote: 'no' },
  { member: 'Eng', vote: 'absent' },
];

/** The stored bill as legislature staff see it (every field, the full history). */
async function getBill(id: string) {
  const res = await api(`/api/staff/bills/${id}`, { token: clerk });
  expect(res.status).toBe(200);
  return res.body;
}

beforeAll(async () => {
  clerk = await signIn('leg.clerk');
  roads = await signIn('roads.officer');
});

describe('creating bills', () => {
  it('a clerk files a bill; the public sees it by id and by number with the contract fields', async () => {
    const created = await createBill(clerk, session, { number: 'sb 7' });
    expect(created).toMatchObject({ kind: 'bill', number: 'SB 7', status: 'introduced', phase: 'waiting', version: 1 });
    for (const key of [created.id, 'SB7', 'sb 7']) {
      const res = await api(`/api/bills/${encodeURIComponent(key)}`);
      expect(res.status, key).toBe(200);
      expect(res.body).toMatchObject({ id: created.id, number: 'SB 7', session, chamber: 'House', summary: expect.any(String), votes: [] });
      expect(res.body.sponsors).toEqual([
        expect.objectContaining({ name: 'Ada Primary', role: 'primary' }),
        expect.objectContaining({ role: 'cosponsor' }),
      ]);
      expect(res.body.history).toEqual([expect.objectContaining({ type: 'created', to: 'introduced' })]);
    }
  });

  it('a bill number is unique per session: the second gets 409 and nothing is written', async () => {
    const first = await createBill(clerk, session, { number: 'HB 900' });
    const again = await api('/api/staff/bills', { token: clerk, body: billBody(session, { number: 'hb900', title: 'Copy' }) });
    expect(again.status).toBe(409);
    expect(again.headers.get('content-type')).toContain('application/problem+json');
    const list = await api(`/api/bills?session=${session}&q=HB900`);
    expect(list.body.items.map((b: { id: string }) => b.id)).toEqual([first.id]);
    const otherSession = await api('/api/staff/bills', { token: clerk, body: billBody(`${session}-b`, { number: 'HB 900' }) });
    expect(otherSession.status).toBe(201);
  });

  it('roads staff get 403 on every bill write, and the bill does not change', async () => {
    const bill = await createBill(clerk, session);
    expect((await api('/api/staff/bills', { token: roads, body: billBody(session) })).status).toBe(403);
    expect((await api(`/api/staff/bills/${bill.id}/transitions`, { token: roads, body: { to: 'committee' } })).status).toBe(403);
    expect((await api(`/api/staff/bills/${bill.id}/votes`, { token: roads, body: { ...vote, at: new Date().toISOString() } })).status).toBe(
      403,
    );
    expect((await api(`/api/staff/bills/${bill.id}`, { token: roads })).status).toBe(403);
    const stored = await getBill(bill.id);
    expect(stored).toMatchObject({ version: 1, status: 'introduced', votes: [] });
  });

  it('an admin may file and move bills too', async () => {
    const admin = await signIn('admin');
    const res = await api('/api/staff/bills', { token: admin, body: billBody(session) });
    expect(res.status).toBe(201);
    await moveBill(admin, res.body.id, 'committee');
    expect((await getBill(res.body.id)).status).toBe('committee');
  });

  it('a vote sent with a stale If-Match gets 412 and is not recorded', async () => {
    const bill = await createBill(clerk, session);
    await moveBill(clerk, bill.id, { to: 'scheduled', scheduledVote: { at: '2031-01-01T10:00:00Z' } });
    const res = await api(`/api/staff/bills/${bill.id}/votes`, {
      token: clerk,
      headers: { 'if-match': '"1"' },
      body: { ...vote, at: '2031-01-01T11:00:00Z' },
    });
    expect(res.status).toBe(412);
    expect(res.headers.get('etag')).toBe('"2"');
    expect(await getBill(bill.id)).toMatchObject({ version: 2, status: 'scheduled', votes: [] });
  });

  it('a bill write without a token is 401', async () => {
    expect((await api('/api/staff/bills', { body: billBody(session) })).status).toBe(401);
  });
});

describe('stages and votes', () => {
  it('a scheduled bill is up for a vote, soonest first, and leaves the list once voted', async () => {
    const session = testSession('agenda');
    const later = await createBill(clerk, session);
    const sooner = await createBill(clerk, session);
    await moveBill(clerk, later.id, 'committee', 'reported', { to: 'scheduled', scheduledVote: { at: '2031-05-02T10:00:00Z' } });
    await moveBill(clerk, sooner.id, 'committee', 'reported', { to: 'scheduled', scheduledVote: { at: '2031-05-01T10:00:00Z' } });
    const agenda = await api(`/api/bills?upForVote=true&session=${session}`);
    expect(agenda.body.items.map((b: { id: string }) => b.id)).toEqual([sooner.id, later.id]);
    expect(agenda.body.items[0].scheduledVote).toEqual({ at: '2031-05-01T10:00:00.000Z', chamber: 'House' });

    const voted = await api(`/api/staff/bills/${sooner.id}/votes`, {
      token: clerk,
      body: { ...vote, at: '2031-05-01T11:00:00Z', rollCall },
    });
    expect(voted.status).toBe(201);
    const after = await api(`/api/bills?upForVote=true&session=${session}`);
    expect(after.body.items.map((b: { id: string }) => b.id)).toEqual([later.id]);
    const fromLater = await api(`/api/bills?upForVote=true&session=${session}&voteFrom=2031-05-02T00:00:00Z`);
    expect(fromLater.body.items.map((b: { id: string }) => b.id)).toEqual([later.id]);
    const upToEarlier = await api(`/api/bills?upForVote=true&session=${session}&voteFrom=2031-05-03T00:00:00Z`);
    expect(upToEarlier.body.items).toEqual([]);
  });

  it('a passage vote with a matching roll call moves the bill and shows its counts publicly', async () => {
    const bill = await createBill(clerk, session);
    await moveBill(clerk, bill.id, { to: 'scheduled', scheduledVote: { at: '2031-01-01T10:00:00Z' } });
    const res = await api(`/api/staff/bills/${bill.id}/votes`, { token: clerk, body: { ...vote, at: '2031-01-01T11:00:00Z', rollCall } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'passed_origin', phase: 'in_progress', version: 3 });
    const pub = await api(`/api/bills/${bill.id}`);
    expect(pub.body.votes).toEqual([
      {
        at: '2031-01-01T11:00:00.000Z',
        chamber: 'House',
        motion: vote.motion,
        yes: 3,
        no: 1,
        abstain: 0,
        absent: 1,
        result: 'pass',
        rollCall,
      },
    ]);
    expect(pub.body.scheduledVote).toBeUndefined();
    expect(pub.body.history.at(-1)).toMatchObject({
      type: 'vote',
      from: 'scheduled',
      to: 'passed_origin',
      toLabel: 'Passed first chamber',
    });
  });

  it('counts that disagree with the roll call are a 400 naming the field, and nothing is stored', async () => {
    const bill = await createBill(clerk, session);
    await moveBill(clerk, bill.id, { to: 'scheduled', scheduledVote: { at: '2031-01-01T10:00:00Z' } });
    const res = await api(`/api/staff/bills/${bill.id}/votes`, {
      token: clerk,
      body: { ...vote, yes: 4, at: '2031-01-01T11:00:00Z', rollCall },
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.errors).toEqual([{ path: 'yes', message: expect.stringContaining('roll call lists 3') }]);
    const stored = await getBill(bill.id);
    expect(stored).toMatchObject({ version: 2, status: 'scheduled', votes: [] });
  });

  it('a failed passage vote ends the bill in failed', async () => {
    const bill = await createBill(clerk, session);
    await moveBill(clerk, bill.id, { to: 'scheduled', scheduledVote: { at: '2031-01-01T10:00:00Z' } });
    const res = await api(`/api/staff/bills/${bill.id}/votes`, {
      token: clerk,
      body: { ...vote, yes: 1, no: 3, result: 'fail', at: '2031-01-01T11:00:00Z' },
    });
    expect(res.status).toBe(201);
    const stored = await getBill(bill.id);
    expect(stored).toMatchObject({ status: 'failed', phase: 'done', votes: [expect.objectContaining({ result: 'fail', yes: 1, no: 3 })] });
    expect(stored.closedAt).toBeDefined();
  });

  it('a stage the workflow does not allow is a 409 and changes nothing', async () => {
    const bill = await createBill(clerk, session);
    const res = await api(`/api/staff/bills/${bill.id}/transitions`, { token: clerk, body: { to: 'enacted' } });
    expect(res.status).toBe(409);
    expect(await getBill(bill.id)).toMatchObject({ version: 1, status: 'introduced' });
  });

  it('scheduling without a date is a 400 naming scheduledVote.at', async () => {
    const bill = await createBill(clerk, session);
    const res = await api(`/api/staff/bills/${bill.id}/transitions`, { token: clerk, body: { to: 'scheduled' } });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].path).toBe('scheduledVote.at');
    expect(await getBill(bill.id)).toMatchObject({ version: 1, status: 'introduced' });
  });
});

describe('listing bills', () => {
  it('filters by phase, status, sponsor and text within a session', async () => {
    const s = testSession('list');
    const a = await createBill(clerk, s, { title: 'Snow plough funding', sponsors: [{ name: 'Kim Lee', role: 'primary' }] });
    const b = await createBill(clerk, s, { title: 'Library hours' });
    await moveBill(clerk, b.id, 'committee');
    const ids = async (q: string) => (await api(`/api/bills?session=${s}${q}`)).body.items.map((x: { id: string }) => x.id).sort();
    expect(await ids('')).toEqual([a.id, b.id].sort());
    expect(await ids('&status=committee')).toEqual([b.id]);
    expect(await ids('&phase=waiting')).toEqual([a.id, b.id].sort());
    expect(await ids('&sponsor=kim%20lee')).toEqual([a.id]);
    expect(await ids('&q=plough')).toEqual([a.id]);
    expect(await ids('&phase=done')).toEqual([]);
  });

  it('pages with a cursor and rejects unknown stages', async () => {
    const s = testSession('page');
    for (let i = 0; i < 3; i++) await createBill(clerk, s);
    const first = await api(`/api/bills?session=${s}&limit=2`);
    expect(first.body.items).toHaveLength(2);
    const second = await api(`/api/bills?session=${s}&limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.items).toHaveLength(1);
    const bad = await api('/api/bills?status=nowhere');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('query.status');
  });
});
