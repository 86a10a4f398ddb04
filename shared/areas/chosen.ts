import { jurisdiction } from '../jurisdiction/index.js';
import { jurisdictionSource } from '../jurisdiction/source.js';
import { type Area, AreaIndex, type AreaRef, parseAreas } from './index.js';

let index: AreaIndex | undefined;

/** The chosen jurisdiction's areas index, built on first use (an empty one when it has no areas). */
export function areaIndex(): AreaIndex {
  if (!index) {
    const source = jurisdictionSource();
    const spec = jurisdiction.areas;
    index = new AreaIndex(spec && source.areas ? parseAreas(source.areas.data, spec, source.folder) : []);
  }
  return index;
}

/** The chosen jurisdiction's areas, in file order. */
export function listAreas(): Area[] {
  return areaIndex().areas;
}

/**
 * The area of the chosen jurisdiction a pin falls in, or undefined (no areas, or outside them all).
 * @example areaAt({ lat: 51.4545, lng: -2.5879 }) // { id: 'centre', name: 'Centre Ward' } in the demo
 */
export function areaAt(point: { lat: number; lng: number } | undefined): AreaRef | undefined {
  return point ? areaIndex().locate(point) : undefined;
}

/** Whether the chosen jurisdiction has an area with this id. */
export function hasArea(id: string): boolean {
  return areaIndex().areas.some((a) => a.id === id);
}
