import type { ListPage, PublicItem, QueueEntry, ServiceView, Stats } from '../../../shared/api-types.js';
import { apiFetch } from './api.js';
import { brand } from './config.js';
import { $, el, show, statusLine } from './dom.js';
import { age } from './format.js';
import { daysBefore, serviceRecord, statsQuery } from './stats-text.js';

const link = (reference: string, title: string) => el('a', { href: `/track/?id=${encodeURIComponent(reference)}` }, title);

function queueTable(service: ServiceView, entries: QueueEntry[]): HTMLElement {
  if (entries.length === 0) return statusLine('empty', 'Nothing is waiting.');
  return el(
    'table',
    {},
    el('caption', { class: 'visually-hidden' }, `Waiting queue for ${service.name}`),
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        el('th', { scope: 'col' }, 'Place'),
        el('th', { scope: 'col' }, 'Report'),
        el('th', { scope: 'col' }, 'Priority'),
        el('th', { scope: 'col' }, 'Waiting for'),
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
          el('td', {}, e.priority),
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
    el('h2', { id }, service.name),
    recordLine
      ? el(
          'p',
          { class: 'service-record' },
          recordLine,
          ' ',
          el('a', { href: `/stats/?service=${encodeURIComponent(service.code)}` }, 'More figures'),
        )
      : null,
    el('h3', {}, 'Waiting'),
    queueTable(service, queue.body.items),
    queue.body.nextCursor ? el('p', { class: 'muted' }, 'Showing the first 50.') : null,
    el('h3', {}, 'In progress'),
    working.body.items.length
      ? el(
          'ul',
          { class: 'items' },
          ...working.body.items.map((i) =>
            el(
              'li',
              {},
              link(i.reference, i.title),
              el('div', { class: 'muted' }, `${i.reference} · ${i.statusLabel} · started ${age(i.updatedAt)} ago`),
            ),
          ),
        )
      : statusLine('empty', 'Nothing is in progress.'),
  );
}

async function main() {
  void brand();
  const { body } = await apiFetch<{ items: ServiceView[] }>('/services');
  const sections = await Promise.all(body.items.filter((s) => s.kind === 'report').map(section));
  const container = $('#queues');
  show(container, ...sections);
  container.setAttribute('aria-busy', 'false');
}

main().catch((err: Error) => show($('#queues'), statusLine('error', err.message)));
