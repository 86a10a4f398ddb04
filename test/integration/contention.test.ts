import { describe, expect, it } from 'vitest';
import { api, createReport, reportBody, signIn } from '../support/api.js';

/**
 * A write without If-Match says "whatever the item is now": it must not fail because someone else wrote
 * first. Only a caller who sent If-Match asked to change a particular version, and only they get 412.
 */
describe('writes under contention', () => {
  it('50 concurrent public comments without If-Match are all stored', async () => {
    const roads = await signIn('roads.officer');
    const report = await createReport();
    const before = await api(`/api/staff/reports/${report.id}`, { token: roads });
    expect(before.status).toBe(200);
    const bodies = Array.from({ length: 50 }, (_, i) => `Crew update ${i} for ${report.reference}`);
    const answers = await Promise.all(
      bodies.map((body) => api(`/api/staff/reports/${report.id}/comments`, { token: roads, body: { body, visibility: 'public' } })),
    );
    expect(answers.map((a) => a.status)).toEqual(bodies.map(() => 201));
    const stored = await api(`/api/staff/reports/${report.id}`, { token: roads });
    expect(stored.status).toBe(200);
    const notes = stored.body.history.filter((e: { type: string }) => e.type === 'comment').map((e: { note: string }) => e.note);
    expect([...notes].sort()).toEqual([...bodies].sort());
    expect(stored.body.version).toBe(before.body.version + 50);
  });

  it('30 concurrent reports in one service are all filed, each once', async () => {
    const marker = `burst-${Date.now()}`;
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) => api('/api/reports', { body: reportBody({ description: `${marker} ${i}` }) })),
    );
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 201));
    const ids = answers.map((a) => a.body.id);
    expect(new Set(ids).size).toBe(30);
    for (const id of ids) expect((await api(`/api/reports/${id}`)).status).toBe(200);
  });

  it('a comment sent with the If-Match of an older version gets 412 and changes nothing; with the current one it is stored', async () => {
    const roads = await signIn('roads.officer');
    const report = await createReport();
    const read = await api(`/api/staff/reports/${report.id}`, { token: roads });
    expect(read.status).toBe(200);
    const first = await api(`/api/staff/reports/${report.id}/comments`, { token: roads, body: { body: 'first', visibility: 'internal' } });
    expect(first.status).toBe(201);
    expect(first.body.version).toBe(read.body.version + 1);
    const stale = await api(`/api/staff/reports/${report.id}/comments`, {
      token: roads,
      headers: { 'if-match': `"${read.body.version}"` },
      body: { body: 'stale', visibility: 'internal' },
    });
    expect(stale.status).toBe(412);
    expect(stale.headers.get('etag')).toBe(`"${first.body.version}"`);
    const fresh = await api(`/api/staff/reports/${report.id}/comments`, {
      token: roads,
      headers: { 'if-match': `"${first.body.version}"` },
      body: { body: 'fresh', visibility: 'internal' },
    });
    expect(fresh.status).toBe(201);
    const stored = await api(`/api/staff/reports/${report.id}`, { token: roads });
    const notes = stored.body.history.filter((e: { type: string }) => e.type === 'comment').map((e: { note: string }) => e.note);
    expect(notes).toEqual(['first', 'fresh']);
  });
});
