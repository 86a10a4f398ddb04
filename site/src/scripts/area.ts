import L from 'leaflet';
import type { PublicItem } from '../../../shared/api-types.js';
import { apiFetch } from './api.js';
import { type AreaList, areaTitle } from './area-names.js';
import { brand, loadConfig } from './config.js';
import { $, el, show, statusBadge, statusLine } from './dom.js';
import { formatDate } from './format.js';
import { clusterLayer, createMap, pin } from './map.js';

const PAGE = 100;

const entry = (i: PublicItem) =>
  el(
    'li',
    {},
    el('a', { class: 'title', href: `/track/?id=${encodeURIComponent(i.reference)}` }, i.title),
    ' ',
    statusBadge(i.phase, i.statusLabel),
    el('div', { class: 'muted' }, `${i.reference} · ${i.serviceName} · ${formatDate(i.createdAt)}`),
  );

/**
 * `/areas/area/?id=<area>[&phase=]`: one area's outline on the map, its counts, and its reports newest
 * first (the list is the map's text alternative), paged by cursor ("Show more").
 */
async function main() {
  void brand();
  const params = new URLSearchParams(location.search);
  const id = params.get('id') ?? '';
  const phase = params.get('phase') ?? '';
  ($('#id') as HTMLInputElement).value = id;
  ($('#phase') as HTMLSelectElement).value = phase;
  const list = $('#list');
  const more = $('#more') as HTMLButtonElement;
  const [config, { body: areas }] = await Promise.all([loadConfig(), apiFetch<AreaList>('/areas')]);
  const area = areas.items.find((a) => a.id === id);
  if (!area) {
    $('#area-heading').textContent = 'Area not found';
    list.setAttribute('aria-busy', 'false');
    return show(list, statusLine('error', `There is no area "${id}". Choose one from the list of all areas.`));
  }
  const title = areaTitle(areas.label ?? config.areas?.label, area.name);
  $('#area-heading').textContent = title;
  document.title = `${title} · ${config.jurisdiction.name} board`;
  $('#area-counts').textContent = `${area.counts.waiting} waiting · ${area.counts.in_progress} in progress · ${area.counts.done} finished`;
  $('#area-alert').setAttribute('href', `/alerts/?area=${encodeURIComponent(id)}`);
  $('#area-alert').textContent = `Email me about reports in ${title}`;

  const map = createMap($('#map'), config, { label: `Map of ${title} and its reports. The list beside it shows the same reports.` });
  if (config.areas) {
    const { body: shapes } = await apiFetch<GeoJSON.FeatureCollection>(config.areas.url.replace(/^\/api/, ''));
    const feature = shapes.features.find((f) => f.properties?.id === id);
    if (feature) {
      const outline = L.geoJSON(feature, { style: { color: '#1d4ed8', weight: 2, fillOpacity: 0.05 }, interactive: false }).addTo(map);
      map.fitBounds(outline.getBounds(), { padding: [8, 8] });
    }
  }
  const cluster = await clusterLayer(map);
  const ul = el('ul', { class: 'items' });
  let cursor: string | undefined;
  const query = `/reports?area=${encodeURIComponent(id)}&limit=${PAGE}${phase ? `&phase=${encodeURIComponent(phase)}` : ''}`;
  const loadPage = async () => {
    more.disabled = true;
    const { body: page } = await apiFetch<{ items: PublicItem[]; nextCursor?: string }>(
      `${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    cursor = page.nextCursor;
    ul.append(...page.items.map(entry));
    cluster.addLayers(page.items.map(pin).filter((m) => m !== undefined));
    if (ul.childElementCount === 0 && !cursor) show(list, statusLine('empty', 'No reports here yet.'));
    else if (!ul.isConnected) show(list, ul);
    more.hidden = !cursor;
    more.disabled = false;
    list.setAttribute('aria-busy', 'false');
  };
  more.addEventListener('click', () => void loadPage().catch((err: Error) => show(list, statusLine('error', err.message))));
  await loadPage();
}

main().catch((err: Error) => {
  show($('#list'), statusLine('error', err.message));
  $('#list').setAttribute('aria-busy', 'false');
});
