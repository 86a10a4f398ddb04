import 'leaflet/dist/leaflet.css';
import 'leaflet.markercluster/dist/MarkerCluster.css';
import L from 'leaflet';
import iconUrl from 'leaflet/dist/images/marker-icon.png?url';
import iconRetinaUrl from 'leaflet/dist/images/marker-icon-2x.png?url';
import shadowUrl from 'leaflet/dist/images/marker-shadow.png?url';
import type { Phase, PublicItem } from '../../../shared/api-types.js';
import type { SiteConfig } from './config.js';

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
  link.href = `/track/?id=${encodeURIComponent(item.reference)}`;
  link.textContent = item.title;
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

type ClusterGroup = L.FeatureGroup & { addLayers(layers: L.Layer[]): void; clearLayers(): ClusterGroup };

/**
 * A clustering layer that stays smooth with tens of thousands of pins (chunked loading, canvas pins).
 * leaflet.markercluster is a UMD plugin that looks for a global `L`, so it is loaded after we set one.
 */
export async function clusterLayer(map: L.Map, options: object = {}): Promise<ClusterGroup> {
  (window as unknown as { L: typeof L }).L = L;
  await import('leaflet.markercluster');
  const group = (L as unknown as { markerClusterGroup(o: object): ClusterGroup }).markerClusterGroup({
    chunkedLoading: true,
    showCoverageOnHover: false,
    spiderfyOnMaxZoom: true,
    maxClusterRadius: 50,
    ...options,
  });
  map.addLayer(group);
  return group;
}

/** Pins added page by page to a cluster layer, and replaced as a whole when a filter changes. */
export interface PinLayer {
  /** Adds these pins to those on the map (chunked: the map stays responsive). */
  add(markers: L.Layer[]): void;
  /** Shows exactly these pins instead. */
  replace(markers: L.Layer[]): void;
}

/**
 * A cluster layer fed incrementally. markercluster's chunked `addLayers` keeps working after it returns
 * and cannot be cancelled, so one batch runs at a time: pins that arrive meanwhile wait and go in as one
 * batch, and a `replace` clears the layer only once the running batch has finished. Pins share one popup,
 * built when a pin is clicked, from the item `itemOf` gives for it.
 */
export async function pinLayer(map: L.Map, itemOf: (layer: L.Layer) => PinItem | undefined): Promise<PinLayer> {
  let busy = false;
  let reset = false;
  let pending: L.Layer[] = [];
  const flush = () => {
    if (busy) return;
    if (reset) {
      reset = false;
      group.clearLayers();
    }
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    busy = true;
    group.addLayers(batch);
  };
  const group = await clusterLayer(map, {
    chunkInterval: 100,
    chunkDelay: 10,
    // Called after every chunk; the batch is finished once every pin is in. Flush after addLayers returns.
    chunkProgress: (done: number, total: number) => {
      if (done < total) return;
      busy = false;
      setTimeout(flush, 0);
    },
  });
  const popup = L.popup();
  group.on('click', (e: L.LeafletEvent & { layer?: L.Layer }) => {
    const item = e.layer && itemOf(e.layer);
    if (!item?.location) return;
    popup.setLatLng([item.location.lat, item.location.lng]).setContent(popupContent(item)).openOn(map);
  });
  return {
    add(markers) {
      if (markers.length === 0) return;
      pending = pending.length ? pending.concat(markers) : markers;
      flush();
    },
    replace(markers) {
      pending = markers;
      reset = true;
      flush();
    },
  };
}
