import type { ListPage, Phase, PublicItem, ServiceView } from '../../../shared/api-types.js';
import { type CellCount, cellBox, cellCentre, PIN_ZOOM, precisionForZoom, type ViewBox, viewportTiles } from '../../../shared/map-cells.js';
import { apiFetch } from './api.js';
import { loadConfig } from './config.js';
import { $, el, show, statusBadge, statusLine } from './dom.js';
import { ago } from './format.js';
import { href, i18n, t, word } from './i18n.js';
import { countLayer, createMap, pin } from './map.js';
import { boxParam, readView, writeView } from './map-view.js';

/** Reports per list page: the list is the map's non-map alternative, so it stays short and paged. */
const LIST_PAGE = 50;
/** Most pins one viewport downloads (zoomed in past PIN_ZOOM); more than that and the list says to zoom in. */
const PIN_LIMIT = 500;
const PHASES: Phase[] = ['waiting', 'in_progress', 'done'];

export function countByPhase(items: PublicItem[]): Record<Phase, number> {
  const counts: Record<Phase, number> = { waiting: 0, in_progress: 0, done: 0 };
  for (const i of items) counts[i.phase]++;
  return counts;
}

/** "RF-1 · Pothole · 7 Mill Road reported 2 days ago": one sentence of the catalog, with or without an address. */
function itemLine(item: PublicItem): string {
  const values = {
    reference: item.reference,
    service: word(`service.${item.serviceCode}.name`, item.serviceName),
    when: ago(item.createdAt),
  };
  return item.address ? t('home.item.line', { ...values, address: item.address }) : t('home.item.line_no_address', values);
}

function listEntry(item: PublicItem): HTMLElement {
  return el(
    'li',
    {},
    el('a', { class: 'title', href: href(`/track/?id=${encodeURIComponent(item.reference)}`), translate: 'no' }, item.title),
    ' ',
    statusBadge(item.phase, item.statusLabel),
    el('div', { class: 'muted' }, itemLine(item)),
  );
}

const intersects = (cell: string, box: ViewBox) => {
  const [minLat, minLng, maxLat, maxLng] = cellBox(cell);
  return minLat < box.maxLat && maxLat > box.minLat && minLng < box.maxLng && maxLng > box.minLng;
};

/** One page of the list: its reports and whether there is a next one. */
type ListSource = (page: number) => Promise<{ items: PublicItem[]; more: boolean }>;

/**
 * `/`: the map shows what is in the viewport and nothing else. Zoomed out, it draws the counts per
 * geohash cell (`/api/map/cells`, one cached tile per request, shared/map-cells.ts); from PIN_ZOOM in,
 * the viewport's pins (the bbox list). The list beside it is the viewport's reports, a page at a time.
 * The view is kept in the address (`#map=zoom/lat/lng`), so it can be shared and restored.
 */
