import { beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '../../functions/routes.js';
import { api, signIn } from '../support/api.js';
import { mailTo, mailWith, uniqueAddress } from '../support/mailbox.js';

const contact = { name: 'Zebedee Quartermaine', email: 'zebedee.q@example.org', phone: '+44 117 496 0999' };
const secrets = [contact.name, contact.email, contact.phone, 'Zebedee', 'zebedee', '"reporter"']; // the field's key: a state may be labelled "Waiting for the reporter";
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
function publicUrls(target: { id: string; reference: string } = item): string[] {
  const params: Record<string, string[]> = { id: [target.id, target.reference], serviceCode: ['pothole'] };
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
      for (const s of [...secrets, 'Rita', 'roads.officer', internalNote, 'call Zebedee back']) {
        // The OpenAPI document describes the `reporter` field (a schema, no item data); its values are still checked.
        if (s === '"reporter"' && url.startsWith('/api/openapi.json')) continue;
        expect(res.text, `${url} leaks ${s}`).not.toContain(s);
      }
      if (res.text.includes(item.id)) sawItem++;
    }
    // The check is only meaningful if the item really appears in the responses examined.
    expect(sawItem).toBeGreaterThan(5);
    // And the assignment shows publicly, as the team only.
    expect((await api(`/api/reports/${item.id}`)).body.assignedTeam).toBe('Roads team');
  });
});

describe('after a redaction the original text is in no public response or email', () => {
  const originalTitle = 'Pothole outside Quillon Farrowby house';
  const originalDescription = 'Ring Quillon on 07700 900461 about it';
  const originalComment = 'Crew spoke to Quillon Farrowby at number 12';
  const reporter = uniqueAddress('redaction');
  let target: { id: string; reference: string };

  beforeAll(async () => {
    const created = await api('/api/reports', {
      body: {
        serviceCode: 'pothole',
        title: originalTitle,
        description: originalDescription,
        location: { lat: 51.4603, lng: -2.6003 },
        reporter: { email: reporter },
      },
    });
    expect(created.status, created.text).toBe(201);
    target = created.body;
    const token = await signIn('roads.officer');
    const commented = await api(`/api/staff/reports/${target.id}/comments`, {
      token,
      body: { body: originalComment, visibility: 'public' },
    });
    expect(commented.status, commented.text).toBe(201);
    const staffView = await api(`/api/staff/reports/${target.id}`, { token });
    const commentId = staffView.body.history.find((e: { note?: string }) => e.note === originalComment).id;
    // Positive control: before the redaction the public does see the text.
    expect((await api(`/api/reports/${target.id}`)).text).toContain('Quillon');
    // The comment's email goes out before the redaction (the notifier reads at send time): wait for it,
    // so the later positive control is about ordering the test chose, not the notifier's speed.
    await mailWith(reporter, originalComment);
    for (const body of [
      { field: 'title', reason: 'names a resident' },
      { field: 'description', reason: 'a phone number', replacement: '[removed: phone number]' },
      { field: `comment:${commentId}`, reason: 'names a resident' },
    ]) {
      const redacted = await api(`/api/staff/reports/${target.id}/redactions`, { token, body });
      expect(redacted.status, redacted.text).toBe(201);
    }
  });

  it('no public GET route carries the original, and the replacement shows instead', async () => {
    let sawItem = 0;
    for (const url of publicUrls(target)) {
      const res = await api(url);
      expect(res.status, url).toBeLessThan(500);
      for (const s of ['Quillon', 'Farrowby', '07700 900461']) expect(res.text, `${url} leaks ${s}`).not.toContain(s);
      if (res.text.includes(target.id)) sawItem++;
    }
    expect(sawItem).toBeGreaterThan(5);
    const item = (await api(`/api/reports/${target.id}`)).body;
    expect(item.title).toBe('[removed: personal information]');
    expect(item.description).toBe('[removed: phone number]');
    expect(item.history.map((e: { note?: string }) => e.note)).toContain('[removed: personal information]');
  });

  it('staff see the original, with who redacted it, why and when', async () => {
    const staff = (await api(`/api/staff/reports/${target.id}`, { token: await signIn('roads.officer') })).body;
    expect(staff.title).toBe(originalTitle);
    expect(staff.description).toBe(originalDescription);
    const events = staff.history.filter((e: { type: string }) => e.type === 'redacted');
    expect(events).toHaveLength(3);
    expect(events[0]).toMatchObject({
      field: 'title',
      note: 'names a resident',
      visibility: 'internal',
      actor: { type: 'staff', id: 'roads.officer' },
    });
    expect(events[0].at).toMatch(/^\d{4}-/);
  });

  it('a later update email quotes the replacement, never the original', async () => {
    const token = await signIn('roads.officer');
    const moved = await api(`/api/staff/reports/${target.id}/transitions`, { token, body: { to: 'in_progress', note: 'Crew booked' } });
    expect(moved.status, moved.text).toBe(200);
    const mail = (await mailWith(reporter, 'Crew booked')).find((m) => m.body.text.includes('Crew booked'));
    const text = `${mail?.subject}\n${mail?.body.text}\n${mail?.body.html ?? ''}`;
    expect(text).toContain(target.reference);
    expect(text).toContain('[removed: personal information]');
    expect(text).not.toContain('Quillon');
    // Positive control: the comment's email, sent before the redaction, did quote the text.
    expect((await mailTo(reporter)).some((m) => m.body.text.includes(originalComment))).toBe(true);
  });
});
