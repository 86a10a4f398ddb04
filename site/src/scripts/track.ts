import type { PublicItem, ServiceView } from '../../../shared/api-types.js';
import { words } from '../../../shared/i18n/catalog-keys.js';
import { type ApiError, apiFetch } from './api.js';
import { loadConfig } from './config.js';
import { $, el, show, statusBadge, statusLine } from './dom.js';
import { announceFeed, feedLink } from './feed-links.ts';
import { bindFlagForm } from './flag.js';
import { bindFollowForm } from './follow.js';
import { eventHeadline, formatDate, queueSentence } from './format.js';
import { href, t, word } from './i18n.js';
import { createMap, pin } from './map.js';
import { slaSentence } from './sla-text.js';

function timeline(item: PublicItem): HTMLElement {
  return el(
    'ol',
    { class: 'timeline' },
    ...(item.history ?? []).map((e) =>
      el(
        'li',
        {},
        el('strong', {}, eventHeadline(e)),
        el('div', { class: 'muted' }, t('track.event.when', { at: formatDate(e.at), actor: e.actor })),
        e.note ? el('p', { translate: 'no' }, e.note) : null,
        e.resolution && e.resolution !== 'fixed'
          ? el('p', { class: 'muted' }, t('track.resolution', { resolution: word(`resolution.${e.resolution}`, words(e.resolution)) }))
          : null,
      ),
    ),
  );
}

/** Thumbnails linking to the display size; the citizen's description is the alt text. */
function photoGallery(item: PublicItem): HTMLElement {
  const photos = item.photos ?? [];
  return el(
    'section',
    { 'aria-labelledby': 'photos-h' },
    el('h2', { id: 'photos-h' }, t('track.photos.heading')),
    el(
      'ul',
      { class: 'photos' },
      ...photos.map((p, i) =>
        el(
          'li',
          {},
          el(
            'a',
            { href: p.url },
            p.alt
              ? el('img', { src: p.thumbUrl, alt: p.alt, loading: 'lazy', translate: 'no' })
              : el('img', { src: p.thumbUrl, alt: t('track.photos.alt', { n: i + 1, total: photos.length }), loading: 'lazy' }),
          ),
        ),
      ),
    ),
  );
}

function render(item: PublicItem, policy?: ServiceView['sla']): HTMLElement[] {
  const promise = slaSentence(item.sla, policy);
  document.title = t('layout.title', { title: t('track.page_title', { reference: item.reference, title: item.title }) });
  const service = word(`service.${item.serviceCode}.name`, item.serviceName);
  const facts = el(
    'dl',
    {},
    el('dt', {}, t('track.reference')),
    el('dd', {}, item.reference),
    el('dt', {}, t('track.category')),
    el('dd', {}, service),
    item.address ? el('dt', {}, t('track.where')) : null,
    item.address ? el('dd', { translate: 'no' }, item.address) : null,
    item.area ? el('dt', {}, t('track.area')) : null,
    item.area
      ? el('dd', { id: 'item-area' }, el('a', { href: href(`/areas/area/?id=${encodeURIComponent(item.area.id)}`) }, item.area.name))
      : null,
    el('dt', {}, t('track.reported')),
    el('dd', {}, formatDate(item.createdAt)),
    item.closedAt ? el('dt', {}, t('track.finished')) : null,
    item.closedAt ? el('dd', {}, formatDate(item.closedAt)) : null,
  );
  return [
    el('h1', { translate: 'no' }, item.title),
    el(
      'p',
      {},
      statusBadge(item.phase, item.statusLabel),
      ' ',
      item.queuePosition ? el('strong', { id: 'queue-position' }, queueSentence(item.queuePosition, service)) : null,
    ),
    promise ? el('p', { id: 'sla', class: `sla sla-${item.sla?.state}` }, promise) : null,
    item.duplicateOf
      ? el(
          'p',
          {},
          t('track.duplicate'),
          ' ',
          el('a', { href: href(`/track/?id=${encodeURIComponent(item.duplicateOf)}`) }, t('track.duplicate_link')),
        )
      : null,
    el(
      'div',
      { class: 'grid two' },
      el(
        'section',
        { 'aria-labelledby': 'desc-h' },
        el('h2', { id: 'desc-h' }, t('track.description')),
        el('p', { id: 'description', translate: 'no' }, item.description),
        facts,
      ),
      el('div', { id: 'item-map', class: 'map small' }),
    ),
    item.photos?.length ? photoGallery(item) : null,
    el('section', { 'aria-labelledby': 'history-h' }, el('h2', { id: 'history-h' }, t('track.history')), timeline(item)),
  ].filter((n): n is HTMLElement => n !== null);
}

async function main() {
  const id = new URLSearchParams(location.search).get('id')?.trim();
  const container = $('#item');
  const lookup = $('#lookup') as HTMLFormElement;
  lookup.addEventListener('submit', (e) => {
    e.preventDefault();
    location.search = `?id=${encodeURIComponent(($('#lookup-id') as HTMLInputElement).value.trim())}`;
  });
  if (!id) {
    show(container, el('h1', {}, t('track.title')), el('p', {}, t('track.enter_reference')));
    lookup.hidden = false;
    return;
  }
  try {
    const item = await reportOrBill(id);
    // A bill's reference (from a follower's email) opens the bill page, with its stage track and votes.
    if (item.kind === 'bill') return location.replace(href(`/bills/bill/?id=${encodeURIComponent(item.id)}`));
    const services = await apiFetch<{ items: ServiceView[] }>('/services').catch(() => undefined);
    const policy = services?.body.items.find((s) => s.code === item.serviceCode)?.sla;
    const feed = `/api/reports/${encodeURIComponent(item.id)}/feed.atom`;
    announceFeed(feed, t('track.feed.title', { reference: item.reference }));
    const nearby = item.location
      ? [
          el(
            'p',
            { class: 'muted' },
            el('a', { href: href(`/alerts/?lat=${item.location.lat}&lng=${item.location.lng}`) }, t('track.alerts_near')),
          ),
        ]
      : [];
    show(container, ...render(item, policy), feedLink(feed, t('track.feed.link')), ...nearby);
    bindFollowForm(`/reports/${encodeURIComponent(item.id)}`);
    bindFlagForm(item.id, item.reference);
    if (item.location) {
      const config = await loadConfig();
      const map = createMap($('#item-map'), config, {
        label: t('track.map.label'),
        center: [item.location.lat, item.location.lng],
        zoom: 16,
      });
      pin(item)?.addTo(map);
    } else $('#item-map').remove();
  } catch (err) {
    const status = (err as ApiError).status;
    show(
      container,
      el('h1', {}, t('track.title')),
      statusLine(
        'error',
        status === 404 ? t('track.not_found', { id }) : status === 410 ? t('track.removed', { id }) : (err as Error).message,
      ),
    );
    lookup.hidden = false;
  }
}

main().catch((err: Error) => show($('#item'), statusLine('error', err.message)));

/**
 * The report with this id or reference, or else the bill: `/track/?id=` is the item page for both (bill
 * emails link there), while each API route serves one kind, so a reference no report has is tried as a bill.
 */
async function reportOrBill(id: string): Promise<PublicItem | { kind: 'bill'; id: string }> {
  try {
    return (await apiFetch<PublicItem>(`/reports/${encodeURIComponent(id)}`)).body;
  } catch (err) {
    if ((err as ApiError).status !== 404) throw err;
    const bill = await apiFetch<{ id: string }>(`/bills/${encodeURIComponent(id)}`).catch(() => undefined);
    if (!bill) throw err;
    return { kind: 'bill', id: bill.body.id };
  }
}
