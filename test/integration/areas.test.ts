import { beforeAll, describe, expect, it } from 'vitest';
import { api, createReport, signIn } from '../support/api.js';

// Demo City's areas (jurisdictions/demo/areas.geojson): Harbour Ward fills a hole in East Ward,
// Outskirts Ward is a MultiPolygon of two parts.
const HARBOUR = { lat: 51.48, lng: -2.545 };
const EAST = { lat: 51.5, lng: -2.52 };
const OUTSKIRTS_WEST = { lat: 51.42, lng: -2.65 };
const OUTSKIRTS_EAST = { lat: 51.42, lng: -2.52 };

let token: string;
beforeAll(async () => {
  token = await signIn('roads.officer');
});

async function counts(id: string): Promise<{ waiting: number; in_progress: number; done: number }> {
  const res = await api('/api/areas');
  expect(res.status).toBe(200);
  return res.body.items.find((a: { id: string }) => a.id === id).counts;
}

/** Waits until the stream consumer has counted what we expect (a positive condition: never absence). */
async function countsReach(id: string, want: (c: Awaited<ReturnType<typeof counts>>) => boolean) {
  for (let i = 0; i < 100; i++) {
    const c = await counts(id);
    if (want(c)) return c;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`area ${id} counts never reached the expected values: ${JSON.stringify(await counts(id))}`);
}

