import ngeohash from 'ngeohash';
import type { BBox } from '../../shared/schemas.js';
import { CELL_PRECISION } from './keys/items.js';

/** Most geohash cells one box list reads (one Query each); a box needing more at every precision reads the phase lists. */
export const MAX_CELLS = 48;
/** The finest precision tried: cells of ~150 m x 150 m. */
export const FINEST_PRECISION = 7;

/**
 * How many geohash cells of this precision `ngeohash.bboxes` would list for the box, worked out from
 * the two corner cells alone: the world at precision 7 is 2^35 cells, which must be counted, not listed.
 *
 * @example cellCount({ minLng: -180, minLat: -90, maxLng: 180, maxLat: 90 }, 7) // 34359738368
 */
export function cellCount(box: BBox, precision: number): number {
  const [swLat, swLng, swMaxLat, swMaxLng] = ngeohash.decode_bbox(ngeohash.encode(box.minLat, box.minLng, precision)) as number[];
  const [neLat, neLng] = ngeohash.decode_bbox(ngeohash.encode(box.maxLat, box.maxLng, precision)) as number[];
  const cellLat = (swMaxLat as number) - (swLat as number);
  const cellLng = (swMaxLng as number) - (swLng as number);
  // The same steps ngeohash.bboxes walks, so the count is exactly the length of its list.
  const rows = Math.round(((neLat as number) - (swLat as number)) / cellLat) + 1;
  const columns = Math.round(((neLng as number) - (swLng as number)) / cellLng) + 1;
  return rows * columns;
}

/** The finest precision (FINEST_PRECISION down to the cell index's own) covering the box in at most MAX_CELLS cells, if any. */
export function coverPrecision(box: BBox): number | undefined {
  for (let precision = FINEST_PRECISION; precision >= CELL_PRECISION; precision--) {
    if (cellCount(box, precision) <= MAX_CELLS) return precision;
  }
  return undefined;
}

/** The cells covering the box, listed only once their count is known to be at most MAX_CELLS. */
export function coverCells(box: BBox): string[] | undefined {
  const precision = coverPrecision(box);
  return precision === undefined ? undefined : ngeohash.bboxes(box.minLat, box.minLng, box.maxLat, box.maxLng, precision);
}
