import type L from 'leaflet';
import type { StaffItem } from '../../../../shared/api-types.js';
import type { SiteConfig } from '../config.js';
import { el, statusBadge } from '../dom.js';
import { age, formatDate, queueSentence } from '../format.js';
import { moderationFacts } from './moderation-view.js';

function contact(item: StaffItem): HTMLElement {
  const r = item.reporter;
  if (!r || (!r.name && !r.email && !r.phone)) return el('p', { class: 'muted' }, 'The reporter left no contact details.');
  return el(
    'dl',
    { id: 'reporter', class: 'facts' },
    r.name ? el('dt', {}, 'Name') : null,
    r.name ? el('dd', {}, r.name) : null,
    r.email ? el('dt', {}, 'Email') : null,
    r.email ? el('dd', {}, el('a', { href: `mailto:${r.email}` }, r.email)) : null,
    r.phone ? el('dt', {}, 'Phone') : null,
    r.phone ? el('dd', {}, el('a', { href: `tel:${r.phone.replace(/[^+\d]/g, '')}` }, r.phone)) : null,
    el('dt', {}, 'Email updates'),
    el('dd', {}, item.reporterNotify ? 'Yes' : 'No'),
  );
}

/** The item's facts, read-only: the actions are separate forms that survive a refresh; the history follows them. */
export function itemDetails(item: StaffItem): HTMLElement[] {
  const fact = (term: string, value: string | Node | undefined) => (value ? [el('dt', {}, term), el('dd', {}, value)] : []);
  const where = item.location ? `${item.location.lat.toFixed(5)}, ${item.location.lng.toFixed(5)}` : undefined;
  return [
    el('h2', { id: 'item-h', tabindex: -1 }, `${item.reference}: ${item.title}`),
    el(
      'p',
      { class: 'meta' },
      statusBadge(item.phase, item.statusLabel),
      el('span', { id: 'item-priority', class: `priority ${item.priority}` }, `Priority ${item.priority}`),
      el('span', { id: 'item-assignee' }, item.assignee ? `Assigned to ${item.assignee.name}` : 'Unassigned'),
      item.queuePosition ? el('span', {}, queueSentence(item.queuePosition, item.serviceName)) : null,
    ),
    el('h3', {}, 'Description'),
    el('p', { id: 'item-description', class: 'note' }, item.description),
    ...moderationFacts(item),
    el(
      'dl',
      { class: 'facts' },
      ...fact('Service', item.serviceName),
      ...fact('Address', item.address),
      ...fact('Area', item.area?.name),
      ...fact('Team', item.team),
      ...fact('Pin', where),
      ...fact('Reported', `${formatDate(item.createdAt)} (${age(item.createdAt)} ago)`),
      ...fact('Last change', formatDate(item.updatedAt)),
      ...fact('Resolution', item.resolution?.replace(/_/g, ' ')),
      ...fact(
        'Duplicate of',
        item.duplicateOf ? el('a', { href: `/staff/?id=${encodeURIComponent(item.duplicateOf)}` }, item.duplicateOf) : undefined,
      ),
      ...fact('Version', String(item.version)),
      ...fact('Public page', el('a', { href: `/track/?id=${encodeURIComponent(item.reference)}` }, 'Tracking page')),
    ),
    item.location ? el('div', { id: 'item-map', class: 'map small' }) : el('p', { class: 'muted' }, 'No pin on this report.'),
    el('h3', {}, 'Reporter'),
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
    label: `Map of ${item.reference}; its coordinates are listed beside it`,
    zoom: 16,
    center: [lat, lng],
  });
  pin({ ...item, statusLabel: item.statusLabel })?.addTo(map);
  map.on('click', (e: L.LeafletMouseEvent) => onPick({ lat: e.latlng.lat, lng: e.latlng.lng }));
}
