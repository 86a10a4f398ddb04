import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { type Area, AreaIndex, parseAreas } from '../../shared/areas/index.js';
import { simplifiedAreas } from '../../shared/areas/simplify.js';
import { ConfigError } from '../../shared/jurisdiction/index.js';

const demoFile = fileURLToPath(new URL('../../jurisdictions/demo/areas.geojson', import.meta.url));
const demo = new AreaIndex(
  parseAreas(JSON.parse(readFileSync(demoFile, 'utf8')), { file: 'areas.geojson', idProperty: 'code', nameProperty: 'name' }),
);

const WARDS = fileURLToPath(new URL('../../../shared/data/boston-wards/Wards.geojson', import.meta.url));
const hasWards = existsSync(WARDS);
if (!hasWards) console.warn(`areas: the real-ward tests are skipped, ${WARDS} is absent (../shared/data is not part of the project)`);

describe('areas on a synthetic fixture (Demo City)', () => {
  it('puts a point in a hole in the area that fills the hole, not the one with the hole', () => {
    expect(demo.locate({ lat: 51.48, lng: -2.545 })).toEqual({ id: 'harbour', name: 'Harbour Ward' });
    expect(demo.locate({ lat: 51.5, lng: -2.52 })).toEqual({ id: 'east', name: 'East Ward' });
  });

  it('finds both parts of a multipolygon, and nothing between them that is another area', () => {
    expect(demo.locate({ lat: 51.42, lng: -2.65 })?.id).toBe('outskirts');
    expect(demo.locate({ lat: 51.42, lng: -2.52 })?.id).toBe('outskirts');
    expect(demo.locate({ lat: 51.42, lng: -2.59 })?.id).toBe('centre');
  });

  it('gives a point on a shared edge to the first area in file order, and nothing outside every area', () => {
    // North (first) and East share the meridian -2.59.
    expect(demo.locate({ lat: 51.49, lng: -2.59 })?.id).toBe('north');
    expect(demo.locate({ lat: 51.6, lng: -2.59 })).toBeUndefined();
    expect(demo.locate({ lat: 51.45, lng: -3 })).toBeUndefined();
  });

  it('names the file and the feature of a bad area', () => {
    const bad = {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { name: 'x' }, geometry: { type: 'Point', coordinates: [0, 0] } }],
    };
    expect(() => parseAreas(bad, { file: 'wards.geojson', idProperty: 'code', nameProperty: 'name' })).toThrow(ConfigError);
    expect(() => parseAreas(bad, { file: 'wards.geojson', idProperty: 'code', nameProperty: 'name' })).toThrow(
      /wards\.geojson: features\.0\.geometry/,
    );
    const noId = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { name: 'x' },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [0, 0],
                [1, 0],
                [1, 1],
                [0, 0],
              ],
            ],
          },
        },
      ],
    };
    expect(() => parseAreas(noId, { file: 'wards.geojson', idProperty: 'code', nameProperty: 'name' })).toThrow(
      /features\.0\.properties\.code: missing/,
    );
  });
});

describe.skipIf(!hasWards)("areas on Boston's real wards", () => {
  const areas = hasWards
    ? parseAreas(JSON.parse(readFileSync(WARDS, 'utf8')), { file: 'Wards.geojson', idProperty: 'WARD', nameProperty: 'WARD' })
    : [];
  const index = new AreaIndex(areas);
  const ward = (id: string) => areas.find((a) => a.id === id) as Area;

  it('has 22 wards, two of them multipolygons and two with holes', () => {
    expect(areas).toHaveLength(22);
    expect(
      areas
        .filter((a) => a.geometry.type === 'MultiPolygon')
        .map((a) => a.id)
        .sort(),
    ).toEqual(['2', '3']);
    expect(
      areas
        .filter((a) => a.geometry.type === 'Polygon' && a.geometry.coordinates.length > 1)
        .map((a) => a.id)
        .sort(),
    ).toEqual(['17', '19']);
  });

  it("puts a point inside a ward's hole in the ward that fills it, never in the holed ward", () => {
    for (const id of ['17', '19']) {
      const hole = (ward(id).geometry as Polygon).coordinates[1] as number[][];
      // The hole's centroid of vertices lies inside the (small, convex-ish) hole.
      const lng = hole.reduce((s, p) => s + (p[0] as number), 0) / hole.length;
      const lat = hole.reduce((s, p) => s + (p[1] as number), 0) / hole.length;
      const found = index.locate({ lat, lng });
      expect(found?.id).not.toBe(id);
      // The answer is whatever ward really covers the point (or none), as a brute-force check says.
      const truth = areas.find((a) => booleanPointInPolygon([lng, lat], a.geometry as Polygon | MultiPolygon))?.id;
      expect(found?.id).toBe(truth);
    }
  });

  it('finds the second part of a multipolygon ward', () => {
    const part = (ward('2').geometry as MultiPolygon).coordinates[1]?.[0] as number[][];
    const vertex = part[Math.floor(part.length / 2)] as [number, number];
    expect(index.locate({ lat: vertex[1], lng: vertex[0] })?.id).toBe('2');
  });

  it('gives a vertex on a ward boundary (an edge) to a ward that has it', () => {
    const ring = (ward('5').geometry as Polygon).coordinates[0] as number[][];
    const [lng, lat] = ring[10] as [number, number];
    const found = index.locate({ lat, lng });
    expect(found).toBeDefined();
    const owners = areas.filter((a) => booleanPointInPolygon([lng, lat], a.geometry as Polygon | MultiPolygon)).map((a) => a.id);
    expect(owners).toContain('5');
    expect(found?.id).toBe(owners[0]);
  });

  it('agrees with testing every ward in turn, on 3,000 points spread over the city', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    let inside = 0;
    for (let i = 0; i < 3000; i++) {
      const lat = 42.227 + random() * 0.17;
      const lng = -71.192 + random() * 0.206;
      const truth = areas.find((a) => booleanPointInPolygon([lng, lat], a.geometry as Polygon | MultiPolygon))?.id;
      if (truth) inside++;
      expect(index.locate({ lat, lng })?.id).toBe(truth);
    }
    expect(inside).toBeGreaterThan(1000);
  });

  it('simplifies the wards for the browser to a fraction of their size, keeping every ward and hole', () => {
    const simple = simplifiedAreas(areas);
    expect(simple.features).toHaveLength(22);
    expect(JSON.stringify(simple).length).toBeLessThan(readFileSync(WARDS, 'utf8').length / 3);
    const w19 = simple.features.find((f) => f.properties.id === '19');
    expect(w19?.geometry.coordinates).toHaveLength(2);
  });
});
