import 'leaflet/dist/leaflet.css';
import L from 'leaflet';
import iconUrl from 'leaflet/dist/images/marker-icon.png?url';
import iconRetinaUrl from 'leaflet/dist/images/marker-icon-2x.png?url';
import shadowUrl from 'leaflet/dist/images/marker-shadow.png?url';
import type { Phase, PublicItem } from '../../../shared/api-types.js';
import { spreadMarkers, type Weighted } from '../../../shared/map-cells.js';
import type { SiteConfig } from './config.js';
import { href, i18n, t } from './i18n.js';

// Under Vite, Leaflet cannot find its default marker images by itself.
L.Icon.Default.mergeOptions({ iconRetinaUrl, iconUrl, shadowUrl });

export const PHASE_COLOURS: Record<Phase, string> = { waiting: '#b3261e', in_progress: '#8a5300', done: '#1e6b34' };

/**
 * A Leaflet map with the configured tiles. Everything works without tiles (offline, blocked): the
 * map is then a plain panel with pins, and every page also lists the same items as text.
 */
export function createMap(
  container: HTMLElement,
  config: SiteConfig,
  opts: { label: string; zoom?: number; center?: [number, number] },
): L.Map {
  container.setAttribute('role', 'region');
  container.setAttribute('aria-label', opts.label);
  const map = L.map(container, { preferCanvas: true, keyboard: true }).setView(
    opts.center ?? config.map.center,
    opts.zoom ?? config.map.zoom,
  );
  L.tileLayer(config.map.tileUrl, { attribution: config.map.attribution, maxZoom: 19 }).addTo(map);
  return map;
}

type PinItem = Pick<PublicItem, 'location' | 'phase' | 'title' | 'statusLabel' | 'reference' | 'id'>;

/** One style object per phase, shared by every pin of that phase. */
const PIN_STYLES = Object.fromEntries(
  (Object.keys(PHASE_COLOURS) as Phase[]).map((p) => [
    p,
    { radius: 7, color: '#ffffff', weight: 2, fillColor: PHASE_COLOURS[p], fillOpacity: 0.95 } satisfies L.CircleMarkerOptions,
  ]),
) as Record<Phase, L.CircleMarkerOptions>;

/** A popup's content: a link to the item's page and its status, set as text, never HTML. */
export function popupContent(item: PinItem): HTMLElement {
  const popup = document.createElement('div');
  const link = document.createElement('a');
  link.href = href(`/track/?id=${encodeURIComponent(item.reference)}`);
  link.textContent = item.title;
  link.translate = false;
  const status = document.createElement('div');
  status.textContent = `${item.reference} · ${item.statusLabel}`;
  popup.append(link, status);
  return popup;
}

/** A bare canvas pin coloured by phase, with no popup of its own (see `pinLayer`, which shares one popup). */
export function lightPin(item: PinItem): L.CircleMarker | undefined {
  return item.location ? L.circleMarker([item.location.lat, item.location.lng], PIN_STYLES[item.phase]) : undefined;
}

/** A pin coloured by phase with its own popup, built only when it is first opened. */
export function pin(item: PinItem): L.CircleMarker | undefined {
  return lightPin(item)?.bindPopup(() => popupContent(item));
}

/** A point for `countLayer`: a weight, and the layer to draw when it stands alone (a report's pin), if any. */
export interface CountPoint extends Weighted {
  layer?: L.Layer;
  /** What a marker standing for it says, e.g. "12 reports in this cell". */
  label?: string;
}

export interface CountLayer {
  /** Draws exactly these points (grouped so no two markers overlap at the current zoom). */
  set(points: CountPoint[]): void;
  /** The number of markers drawn (groups and lone pins). */
  readonly drawn: number;
}

/**
 * Markers that never overlap: points closer than MARKER_SPACING px are drawn as one count marker (a
 * 36 × 36 px button: WCAG 2.5.8 asks 24) at the heaviest one's place; a lone point with a layer of its
 * own (a report's pin) is drawn as that layer. Regrouped after every zoom. Activating a count marker
 * (click, Enter) zooms in on it; at the map's last zoom level the points are drawn one by one.
 */
