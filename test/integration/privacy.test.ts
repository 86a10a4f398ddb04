import { beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '../../functions/routes.js';
import { api, signIn } from '../support/api.js';

const contact = { name: 'Zebedee Quartermaine', email: 'zebedee.q@example.org', phone: '+44 117 496 0999' };
const secrets = [contact.name, contact.email, contact.phone, 'Zebedee', 'zebedee', 'reporter'];
let item: { id: string; reference: string };
let createText: string;

const internalNote = 'internal: call Zebedee back';

beforeAll(async () => {
  const res = await api('/api/reports', {
    body: {
      serviceCode: 'pothole',
      description: 'Privacy check',
      location: { lat: 51.4601, lng: -2.6001 },
      reporter: contact,
      subscribe: true,
    },
  });
  expect(res.status, res.text).toBe(201);
  item = res.body;
  createText = res.text;
  const token = await signIn('roads.officer');
  const assigned = await api(`/api/staff/reports/${item.id}`, { token, method: 'PATCH', body: { assignee: 'me' } });
  expect(assigned.status, assigned.text).toBe(200);
  const noted = await api(`/api/staff/reports/${item.id}/comments`, { token, body: { body: internalNote, visibility: 'internal' } });
  expect(noted.status, noted.text).toBe(201);
});

/** Concrete URLs for every public GET route in the route table, so a route added later is checked too. */
function publicUrls(): string[] {
  const params: Record<string, string[]> = { id: [item.id, item.reference], serviceCode: ['pothole'] };
  const queries = [
    '',
    '?phase=waiting',
    '?service=pothole',
    '?bbox=-2.61,51.45,-2.59,51.47',
    `?updatedSince=${encodeURIComponent('2020-01-01T00:00:00Z')}`,
  ];
  return ROUTES.filter((r) => r.auth === 'public' && r.method === 'GET').flatMap((r) => {
    let urls = [r.path];
    for (const [name, values] of Object.entries(params)) {
      if (r.path.includes(`{${name}}`)) urls = urls.flatMap((u) => values.map((v) => u.replace(`{${name}}`, encodeURIComponent(v))));
    }
    return urls.filter((u) => !u.includes('{')).flatMap((u) => queries.map((q) => `${u}${q}`));
  });
}

describe('public responses never carry reporter contact, staff identity or internal notes', () => {
  it('the item really holds all of them (what the other tests look for is there to leak)', async () => {
    const staff = await api(`/api/staff/reports/${item.id}`, { token: await signIn('roads.officer') });
    expect(staff.status).toBe(200);
    expect(staff.body.reporter).toEqual(contact);
    expect(staff.body.assignee).toEqual({ id: 'roads.officer', name: 'Rita Okafor' });
    expect(staff.body.history).toEqual(expect.arrayContaining([expect.objectContaining({ note: internalNote, visibility: 'internal' })]));
  });

  it('the create response carries none of it', () => {
    expect(createText).toContain(item.reference);
    for (const s of secrets) expect(createText).not.toContain(s);
  });

  it('no public GET route carries any of it', async () => {
    const urls = publicUrls();
    expect(urls.length).toBeGreaterThan(10);
    // The Atom feeds are public GETs too: the item's own history feed and the service feed are walked.
    expect(urls).toEqual(
      expect.arrayContaining([`/api/reports/${item.id}/feed.atom`, '/api/feeds/reports.atom?service=pothole', '/api/feeds/reports.atom']),
    );
    let sawItem = 0;
    for (const url of urls) {
      const res = await api(url);
      expect(res.status, url).toBeLessThan(500);
      for (const s of [...secrets, 'Rita', 'roads.officer', internalNote, 'call Zebedee back'])
        expect(res.text, `${url} leaks ${s}`).not.toContain(s);
      if (res.text.includes(item.id)) sawItem++;
    }
    // The check is only meaningful if the item really appears in the responses examined.
    expect(sawItem).toBeGreaterThan(5);
    // And the assignment shows publicly, as the team only.
    expect((await api(`/api/reports/${item.id}`)).body.assignedTeam).toBe('Roads team');
  });
});
