import fc from 'fast-check';
import ngeohash from 'ngeohash';
import { describe, expect, it } from 'vitest';
import {
  cellBox,
  cellsOf,
  MAP_PRECISIONS,
  MARKER_SPACING,
  MAX_TILES,
  precisionForZoom,
  spreadMarkers,
  TILE_DROP,
  tileOf,
  viewportTiles,
} from '../../shared/map-cells.js';

describe('map cells', () => {
  it("puts a point in its own cell at every kept precision, each the finest's prefix", () => {
    const cells = cellsOf({ lat: 51.4545, lng: -2.5879 });
    expect(cells.map((c) => c.precision)).toEqual([...MAP_PRECISIONS]);
    for (const { precision, cell } of cells) expect(cell).toBe(ngeohash.encode(51.4545, -2.5879, precision));
    expect(tileOf('gcnhzv')).toBe('gcnh');
  });

  it('picks finer cells as the map zooms in, never cells narrower than the marker spacing', () => {
    const byZoom = [5, 8, 10, 12, 13, 14].map((z) => precisionForZoom(z, 51.45));
    expect(byZoom).toEqual([...byZoom].sort((a, b) => a - b));
    expect(byZoom[0]).toBe(3);
    expect(byZoom.at(-1)).toBe(6);
    for (const zoom of [9, 11, 13]) {
      const precision = precisionForZoom(zoom, 51.45);
      const [minLat, minLng, maxLat, maxLng] = cellBox(ngeohash.encode(51.45, -2.59, precision));
      const pxPerDegree = (256 * 2 ** zoom) / 360;
      expect((maxLng - minLng) * pxPerDegree).toBeGreaterThanOrEqual(MARKER_SPACING);
      expect(((maxLat - minLat) * pxPerDegree) / Math.cos((51.45 * Math.PI) / 180)).toBeGreaterThanOrEqual(MARKER_SPACING);
    }
  });

  it('covers any viewport with at most MAX_TILES tiles whose cells cover it', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -60, max: 60, noNaN: true }),
        fc.double({ min: -170, max: 170, noNaN: true }),
        fc.double({ min: 0.001, max: 5, noNaN: true }),
        fc.constantFrom(...MAP_PRECISIONS),
        (lat, lng, size, precision) => {
          const box = { minLat: lat, minLng: lng, maxLat: lat + size, maxLng: lng + size * 1.5 };
          const { precision: used, tiles } = viewportTiles(box, precision);
          expect(tiles.length).toBeLessThanOrEqual(MAX_TILES);
          expect(used).toBeLessThanOrEqual(precision);
          for (const t of tiles) expect(t).toHaveLength(used - TILE_DROP);
          // Every corner of the box lies in one of the tiles.
          for (const [a, b] of [
            [box.minLat, box.minLng],
            [box.maxLat, box.maxLng],
          ] as const)
            expect(tiles).toContain(ngeohash.encode(a, b, used - TILE_DROP));
        },
      ),
    );
  });

  it('groups markers so none are closer than the spacing on both axes, and loses no count', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            lat: fc.integer({ min: 0, max: 600 }),
            lng: fc.integer({ min: 0, max: 900 }),
            count: fc.integer({ min: 1, max: 50 }),
          }),
          {
            maxLength: 300,
          },
        ),
        (points) => {
          const project = (p: { lat: number; lng: number }) => ({ x: p.lng, y: p.lat });
          const groups = spreadMarkers(points, project);
          expect(groups.reduce((s, g) => s + g.count, 0)).toBe(points.reduce((s, p) => s + p.count, 0));
          expect(groups.reduce((s, g) => s + g.members.length, 0)).toBe(points.length);
          for (const [i, a] of groups.entries())
            for (const b of groups.slice(i + 1))
              expect(Math.abs(a.lng - b.lng) >= MARKER_SPACING || Math.abs(a.lat - b.lat) >= MARKER_SPACING).toBe(true);
        },
      ),
    );
  });

  it('keeps far apart markers apart (positive control)', () => {
    const groups = spreadMarkers(
      [
        { lat: 0, lng: 0, count: 3 },
        { lat: 0, lng: 100, count: 2 },
        { lat: 0, lng: 10, count: 1 },
      ],
      (p) => ({ x: p.lng, y: p.lat }),
    );
    expect(groups.map((g) => g.count)).toEqual([4, 2]);
  });
});
