import type L from 'leaflet';
import type { StaffItem } from '../../../../shared/api-types.js';
import type { SiteConfig } from '../config.js';
import { el, statusBadge } from '../dom.js';
import { queueSentence } from '../format.js';
import { href, i18n, t } from '../i18n.js';
import { moderationFacts } from './moderation-view.js';
import { resolutionName, serviceName, stateName } from './words.js';

function contact(item: StaffItem): HTMLElement {
  const r = item.reporter;
  if (!r || (!r.name && !r.email && !r.phone)) return el('p', { class: 'muted' }, t('staff.reporter.none'));
  return el(
    'dl',
    { id: 'reporter', class: 'facts' },
    r.name ? el('dt', {}, t('staff.reporter.name')) : null,
    r.name ? el('dd', { translate: 'no' }, r.name) : null,
    r.email ? el('dt', {}, t('staff.reporter.email')) : null,
    r.email ? el('dd', { translate: 'no' }, el('a', { href: `mailto:${r.email}` }, r.email)) : null,
    r.phone ? el('dt', {}, t('staff.reporter.phone')) : null,
    r.phone ? el('dd', { translate: 'no' }, el('a', { href: `tel:${r.phone.replace(/[^+\d]/g, '')}` }, r.phone)) : null,
    el('dt', {}, t('staff.reporter.updates')),
    el('dd', {}, item.reporterNotify ? t('staff.yes') : t('staff.no')),
  );
}

/** The item's facts, read-only: the actions are separate forms that survive a refresh; the history follows them. */
export function itemDetails(item: StaffItem): HTMLElement[] {
  const fact = (term: string, value: string | Node | undefined, own = false) =>
    value ? [el('dt', {}, t(term)), el('dd', { translate: own ? 'no' : undefined }, value)] : [];
  const service = serviceName(item.serviceCode, item.serviceName);
  const where = item.location ? `${item.location.lat.toFixed(5)}, ${item.location.lng.toFixed(5)}` : undefined;
  return [
    el('h2', { id: 'item-h', tabindex: -1, translate: 'no' }, `${item.reference}: ${item.title}`),
    el(
      'p',
      { class: 'meta' },
      statusBadge(item.phase, stateName(item.serviceCode, item.status, item.statusLabel)),
      el('span', { id: 'item-priority', class: `priority ${item.priority}` }, t('staff.item.priority', { priority: item.priority })),
      el('span', { id: 'item-assignee' }, item.assignee ? t('staff.item.assigned', { name: item.assignee.name }) : t('staff.unassigned')),
      item.queuePosition ? el('span', {}, queueSentence(item.queuePosition, service)) : null,
    ),
    el('h3', {}, t('staff.item.description')),
    el('p', { id: 'item-description', class: 'note', translate: 'no' }, item.description),
    ...moderationFacts(item),
    el(
      'dl',
      { class: 'facts' },
      ...fact('staff.item.service', service),
      ...fact('staff.item.address', item.address, true),
      ...fact('staff.item.area', item.area?.name, true),
      ...fact('staff.item.team', item.team),
      ...fact('staff.item.pin', where),
      ...fact('staff.item.reported', t('staff.item.reported_at', { date: i18n.date(item.createdAt), ago: i18n.relative(item.createdAt) })),
      ...fact('staff.item.changed', i18n.date(item.updatedAt)),
      ...fact('staff.move.resolution', item.resolution ? resolutionName(item.resolution) : undefined),
      ...fact(
        'staff.item.duplicate_of',
        item.duplicateOf ? el('a', { href: href(`/staff/?id=${encodeURIComponent(item.duplicateOf)}`) }, item.duplicateOf) : undefined,
      ),
      ...fact('staff.item.version', String(item.version)),
      ...fact(
        'staff.item.public_page',
        el('a', { href: href(`/track/?id=${encodeURIComponent(item.reference)}`) }, t('staff.item.tracking_page')),
      ),
    ),
    item.location ? el('div', { id: 'item-map', class: 'map small' }) : el('p', { class: 'muted' }, t('staff.item.no_pin')),
    el('h3', {}, t('staff.item.reporter')),
    contact(item),
  ];
}

let map: L.Map | undefined;

/** A small map of the pin, loaded only when an item is open; a click offers a corrected pin. */
export async function showMap(item: StaffItem, config: SiteConfig, onPick: (p: { lat: number; lng: number }) => void): Promise<void> {
  map?.remove();
  map = undefined;
  const container = document.getElementById('item-map');
  if (!container || !item.location) return;
  const { createMap, pin } = await import('../map.js');
  const { lat, lng } = item.location;
  map = createMap(container, config, {
    label: t('staff.item.map_label', { reference: item.reference }),
    zoom: 16,
    center: [lat, lng],
  });
  pin({ ...item, statusLabel: item.statusLabel })?.addTo(map);
  map.on('click', (e: L.LeafletMouseEvent) => onPick({ lat: e.latlng.lat, lng: e.latlng.lng }));
}
