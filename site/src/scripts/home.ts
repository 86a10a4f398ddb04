import { allPages, apiFetch } from './api.js';
import { brand, loadConfig } from './config.js';
import { $, el, show, statusBadge, statusLine } from './dom.js';
import { age, PHASE_LABELS } from './format.js';
import { clusterLayer, createMap, pin } from './map.js';
import type { Phase, PublicItem, Service } from './types.js';

const LIST_PAGE = 50;

/** Items currently shown, after the phase and service filters. */
export function applyFilters(items: PublicItem[], phases: Set<Phase>, service: string): PublicItem[] {
  return items.filter((i) => phases.has(i.phase) && (!service || i.serviceCode === service));
}

export function countByPhase(items: PublicItem[]): Record<Phase, number> {
  const counts: Record<Phase, number> = { waiting: 0, in_progress: 0, done: 0 };
  for (const i of items) counts[i.phase]++;
  return counts;
}

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
  const config = await loadConfig();
  const { body: services } = await apiFetch<{ items: Service[] }>('/services');
  const select = $('#service') as HTMLSelectElement;
  for (const s of services.items.filter((x) => x.kind === 'report')) select.append(el('option', { value: s.code }, s.name));

  const map = createMap($('#map'), config, { label: 'Map of reports. The list below shows the same reports.' });
  const cluster = await clusterLayer(map);
  const all: PublicItem[] = [];
  const list = $('#list');
  const counts = $('#counts');
  let shown = LIST_PAGE;

  const render = () => {
    const phases = new Set([...document.querySelectorAll<HTMLInputElement>('input[name="phase"]:checked')].map((i) => i.value as Phase));
    const visible = applyFilters(all, phases, select.value);
    cluster.clearLayers();
    cluster.addLayers(visible.map(pin).filter((m) => m !== undefined));
    $('#map').dataset.pins = String(visible.length);
    const c = countByPhase(visible);
    show(counts, ...(['waiting', 'in_progress', 'done'] as Phase[]).map((p) => el('li', {}, statusBadge(p, PHASE_LABELS[p]), ` ${c[p]}`)));
    $('#list-heading').textContent = `${visible.length} report${visible.length === 1 ? '' : 's'}`;
    if (visible.length === 0) return show(list, statusLine('empty', 'No reports match these filters.'));
    const ul = el('ul', { class: 'items' }, ...visible.slice(0, shown).map(listEntry));
    const more =
      visible.length > shown
        ? el('button', { type: 'button', class: 'secondary', id: 'more' }, `Show more (${visible.length - shown} left)`)
        : undefined;
    more?.addEventListener('click', () => {
      shown += LIST_PAGE;
      render();
      (list.querySelectorAll('li')[shown - LIST_PAGE] as HTMLElement | undefined)?.querySelector('a')?.focus();
    });
    show(list, ul, ...(more ? [more] : []));
  };

  for (const input of document.querySelectorAll('#filters input, #filters select')) {
    input.addEventListener('change', () => {
      shown = LIST_PAGE;
      render();
    });
  }
  show(list, statusLine('loading', 'Loading reports…'));
  await allPages<PublicItem>('/reports?limit=1000', (page) => {
    all.push(...page);
    render();
  });
  render();
  $('#list').setAttribute('aria-busy', 'false');
}

main().catch((err: Error) => show($('#list'), statusLine('error', err.message)));
