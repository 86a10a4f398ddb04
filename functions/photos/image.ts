import convertHeic from 'heic-convert';
import sharp from 'sharp';
import { PHOTO_LIMITS } from '../../shared/photos.js';

/** A file processing refuses, with the reason the citizen is shown. */
export class PhotoRefusedError extends Error {
  override name = 'PhotoRefusedError';
}

export interface ProcessedPhoto {
  display: Buffer;
  thumb: Buffer;
  width: number;
  height: number;
}

const ACCEPTED = new Set(['jpeg', 'png', 'webp', 'heif']);
const NOT_A_PHOTO = 'This file is not a photo we can read: send a JPEG, PNG, WebP or HEIC picture.';
const TOO_BIG = `This picture has too many pixels to process (at most ${PHOTO_LIMITS.maxInputPixels / 1_000_000} megapixels): send a smaller one.`;

/** sharp with the pixel limit checked from the header, before anything is decoded. */
const open = (input: Buffer) => sharp(input, { limitInputPixels: PHOTO_LIMITS.maxInputPixels, failOn: 'error', sequentialRead: true });

/**
 * Decodes a citizen's upload and makes the public sizes: the EXIF orientation applied, then every piece
 * of metadata dropped (sharp writes none unless asked: no EXIF, GPS, XMP, IPTC or ICC profile), a
 * display size and a thumbnail in JPEG. The file's own bytes decide what it is, not its name or declared
 * type. HEIC from phones is HEVC-coded, which the prebuilt libvips cannot decode, so it goes through
 * heic-convert (libheif compiled to wasm) first; its size is checked from the header before that too.
 * @example const { thumb } = await processPhoto(await readFile('pothole.jpg'))
 */
export async function processPhoto(input: Buffer): Promise<ProcessedPhoto> {
  const meta = await open(input)
    .metadata()
    .catch((err: unknown) => {
      throw new PhotoRefusedError(/pixel limit/i.test(String(err)) ? TOO_BIG : NOT_A_PHOTO);
    });
  if (!meta.format || !ACCEPTED.has(meta.format)) throw new PhotoRefusedError(NOT_A_PHOTO);
  if (!meta.width || !meta.height) throw new PhotoRefusedError(NOT_A_PHOTO);
  if (meta.width * meta.height > PHOTO_LIMITS.maxInputPixels) throw new PhotoRefusedError(TOO_BIG);
  const decodable = meta.format !== 'heif' || meta.compression === 'av1' ? input : await heicToJpeg(input);
  try {
    const base = open(decodable).rotate();
    const [display, thumb] = await Promise.all([
      base
        .clone()
        .resize({ width: PHOTO_LIMITS.displayPx, height: PHOTO_LIMITS.displayPx, fit: 'inside', withoutEnlargement: true })
        .jpeg({ quality: 82, mozjpeg: true })
        .toBuffer({ resolveWithObject: true }),
      base
        .clone()
        .resize({ width: PHOTO_LIMITS.thumbPx, height: PHOTO_LIMITS.thumbPx, fit: 'inside', withoutEnlargement: true })
        .jpeg({ quality: 75, mozjpeg: true })
        .toBuffer(),
    ]);
    return { display: display.data, thumb, width: display.info.width, height: display.info.height };
  } catch (err) {
    if (/pixel limit/i.test(String(err))) throw new PhotoRefusedError(TOO_BIG);
    throw new PhotoRefusedError(`${NOT_A_PHOTO} (It could not be decoded: it may be damaged or cut short.)`);
  }
}

async function heicToJpeg(input: Buffer): Promise<Buffer> {
  try {
    // A HEIC keeps its EXIF orientation in the container (irot/imir), which libheif applies while decoding.
    return Buffer.from(await convertHeic({ buffer: input, format: 'JPEG', quality: 0.92 }));
  } catch {
    throw new PhotoRefusedError(`${NOT_A_PHOTO} (This HEIC file could not be decoded.)`);
  }
}
