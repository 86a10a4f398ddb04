import type { PublicItem, ServiceView } from '../../../shared/api-types.js';
import { type ApiError, apiFetch } from './api.js';
import { brand, loadConfig } from './config.js';
import { $, el, show, statusBadge, statusLine } from './dom.js';
import { announceFeed, feedLink } from './feed-links.ts';
import { bindFollowForm } from './follow.js';
import { eventHeadline, formatDate, queueSentence } from './format.js';
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
        el('div', { class: 'muted' }, `${formatDate(e.at)} · ${e.actor}`),
        e.note ? el('p', {}, e.note) : null,
        e.resolution && e.resolution !== 'fixed' ? el('p', { class: 'muted' }, `Resolution: ${e.resolution.replace(/_/g, ' ')}`) : null,
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
    el('h2', { id: 'photos-h' }, 'Photos'),
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
            el('img', { src: p.thumbUrl, alt: p.alt ?? `Photo ${i + 1} of ${photos.length} of the reported problem`, loading: 'lazy' }),
          ),
        ),
      ),
    ),
  );
}

function render(item: PublicItem, policy?: ServiceView['sla']): HTMLElement[] {
  const promise = slaSentence(item.sla, policy);
  document.title = `${item.reference}: ${item.title} · civicboard`;
  const facts = el(
    'dl',
    {},
    el('dt', {}, 'Reference'),
    el('dd', {}, item.reference),
    el('dt', {}, 'Category'),
    el('dd', {}, item.serviceName),
    item.address ? el('dt', {}, 'Where') : null,
    item.address ? el('dd', {}, item.address) : null,
    item.area ? el('dt', {}, 'Area') : null,
    item.area
      ? el('dd', { id: 'item-area' }, el('a', { href: `/areas/area/?id=${encodeURIComponent(item.area.id)}` }, item.area.name))
      : null,
    el('dt', {}, 'Reported'),
    el('dd', {}, formatDate(item.createdAt)),
    item.closedAt ? el('dt', {}, 'Finished') : null,
    item.closedAt ? el('dd', {}, formatDate(item.closedAt)) : null,
  );
  return [
    el('h1', {}, item.title),
    el(
      'p',
      {},
      statusBadge(item.phase, item.statusLabel),
      ' ',
      item.queuePosition ? el('strong', { id: 'queue-position' }, queueSentence(item.queuePosition, item.serviceName)) : null,
    ),
    promise ? el('p', { id: 'sla', class: `sla sla-${item.sla?.state}` }, promise) : null,
    item.duplicateOf
      ? el(
          'p',
          {},
          'This was closed as a duplicate of ',
          el('a', { href: `/track/?id=${encodeURIComponent(item.duplicateOf)}` }, 'another report'),
          '.',
        )
      : null,
    el(
      'div',
      { class: 'grid two' },
      el(
        'section',
        { 'aria-labelledby': 'desc-h' },
        el('h2', { id: 'desc-h' }, 'Description'),
        el('p', { id: 'description' }, item.description),
        facts,
      ),
      el('div', { id: 'item-map', class: 'map small' }),
    ),
    item.photos?.length ? photoGallery(item) : null,
    el('section', { 'aria-labelledby': 'history-h' }, el('h2', { id: 'history-h' }, 'What has happened'), timeline(item)),
  ].filter((n): n is HTMLElement => n !== null);
}

async function main() {
  void brand();
  const id = new URLSearchParams(location.search).get('id')?.trim();
  const container = $('#item');
  const lookup = $('#lookup') as HTMLFormElement;
  lookup.addEventListener('submit', (e) => {
    e.preventDefault();
    location.search = `?id=${encodeURIComponent(($('#lookup-id') as HTMLInputElement).value.trim())}`;
  });
  if (!id) {
    show(container, el('h1', {}, 'Track a report'), el('p', {}, 'Enter the reference you were given.'));
    lookup.hidden = false;
    return;
  }
  try {
    const item = await reportOrBill(id);
    // A bill's reference (from a follower's email) opens the bill page, with its stage track and votes.
    if (item.kind === 'bill') return location.replace(`/bills/bill/?id=${encodeURIComponent(item.id)}`);
    const services = await apiFetch<{ items: ServiceView[] }>('/services').catch(() => undefined);
    const policy = services?.body.items.find((s) => s.code === item.serviceCode)?.sla;
    const feed = `/api/reports/${encodeURIComponent(item.id)}/feed.atom`;
    announceFeed(feed, `${item.reference} updates (Atom feed)`);
    const nearby = item.location
      ? [
          el(
            'p',
            { class: 'muted' },
            el('a', { href: `/alerts/?lat=${item.location.lat}&lng=${item.location.lng}` }, 'Email me about new reports near here'),
          ),
        ]
      : [];
    show(container, ...render(item, policy), feedLink(feed, 'Follow this report in a feed reader (Atom)'), ...nearby);
    bindFollowForm(`/reports/${encodeURIComponent(item.id)}`);
    if (item.location) {
      const config = await loadConfig();
      const map = createMap($('#item-map'), config, {
        label: 'Where the report is',
        center: [item.location.lat, item.location.lng],
        zoom: 16,
      });
      pin(item)?.addTo(map);
    } else $('#item-map').remove();
  } catch (err) {
    const status = (err as ApiError).status;
    show(
      container,
      el('h1', {}, 'Track a report'),
      statusLine(
        'error',
        status === 404
          ? `There is no report "${id}". Check the reference.`
          : status === 410
            ? `Report ${id} was removed by the council. It is no longer shown publicly.`
            : (err as Error).message,
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
