import ngeohash from 'ngeohash';

/**
 * Circle alerts ("within 500 m of my door") matched without scans: a circle is indexed under the
 * geohash cells that cover its bounding box, at the finest precision that keeps the cover small; a
 * report is looked up under its own cell at each of those precisions (one Query each), and every
 * candidate is then refined by true distance. Pure: no AWS, no I/O.
 */

export interface Point {
  lat: number;
  lng: number;
}
export interface Circle {
  center: Point;
  radiusMeters: number;
}

export const MIN_RADIUS_METERS = 100;
export const MAX_RADIUS_METERS = 5000;
/** Precisions a cover may use: 7 (~153 m cells) for the smallest circles, 4 (~39 km) as a floor. */
export const COVER_PRECISIONS = [7, 6, 5, 4] as const;
/** At most this many cells per circle: the index writes of one alert fit one transaction with room to spare. */
export const MAX_COVER_CELLS = 32;

const EARTH_RADIUS_METERS = 6_371_008.8;
const rad = (deg: number) => (deg * Math.PI) / 180;

/**
 * Great-circle distance (haversine), in metres.
 * @example Math.round(distanceMeters({lat: 51.45, lng: -2.59}, {lat: 51.451, lng: -2.59})) // 111
 */
export function distanceMeters(a: Point, b: Point): number {
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(h)));
}

export function inCircle(circle: Circle, point: Point): boolean {
  return distanceMeters(circle.center, point) <= circle.radiusMeters;
}

/** The circle's bounding box, widened a hair so a point on the rim is never outside it through rounding. */
function boundingBox({ center, radiusMeters }: Circle): [number, number, number, number] {
  const dLat = (radiusMeters / EARTH_RADIUS_METERS) * (180 / Math.PI) * 1.001;
  const cos = Math.max(Math.cos(rad(center.lat)), 1e-6);
  const dLng = Math.min(180, dLat / cos);
  return [
    Math.max(-90, center.lat - dLat),
    Math.max(-180, center.lng - dLng),
    Math.min(90, center.lat + dLat),
    Math.min(180, center.lng + dLng),
  ];
}

/**
 * The geohash cells an alert is indexed under: every cell touching the circle's bounding box, at the
 * finest precision whose cover has at most MAX_COVER_CELLS cells.
 * @example circleCover({center: {lat: 51.45, lng: -2.59}, radiusMeters: 100}).every((c) => c.length === 7) // true
 */
export function circleCover(circle: Circle): string[] {
  const [minLat, minLng, maxLat, maxLng] = boundingBox(circle);
  for (const precision of COVER_PRECISIONS) {
    const cells = ngeohash.bboxes(minLat, minLng, maxLat, maxLng, precision);
    if (cells.length <= MAX_COVER_CELLS) return cells;
  }
  return ngeohash.bboxes(minLat, minLng, maxLat, maxLng, COVER_PRECISIONS.at(-1) as number);
}

/**
 * The cells to look a report up under: its own cell at every precision a cover may use. A circle
 * whose cover contains the point's cell at its precision is found by exactly one of these lookups.
 * @example pointCells({lat: 51.45, lng: -2.59}) // ['gcnhv5h', 'gcnhv5', 'gcnhv', 'gcnh']
 */
export function pointCells(point: Point): string[] {
  const finest = ngeohash.encode(point.lat, point.lng, COVER_PRECISIONS[0]);
  return COVER_PRECISIONS.map((p) => finest.slice(0, p));
}
