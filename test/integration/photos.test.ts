import exifr from 'exifr';
import sharp from 'sharp';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../shared/limits.js';
import { PHOTO_LIMITS } from '../../shared/photos.js';
import { api, reportBody, signIn } from '../support/api.js';
import { postFrom, uniqueClientAddress } from '../support/client.js';
import { gpsJpeg, postToBucket, requestUpload, settled, uploadPhoto } from '../support/photos.js';

const site = (path: string) => fetch(`${inject('baseUrl')}${path}`);

describe('a report with photos', () => {
  let original: Buffer;
  let report: { id: string; photos: { id: string; url: string; thumbUrl: string; alt?: string }[] };

  beforeAll(async () => {
    original = await gpsJpeg(640, 480);
    const uploadId = await uploadPhoto(original);
    const res = await api('/api/reports', { body: reportBody({ photos: [{ uploadId, alt: 'A deep pothole by the kerb' }] }) });
    expect(res.status, res.text).toBe(201);
    report = res.body;
  });

  it('lists the photo publicly with a display size, a thumbnail and the citizen’s alt text', async () => {
    expect(report.photos).toHaveLength(1);
    const [photo] = report.photos;
    expect(photo).toMatchObject({ alt: 'A deep pothole by the kerb' });
    expect(photo?.url).toMatch(/^\/photos\/[0-9A-Z]{26}\/display\.jpg$/);
    const again = await api(`/api/reports/${report.id}`);
    expect(again.body.photos).toEqual(report.photos);
  });

  it('a JPEG with GPS EXIF is published with no EXIF at all', async () => {
    expect((await exifr.gps(original))?.latitude).toBeCloseTo(51.507, 2); // positive control
    for (const path of [report.photos[0]!.url, report.photos[0]!.thumbUrl]) {
      const res = await site(path);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/jpeg');
      expect(res.headers.get('cache-control')).toContain('immutable');
      const bytes = Buffer.from(await res.arrayBuffer());
      expect(await exifr.parse(bytes, true)).toBeUndefined();
      expect((await sharp(bytes).metadata()).exif).toBeUndefined();
    }
  });

  it('the original is nowhere public: not in the item, not under /photos/', async () => {
    const text = (await api(`/api/reports/${report.id}`)).text;
    expect(text).not.toContain('originals/');
    const id = report.photos[0]!.id;
    expect((await site(`/photos/${id}/display.jpg`)).status).toBe(200); // positive control
    expect((await site(`/photos/${id}/original.jpg`)).status).toBe(404);
    expect((await site(`/originals/${id}`)).status).toBe(404);
  });

  it('an upload attaches to one report only', async () => {
    const again = await api('/api/reports', { body: reportBody({ photos: [report.photos[0]!.id] }) });
    expect(again.status).toBe(400);
    expect(again.body.errors[0]).toMatchObject({ path: 'photos.0' });
  });

  it('staff hide a photo with a redaction: the public no longer lists it, staff still do', async () => {
    const uploadId = await uploadPhoto(await gpsJpeg());
    const created = await api('/api/reports', { body: reportBody({ photos: [uploadId] }) });
    expect(created.body.photos).toHaveLength(1); // positive control
    const token = await signIn('roads.officer');
    const res = await api(`/api/staff/reports/${created.body.id}/redactions`, {
      token,
      body: { field: `photo:${uploadId}`, reason: 'shows a child' },
    });
    expect(res.status, res.text).toBe(201);
    const item = await api(`/api/reports/${created.body.id}`);
    expect(item.body.photos).toBeUndefined();
    expect(item.text).not.toContain(uploadId);
    const staff = await api(`/api/staff/reports/${created.body.id}`, { token });
    expect(staff.body.photos).toEqual([{ id: uploadId, hidden: true }]);
    expect(staff.body.history).toContainEqual(
      expect.objectContaining({ type: 'redacted', field: `photo:${uploadId}`, note: 'shows a child' }),
    );
  });

  it('a report takes at most 3 photos', async () => {
    const ids = ['01J0000000000000000000000A', '01J0000000000000000000000B', '01J0000000000000000000000C', '01J0000000000000000000000D'];
    const res = await api('/api/reports', { body: reportBody({ photos: ids }) });
    expect(res.status).toBe(400);
    expect(res.text).toContain('at most 3 photos');
  });
});

