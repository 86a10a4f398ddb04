import { beforeAll, describe, expect, it } from 'vitest';
import { api, createReport, signIn } from '../support/api.js';

let token: string;
beforeAll(async () => {
  token = await signIn('roads.officer');
});

const transition = (id: string, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  api(`/api/staff/reports/${id}/transitions`, { token, body, headers });

/** A move that must succeed as set-up for what a test checks. */
async function moveTo(id: string, to: string, headers: Record<string, string> = {}) {
  const res = await transition(id, { to }, headers);
  expect(res.status, `${to}: ${res.text}`).toBe(200);
}

/** The stored item as its team sees it: every event, internal ones included. */
async function staffView(id: string) {
  const res = await api(`/api/staff/reports/${id}`, { token });
  expect(res.status).toBe(200);
  return res.body as { version: number; status: string; history: { type: string; to?: string; note?: string; visibility?: string }[] };
}
const storedEvents = async (id: string) => (await staffView(id)).history;

describe('staff moving a report along', () => {
  it('acknowledge, start, fix: each step is stored, versioned and shown publicly', async () => {
    const report = await createReport({ reporter: { name: 'Jo Bloggs', email: 'jo@example.org' } });
    let res = await transition(report.id, { to: 'acknowledged' });
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBe('"2"');
    res = await transition(report.id, { to: 'in_progress', note: 'Crew on site' });
    expect(res.body).toMatchObject({ status: 'in_progress', phase: 'in_progress', version: 3 });
    res = await transition(report.id, { to: 'fixed' });
    expect(res.body).toMatchObject({ status: 'fixed', phase: 'done', resolution: 'fixed', closedAt: expect.any(String) });
    const pub = (await api(`/api/reports/${report.id}`)).body;
    expect(pub.history.map((e: { to?: string }) => e.to)).toEqual(['new', 'acknowledged', 'in_progress', 'fixed']);
    expect(pub.history[2].note).toBe('Crew on site');
    expect(pub.queuePosition).toBeUndefined();
    expect((await storedEvents(report.id)).map((e) => e.to)).toEqual(['new', 'acknowledged', 'in_progress', 'fixed']);
  });

  it('a move the workflow does not allow is 409 and writes nothing', async () => {
    const report = await createReport();
    const res = await transition(report.id, { to: 'fixed' });
    expect(res.status).toBe(409);
    expect(res.body.detail).toMatch(/Reported.*Fixed/);
    expect(await staffView(report.id)).toMatchObject({ status: 'new', version: 1, history: [{ type: 'created' }] });
  });

  it('a done-state with several resolutions needs one (400 naming resolution)', async () => {
    const report = await createReport();
    const res = await transition(report.id, { to: 'closed' });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].path).toBe('resolution');
    expect(await staffView(report.id)).toMatchObject({ status: 'new', version: 1 });
  });

  it('a duplicate names an existing item and records it', async () => {
    const original = await createReport();
    const dup = await createReport();
    expect((await transition(dup.id, { to: 'closed', resolution: 'duplicate', duplicateOf: 'RF-0000000' })).status).toBe(400);
    expect(await staffView(dup.id)).toMatchObject({ status: 'new', version: 1 });
    const res = await transition(dup.id, { to: 'closed', resolution: 'duplicate', duplicateOf: original.reference });
    expect(res.status).toBe(200);
    expect((await api(`/api/reports/${dup.id}`)).body).toMatchObject({ resolution: 'duplicate', duplicateOf: original.id });
  });

  it('reopening a fixed report puts it back in the queue and clears its closing fields', async () => {
    const report = await createReport();
    for (const to of ['in_progress', 'fixed', 'acknowledged']) await moveTo(report.id, to);
    const pub = (await api(`/api/reports/${report.id}`)).body;
    expect(pub).toMatchObject({ status: 'acknowledged', phase: 'waiting' });
    expect(pub.closedAt).toBeUndefined();
    expect(pub.resolution).toBeUndefined();
    expect(pub.queuePosition).toBeGreaterThan(0);
  });

  it('a stale If-Match gets 412 and changes nothing', async () => {
    const report = await createReport();
    await moveTo(report.id, 'acknowledged', { 'if-match': '"1"' });
    const res = await transition(report.id, { to: 'in_progress' }, { 'if-match': '"1"' });
    expect(res.status).toBe(412);
    expect(res.headers.get('etag')).toBe('"2"');
    expect(await staffView(report.id)).toMatchObject({ status: 'acknowledged', version: 2 });
  });

  it('a malformed If-Match is a 400 naming the header', async () => {
    const report = await createReport();
    const res = await transition(report.id, { to: 'acknowledged' }, { 'if-match': 'yesterday' });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].path).toBe('header.If-Match');
    expect(await staffView(report.id)).toMatchObject({ status: 'new', version: 1 });
  });

  it('an unknown item is 404', async () => {
    expect((await transition('01NOSUCHITEM0000000000000', { to: 'acknowledged' })).status).toBe(404);
    expect((await api('/api/reports/RF-0000000')).status).toBe(404);
  });

  it('a transition body with an unknown field is 400 naming it', async () => {
    const report = await createReport();
    const res = await transition(report.id, { to: 'acknowledged', colour: 'red' });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].path).toBe('colour');
    expect(await staffView(report.id)).toMatchObject({ status: 'new', version: 1 });
  });
});

