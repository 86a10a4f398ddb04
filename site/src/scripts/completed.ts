import type { PublicItem, ServiceView } from '../../../shared/api-types.js';
import { apiFetch } from './api.js';
import { loadConfig } from './config.js';
import { $, el, show, statusBadge, statusLine } from './dom.js';
import { formatDate } from './format.js';
import { href, t, word } from './i18n.js';
import { clusterLayer, createMap, pin } from './map.js';
import { completedHref, type MonthCount, monthLabel, neighbours, pickMonth } from './months.js';

const PAGE = 100;

const entry = (i: PublicItem) =>
  el(
    'li',
    {},
    el('a', { class: 'title', href: href(`/track/?id=${encodeURIComponent(i.reference)}`), translate: 'no' }, i.title),
    ' ',
    statusBadge(i.phase, i.statusLabel),
    el(
      'div',
      { class: 'muted' },
      t('completed.item.line', {
        reference: i.reference,
        service: word(`service.${i.serviceCode}.name`, i.serviceName),
        when: i.closedAt ? formatDate(i.closedAt) : '',
      }),
    ),
  );

/** Links to the months either side, each with its own address (and so its own cache entry). */
function monthPager(months: MonthCount[], current: string, service: string) {
  const { newer, older } = neighbours(months, current);
  const nav = $('#month-pager');
  const link = (m: MonthCount, text: string) =>
    el('a', { class: 'button secondary', href: href(completedHref({ month: m.month, service })) }, text);
  show(
    nav,
    ...[
      newer && link(newer, t('completed.newer', { month: monthLabel(newer.month) })),
      older && link(older, t('completed.older', { month: monthLabel(older.month) })),
    ].filter((x) => !!x),
  );
  nav.hidden = !newer && !older;
}

/**
 * `/completed/`: finished reports one month at a time (`?month=yyyy-mm`, default the newest), with each
 * month's count from the API's month index and `?service=` to narrow both. The month's list pages by
 * cursor ("Show more"); the map shows what the list has loaded.
 */
async function main() {
  const config = await loadConfig();
  const params = new URLSearchParams(location.search);
  const service = params.get('service') ?? '';
  const serviceSelect = $('#service') as HTMLSelectElement;
  const monthSelect = $('#month') as HTMLSelectElement;
  const list = $('#list');
  const more = $('#more') as HTMLButtonElement;
  const [{ body: services }, { body: index }] = await Promise.all([
    apiFetch<{ items: ServiceView[] }>('/services'),
    apiFetch<{ months: MonthCount[] }>(`/completed-months${service ? `?service=${encodeURIComponent(service)}` : ''}`),
  ]);
  for (const s of services.items.filter((x) => x.kind === 'report'))
    serviceSelect.append(el('option', { value: s.code }, word(`service.${s.code}.name`, s.name)));
  serviceSelect.value = service;
  const current = pickMonth(index.months, params.get('month'));
  if (!current) {
    monthSelect.append(el('option', { value: '' }, t('completed.no_months')));
    $('#list-heading').textContent = t('completed.nothing');
    list.setAttribute('aria-busy', 'false');
    return show(list, statusLine('empty', t('completed.nothing_yet')));
  }
  for (const m of index.months)
    monthSelect.append(el('option', { value: m.month }, t('completed.month_option', { month: monthLabel(m.month), n: m.count })));
  monthSelect.value = current.month;
  monthPager(index.months, current.month, service);
  $('#list-heading').textContent = t('completed.heading', { n: current.count, month: monthLabel(current.month) });

  const map = createMap($('#map'), config, { label: t('completed.map.label') });
  const cluster = await clusterLayer(map);
  const ul = el('ul', { class: 'items' });
  let cursor: string | undefined;
  const query = `/reports?phase=done&month=${current.month}&limit=${PAGE}${service ? `&service=${encodeURIComponent(service)}` : ''}`;
  const loadPage = async () => {
    more.disabled = true;
    const { body: page } = await apiFetch<{ items: PublicItem[]; nextCursor?: string }>(
      `${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    cursor = page.nextCursor;
    ul.append(...page.items.map(entry));
    cluster.addLayers(page.items.map(pin).filter((m) => m !== undefined));
    if (ul.childElementCount === 0 && !cursor) show(list, statusLine('empty', t('completed.empty_month')));
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
