import { beforeAll, describe, expect, it } from 'vitest';
import { getBill } from '../../functions/store/bills.js';
import { getItem } from '../../functions/store/items.js';
import { api, reportBody, signIn, useTestTable } from '../support/api.js';
import { billBody, testSession } from '../support/bills.js';

/** Issue 14, defects 8 (dangerous links) and 9 (uncleaned text), over HTTP against the local stack. */

let clerk: string;
const session = testSession('clean');

beforeAll(async () => {
  useTestTable();
  clerk = await signIn('leg.clerk');
});

/** Reports in a service changed since a time, newest first: what a refused request must not add to. */
async function reportsSince(since: string): Promise<{ id: string; description: string }[]> {
  const res = await api(`/api/reports?service=pothole&updatedSince=${encodeURIComponent(since)}&limit=1000`);
  expect(res.status).toBe(200);
  return res.body.items;
}

describe('report text', () => {
  it('a bidi override in a title is stripped before it is stored and served', async () => {
    const res = await api('/api/reports', { body: reportBody({ title: 'Refund\u202Efdp.exe at 12 High Street' }) });
    expect(res.status).toBe(201);
    expect(res.body.title).toBe('Refundfdp.exe at 12 High Street');
    expect((await api(`/api/reports/${res.body.id}`)).body.title).toBe('Refundfdp.exe at 12 High Street');
    expect((await getItem(res.body.id)).title).toBe('Refundfdp.exe at 12 High Street');
  });

  it('an ordinary title with accents, Welsh, Arabic and emoji round-trips unchanged', async () => {
    const title = 'Twll yn y ffordd ger Tŷ Café — حفرة 🚧';
    const res = await api('/api/reports', { body: reportBody({ title }) });
    expect(res.status).toBe(201);
    expect((await api(`/api/reports/${res.body.id}`)).body.title).toBe(title);
    expect((await getItem(res.body.id)).title).toBe(title);
  });

  it('a NUL in the description is a 400 naming description, and nothing is created', async () => {
    const since = new Date(Date.now() - 1000).toISOString();
    const marker = `nul-${Date.now()}-${Math.random()}`;
    const res = await api('/api/reports', { body: reportBody({ description: `Deep hole ${marker}\u0000 here` }) });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.errors).toEqual([{ path: 'description', message: expect.stringMatching(/control characters.*U\+0000.*remove/) }]);
    // The positive control: the same request without the NUL is stored and found the same way.
    const ok = await api('/api/reports', { body: reportBody({ description: `Deep hole ${marker} here` }) });
    expect(ok.status).toBe(201);
    const matching = (await reportsSince(since)).filter((i) => i.description.includes(marker));
    expect(matching.map((i) => i.id)).toEqual([ok.body.id]);
  });

  it('a description of only zero-width spaces is "must not be empty"', async () => {
    const res = await api('/api/reports', { body: reportBody({ description: '\u200B\u200B\u200B' }) });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ path: 'description', message: 'must not be empty' }]);
  });
});

describe('bill document links', () => {
  it('a javascript: link is a 400 naming documents.0.url, and the bill is not filed', async () => {
    const body = billBody(session, { documents: [{ label: 'Bill text', url: 'javascript:alert(document.cookie)' }] });
    const res = await api('/api/staff/bills', { token: clerk, body });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.errors).toEqual([{ path: 'documents.0.url', message: 'only http and https links are allowed' }]);
    const listed = await api(`/api/bills?session=${session}&q=${encodeURIComponent(body.number)}`);
    expect(listed.body.items).toEqual([]);
  });

  it('a data: link is refused the same way', async () => {
    const body = billBody(session, { documents: [{ label: 'Bill text', url: 'data:text/html,<script>alert(1)</script>' }] });
    const res = await api('/api/staff/bills', { token: clerk, body });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(['documents.0.url']);
  });

  it('an https link is filed (201) and served as sent', async () => {
    const url = 'https://www.akleg.gov/basis/Bill/Detail/34?Root=HB%2012';
    const res = await api('/api/staff/bills', { token: clerk, body: billBody(session, { documents: [{ label: 'Bill text', url }] }) });
    expect(res.status).toBe(201);
    expect((await api(`/api/bills/${res.body.id}`)).body.documents).toEqual([{ label: 'Bill text', url }]);
    expect((await getBill(res.body.id)).documents).toEqual([{ label: 'Bill text', url }]);
  });
});
