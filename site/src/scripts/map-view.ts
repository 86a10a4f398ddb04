import type L from 'leaflet';
import type { ViewBox } from '../../../shared/map-cells.js';

/**
 * The map's view in the page address, `#map=<zoom>/<lat>/<lng>`: a view can be shared, bookmarked and
 * restored on reload. Anything unreadable is ignored (the jurisdiction's default view is used).
 * @example readView('#map=16/51.45/-2.59') // { zoom: 16, center: [51.45, -2.59] }
 */
export function readView(hash: string): { zoom?: number; center?: [number, number] } {
  const m = /^#map=(\d{1,2})\/(-?\d{1,2}(?:\.\d+)?)\/(-?\d{1,3}(?:\.\d+)?)$/.exec(hash);
  if (!m) return {};
  const [zoom, lat, lng] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (zoom > 19 || Math.abs(lat) > 85 || Math.abs(lng) > 180) return {};
  return { zoom, center: [lat, lng] };
}

/** Puts the map's view in the address without adding a history entry per pan. */
export function writeView(map: L.Map): void {
  const c = map.getCenter();
  history.replaceState(null, '', `${location.pathname}${location.search}#map=${map.getZoom()}/${c.lat.toFixed(5)}/${c.lng.toFixed(5)}`);
}

/** A viewport as the list API's `bbox` (minLng,minLat,maxLng,maxLat), clamped to the world and rounded. */
export function boxParam(box: ViewBox): string {
  const clamp = (v: number, lim: number) => Math.max(-lim, Math.min(lim, v)).toFixed(5);
  return [clamp(box.minLng, 180), clamp(box.minLat, 90), clamp(box.maxLng, 180), clamp(box.maxLat, 90)].join(',');
}
