import type { HistoryEvent } from '../../../../shared/api-types.js';
import { el } from '../dom.js';
import { i18n, t } from '../i18n.js';
import { resolutionName } from './words.js';

/** Who did it, as staff see it: a colleague's name, "Reporter" or "System". */
function actorName(e: HistoryEvent): string {
  if (e.actor.type === 'staff') return `${e.actor.name} (${e.actor.id})`;
  return e.actor.type === 'citizen' ? t('staff.history.reporter') : t('staff.history.system');
}

const FIELD_NAMES: Record<string, string> = {
  priority: 'staff.history.field.priority',
  serviceCode: 'staff.history.field.service',
  title: 'staff.history.field.title',
  location: 'staff.history.field.pin',
  assignee: 'staff.history.field.assignee',
};

/** The part a redaction replaced: `title`, `description`, `address`, or a public comment. */
const redactedPart = (field = '') => (field.startsWith('comment:') ? 'comment' : field);

/** One line saying what an event changed, including from what to what; `created` names the first event ("Reported", "Filed"). */
export function staffHeadline(e: HistoryEvent, labels: Record<string, string>, created = t('staff.history.created')): string {
  const nothing = t('staff.history.nothing');
  const label = (id?: string) => (id ? (labels[id] ?? id) : nothing);
  switch (e.type) {
    case 'created':
      return created;
    case 'transition':
      return e.resolution
        ? t('staff.history.moved_resolved', { from: label(e.from), to: label(e.to), resolution: resolutionName(e.resolution) })
        : t('staff.history.moved', { from: label(e.from), to: label(e.to) });
    case 'comment':
      return e.visibility === 'internal' ? t('staff.history.internal_note') : t('staff.history.public_update');
    case 'vote':
      return e.to ? t('staff.history.vote_moved', { from: label(e.from), to: label(e.to) }) : t('staff.history.vote');
    case 'action':
      return t('staff.history.action');
    case 'redacted':
      if (e.field?.startsWith('photo:')) return t('staff.history.photo_hidden');
      return e.to
        ? t('staff.history.redacted_as', { field: redactedPart(e.field), shown: e.to })
        : t('staff.history.redacted', { field: redactedPart(e.field) });
    case 'hidden':
      return t('staff.history.hidden');
    case 'unhidden':
      return t('staff.history.unhidden');
    case 'flags-resolved':
      return t('staff.history.flags', { action: e.to ?? '' });
    case 'assigned':
      if (e.to) return e.from ? t('staff.history.reassigned', { to: e.to, from: e.from }) : t('staff.history.assigned', { to: e.to });
      return e.from ? t('staff.history.unassigned', { from: e.from }) : t('staff.history.unassigned_nobody');
    default:
      if (e.field === 'priority') return t('staff.history.priority_changed', { from: e.from ?? '', to: e.to ?? '' });
      return t('staff.history.changed', {
        field: FIELD_NAMES[e.field ?? ''] ? t(FIELD_NAMES[e.field ?? ''] as string) : (e.field ?? t('staff.history.field.details')),
        from: e.from ?? nothing,
        to: e.to ?? nothing,
      });
  }
}

/** The full history, internal events included and marked as such. */
export function historyList(item: { history?: HistoryEvent[] }, labels: Record<string, string>, created?: string): HTMLElement {
  const events = item.history ?? [];
  if (events.length === 0) return el('p', { class: 'muted' }, t('staff.history.empty'));
  return el(
    'ol',
    { class: 'timeline', id: 'history' },
    ...events.map((e) =>
      el(
        'li',
        { class: e.visibility === 'internal' ? 'internal' : undefined, 'data-visibility': e.visibility },
        el('strong', {}, staffHeadline(e, labels, created)),
        ' ',
        el(
          'span',
          { class: `visibility ${e.visibility}` },
          e.visibility === 'internal' ? t('staff.history.badge.internal') : t('staff.history.badge.public'),
        ),
        el('div', { class: 'muted' }, `${i18n.date(e.at)} · ${actorName(e)}`),
        // What staff or the reporter wrote: shown as written, in any language.
        e.note ? el('p', { class: 'note', translate: 'no' }, e.note) : null,
      ),
    ),
  );
}
