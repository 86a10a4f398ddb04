import type { PublicItem, ServiceView } from '../../../shared/api-types.js';
import { apiFetch } from './api.js';
import { brand, loadConfig } from './config.js';
import { $, el, show, statusBadge, statusLine } from './dom.js';
import { formatDate } from './format.js';
import { clusterLayer, createMap, pin } from './map.js';

async function main() {
  void brand();
  const config = await loadConfig();
  const select = $('#service') as HTMLSelectElement;
  const { body } = await apiFetch<{ items: ServiceView[] }>('/services');
  for (const s of body.items.filter((x) => x.kind === 'report')) select.append(el('option', { value: s.code }, s.name));
  const map = createMap($('#map'), config, { label: 'Map of finished reports. The list beside it shows the same reports.' });
  const cluster = await clusterLayer(map);
  const list = $('#list');

  const load = async () => {
    show(list, statusLine('loading', 'Loading…'));
    const service = select.value ? `&service=${encodeURIComponent(select.value)}` : '';
    const { body: page } = await apiFetch<{ items: PublicItem[] }>(`/reports?phase=done&limit=200${service}`);
    cluster.clearLayers();
    cluster.addLayers(page.items.map(pin).filter((m) => m !== undefined));
    $('#list-heading').textContent = `${page.items.length} recently finished`;
    if (page.items.length === 0) return show(list, statusLine('empty', 'Nothing finished yet for this service.'));
    show(
      list,
      el(
        'ul',
        { class: 'items' },
        ...page.items.map((i) =>
          el(
            'li',
            {},
            el('a', { class: 'title', href: `/track/?id=${encodeURIComponent(i.reference)}` }, i.title),
            ' ',
            statusBadge(i.phase, i.statusLabel),
            el('div', { class: 'muted' }, `${i.reference} · ${i.serviceName} · finished ${i.closedAt ? formatDate(i.closedAt) : ''}`),
          ),
        ),
      ),
    );
  };
  select.addEventListener('change', () => void load().catch((err: Error) => show(list, statusLine('error', err.message))));
  await load();
}

main().catch((err: Error) => show($('#list'), statusLine('error', err.message)));