describe('areas', () => {
  it('tags a report with the area its pin falls in: a hole belongs to the area filling it, both parts of a multipolygon to one area', async () => {
    const [harbour, east, west, eastPart] = await Promise.all(
      [HARBOUR, EAST, OUTSKIRTS_WEST, OUTSKIRTS_EAST].map((location) => createReport({ location })),
    );
    expect(harbour.area).toEqual({ id: 'harbour', name: 'Harbour Ward' });
    expect(east.area).toEqual({ id: 'east', name: 'East Ward' });
    expect(west.area).toEqual({ id: 'outskirts', name: 'Outskirts Ward' });
    expect(eastPart.area).toEqual({ id: 'outskirts', name: 'Outskirts Ward' });
    const stored = await api(`/api/reports/${harbour.id}`);
    expect(stored.body.area).toEqual({ id: 'harbour', name: 'Harbour Ward' });
  });

  it("routes by the catalog's rules: a report in a ward lands in the rule's team queue, one elsewhere in the service's default team", async () => {
    // jurisdictions/demo/catalog.json: drains in Outskirts stay with roads, other drains go to drainage,
    // anything else in Harbour Ward to the harbour depot; the rest to the service's first team (roads).
    const [potholeHarbour, potholeEast, drainHarbour, drainOutskirts, drainEast] = await Promise.all([
      createReport({ location: HARBOUR, serviceCode: 'pothole' }),
      createReport({ location: EAST, serviceCode: 'pothole' }),
      createReport({ location: HARBOUR, serviceCode: 'blocked-drain' }),
      createReport({ location: OUTSKIRTS_WEST, serviceCode: 'blocked-drain' }),
      createReport({ location: EAST, serviceCode: 'blocked-drain' }),
    ]);
    const teamOf = async (id: string) => (await api(`/api/staff/reports/${id}`, { token })).body.team;
    expect(await teamOf(potholeHarbour.id)).toBe('harbour-depot');
    expect(await teamOf(potholeEast.id)).toBe('roads');
    expect(await teamOf(drainHarbour.id)).toBe('drainage');
    expect(await teamOf(drainOutskirts.id)).toBe('roads');
    expect(await teamOf(drainEast.id)).toBe('drainage');

    // The team's queue (the staff list by team) holds the ward's report and not the one elsewhere.
    const ids = async (query: string) =>
      ((await api(`/api/staff/reports?${query}&limit=100`, { token })).body.items as { id: string }[]).map((i) => i.id);
    const depot = await ids('service=pothole&area=harbour&team=harbour-depot');
    expect(depot).toContain(potholeHarbour.id);
    const depotEast = await ids('service=pothole&area=east&team=harbour-depot');
    expect(depotEast).not.toContain(potholeEast.id);
    const roadsEast = await ids('service=pothole&area=east&team=roads');
    expect(roadsEast).toContain(potholeEast.id);
    const roadsHarbour = await ids('service=pothole&area=harbour&team=roads');
    expect(roadsHarbour).not.toContain(potholeHarbour.id);
  });

  it('an address-only report has no area', async () => {
    const report = await createReport({ location: undefined, address: '1 High Street' });
    expect(report.area).toBeUndefined();
    expect(report.address).toBe('1 High Street');
  });

  it('lists by area on the public and the staff list, and refuses an unknown area with a 400 naming it', async () => {
    const inHarbour = await createReport({ location: HARBOUR, serviceCode: 'street-light' });
    const inEast = await createReport({ location: EAST, serviceCode: 'street-light' });
    const pub = await api('/api/reports?area=harbour&limit=100');
    expect(pub.status).toBe(200);
    expect(pub.body.items.map((i: { id: string }) => i.id)).toContain(inHarbour.id);
    expect(pub.body.items.map((i: { id: string }) => i.id)).not.toContain(inEast.id);
    expect(pub.body.items.every((i: { area?: { id: string } }) => i.area?.id === 'harbour')).toBe(true);
    const withService = await api('/api/reports?area=harbour&service=street-light&phase=waiting&limit=100');
    expect(withService.body.items.map((i: { id: string }) => i.id)).toContain(inHarbour.id);
    expect(withService.body.items.every((i: { serviceCode: string }) => i.serviceCode === 'street-light')).toBe(true);
    const staff = await api('/api/staff/reports?area=harbour&limit=100', { token });
    expect(staff.status).toBe(200);
    expect(staff.body.items.map((i: { id: string }) => i.id)).toContain(inHarbour.id);
    expect(staff.body.items.map((i: { id: string }) => i.id)).not.toContain(inEast.id);
    const unknown = await api('/api/reports?area=atlantis');
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].path).toBe('query.area');
  });

  it('a staff pin correction moves the report to the new area, with a history event', async () => {
    const report = await createReport({ location: EAST });
    const moved = await api(`/api/staff/reports/${report.id}`, { token, method: 'PATCH', body: { location: HARBOUR } });
    expect(moved.status).toBe(200);
    expect(moved.body.area).toEqual({ id: 'harbour', name: 'Harbour Ward' });
    const history = (await api(`/api/staff/reports/${report.id}`, { token })).body.history;
    expect(
      history.some((e: { field?: string; from?: string; to?: string }) => e.field === 'area' && e.from === 'east' && e.to === 'harbour'),
    ).toBe(true);
  });

  it("keeps each area's counts per phase from the stream: a new report is waiting, a started one in progress", async () => {
    const before = await counts('north');
    const a = await createReport({ location: { lat: 51.5, lng: -2.67 } });
    await createReport({ location: { lat: 51.5, lng: -2.66 } });
    expect((await api(`/api/staff/reports/${a.id}/transitions`, { token, body: { to: 'in_progress' } })).status).toBe(200);
    const after = await countsReach('north', (c) => c.in_progress >= before.in_progress + 1 && c.waiting >= before.waiting + 1);
    expect(after.waiting - before.waiting).toBeGreaterThanOrEqual(1);
    expect(after.in_progress - before.in_progress).toBeGreaterThanOrEqual(1);
  });

  it('serves the areas simplified for the browser, and /config.json points at them', async () => {
    const config = await api('/config.json');
    expect(config.body.areas).toEqual({ label: 'Ward', url: '/api/areas/shapes' });
    expect(config.body.jurisdiction).toMatchObject({ id: 'demo-city', name: 'Demo City', timezone: 'Europe/London', locale: 'en-GB' });
    const shapes = await api(config.body.areas.url);
    expect(shapes.status).toBe(200);
    expect(shapes.body.type).toBe('FeatureCollection');
    expect(shapes.body.features.map((f: { properties: { id: string } }) => f.properties.id)).toEqual([
      'north',
      'east',
      'harbour',
      'centre',
      'outskirts',
    ]);
    expect(shapes.body.features[1].geometry.coordinates).toHaveLength(2);
  });
});
