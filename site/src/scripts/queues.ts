import type { ListPage, PublicItem, QueueEntry, ServiceView, Stats } from '../../../shared/api-types.js';
import { apiFetch } from './api.js';
import { $, el, show, statusLine } from './dom.js';
import { age, ago, priorityLabel } from './format.js';
import { href, t, word } from './i18n.js';
import { daysBefore, serviceRecord, statsQuery } from './stats-text.js';

const link = (reference: string, title: string) =>
  el('a', { href: href(`/track/?id=${encodeURIComponent(reference)}`), translate: 'no' }, title);

const serviceName = (s: ServiceView) => word(`service.${s.code}.name`, s.name);

function queueTable(service: ServiceView, entries: QueueEntry[]): HTMLElement {
  if (entries.length === 0) return statusLine('empty', t('queues.empty'));
  const caption = t('queues.caption', { service: serviceName(service) });
  // On a narrow screen the table scrolls sideways in its own focusable region (longer headings in Welsh).
  return el('div', { class: 'table-scroll', role: 'region', 'aria-label': caption, tabindex: 0 }, queueRows(caption, entries));
}

function queueRows(caption: string, entries: QueueEntry[]): HTMLElement {
  return el(
    'table',
    {},
    el('caption', { class: 'visually-hidden' }, caption),
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        el('th', { scope: 'col' }, t('queues.col.place')),
        el('th', { scope: 'col' }, t('queues.col.report')),
        el('th', { scope: 'col' }, t('queues.col.priority')),
        el('th', { scope: 'col' }, t('queues.col.waiting')),
      ),
    ),
    el(
      'tbody',
      {},
      ...entries.map((e) =>
        el(
          'tr',
          {},
          el('td', {}, e.position),
          el('td', {}, link(e.reference, e.title), el('div', { class: 'muted' }, `${e.reference} · ${e.statusLabel}`)),
          el('td', {}, priorityLabel(e.priority)),
          el('td', {}, age(e.createdAt)),
        ),
      ),
    ),
  );
}

async function section(service: ServiceView): Promise<HTMLElement> {
  const [queue, working, record] = await Promise.all([
    apiFetch<ListPage<QueueEntry>>(`/queues/${encodeURIComponent(service.code)}?limit=50`),
    apiFetch<ListPage<PublicItem>>(`/reports?service=${encodeURIComponent(service.code)}&phase=in_progress&limit=50`),
    apiFetch<Stats>(statsQuery({ service: service.code, from: daysBefore(90), interval: 'week' })).catch(() => undefined),
  ]);
  const recordLine = record ? serviceRecord(service, record.body) : undefined;
  const id = `q-${service.code}`;
  return el(
    'section',
    { 'aria-labelledby': id },
    el('h2', { id }, serviceName(service)),
    recordLine
      ? el(
          'p',
          { class: 'service-record' },
          recordLine,
          ' ',
          el('a', { href: href(`/stats/?service=${encodeURIComponent(service.code)}`) }, t('queues.more_figures')),
        )
      : null,
    el('h3', {}, t('phase.waiting')),
    queueTable(service, queue.body.items),
    queue.body.nextCursor ? el('p', { class: 'muted' }, t('queues.first', { n: 50 })) : null,
    el('h3', {}, t('phase.in_progress')),
    working.body.items.length
      ? el(
          'ul',
          { class: 'items' },
          ...working.body.items.map((i) =>
            el(
              'li',
              {},
              link(i.reference, i.title),
              el('div', { class: 'muted' }, t('queues.started', { reference: i.reference, status: i.statusLabel, when: ago(i.updatedAt) })),
            ),
          ),
        )
      : statusLine('empty', t('queues.none_in_progress')),
  );
}

async function main() {
  const { body } = await apiFetch<{ items: ServiceView[] }>('/services');
  const sections = await Promise.all(body.items.filter((s) => s.kind === 'report').map(section));
  const container = $('#queues');
  show(container, ...sections);
  container.setAttribute('aria-busy', 'false');
}

main().catch((err: Error) => show($('#queues'), statusLine('error', err.message)));
