import L from 'leaflet';
import type { PublicItem } from '../../../shared/api-types.js';
import { apiFetch } from './api.js';
import { type AreaList, areaTitle } from './area-names.js';
import { brand, loadConfig } from './config.js';
import { $, el, show, statusBadge, statusLine } from './dom.js';
import { href, i18n, t, word } from './i18n.js';
import { clusterLayer, createMap, pin } from './map.js';

const PAGE = 100;

const entry = (i: PublicItem) =>
  el(
    'li',
    {},
    // The title is the citizen's own words: shown as typed, in whatever language they wrote it.
    el('a', { class: 'title', href: href(`/track/?id=${encodeURIComponent(i.reference)}`), translate: 'no' }, i.title),
    ' ',
    statusBadge(i.phase, i.statusLabel),
    el(
      'div',
      { class: 'muted' },
      t('area.entry', {
        reference: i.reference,
        service: word(`service.${i.serviceCode}.name`, i.serviceName),
        date: i18n.date(i.createdAt),
      }),
    ),
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
    $('#area-heading').textContent = t('area.not_found');
    list.setAttribute('aria-busy', 'false');
    return show(list, statusLine('error', t('area.not_found.detail', { id })));
  }
  const label = areas.label ?? config.areas?.label;
  const title = areaTitle(label === undefined ? undefined : word('areas.label', label), area.name);
  $('#area-heading').textContent = title;
  document.title = t('layout.title', { title });
  $('#area-counts').textContent = t('area.counts', area.counts);
  $('#area-alert').setAttribute('href', href(`/alerts/?area=${encodeURIComponent(id)}`));
  $('#area-alert').textContent = t('area.alert.named', { area: title });

  const map = createMap($('#map'), config, { label: t('area.map', { area: title }) });
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
    if (ul.childElementCount === 0 && !cursor) show(list, statusLine('empty', t('area.empty')));
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