export function countLayer(map: L.Map): CountLayer {
  const group = L.layerGroup().addTo(map);
  let points: CountPoint[] = [];
  let drawn = 0;
  /**
   * Where a point may be drawn, in container px: inside the map by half a marker, and clear of Leaflet's
   * controls (zoom buttons, attribution), so a marker is never cut off or on top of another target.
   */
  const placeOf = () => {
    const size = map.getSize();
    const box = map.getContainer().getBoundingClientRect();
    const half = 20;
    const controls = [...map.getContainer().querySelectorAll('.leaflet-control')].map((c) => {
      const r = c.getBoundingClientRect();
      return {
        minX: r.left - box.left - half,
        maxX: r.right - box.left + half,
        minY: r.top - box.top - half,
        maxY: r.bottom - box.top + half,
      };
    });
    return (p: { lat: number; lng: number }) => {
      const at = map.latLngToContainerPoint([p.lat, p.lng]);
      let x = Math.min(Math.max(at.x, half), size.x - half);
      let y = Math.min(Math.max(at.y, half), size.y - half);
      for (const c of controls) {
        if (x <= c.minX || x >= c.maxX || y <= c.minY || y >= c.maxY) continue;
        // Out of the control by the shortest way that stays inside the map.
        const ways = [
          { d: x - c.minX, x: c.minX, y },
          { d: c.maxX - x, x: c.maxX, y },
          { d: y - c.minY, x, y: c.minY },
          { d: c.maxY - y, x, y: c.maxY },
        ].filter((w) => w.x >= half && w.x <= size.x - half && w.y >= half && w.y <= size.y - half);
        const best = ways.sort((a, b) => a.d - b.d)[0];
        if (best) ({ x, y } = best);
      }
      return { x, y };
    };
  };
  const draw = () => {
    group.clearLayers();
    const atMax = map.getZoom() >= map.getMaxZoom();
    const place = placeOf();
    const groups = atMax ? points.map((p) => ({ lat: p.lat, lng: p.lng, count: p.count, members: [p] })) : spreadMarkers(points, place);
    for (const g of groups) {
      const only = g.members.length === 1 ? g.members[0] : undefined;
      if (only?.layer && only.count === 1) {
        group.addLayer(only.layer);
        continue;
      }
      const label = only?.label ?? t('map.count', { n: g.count });
      const size = g.count < 100 ? 'small' : g.count < 1000 ? 'medium' : 'large';
      const { x, y } = place(g);
      const marker = L.marker(map.containerPointToLatLng([x, y]), {
        icon: L.divIcon({
          className: `map-count ${size}`,
          html: `<span aria-hidden="true">${g.count < 10_000 ? i18n.number(g.count) : i18n.number(g.count, { notation: 'compact' })}</span>`,
          iconSize: [36, 36],
        }),
        title: label,
        alt: label,
        keyboard: true,
        riseOnHover: true,
      });
      const zoomIn = () => {
        if (!atMax) map.setView([g.lat, g.lng], Math.min(map.getZoom() + 2, map.getMaxZoom()));
      };
      marker.on('add', () => {
        const el = marker.getElement();
        el?.setAttribute('aria-label', label);
        el?.setAttribute('role', 'button');
        el?.addEventListener('keydown', (e) => {
          if (e.key !== 'Enter' && e.key !== ' ') return;
          e.preventDefault();
          zoomIn();
        });
      });
      marker.on('click', zoomIn);
      group.addLayer(marker);
    }
    drawn = groups.length;
  };
  map.on('zoomend', draw);
  return {
    set(next) {
      points = next;
      draw();
    },
    get drawn() {
      return drawn;
    },
  };
}

type ClusterGroup = { addLayers(layers: L.Layer[]): void; clearLayers(): ClusterGroup };

/**
 * Pins grouped into count markers that never overlap (`countLayer`), added page by page: the area and
 * completed pages' maps. Each pin stands alone once zoomed in far enough.
 */
export async function clusterLayer(map: L.Map): Promise<ClusterGroup> {
  const layer = countLayer(map);
  let points: CountPoint[] = [];
  const group: ClusterGroup = {
    addLayers(layers) {
      for (const l of layers) {
        if (!(l instanceof L.CircleMarker)) continue;
        const { lat, lng } = l.getLatLng();
        points.push({ lat, lng, count: 1, layer: l });
      }
      layer.set(points);
    },
    clearLayers() {
      points = [];
      layer.set(points);
      return group;
    },
  };
  return group;
}
