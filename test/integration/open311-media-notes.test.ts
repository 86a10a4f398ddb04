import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { db, tableName } from '../../functions/store/client.js';
import { getItemWithHistory } from '../../functions/store/items.js';
import { idempotencyKey } from '../../functions/store/keys/items.js';
import { api, signIn, useTestTable } from '../support/api.js';
import { get, newApiKey, postForm, requestForm, xml } from '../support/open311.js';
import { gpsJpeg, uploadPhoto } from '../support/photos.js';

/**
 * Issue 18's last gaps: media_url stored and served (or the report's own first photo), status_notes on
 * window lists from the item's last public note (redactions reach it), and external_id dedupe that
 * lasts as long as the request (a marker without TTL).
 */
let key: { id: string; secret: string; name: string };
beforeAll(async () => {
  useTestTable();
  key = await newApiKey({ name: 'Media and notes client', services: ['damaged-sign'] });
});

const form = (overrides: Record<string, string> = {}) => requestForm(key.secret, { service_code: 'damaged-sign', ...overrides });

async function file(overrides: Record<string, string> = {}): Promise<string> {
  const created = await postForm('/open311/v2/requests.json', form(overrides));
  expect(created.status, created.text).toBe(201);
  return created.body[0].service_request_id;
}

/** The window list of this file's service from a minute ago: only requests this file made are in it. */
async function windowList(format: 'json' | 'xml') {
  const since = new Date(Date.now() - 10 * 60_000).toISOString();
  return get(`/open311/v2/requests.${format}?service_code=damaged-sign&start_date=${encodeURIComponent(since)}`);
}
const byId = (list: { service_request_id: string }[], id: string) => list.find((r) => r.service_request_id === id);

describe('Open311 media_url', () => {
  it('a posted media_url is stored on the item and served in JSON and XML; a request without one has none', async () => {
    const link = 'https://img.example.org/sign-42.jpg';
    const withLink = await file({ media_url: link });
    const without = await file();
    expect((await getItemWithHistory(withLink)).item.mediaUrl).toBe(link);

    const one = await get(`/open311/v2/requests/${withLink}.json`);
    expect(one.body[0].media_url).toBe(link);
    const doc = xml.parse((await get(`/open311/v2/requests/${withLink}.xml`)).text);
    expect(doc.service_requests.request[0].media_url).toBe(link);
    // Positive control for the absence: the other request is served, without media_url.
    const plain = await get(`/open311/v2/requests/${without}.json`);
    expect(plain.body[0].service_request_id).toBe(without);
    expect(plain.body[0]).not.toHaveProperty('media_url');
    // The window list carries it too.
    expect(byId((await windowList('json')).body, withLink)).toMatchObject({ media_url: link });
  });

  it('a media_url that is not an http(s) link, or too long, is a 400 and files nothing', async () => {
    for (const media_url of ['javascript:alert(1)', `https://example.org/${'a'.repeat(2100)}`]) {
      const res = await postForm('/open311/v2/requests.json', form({ media_url, description: `bad media ${media_url.length}` }));
      expect(res.status).toBe(400);
      expect(res.body[0].description).toMatch(/media_url/);
    }
  });

  it("a report with its own processed photo serves the photo's display URL as media_url, and that URL answers", async () => {
    const uploadId = await uploadPhoto(await gpsJpeg());
    const created = await api('/api/reports', {
      body: { serviceCode: 'damaged-sign', description: 'Sign bent over, photo attached', address: '3 Mill Lane', photos: [uploadId] },
    });
    expect(created.status, created.text).toBe(201);
    const [json] = (await get(`/open311/v2/requests/${created.body.reference}.json`)).body;
    const expected = `${inject('baseUrl')}/photos/${uploadId}/display.jpg`;
    expect(json.media_url).toBe(expected);
    const [x] = xml.parse((await get(`/open311/v2/requests/${created.body.reference}.xml`)).text).service_requests.request;
    expect(x.media_url).toBe(expected);
    const photo = await fetch(json.media_url);
    expect(photo.status).toBe(200);
    expect(photo.headers.get('content-type')).toBe('image/jpeg');
  });
});

