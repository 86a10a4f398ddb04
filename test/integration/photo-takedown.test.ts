import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { withheldKeys } from '../../shared/photos.js';
import { api, reportBody, signIn } from '../support/api.js';
import { gpsJpeg, uploadPhoto } from '../support/photos.js';

/**
 * A takedown takes the photo files off their immutable public URLs (issue 19): hiding the report (or the
 * photo) moves its processed files to a private prefix, so the URL answers 404 from the photo store at
 * once; unhiding puts the same bytes back at the same URLs.
 */
const site = (path: string) => fetch(`${inject('baseUrl')}${path}`);
const bytesAt = async (path: string) => Buffer.from(await (await site(path)).arrayBuffer());

/** The size of an object in the photo bucket, read as the functions read it (0 when absent). */
async function privateObject(key: string): Promise<number> {
  const s3 = new S3Client({
    region: 'eu-west-2',
    endpoint: inject('s3Endpoint'),
    forcePathStyle: true,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const out = await s3.send(new GetObjectCommand({ Bucket: 'civicboard-photos', Key: key })).catch(() => undefined);
  return out ? (await out.Body!.transformToByteArray()).length : 0;
}

let token: string;
beforeAll(async () => {
  token = await signIn('roads.officer');
});

describe('photo files on takedown', () => {
  it('hiding a report makes its photo URLs fail; unhiding restores the same files', async () => {
    const uploadId = await uploadPhoto(await gpsJpeg(320, 200));
    const created = await api('/api/reports', { body: reportBody({ photos: [uploadId] }) });
    expect(created.status, created.text).toBe(201);
    const { url, thumbUrl } = created.body.photos[0];
    // Positive control: both files answer before the takedown.
    expect((await site(url)).status).toBe(200);
    expect((await site(thumbUrl)).status).toBe(200);
    const before = await bytesAt(url);

    const hidden = await api(`/api/staff/reports/${created.body.id}`, { token, method: 'PATCH', body: { hidden: true } });
    expect(hidden.status, hidden.text).toBe(200);
    expect((await site(url)).status).toBe(404);
    expect((await site(thumbUrl)).status).toBe(404);
    // Kept privately (for staff and for an unhide), not deleted.
    expect(await privateObject(withheldKeys(uploadId).display)).toBe(before.length);

    // Hiding again (a retry) is harmless and the files stay off.
    expect((await api(`/api/staff/reports/${created.body.id}`, { token, method: 'PATCH', body: { hidden: true } })).status).toBe(200);
    expect((await site(url)).status).toBe(404);

    const shown = await api(`/api/staff/reports/${created.body.id}`, { token, method: 'PATCH', body: { hidden: false } });
    expect(shown.status, shown.text).toBe(200);
    expect((await site(url)).status).toBe(200);
    expect((await site(thumbUrl)).status).toBe(200);
    expect((await bytesAt(url)).equals(before)).toBe(true);
    expect(await privateObject(withheldKeys(uploadId).display)).toBe(0);
  });

  it("hiding one photo makes that photo's URLs fail and leaves the report's other photo served", async () => {
    const [a, b] = await Promise.all([uploadPhoto(await gpsJpeg(200, 100)), uploadPhoto(await gpsJpeg(100, 200))]);
    const created = await api('/api/reports', { body: reportBody({ photos: [a, b] }) });
    expect(created.status, created.text).toBe(201);
    const redacted = await api(`/api/staff/reports/${created.body.id}/redactions`, {
      token,
      body: { field: `photo:${a}`, reason: 'a child in the picture' },
    });
    expect(redacted.status, redacted.text).toBe(201);
    expect((await site(`/photos/${a}/display.jpg`)).status).toBe(404);
    expect((await site(`/photos/${a}/thumb.jpg`)).status).toBe(404);
    expect((await site(`/photos/${b}/display.jpg`)).status).toBe(200);
    // Hiding and unhiding the report keeps the hidden photo withheld and restores only the other one.
    expect((await api(`/api/staff/reports/${created.body.id}`, { token, method: 'PATCH', body: { hidden: true } })).status).toBe(200);
    expect((await site(`/photos/${b}/display.jpg`)).status).toBe(404);
    expect((await api(`/api/staff/reports/${created.body.id}`, { token, method: 'PATCH', body: { hidden: false } })).status).toBe(200);
    expect((await site(`/photos/${b}/display.jpg`)).status).toBe(200);
    expect((await site(`/photos/${a}/display.jpg`)).status).toBe(404);
  });

  it('a flag resolution that hides the report takes its photos down too', async () => {
    const uploadId = await uploadPhoto(await gpsJpeg(120, 120));
    const created = await api('/api/reports', { body: reportBody({ photos: [uploadId] }) });
    expect(created.status, created.text).toBe(201);
    const flagged = await api(`/api/reports/${created.body.id}/flags`, { body: { reason: 'shows a face' } });
    expect(flagged.status, flagged.text).toBe(202);
    expect((await site(`/photos/${uploadId}/display.jpg`)).status).toBe(200);
    const resolved = await api(`/api/staff/reports/${created.body.id}/flag-resolutions`, { token, body: { action: 'hide' } });
    expect(resolved.status, resolved.text).toBe(200);
    expect((await site(`/photos/${uploadId}/display.jpg`)).status).toBe(404);
  });
});
