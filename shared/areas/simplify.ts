import type { Area } from './index.js';

type Ring = number[][];

/** Squared distance from p to the segment a–b, in degrees² (fine at a city's scale). */
function segmentDistance2(p: number[], a: number[], b: number[]): number {
  const [px, py] = p as [number, number];
  const [ax, ay] = a as [number, number];
  const [bx, by] = b as [number, number];
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 ? Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2)) : 0;
  const x = ax + t * dx - px;
  const y = ay + t * dy - py;
  return x * x + y * y;
}

/** Douglas–Peucker on one ring, iterative (no recursion depth limit on long rings). */
function simplifyRing(ring: Ring, tolerance: number): Ring {
  if (ring.length <= 4) return ring;
  const keep = new Uint8Array(ring.length);
  keep[0] = 1;
  keep[ring.length - 1] = 1;
  const stack: [number, number][] = [[0, ring.length - 1]];
  const tol2 = tolerance * tolerance;
  while (stack.length) {
    const [first, last] = stack.pop() as [number, number];
    let worst = 0;
    let at = -1;
    for (let i = first + 1; i < last; i++) {
      const d = segmentDistance2(ring[i] as number[], ring[first] as number[], ring[last] as number[]);
      if (d > worst) {
        worst = d;
        at = i;
      }
    }
    if (at >= 0 && worst > tol2) {
      keep[at] = 1;
      stack.push([first, at], [at, last]);
    }
  }
  const out = ring.filter((_, i) => keep[i]).map(([lng, lat]) => [round(lng as number), round(lat as number)]);
  // A ring that collapsed keeps its original points: a sliver area must not vanish from the map.
  return out.length >= 4 ? out : ring.map(([lng, lat]) => [round(lng as number), round(lat as number)]);
}

const round = (n: number) => Math.round(n * 1e5) / 1e5;

/**
 * The areas as a FeatureCollection small enough for a browser: rings simplified (Douglas–Peucker,
 * ~10 m by default), coordinates rounded to 5 decimals, properties reduced to `{id, name}`.
 * Lookups on the server always use the full shapes.
 */
export function simplifiedAreas(areas: Area[], tolerance = 0.0001) {
  return {
    type: 'FeatureCollection' as const,
    features: areas.map((area) => ({
      type: 'Feature' as const,
      properties: { id: area.id, name: area.name },
      geometry:
        area.geometry.type === 'Polygon'
          ? { type: 'Polygon' as const, coordinates: area.geometry.coordinates.map((r) => simplifyRing(r, tolerance)) }
          : { type: 'MultiPolygon' as const, coordinates: area.geometry.coordinates.map((p) => p.map((r) => simplifyRing(r, tolerance))) },
    })),
  };
}
