import { beforeAll, describe, expect, it } from 'vitest';
import { api, createReport, signIn } from '../support/api.js';
import { parseAtom } from '../support/atom.js';
import { createBill, testSession } from '../support/bills.js';

let roads: string;
let report: { id: string; reference: string };
const internalNote = 'internal: feed must not show this';

beforeAll(async () => {
  roads = await signIn('roads.officer');
  // A service and a ward few other test files file into: the feeds list the newest 50, and the whole
  // integration suite runs in parallel against the same table.
  report = await createReport({
    serviceCode: 'road-obstruction',
    location: { lat: 51.4851, lng: -2.5352 },
    title: 'Feed <b>bold</b> & co',
    description: 'Hole <script>alert(1)</script> by the feed test',
    reporter: { name: 'Feedie Reporter', email: 'feedie@example.org' },
  });
  const started = await api(`/api/staff/reports/${report.id}/transitions`, {
    token: roads,
    body: { to: 'in_progress', note: 'Crew on the way' },
  });
  expect(started.status, started.text).toBe(200);
  for (const [body, visibility] of [
    ['Cones are out', 'public'],
    [internalNote, 'internal'],
  ] as const) {
    const res = await api(`/api/staff/reports/${report.id}/comments`, { token: roads, body: { body, visibility } });
    expect(res.status, res.text).toBe(201);
  }
});

describe('Atom feeds', () => {
  it('the reports feed is valid Atom, cacheable, and lists a report of the service with its text escaped', async () => {
    const res = await api('/api/feeds/reports.atom?service=road-obstruction');
    expect(res.status, res.text).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    expect(res.headers.get('cache-control')).toMatch(/^public, max-age=\d+/);
    const feed = parseAtom(res.text);
    const entry = feed.entries.find((e) => e.id === `urn:civicboard:item:${report.id}`);
    expect(entry, 'the new report is in its service feed').toBeDefined();
    // type="html": user text arrives escaped, so a reader shows the characters and runs nothing.
    expect(entry?.title).toContain('Feed &lt;b&gt;bold&lt;/b&gt; &amp; co');
    expect(entry?.summary).toContain('&lt;script&gt;');
    expect(entry?.summary).not.toContain('<script>');
    expect(entry?.links[0]?.href).toContain(`/track/?id=${report.reference}`);
    expect(feed.links.find((l) => l.rel === 'self')?.href).toMatch(/\/api\/feeds\/reports\.atom\?service=road-obstruction$/);
    for (const secret of ['Feedie', 'feedie@example.org']) expect(res.text).not.toContain(secret);
  });

  it('the phase filter keeps a report in progress out of the waiting feed and in the in-progress one', async () => {
    const inProgress = parseAtom((await api('/api/feeds/reports.atom?service=road-obstruction&phase=in_progress')).text);
    const waiting = parseAtom((await api('/api/feeds/reports.atom?service=road-obstruction&phase=waiting')).text);
    const id = `urn:civicboard:item:${report.id}`;
    expect(inProgress.entries.map((e) => e.id)).toContain(id);
    expect(waiting.entries.map((e) => e.id)).not.toContain(id);
    expect(waiting.id).not.toBe(inProgress.id);
  });

  it("one report's feed has an entry per public event, stable ids, and no internal note", async () => {
    const first = await api(`/api/reports/${report.reference}/feed.atom`);
    expect(first.status, first.text).toBe(200);
    const feed = parseAtom(first.text);
    expect(feed.entries.map((e) => e.title)).toEqual([
      `${report.reference}: Update`,
      `${report.reference}: Status changed to In progress`,
      `${report.reference}: Reported`,
    ]);
    expect(feed.entries[0]?.summary).toContain('Cones are out');
    expect(first.text).not.toContain(internalNote);
    const again = parseAtom((await api(`/api/reports/${report.id}/feed.atom`)).text);
    expect(again.entries.map((e) => e.id)).toEqual(feed.entries.map((e) => e.id));
    expect(again.id).toBe(feed.id);
  });

  it('the bills feed lists a new bill', async () => {
    const session = testSession('feed');
    const bill = await createBill(await signIn('leg.clerk'), session, { title: 'Feed & transit act' });
    const res = await api(`/api/feeds/bills.atom?session=${session}`);
    expect(res.status, res.text).toBe(200);
    const feed = parseAtom(res.text);
    expect(feed.entries.map((e) => e.id)).toEqual([`urn:civicboard:item:${bill.id}`]);
    expect(feed.entries[0]?.title).toContain('Feed &amp; transit act');
  });

  it("the area filter keeps the report in its own area's feed and out of another area's", async () => {
    const area = (await api(`/api/reports/${report.id}`)).body.area?.id as string;
    expect(area, 'the demo report has an area').toBeTruthy();
    const other = (await api('/api/areas')).body.items?.map((a: { id: string }) => a.id).find((id: string) => id !== area) ?? 'harbour';
    const mine = parseAtom((await api(`/api/feeds/reports.atom?area=${area}`)).text);
    const theirs = parseAtom((await api(`/api/feeds/reports.atom?area=${other}`)).text);
    expect(mine.entries.map((e) => e.id)).toContain(`urn:civicboard:item:${report.id}`);
    expect(theirs.entries.map((e) => e.id)).not.toContain(`urn:civicboard:item:${report.id}`);
  });

  it.each([
    ['/api/feeds/reports.atom?service=nope', 'query.service'],
    ['/api/feeds/reports.atom?phase=finished', 'query.phase'],
    ['/api/feeds/reports.atom?area=%3Cx%3E', 'query.area'],
    ['/api/feeds/reports.atom?area=no-such-ward', 'query.area'],
    ['/api/feeds/reports.atom?bogus=1', 'query'],
    ['/api/feeds/bills.atom?session=a%20b', 'query.session'],
  ])('%s is a 400 problem naming %s', async (url, path) => {
    const res = await api(url);
    expect(res.status, res.text).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(JSON.stringify(res.body.errors)).toContain(path);
  });

  it("an unknown report's feed is a 404 problem", async () => {
    const res = await api('/api/reports/NOPE-0000/feed.atom');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });
});
