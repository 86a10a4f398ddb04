import type { HistoryEvent } from '../../../../shared/api-types.js';
import { el } from '../dom.js';
import { formatDate } from '../format.js';

/** Who did it, as staff see it: a colleague's name, "Reporter" or "System". */
function actorName(e: HistoryEvent): string {
  if (e.actor.type === 'staff') return `${e.actor.name} (${e.actor.id})`;
  return e.actor.type === 'citizen' ? 'Reporter' : 'System';
}

const FIELD_NAMES: Record<string, string> = {
  priority: 'Priority',
  serviceCode: 'Service',
  title: 'Title',
  location: 'Pin',
  assignee: 'Assignee',
};

/** One line saying what an event changed, including from what to what. */
export function staffHeadline(e: HistoryEvent, labels: Record<string, string>, created = 'Reported'): string {
  const label = (id?: string) => (id ? (labels[id] ?? id) : 'nothing');
  switch (e.type) {
    case 'created':
      return created;
    case 'transition':
      return `Moved from ${label(e.from)} to ${label(e.to)}${e.resolution ? ` (resolution: ${e.resolution.replace(/_/g, ' ')})` : ''}`;
    case 'comment':
      return e.visibility === 'internal' ? 'Internal note' : 'Public update';
    case 'vote':
      return e.to ? `Vote: moved from ${label(e.from)} to ${label(e.to)}` : 'Vote recorded';
    case 'action':
      return 'Action';
    case 'redacted':
      return e.field?.startsWith('photo:')
        ? 'Photo hidden from the public'
        : `Redacted for the public: ${e.field?.startsWith('comment:') ? 'a public comment' : e.field}${e.to ? ` (shown as “${e.to}”)` : ''}`;
    case 'hidden':
      return 'Hidden from the public';
    case 'unhidden':
      return 'Shown to the public again';
    case 'flags-resolved':
      return `Flags reviewed: ${e.to}`;
    case 'assigned':
      return e.to ? `Assigned to ${e.to}${e.from ? ` (was ${e.from})` : ''}` : `Unassigned (was ${e.from ?? 'nobody'})`;
    default:
      return `${FIELD_NAMES[e.field ?? ''] ?? e.field ?? 'Details'} changed from ${e.from ?? 'nothing'} to ${e.to ?? 'nothing'}`;
  }
}

/** The full history, internal events included and marked as such. */
export function historyList(item: { history?: HistoryEvent[] }, labels: Record<string, string>, created = 'Reported'): HTMLElement {
  const events = item.history ?? [];
  if (events.length === 0) return el('p', { class: 'muted' }, 'No history yet.');
  return el(
    'ol',
    { class: 'timeline', id: 'history' },
    ...events.map((e) =>
      el(
        'li',
        { class: e.visibility === 'internal' ? 'internal' : undefined, 'data-visibility': e.visibility },
        el('strong', {}, staffHeadline(e, labels, created)),
        ' ',
        el('span', { class: `visibility ${e.visibility}` }, e.visibility === 'internal' ? 'Internal' : 'Public'),
        el('div', { class: 'muted' }, `${formatDate(e.at)} · ${actorName(e)}`),
        e.note ? el('p', { class: 'note' }, e.note) : null,
      ),
    ),
  );
}
