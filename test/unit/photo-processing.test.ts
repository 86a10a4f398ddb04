import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import exifr from 'exifr';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { PhotoRefusedError, processPhoto } from '../../functions/photos/image.js';
import { gpsJpeg } from '../support/photos.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/photos');

describe('photo processing', () => {
  it('a JPEG with GPS EXIF comes out with no EXIF at all, turned upright', async () => {
    const original = await gpsJpeg();
    const before = await exifr.parse(original, { gps: true });
    expect(before?.latitude).toBeCloseTo(51.507, 2); // positive control: the fixture does carry a position

    const { display, thumb, width, height } = await processPhoto(original);

    for (const out of [display, thumb]) {
      expect(await exifr.parse(out, true)).toBeUndefined();
      const meta = await sharp(out).metadata();
      expect(meta.format).toBe('jpeg');
      expect(meta.exif).toBeUndefined();
      expect(meta.xmp).toBeUndefined();
      expect(meta.icc).toBeUndefined();
    }
    // Orientation 6 applied: the 80 x 40 landscape pixels stand as a 40 x 80 portrait.
    expect([width, height]).toEqual([40, 80]);
  });

  it('makes a display size of at most 1600 px and a thumbnail of at most 320 px', async () => {
    const big = await sharp({ create: { width: 3000, height: 2000, channels: 3, background: '#888' } })
      .png()
      .toBuffer();
    const { display, thumb } = await processPhoto(big);
    const [d, t] = await Promise.all([sharp(display).metadata(), sharp(thumb).metadata()]);
    expect([d.width, d.height]).toEqual([1600, 1067]);
    expect([t.width, t.height]).toEqual([320, 213]);
  });

  it('a HEIC from a phone (HEVC-coded) converts', async () => {
    const heic = readFileSync(join(FIXTURES, 'phone.heic'));
    expect((await sharp(heic).metadata()).compression).toBe('hevc');
    const { display, width, height } = await processPhoto(heic);
    expect((await sharp(display).metadata()).format).toBe('jpeg');
    expect([width, height]).toEqual([64, 48]);
  });

  it('a PDF renamed .jpg is refused with a reason the citizen can act on', async () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    await expect(processPhoto(pdf)).rejects.toThrow(PhotoRefusedError);
    await expect(processPhoto(pdf)).rejects.toThrow(/send a JPEG, PNG, WebP or HEIC/);
  });

  it('a 30000 x 30000 PNG is refused from its header, before it is decoded', async () => {
    // A valid PNG header claiming 30000 x 30000: the bytes of a decompression bomb's start.
    const small = await sharp({ create: { width: 30000, height: 1, channels: 3, background: '#000' } })
      .png()
      .toBuffer();
    const bomb = Buffer.from(small);
    bomb.writeUInt32BE(30000, 20); // IHDR height
    bomb.writeUInt32BE(crc32(bomb.subarray(12, 29)), 29); // and its checksum, so only the size is wrong
    await expect(processPhoto(bomb)).rejects.toThrow(/too many pixels/);
  });

  it('a truncated JPEG is refused, not half-processed', async () => {
    const whole = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#a33' } })
      .jpeg()
      .toBuffer();
    await expect(processPhoto(whole.subarray(0, Math.floor(whole.length / 2)))).rejects.toThrow(PhotoRefusedError);
    await expect(processPhoto(whole)).resolves.toBeDefined();
  });
});
