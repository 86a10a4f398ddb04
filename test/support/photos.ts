import sharp from 'sharp';
import { expect, inject } from 'vitest';
import { api } from './api.js';

/** A JPEG as a phone writes it: GPS position, camera make, and an orientation that says "rotate 90°". */
export async function gpsJpeg(width = 80, height = 40): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 90, g: 140, b: 200 } } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'PhoneMaker', Model: 'Phone 12' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 2600/100', GPSLongitudeRef: 'W', GPSLongitude: '0/1 7/1 3900/100' },
    })
    .withMetadata({ orientation: 6 })
    .toBuffer();
}

/** A grant from POST /api/reports/uploads. */
export interface Grant {
  uploadId: string;
  url: string;
  fields: Record<string, string>;
  expiresAt: string;
}

export async function requestUpload(contentType: string, size: number): Promise<Grant> {
  const res = await api('/api/reports/uploads', { body: { contentType, size } });
  expect(res.status, res.text).toBe(201);
  return res.body as Grant;
}

/** POSTs a file to a presigned POST as a browser form does: the policy's fields, then the file last. */
export async function postToBucket(grant: Pick<Grant, 'url' | 'fields'>, bytes: Uint8Array, fields: Record<string, string> = {}) {
  const form = new FormData();
  for (const [k, v] of Object.entries({ ...grant.fields, ...fields })) form.append(k, v);
  form.append('file', new Blob([new Uint8Array(bytes)]), 'photo');
  const res = await fetch(grant.url, { method: 'POST', body: form, headers: { origin: inject('baseUrl') } });
  return { status: res.status, text: await res.text(), headers: res.headers };
}

/** Waits for processing to settle an upload (it runs on the bucket's notification). */
export async function settled(uploadId: string, timeoutMs = 20_000): Promise<{ status: string; reason?: string; thumbUrl?: string }> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const res = await api(`/api/reports/uploads/${uploadId}`);
    expect(res.status, res.text).toBe(200);
    if (res.body.status !== 'pending') return res.body;
    if (Date.now() > until) throw new Error(`upload ${uploadId} still pending after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** Requests, uploads and waits for one photo: its upload id once processed. */
export async function uploadPhoto(bytes: Uint8Array, contentType = 'image/jpeg'): Promise<string> {
  const grant = await requestUpload(contentType, bytes.length);
  const posted = await postToBucket(grant, bytes);
  expect(posted.status, posted.text).toBe(204);
  const state = await settled(grant.uploadId);
  expect(state.status, state.reason).toBe('ready');
  return grant.uploadId;
}