async function main() {
  const [config, { body: services }] = await Promise.all([loadConfig(), apiFetch<{ items: ServiceView[] }>('/services')]);
  const select = $('#service') as HTMLSelectElement;
  for (const s of services.items.filter((x) => x.kind === 'report'))
    select.append(el('option', { value: s.code }, word(`service.${s.code}.name`, s.name)));

  const mapEl = $('#map');
  const list = $('#list');
  const listStatus = $('#list-status');
  const heading = $('#list-heading');
  const counts = $('#counts');
  const pager = $('#list-pager');
  const prev = $('#list-prev') as HTMLButtonElement;
  const next = $('#list-next') as HTMLButtonElement;

  const map = createMap(mapEl, config, {
    label: t('home.map.label'),
    ...readView(location.hash),
  });
  const layer = countLayer(map);
  const tiles = new Map<string, Promise<CellCount[]>>();
  const tile = (url: string) => {
    let cells = tiles.get(url);
    if (!cells) {
      cells = apiFetch<{ cells: CellCount[] }>(url).then((r) => r.body.cells);
      cells.catch(() => tiles.delete(url));
      tiles.set(url, cells);
    }
    return cells;
  };

  let phases = new Set<Phase>();
  let service = '';
  let run = 0;
  let source: ListSource = async () => ({ items: [], more: false });
  let listPage = 0;
  let note = '';

  const readFilters = () => {
    phases = new Set([...document.querySelectorAll<HTMLInputElement>('input[name="phase"]:checked')].map((i) => i.value as Phase));
    service = select.value;
  };
  const viewBox = (): ViewBox => {
    const b = map.getBounds();
    return { minLat: b.getSouth(), minLng: b.getWest(), maxLat: b.getNorth(), maxLng: b.getEast() };
  };
  /** The list API's filter for the checked phases: one phase is asked for, two are filtered here, none lists nothing. */
  const filterQuery = () =>
    `${phases.size === 1 ? `&phase=${[...phases][0]}` : ''}${service ? `&service=${encodeURIComponent(service)}` : ''}`;

  const summarise = (phaseCounts: Record<Phase, number>, mode: 'cells' | 'pins') => {
    const total = PHASES.filter((p) => phases.has(p)).reduce((sum, p) => sum + phaseCounts[p], 0);
    mapEl.dataset.mode = mode;
    mapEl.dataset.pins = String(total);
    mapEl.dataset.markers = String(layer.drawn);
    for (const p of PHASES) $(`[data-count="${p}"]`, counts).textContent = ` ${i18n.number(phaseCounts[p])}`;
    counts.hidden = false;
    heading.textContent = t('home.list.heading', { n: total });
  };

  /** Zoomed out: the list pages through the viewport's reports on the server, by cursor. */
  const serverList = (box: ViewBox) => {
    const cursors: (string | undefined)[] = [undefined];
    const base = `/reports?bbox=${boxParam(box)}&limit=${LIST_PAGE}${filterQuery()}`;
    note = '';
    source = async (page) => {
      const cursor = cursors[page];
      const { body } = await apiFetch<ListPage<PublicItem>>(`${base}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      cursors[page + 1] = body.nextCursor;
      return { items: body.items.filter((i) => phases.has(i.phase)), more: !!body.nextCursor };
    };
  };

  /** Zoomed out: each cell's count of the checked phases, drawn where the cell is. */
  const drawCells = async (box: ViewBox, my: number) => {
    const { precision, tiles: needed } = viewportTiles(box, precisionForZoom(map.getZoom(), map.getCenter().lat));
    const svc = service ? `&service=${encodeURIComponent(service)}` : '';
    const cells = (await Promise.all(needed.map((t) => tile(`/map/cells?precision=${precision}&tile=${t}${svc}`)))).flat();
    if (my !== run) return;
    const inView = cells.filter((c) => intersects(c.cell, box));
    const phaseCounts: Record<Phase, number> = { waiting: 0, in_progress: 0, done: 0 };
    for (const c of inView) for (const p of PHASES) phaseCounts[p] += c[p];
    layer.set(
      inView
        .map((c) => ({ ...cellCentre(c.cell), count: PHASES.filter((p) => phases.has(p)).reduce((s, p) => s + c[p], 0) }))
        .filter((p) => p.count > 0),
    );
    summarise(phaseCounts, 'cells');
  };

  /** Zoomed in: the viewport's pins, at most PIN_LIMIT. */
  const drawPins = async (box: ViewBox, my: number) => {
    const { body } = await apiFetch<ListPage<PublicItem>>(`/reports?bbox=${boxParam(box)}&limit=${PIN_LIMIT}${filterQuery()}`);
    if (my !== run) return;
    const items = body.items.filter((i) => phases.has(i.phase));
    layer.set(
      items.flatMap((i) => {
        const marker = pin(i);
        return marker && i.location ? [{ ...i.location, count: 1, layer: marker }] : [];
      }),
    );
    summarise(countByPhase(items), 'pins');
    note = body.nextCursor ? t('home.list.limited', { n: PIN_LIMIT }) : '';
    source = async (page) => ({
      items: items.slice(page * LIST_PAGE, (page + 1) * LIST_PAGE),
      more: items.length > (page + 1) * LIST_PAGE,
    });
  };

  /** Shows the list's current page; `settle` marks the list ready (`aria-busy=false`) when done. */
  const renderList = async (my: number, settle = true) => {
    list.setAttribute('aria-busy', 'true');
    const { items, more } = phases.size ? await source(listPage) : { items: [], more: false };
    if (my !== run) return;
    if (items.length === 0) show(list, statusLine('empty', t('home.list.empty')));
    else show(list, el('ul', { class: 'items' }, ...items.map(listEntry)));
    pager.hidden = listPage === 0 && !more;
    prev.disabled = listPage === 0;
    next.disabled = !more;
    const from = listPage * LIST_PAGE;
    const showing = items.length ? t('home.list.showing', { from: from + 1, to: from + items.length }) : '';
    listStatus.textContent = [showing, note].filter(Boolean).join(' ');
    if (settle) list.setAttribute('aria-busy', 'false');
  };

  /** The view or a filter changed: redraw the map for the viewport, then its list from the first page. */
  const refresh = async () => {
    const my = ++run;
    list.setAttribute('aria-busy', 'true');
    readFilters();
    writeView(map);
    listPage = 0;
    const box = viewBox();
    try {
      if (map.getZoom() >= PIN_ZOOM) {
        await drawPins(box, my);
        if (my === run) await renderList(my);
      } else {
        // The counts and the list's first page come side by side.
        serverList(box);
        await Promise.all([drawCells(box, my), renderList(my, false)]);
        if (my === run) list.setAttribute('aria-busy', 'false');
      }
    } catch (err) {
      if (my !== run) return;
      show(list, statusLine('error', (err as Error).message));
      list.setAttribute('aria-busy', 'false');
    }
  };

  const turn = async (button: HTMLButtonElement, by: number) => {
    listPage += by;
    await renderList(run);
    // A disabled button loses focus: move it to the other one. The status line announces the new range.
    if (button.disabled) (by > 0 ? prev : next).focus();
  };
  prev.addEventListener('click', () => void turn(prev, -1));
  next.addEventListener('click', () => void turn(next, 1));
  for (const input of document.querySelectorAll('#filters input, #filters select')) input.addEventListener('change', () => void refresh());
  let settle: ReturnType<typeof setTimeout> | undefined;
  map.on('moveend', () => {
    list.setAttribute('aria-busy', 'true');
    clearTimeout(settle);
    settle = setTimeout(() => void refresh(), 150);
  });

  show(list, statusLine('loading', t('home.list.loading')));
  await refresh();
}

main().catch((err: Error) => show($('#list'), statusLine('error', err.message)));