describe('20 concurrent transitions on one item at one version', () => {
  it('exactly one wins, the others get 409 or 412, and exactly one event is written', async () => {
    const report = await createReport();
    const results = await Promise.all(Array.from({ length: 20 }, () => transition(report.id, { to: 'acknowledged' })));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.every((s) => s === 200 || s === 409 || s === 412)).toBe(true);
    const events = await storedEvents(report.id);
    expect(events.filter((e) => e.type === 'transition')).toHaveLength(1);
    expect((await api(`/api/reports/${report.id}`)).headers.get('etag')).toBe('"2"');
  });

  it('with If-Match on every request, exactly one wins and the rest are 412', async () => {
    const report = await createReport();
    const results = await Promise.all(
      Array.from({ length: 20 }, () => transition(report.id, { to: 'acknowledged' }, { 'if-match': '"1"' })),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 412)).toHaveLength(19);
    expect((await storedEvents(report.id)).filter((e) => e.type === 'transition')).toHaveLength(1);
  });
});

describe('comments and edits', () => {
  it('an internal note is in the staff history and absent from the public one', async () => {
    const report = await createReport();
    const internal = await api(`/api/staff/reports/${report.id}/comments`, {
      token,
      body: { body: 'Needs a road closure permit', visibility: 'internal' },
    });
    expect(internal.status).toBe(201);
    const published = await api(`/api/staff/reports/${report.id}/comments`, {
      token,
      body: { body: 'Inspection booked', visibility: 'public' },
    });
    expect(published.status).toBe(201);
    const staff = (await api(`/api/staff/reports/${report.id}`, { token })).body;
    expect(staff.history.map((e: { note?: string }) => e.note)).toEqual(
      expect.arrayContaining(['Needs a road closure permit', 'Inspection booked']),
    );
    const pub = await api(`/api/reports/${report.id}`);
    expect(pub.text).not.toContain('road closure permit');
    expect(pub.body.history.map((e: { note?: string }) => e.note)).toContain('Inspection booked');
  });

  it('a comment needs a visibility of public or internal', async () => {
    const report = await createReport();
    const res = await api(`/api/staff/reports/${report.id}/comments`, { token, body: { body: 'Hi', visibility: 'secret' } });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].path).toBe('visibility');
    expect((await storedEvents(report.id)).map((e) => e.type)).toEqual(['created']);
  });

  it('setting priority to urgent moves the item to the front of its queue', async () => {
    const report = await createReport({ serviceCode: 'road-obstruction' });
    const before = (await api(`/api/reports/${report.id}`)).body.queuePosition as number;
    const res = await api(`/api/staff/reports/${report.id}`, { token, method: 'PATCH', body: { priority: 'urgent' } });
    expect(res.status).toBe(200);
    const after = (await api(`/api/reports/${report.id}`)).body;
    expect(after.priority).toBe('urgent');
    expect(after.queuePosition).toBeLessThanOrEqual(before);
    const queue = (await api('/api/queues/road-obstruction?limit=1000')).body.items;
    const mine = queue.find((i: { id: string }) => i.id === report.id);
    expect(mine.position).toBe(after.queuePosition);
    expect(queue.slice(0, mine.position - 1).every((i: { priority: string }) => i.priority === 'urgent')).toBe(true);
  });

  it('assigning records an internal event and shows only the team publicly', async () => {
    const report = await createReport();
    const res = await api(`/api/staff/reports/${report.id}`, { token, method: 'PATCH', body: { assignee: 'me' } });
    expect(res.status).toBe(200);
    expect(res.body.assignee).toEqual({ id: 'roads.officer', name: expect.any(String) });
    expect((await storedEvents(report.id)).at(-1)).toMatchObject({ type: 'assigned', to: 'roads.officer', visibility: 'internal' });
    const mine = (await api('/api/staff/reports?assignee=me&limit=1000', { token })).body.items;
    expect(mine.map((i: { id: string }) => i.id)).toContain(report.id);
    const pub = await api(`/api/reports/${report.id}`);
    expect(pub.body.assignedTeam).toBe('Roads team');
    expect(pub.body.history.map((e: { type: string }) => e.type)).toEqual(['created']);
    expect(pub.text.toLowerCase()).not.toContain('rita');
    expect(pub.text).not.toContain('roads.officer');
  });

  it('an empty PATCH is 400', async () => {
    const report = await createReport();
    const res = await api(`/api/staff/reports/${report.id}`, { token, method: 'PATCH', body: {} });
    expect(res.status).toBe(400);
    expect(await staffView(report.id)).toMatchObject({ version: 1 });
  });

  it('staff see the reporter contact that the public never sees', async () => {
    const report = await createReport({ reporter: { name: 'Kim Lee', email: 'kim@example.org', phone: '+44 117 496 0001' } });
    const staff = (await api(`/api/staff/reports/${report.id}`, { token })).body;
    expect(staff.reporter).toEqual({ name: 'Kim Lee', email: 'kim@example.org', phone: '+44 117 496 0001' });
    expect(staff.transitions.map((t: { to: string }) => t.to)).toEqual(['acknowledged', 'in_progress', 'closed', 'awaiting_info']);
  });
});
