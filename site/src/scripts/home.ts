import type L from 'leaflet';
import type { ListPage, Phase, PublicItem, ServiceView } from '../../../shared/api-types.js';
import { apiFetch } from './api.js';
import { brand, loadConfig } from './config.js';
import { $, el, show, statusBadge, statusLine } from './dom.js';
import { age } from './format.js';
import { createMap, lightPin, pinLayer } from './map.js';

/** Reports per list page: the list is the map's non-map alternative, so it stays short and paged. */
const LIST_PAGE = 50;
const PHASES: Phase[] = ['waiting', 'in_progress', 'done'];
/** One list per phase, fetched side by side: three short cursor chains instead of one long one. */
const apiPage = (phase: Phase, cursor?: string) =>
  `/reports?phase=${phase}&limit=1000${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;

/** The list's order: most recently changed first, as the API lists each phase. */
export const newestFirst = (a: PublicItem, b: PublicItem) =>
  a.updatedAt === b.updatedAt ? (a.id < b.id ? 1 : -1) : a.updatedAt < b.updatedAt ? 1 : -1;

export function countByPhase(items: PublicItem[]): Record<Phase, number> {
  const counts: Record<Phase, number> = { waiting: 0, in_progress: 0, done: 0 };
  for (const i of items) counts[i.phase]++;
  return counts;
}

/**
 * Every page of one phase's list, handed over as it arrives. The next page is requested before the
 * current one is handed over, so drawing a page overlaps with fetching the next.
 */
async function eachPage(
  phase: Phase,
  first: Promise<{ body: ListPage<PublicItem> }>,
  onPage: (items: PublicItem[]) => void,
  maxPages = 100,
): Promise<void> {
  let next = first;
  for (let n = 0; n < maxPages; n++) {
    const { body } = await next;
    const cursor = body.nextCursor;
    if (cursor) next = apiFetch<ListPage<PublicItem>>(apiPage(phase, cursor));
    onPage(body.items);
    if (!cursor) return;
  }
}

const plural = (n: number) => `${n.toLocaleString('en')} report${n === 1 ? '' : 's'}`;

function listEntry(item: PublicItem): HTMLElement {
  return el(
    'li',
    {},
    el('a', { class: 'title', href: `/track/?id=${encodeURIComponent(item.reference)}` }, item.title),
    ' ',
    statusBadge(item.phase, item.statusLabel),
    el('div', { class: 'muted' }, `${item.reference} · ${item.serviceName} · ${item.address ?? ''} reported ${age(item.createdAt)} ago`),
  );
}

async function main() {
  void brand();
  // Ask for each phase's first page at once, alongside the config, the services and the map plugin.
  const firstPages = PHASES.map((phase) => apiFetch<ListPage<PublicItem>>(apiPage(phase)));
  for (const p of firstPages) p.catch(() => undefined);
  const [config, { body: services }] = await Promise.all([loadConfig(), apiFetch<{ items: ServiceView[] }>('/services')]);
  const select = $('#service') as HTMLSelectElement;
  for (const s of services.items.filter((x) => x.kind === 'report')) select.append(el('option', { value: s.code }, s.name));

  const mapEl = $('#map');
  const list = $('#list');
  const listStatus = $('#list-status');
  const heading = $('#list-heading');
  const counts = $('#counts');
  const pager = $('#list-pager');
  const prev = $('#list-prev') as HTMLButtonElement;
  const next = $('#list-next') as HTMLButtonElement;

  // Every report loaded, its pin (created once; undefined without a location), and the ones the filters keep.
  const all: PublicItem[] = [];
  const pins: (L.CircleMarker | undefined)[] = [];
  const itemOfPin = new WeakMap<L.Layer, PublicItem>();
  let visible: PublicItem[] = [];
  let phaseCounts = countByPhase([]);
  let phases = new Set<Phase>();
  let service = '';
  let listPage = 0;
  let loading = true;
  /** Ids of the list entries on screen, so a page that changes none of them leaves the list alone. */
  let listed = '';

  const map = createMap(mapEl, config, { label: 'Map of reports. The list beside it shows the same reports.' });
  const layer = await pinLayer(map, (l) => itemOfPin.get(l));

  const readFilters = () => {
    phases = new Set([...document.querySelectorAll<HTMLInputElement>('input[name="phase"]:checked')].map((i) => i.value as Phase));
    service = select.value;
  };
  const matches = (i: PublicItem) => phases.has(i.phase) && (!service || i.serviceCode === service);

  /** The counts, the heading and `#map[data-pins]`: cheap, so updated after every page. */
  const summarise = () => {
    mapEl.dataset.pins = String(visible.length);
    for (const p of PHASES) $(`[data-count="${p}"]`, counts).textContent = ` ${phaseCounts[p].toLocaleString('en')}`;
    counts.hidden = false;
    heading.textContent = loading ? `${plural(visible.length)} so far (loading…)` : plural(visible.length);
  };

  /** One page of the list (at most LIST_PAGE entries), its pager and a status line for screen readers. */
  const renderList = () => {
    const pages = Math.max(1, Math.ceil(visible.length / LIST_PAGE));
    listPage = Math.min(listPage, pages - 1);
    const from = listPage * LIST_PAGE;
    const shown = visible.slice(from, from + LIST_PAGE);
    listed = shown.map((i) => i.id).join();
    if (shown.length === 0)
      show(list, statusLine(loading ? 'loading' : 'empty', loading ? 'Loading reports…' : 'No reports match these filters.'));
    else show(list, el('ul', { class: 'items' }, ...shown.map(listEntry)));
    pager.hidden = pages === 1;
    prev.disabled = listPage === 0;
    next.disabled = listPage >= pages - 1;
    announce();
  };
  const announce = () => {
    const total = visible.length;
    const from = listPage * LIST_PAGE;
    listStatus.textContent =
      total === 0
        ? ''
        : `Showing ${(from + 1).toLocaleString('en')}–${Math.min(from + LIST_PAGE, total).toLocaleString('en')} of ${plural(total)}${
            loading ? ' loaded so far' : ''
          }.${total > LIST_PAGE ? ' Use the filters above to narrow the list.' : ''}`;
  };

  const onPage = (page: PublicItem[]) => {
    const added: L.Layer[] = [];
    for (const item of page) {
      all.push(item);
      const marker = lightPin(item);
      pins.push(marker);
      if (marker) itemOfPin.set(marker, item);
      if (!matches(item)) continue;
      visible.push(item);
      phaseCounts[item.phase]++;
      if (marker) added.push(marker);
    }
    layer.add(added);
    // The phases arrive side by side: keep the list newest first across them (nearly sorted: cheap).
    visible.sort(newestFirst);
    summarise();
    // Redraw the list only if the entries on its current page changed; otherwise only the pager changes.
    const from = listPage * LIST_PAGE;
    if (
      visible
        .slice(from, from + LIST_PAGE)
        .map((i) => i.id)
        .join() !== listed
    )
      renderList();
    else next.disabled = visible.length <= from + LIST_PAGE;
    pager.hidden = visible.length <= LIST_PAGE;
  };

  /** A filter changed: no new request, the pins already made are shown again. */
  const refilter = () => {
    readFilters();
    visible = [];
    const shownPins: L.Layer[] = [];
    all.forEach((item, n) => {
      if (!matches(item)) return;
      visible.push(item);
      const marker = pins[n];
      if (marker) shownPins.push(marker);
    });
    visible.sort(newestFirst);
    phaseCounts = countByPhase(visible);
    listPage = 0;
    layer.replace(shownPins);
    summarise();
    renderList();
  };

  const turn = (button: HTMLButtonElement, by: number) => {
    listPage += by;
    renderList();
    // A disabled button loses focus: move it to the other one. The status line announces the new range.
    if (button.disabled) (by > 0 ? prev : next).focus();
  };
  prev.addEventListener('click', () => turn(prev, -1));
  next.addEventListener('click', () => turn(next, 1));
  for (const input of document.querySelectorAll('#filters input, #filters select')) input.addEventListener('change', refilter);

  readFilters();
  show(list, statusLine('loading', 'Loading reports…'));
  await Promise.all(PHASES.map((phase, n) => eachPage(phase, firstPages[n] as Promise<{ body: ListPage<PublicItem> }>, onPage)));
  loading = false;
  summarise();
  renderList();
  list.setAttribute('aria-busy', 'false');
}

main().catch((err: Error) => show($('#list'), statusLine('error', err.message)));
