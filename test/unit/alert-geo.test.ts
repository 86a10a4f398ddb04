import fc from 'fast-check';
import ngeohash from 'ngeohash';
import { describe, expect, it } from 'vitest';
import { circleCover, distanceMeters, inCircle, MAX_COVER_CELLS, pointCells } from '../../shared/alerts/geo.js';

/** The point `meters` north of `from`. */
const north = (from: { lat: number; lng: number }, meters: number) => ({ lat: from.lat + meters / 111_195, lng: from.lng });

describe('circle alerts: cover and refine', () => {
  it('a point anywhere inside a circle is in one of its cells (no alert is missed), for radii of 100 m to 5 km', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 50, max: 56, noNaN: true }),
        fc.double({ min: -4, max: 1, noNaN: true }),
        fc.integer({ min: 100, max: 5000 }),
        fc.double({ min: 0, max: 0.999, noNaN: true }),
        fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
        (lat, lng, radiusMeters, fraction, bearing) => {
          const circle = { center: { lat, lng }, radiusMeters };
          const d = radiusMeters * fraction;
          const point = {
            lat: lat + (d * Math.cos(bearing)) / 111_195,
            lng: lng + (d * Math.sin(bearing)) / (111_195 * Math.cos((lat * Math.PI) / 180)),
          };
          const cover = new Set(circleCover(circle));
          expect(cover.size).toBeLessThanOrEqual(MAX_COVER_CELLS);
          expect(pointCells(point).some((c) => cover.has(c))).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('across a cell border: the report 10 m inside the rim matches, the one 10 m outside does not', () => {
    // The rim is put on a precision-7 cell border: the inside point (10 m short of it) and the outside
    // point (10 m past it) are in different cells, both cells in the circle's cover, so the outside one
    // is a candidate by cell and only the distance check turns it away.
    const [, , border] = ngeohash.decode_bbox(ngeohash.encode(51.4545, -2.5879, 7)) as [number, number, number, number];
    const center = north({ lat: border, lng: -2.5879 }, -200);
    const circle = { center, radiusMeters: 200 };
    const inside = north(center, 190);
    const outside = north(center, 210);
    const cover = new Set(circleCover(circle));
    expect(ngeohash.encode(inside.lat, inside.lng, 7)).not.toBe(ngeohash.encode(outside.lat, outside.lng, 7));
    expect(
      pointCells(outside).some((c) => cover.has(c)),
      'the outside point is a candidate by cell',
    ).toBe(true);
    expect(pointCells(inside).some((c) => cover.has(c))).toBe(true);
    expect(inCircle(circle, inside)).toBe(true);
    expect(inCircle(circle, outside)).toBe(false);
  });

  it('measures distance in metres', () => {
    expect(distanceMeters({ lat: 51.45, lng: -2.59 }, north({ lat: 51.45, lng: -2.59 }, 1000))).toBeCloseTo(1000, -1);
  });
});