describe('Open311 status_notes', () => {
  it('the last public note is in the window list and the single request; an internal note is not', async () => {
    const id = await file({ description: 'Sign facing the wrong way' });
    const roads = await signIn('roads.officer');
    const note = await api(`/api/staff/reports/${id}/comments`, {
      token: roads,
      body: { body: 'Crew booked for Tuesday', visibility: 'public' },
    });
    expect(note.status, note.text).toBe(201);
    const internal = await api(`/api/staff/reports/${id}/comments`, {
      token: roads,
      body: { body: 'Internal: contractor slow', visibility: 'internal' },
    });
    expect(internal.status).toBe(201);

    expect((await get(`/open311/v2/requests/${id}.json`)).body[0].status_notes).toBe('Crew booked for Tuesday');
    expect(byId((await windowList('json')).body, id)).toMatchObject({ status_notes: 'Crew booked for Tuesday' });
    const listed = xml
      .parse((await windowList('xml')).text)
      .service_requests.request.find((r: { service_request_id: string }) => r.service_request_id === id);
    expect(listed.status_notes).toBe('Crew booked for Tuesday');

    // A later public transition note replaces it, in the list too.
    const moved = await api(`/api/staff/reports/${id}/transitions`, { token: roads, body: { to: 'in_progress', note: 'Crew on site' } });
    expect(moved.status, moved.text).toBe(200);
    expect(byId((await windowList('json')).body, id)).toMatchObject({ status_notes: 'Crew on site' });
  });

  it('a redacted public comment shows its replacement as status_notes in the list and the single request', async () => {
    const id = await file({ description: 'Sign graffiti' });
    const roads = await signIn('roads.officer');
    const secret = 'Call Jo Bloggs on 07700 900123';
    const commented = await api(`/api/staff/reports/${id}/comments`, { token: roads, body: { body: secret, visibility: 'public' } });
    expect(commented.status).toBe(201);
    // Positive control: before the redaction the note is served as written.
    expect(byId((await windowList('json')).body, id)).toMatchObject({ status_notes: secret });
    const { history } = await getItemWithHistory(id);
    const comment = history.find((e) => e.type === 'comment' && e.note === secret)!;
    const redacted = await api(`/api/staff/reports/${id}/redactions`, {
      token: roads,
      body: { field: `comment:${comment.id}`, reason: 'a phone number' },
    });
    expect(redacted.status, redacted.text).toBe(201);

    const one = await get(`/open311/v2/requests/${id}.json`);
    expect(one.body[0].status_notes).toBe('[removed: personal information]');
    const list = await windowList('json');
    expect(byId(list.body, id)).toMatchObject({ status_notes: '[removed: personal information]' });
    for (const text of [one.text, list.text, (await windowList('xml')).text, (await get(`/open311/v2/requests/${id}.xml`)).text])
      expect(text).not.toContain('07700');
  });
});

describe('Open311 external_id dedupe', () => {
  it('the marker of a key’s external_id has no expiry, so a repeat returns the same request for as long as it exists', async () => {
    const externalId = `sign-${Date.now()}`;
    const first = await postForm('/open311/v2/requests.json', form({ 'attribute[external_id]': externalId }));
    expect(first.status).toBe(201);
    const again = await postForm('/open311/v2/requests.json', form({ 'attribute[external_id]': externalId, description: 'reading 2' }));
    expect(again.status).toBe(200);
    expect(again.body[0].service_request_id).toBe(first.body[0].service_request_id);

    const { Item: marker } = await db().send(
      new GetCommand({ TableName: tableName(), Key: idempotencyKey(`open311:${key.id}:${externalId}`), ConsistentRead: true }),
    );
    const { item } = await getItemWithHistory(first.body[0].service_request_id);
    expect(marker).toMatchObject({ itemId: item.id });
    expect(marker).not.toHaveProperty('expiresAt');
    expect(Object.keys(marker!).filter((k) => /ttl|expir/i.test(k))).toEqual([]);

    // Contrast: a native Idempotency-Key record still expires (24 h), so the check above can fail.
    const idem = `native-${Date.now()}`;
    const native = await api('/api/reports', {
      body: { serviceCode: 'damaged-sign', description: 'Native report', address: '4 Mill Lane' },
      headers: { 'idempotency-key': idem },
    });
    expect(native.status, native.text).toBe(201);
    const { Item: nativeRecord } = await db().send(
      new GetCommand({ TableName: tableName(), Key: idempotencyKey(idem), ConsistentRead: true }),
    );
    expect(nativeRecord?.expiresAt).toBeGreaterThan(Date.now() / 1000);
  });
});
