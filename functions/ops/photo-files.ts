import type { Item } from '../../shared/items.js';
import { photoServed } from '../../shared/photos.js';
import { invalidatePaths } from '../store/cdn.js';
import { setPhotoServed } from '../store/objects.js';

/**
 * After a takedown (a report hidden, a photo hidden) or its reversal: each photo's processed files are
 * at their public URLs only while the public may see the photo (docs/moderation.md). Withheld files move
 * to a private prefix, so the URL answers 403/404 from the bucket at once; in AWS the CDN's cached copies
 * of the moved paths are invalidated too (`/photos/<id>/*`). Idempotent: a retry of the same request
 * finishes what a failed one started.
 */
export async function syncPhotoFiles(item: Item): Promise<void> {
  const photos = item.photos ?? [];
  const moved = await Promise.all(photos.map(async (p) => ((await setPhotoServed(p.id, photoServed(item, p))) ? p.id : undefined)));
  const paths = moved.filter((id): id is string => id !== undefined).map((id) => `/photos/${id}/*`);
  await invalidatePaths(paths, item.id);
}
