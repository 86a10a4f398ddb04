import 'leaflet/dist/leaflet.css';
import 'leaflet.markercluster/dist/MarkerCluster.css';
import L from 'leaflet';
import iconUrl from 'leaflet/dist/images/marker-icon.png?url';
import iconRetinaUrl from 'leaflet/dist/images/marker-icon-2x.png?url';
import shadowUrl from 'leaflet/dist/images/marker-shadow.png?url';
import type { SiteConfig } from './config.js';
import type { Phase, PublicItem } from './types.js';

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

/** A pin coloured by phase; its popup text is set as text, never HTML. */
export function pin(
  item: Pick<PublicItem, 'location' | 'phase' | 'title' | 'statusLabel' | 'reference' | 'id'>,
): L.CircleMarker | undefined {
  if (!item.location) return undefined;
  const marker = L.circleMarker([item.location.lat, item.location.lng], {
    radius: 7,
    color: '#ffffff',
    weight: 2,
    fillColor: PHASE_COLOURS[item.phase],
    fillOpacity: 0.95,
  });
  const popup = document.createElement('div');
  const link = document.createElement('a');
  link.href = `/track/?id=${encodeURIComponent(item.reference)}`;
  link.textContent = item.title;
  const status = document.createElement('div');
  status.textContent = `${item.reference} · ${item.statusLabel}`;
  popup.append(link, status);
  marker.bindPopup(popup);
  return marker;
}

type ClusterGroup = L.FeatureGroup & { addLayers(layers: L.Layer[]): void; clearLayers(): ClusterGroup };

/**
 * A clustering layer that stays smooth with tens of thousands of pins (chunked loading, canvas pins).
 * leaflet.markercluster is a UMD plugin that looks for a global `L`, so it is loaded after we set one.
 */
export async function clusterLayer(map: L.Map): Promise<ClusterGroup> {
  (window as unknown as { L: typeof L }).L = L;
  await import('leaflet.markercluster');
  const group = (L as unknown as { markerClusterGroup(o: object): ClusterGroup }).markerClusterGroup({
    chunkedLoading: true,
    showCoverageOnHover: false,
    spiderfyOnMaxZoom: true,
    maxClusterRadius: 50,
  });
  map.addLayer(group);
  return group;
}
