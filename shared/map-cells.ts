import ngeohash from 'ngeohash';

/**
 * The home map's aggregates: reports counted per geohash cell and phase at a few precisions, so a map
 * zoomed out draws one marker per cell instead of one per report, and what it downloads depends on the
 * viewport, never on how many reports there are. Pure: shared by the stream consumer, the API and the site.
 *
 * A cell's counts are read in tiles: one tile is every cell of one precision under one cell
 * TILE_DROP characters shorter (32 × 32 = 1,024 cells at most), so each tile has one stable URL the CDN
 * can cache, and a viewport needs a handful of tiles.
 */

/** Precisions the aggregates are kept at: ~156 km, ~39 km, ~4.9 km and ~1.2 km × 0.6 km cells. */
export const MAP_PRECISIONS = [3, 4, 5, 6] as const;
export type MapPrecision = (typeof MAP_PRECISIONS)[number];
/** A tile is the cells under a cell this many characters shorter. */
export const TILE_DROP = 2;
/** From this zoom the map shows the viewport's pins (the bbox list), below it the cells' counts. */
export const PIN_ZOOM = 15;
/** Smallest distance between two cluster markers' centres, in CSS px: markers are at most this wide, so they never overlap. */
export const MARKER_SPACING = 44;

export interface Point {
  lat: number;
  lng: number;
}

/** The cell of this point at each kept precision, coarsest first. */
export function cellsOf(point: Point): { precision: MapPrecision; cell: string }[] {
  const finest = ngeohash.encode(point.lat, point.lng, MAP_PRECISIONS[MAP_PRECISIONS.length - 1]);
  return MAP_PRECISIONS.map((precision) => ({ precision, cell: finest.slice(0, precision) }));
}

/** The tile a cell is read in. @example tileOf('gcpvj') // 'gcp' */
export const tileOf = (cell: string) => cell.slice(0, cell.length - TILE_DROP);

/** A cell's box as [minLat, minLng, maxLat, maxLng]. */
export const cellBox = (cell: string) => ngeohash.decode_bbox(cell) as [number, number, number, number];

/** A cell's centre, where its marker is drawn (on a grid, so markers of one precision are evenly spaced). */
export function cellCentre(cell: string): Point {
  const [minLat, minLng, maxLat, maxLng] = cellBox(cell);
  return { lat: (minLat + maxLat) / 2, lng: (minLng + maxLng) / 2 };
}

/** Web-Mercator pixels per degree of longitude at a zoom level (256 px tiles). */
const pxPerDegree = (zoom: number) => (256 * 2 ** zoom) / 360;

/**
 * The finest kept precision whose cells are at least MARKER_SPACING px high and wide at this zoom and
 * latitude (Mercator stretches latitude by 1/cos), or the coarsest.
 * @example precisionForZoom(13, 42.36) // 6
 */
export function precisionForZoom(zoom: number, latitude: number): MapPrecision {
  const stretch = 1 / Math.max(Math.cos((latitude * Math.PI) / 180), 0.01);
  for (const precision of [...MAP_PRECISIONS].reverse()) {
    const [minLat, minLng, maxLat, maxLng] = cellBox(ngeohash.encode(latitude, 0, precision));
    const width = (maxLng - minLng) * pxPerDegree(zoom);
    const height = (maxLat - minLat) * pxPerDegree(zoom) * stretch;
    if (Math.min(width, height) >= MARKER_SPACING) return precision;
  }
  return MAP_PRECISIONS[0];
}

export interface ViewBox {
  minLat: number;
  minLng: number;
  maxLat: number;
  maxLng: number;
}

/** Most tiles one viewport may read; a box needing more is read at a coarser precision. */
export const MAX_TILES = 9;

/**
 * The tiles covering a viewport at a precision, coarsening the precision until at most MAX_TILES do.
 * @example viewportTiles({minLat: 42.3, minLng: -71.1, maxLat: 42.4, maxLng: -71.0}, 5).tiles // ['drt']
 */
export function viewportTiles(box: ViewBox, precision: MapPrecision): { precision: MapPrecision; tiles: string[] } {
  const clamp = {
    minLat: Math.max(-89.999, box.minLat),
    maxLat: Math.min(89.999, box.maxLat),
    minLng: Math.max(-179.999, box.minLng),
    maxLng: Math.min(179.999, box.maxLng),
  };
  for (let p = precision; ; ) {
    const tiles = ngeohash.bboxes(clamp.minLat, clamp.minLng, clamp.maxLat, clamp.maxLng, p - TILE_DROP);
    const coarser = MAP_PRECISIONS[MAP_PRECISIONS.indexOf(p) - 1];
    if (tiles.length <= MAX_TILES || coarser === undefined) return { precision: p, tiles: tiles.slice(0, 64) };
    p = coarser;
  }
}

/** What the map draws for one cell. */
export interface CellCount {
  cell: string;
  waiting: number;
  in_progress: number;
  done: number;
}

/** A point to draw with a weight: a cell with its count, or one report (count 1). */
export interface Weighted {
  lat: number;
  lng: number;
  count: number;
}

/** Points drawn as one marker: where it is drawn (its first, heaviest member) and what it stands for. */
export interface Group<T extends Weighted> {
  lat: number;
  lng: number;
  count: number;
  members: T[];
}

/**
 * Groups points closer than `spacing` px (as `project` places them, in both axes) into one marker drawn
 * at the heaviest point's place, heaviest first, so no two markers' centres are closer than `spacing`
 * on both axes: markers narrower than `spacing` never overlap, whatever the zoom. A grid of
 * `spacing`-sized buckets finds the near ones, so this is linear in the points.
 * @example spreadMarkers([{lat: 0, lng: 0, count: 2}, {lat: 0, lng: 0.0001, count: 1}], (p) => ({x: p.lng * 1e5, y: p.lat}), 44).length // 1
 */
export function spreadMarkers<T extends Weighted>(
  points: T[],
  project: (p: T) => { x: number; y: number },
  spacing = MARKER_SPACING,
): Group<T>[] {
  const groups: (Group<T> & { x: number; y: number })[] = [];
  const buckets = new Map<string, (Group<T> & { x: number; y: number })[]>();
  const bucketOf = (x: number, y: number) => `${Math.floor(x / spacing)},${Math.floor(y / spacing)}`;
  for (const point of [...points].sort((a, b) => b.count - a.count)) {
    const { x, y } = project(point);
    const bx = Math.floor(x / spacing);
    const by = Math.floor(y / spacing);
    let near: (Group<T> & { x: number; y: number }) | undefined;
    for (let dx = -1; dx <= 1 && !near; dx++) {
      for (let dy = -1; dy <= 1 && !near; dy++) {
        near = buckets.get(`${bx + dx},${by + dy}`)?.find((g) => Math.abs(g.x - x) < spacing && Math.abs(g.y - y) < spacing);
      }
    }
    if (near) {
      near.count += point.count;
      near.members.push(point);
      continue;
    }
    const group = { lat: point.lat, lng: point.lng, count: point.count, members: [point], x, y };
    groups.push(group);
    const key = bucketOf(x, y);
    buckets.set(key, [...(buckets.get(key) ?? []), group]);
  }
  return groups.map(({ x: _x, y: _y, ...g }) => g);
}
