import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { MultiPolygon, Polygon } from 'geojson';
import { type AreaGeometry, areasFileSchema } from '../jurisdiction/schema.js';
import { ConfigError, type ConfigIssue } from '../jurisdiction/source.js';

/** What an item carries: the area its pin falls in. */
export interface AreaRef {
  id: string;
  name: string;
}

/** One area of the jurisdiction with its shape and bounding box `[minLng, minLat, maxLng, maxLat]`. */
export interface Area extends AreaRef {
  geometry: AreaGeometry;
  bbox: [number, number, number, number];
}

export interface AreasSpec {
  file: string;
  idProperty: string;
  nameProperty: string;
}

function bboxOf(geometry: AreaGeometry): Area['bbox'] {
  const box: Area['bbox'] = [Infinity, Infinity, -Infinity, -Infinity];
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  for (const polygon of polygons) {
    // Only the outer ring bounds a polygon: holes lie inside it.
    for (const [lng, lat] of polygon[0] ?? []) {
      box[0] = Math.min(box[0], lng as number);
      box[1] = Math.min(box[1], lat as number);
      box[2] = Math.max(box[2], lng as number);
      box[3] = Math.max(box[3], lat as number);
    }
  }
  return box;
}

/**
 * Parses an areas GeoJSON into areas with ids and names taken from the named properties. Throws a
 * ConfigError naming the file and the feature when a feature is not a (Multi)Polygon or lacks an id.
 * @example parseAreas(geojson, { file: 'wards.geojson', idProperty: 'WARD', nameProperty: 'WARD' })[0].id // '1'
 */
export function parseAreas(data: unknown, spec: AreasSpec, folder = '(jurisdiction folder)'): Area[] {
  const result = areasFileSchema.safeParse(data);
  if (!result.success) {
    throw new ConfigError(
      folder,
      result.error.issues.map((i) => ({ file: spec.file, path: i.path.join('.'), message: i.message })),
    );
  }
  const issues: ConfigIssue[] = [];
  const seen = new Set<string>();
  const areas: Area[] = [];
  result.data.features.forEach((feature, i) => {
    const props = feature.properties ?? {};
    const id = props[spec.idProperty];
    const name = props[spec.nameProperty];
    if (typeof id !== 'string' && typeof id !== 'number') {
      issues.push({
        file: spec.file,
        path: `features.${i}.properties.${spec.idProperty}`,
        message: 'missing: idProperty must name a string or number property',
      });
      return;
    }
    const areaId = String(id).trim();
    if (!/^[A-Za-z0-9][A-Za-z0-9 _.-]{0,60}$/.test(areaId)) {
      issues.push({
        file: spec.file,
        path: `features.${i}.properties.${spec.idProperty}`,
        message: `"${areaId}" is not a usable id (letters, digits, space, . _ -)`,
      });
      return;
    }
    if (seen.has(areaId))
      issues.push({ file: spec.file, path: `features.${i}.properties.${spec.idProperty}`, message: `duplicate area id ${areaId}` });
    seen.add(areaId);
    const areaName = typeof name === 'string' || typeof name === 'number' ? String(name).trim() : '';
    if (!areaName)
      issues.push({
        file: spec.file,
        path: `features.${i}.properties.${spec.nameProperty}`,
        message: 'missing: nameProperty must name a property',
      });
    areas.push({ id: areaId, name: areaName, geometry: feature.geometry, bbox: bboxOf(feature.geometry) });
  });
  if (issues.length) throw new ConfigError(folder, issues);
  return areas;
}

/** Grid cells per side of the index: a ward-sized area overlaps a handful of cells. */
const GRID = 32;

/**
 * A bounding-box grid over the areas, so a lookup tests the one or two polygons near the point rather
 * than all of them (an import of 20k rows is 20k lookups). On a shared edge the first area in file
 * order wins, so every point has one answer.
 */
export class AreaIndex {
  private readonly cells: number[][] = [];
  private readonly extent: Area['bbox'];

  constructor(readonly areas: Area[]) {
    this.extent = areas.reduce<Area['bbox']>(
      (b, a) => [Math.min(b[0], a.bbox[0]), Math.min(b[1], a.bbox[1]), Math.max(b[2], a.bbox[2]), Math.max(b[3], a.bbox[3])],
      [Infinity, Infinity, -Infinity, -Infinity],
    );
    for (let i = 0; i < GRID * GRID; i++) this.cells.push([]);
    areas.forEach((area, n) => {
      const [x0, y0] = this.cell(area.bbox[0], area.bbox[1]);
      const [x1, y1] = this.cell(area.bbox[2], area.bbox[3]);
      for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) this.cells[y * GRID + x]?.push(n);
    });
  }

  private cell(lng: number, lat: number): [number, number] {
    const [minLng, minLat, maxLng, maxLat] = this.extent;
    const fx = (lng - minLng) / (maxLng - minLng || 1);
    const fy = (lat - minLat) / (maxLat - minLat || 1);
    return [Math.min(GRID - 1, Math.max(0, Math.floor(fx * GRID))), Math.min(GRID - 1, Math.max(0, Math.floor(fy * GRID)))];
  }

  /** The area a point lies in (its boundary counts as inside), or undefined outside every area. */
  locate(point: { lat: number; lng: number }): AreaRef | undefined {
    const { lat, lng } = point;
    const [minLng, minLat, maxLng, maxLat] = this.extent;
    if (!(lng >= minLng && lng <= maxLng && lat >= minLat && lat <= maxLat)) return undefined;
    const [x, y] = this.cell(lng, lat);
    for (const n of this.cells[y * GRID + x] ?? []) {
      const area = this.areas[n] as Area;
      const [a0, a1, a2, a3] = area.bbox;
      if (lng < a0 || lng > a2 || lat < a1 || lat > a3) continue;
      if (booleanPointInPolygon([lng, lat], area.geometry as Polygon | MultiPolygon)) return { id: area.id, name: area.name };
    }
    return undefined;
  }
}