describe('the presigned POST policy', () => {
  it('refuses 10 MB + 1 byte, and takes exactly 10 MB', async () => {
    const tooBig = await requestUpload('image/jpeg', PHOTO_LIMITS.bytes);
    const refused = await postToBucket(tooBig, new Uint8Array(PHOTO_LIMITS.bytes + 1));
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('EntityTooLarge');
    expect((await api(`/api/reports/uploads/${tooBig.uploadId}`)).body.status).toBe('pending'); // nothing arrived

    const exact = await requestUpload('image/jpeg', PHOTO_LIMITS.bytes);
    expect((await postToBucket(exact, new Uint8Array(PHOTO_LIMITS.bytes))).status).toBe(204);
  });

  it('refuses a file larger than the size asked for', async () => {
    const grant = await requestUpload('image/jpeg', 1000);
    expect((await postToBucket(grant, new Uint8Array(1001))).status).toBe(400);
    expect((await postToBucket(grant, new Uint8Array(1000))).status).toBe(204);
  });

  it('cannot be reused for another key', async () => {
    const [mine, other] = [await requestUpload('image/jpeg', 100), await requestUpload('image/jpeg', 100)];
    const moved = await postToBucket(mine, new Uint8Array(100), { key: `originals/${other.uploadId}` });
    expect(moved.status).toBe(403);
    expect(moved.text).toContain('AccessDenied');
    expect((await postToBucket(mine, new Uint8Array(100))).status).toBe(204);
  });

  it('refuses a Content-Type other than the one asked for', async () => {
    const grant = await requestUpload('image/png', 100);
    expect((await postToBucket(grant, new Uint8Array(100), { 'Content-Type': 'text/html' })).status).toBe(403);
  });

  it('refuses a forged signature', async () => {
    const grant = await requestUpload('image/jpeg', 100);
    const forged = { ...grant.fields, 'X-Amz-Signature': '0'.repeat(64) };
    expect((await postToBucket({ url: grant.url, fields: forged }, new Uint8Array(100))).status).toBe(403);
  });

  it('asking for more than 10 MB, or a type that is not a photo, is a 400 saying what is allowed', async () => {
    const big = await api('/api/reports/uploads', { body: { contentType: 'image/jpeg', size: PHOTO_LIMITS.bytes + 1 } });
    expect(big.status).toBe(400);
    expect(big.body.errors[0]).toMatchObject({ path: 'size' });
    const pdf = await api('/api/reports/uploads', { body: { contentType: 'application/pdf', size: 100 } });
    expect(pdf.status).toBe(400);
    expect(pdf.body.errors[0].message).toContain('image/jpeg');
  });
});

describe('processing refuses what is not a photo', () => {
  it('a PDF sent as image/jpeg fails with a reason, and a report naming it gets that reason', async () => {
    const pdf = new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const grant = await requestUpload('image/jpeg', pdf.length);
    expect((await postToBucket(grant, pdf)).status).toBe(204);
    const state = await settled(grant.uploadId);
    expect(state.status).toBe('failed');
    expect(state.reason).toMatch(/not a photo/);
    const res = await api('/api/reports', { body: reportBody({ photos: [grant.uploadId] }) });
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({ path: 'photos.0', message: state.reason });
  });

  it('a HEIC from a phone is processed', async () => {
    const { readFileSync } = await import('node:fs');
    const heic = readFileSync(new URL('../fixtures/photos/phone.heic', import.meta.url));
    const uploadId = await uploadPhoto(heic, 'image/heic');
    const state = await settled(uploadId);
    expect(state.thumbUrl).toBe(`/photos/${uploadId}/thumb.jpg`);
    expect((await site(state.thumbUrl!)).status).toBe(200);
  });
});

describe('upload requests are limited per client', () => {
  it(`the request after ${DEFAULT_LIMITS.perClient.upload[0]!.limit} in a window gets 429 with Retry-After`, async () => {
    const client = uniqueClientAddress();
    const { limit } = DEFAULT_LIMITS.perClient.upload[0]!;
    for (let i = 0; i < limit; i++)
      expect((await postFrom(client, '/api/reports/uploads', { contentType: 'image/png', size: 10 })).status).toBe(201);
    const refused = await postFrom(client, '/api/reports/uploads', { contentType: 'image/png', size: 10 });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  });
});
