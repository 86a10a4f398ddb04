import type { ServiceView, StaffItem } from '../../../../shared/api-types.js';
import { compareQueueOrder } from '../../../../shared/queue.js';
import { el, statusBadge } from '../dom.js';
import { age, PHASE_LABELS } from '../format.js';
import { href, t } from '../i18n.js';
import { phaseName, serviceName, stateName } from './words.js';

/** The work queue's filters, as the form holds them. */
export interface QueueFilters {
  service: string;
  /** `phase:<phase>`, `status:<state id>` or empty for everything. */
  state: string;
  priority: string;
  /** `me`, `none` (unassigned) or empty for anyone. */
  assignee: string;
  /** An area id (ward, district) or empty for everywhere. */
  area?: string;
  sort: 'queue' | 'oldest' | 'newest' | 'due';
  /** `at_risk`, `breached` or empty: only reports whose promise stands there now. */
  sla?: string;
}

export const PAGE_SIZE = 200;

/** The GET /api/staff/reports query for a set of filters. */
export function queueQuery(f: QueueFilters): string {
  const q = new URLSearchParams();
  if (f.service) q.set('service', f.service);
  const [kind, value] = f.state.split(':');
  if (kind === 'phase' && value) q.set('phase', value);
  if (kind === 'status' && value) q.set('status', value);
  if (f.priority) q.set('priority', f.priority);
  if (f.assignee) q.set('assignee', f.assignee);
  if (f.area) q.set('area', f.area);
  if (f.sla) q.set('sla', f.sla);
  if (f.sort === 'due' && !f.sla) q.set('sort', 'due');
  q.set('limit', String(PAGE_SIZE));
  return `/staff/reports?${q}`;
}

/** Queue order is priority (urgent first) then age, the same order as the public queues. */
export function sortItems(items: StaffItem[], sort: QueueFilters['sort']): StaffItem[] {
  const byAge = (a: StaffItem, b: StaffItem) => a.createdAt.localeCompare(b.createdAt);
  if (sort === 'oldest') return [...items].sort(byAge);
  if (sort === 'newest') return [...items].sort((a, b) => byAge(b, a));
  if (sort === 'due') return [...items].sort((a, b) => dueOf(a).localeCompare(dueOf(b)));
  return [...items].sort(compareQueueOrder);
}

/** When an item's open promise is due (the earliest of its clocks); items without one sort last. */
const dueOf = (item: StaffItem) => (!item.sla?.firstRespondedAt && item.sla?.firstResponseDueAt) || item.sla?.resolutionDueAt || '\uffff';

const SLA_BADGES: Partial<Record<NonNullable<StaffItem['sla']>['state'], string>> = {
  at_risk: 'staff.sla.at_risk',
  breached: 'staff.sla.breached',
  missed: 'staff.sla.missed',
};

/** A visible badge for a promise at risk, broken or paused; nothing for one on track. */
export function slaBadge(item: StaffItem): HTMLElement | null {
  const sla = item.sla;
  if (!sla) return null;
  const key = SLA_BADGES[sla.state] ?? (sla.paused ? 'staff.sla.paused' : undefined);
  const label = key ? t(key) : undefined;
  return label ? el('span', { class: `sla-badge sla-${sla.paused && !SLA_BADGES[sla.state] ? 'paused' : sla.state}` }, label) : null;
}

/** Fills the status filter: each phase, then each state of the workflows these services use. */
export function stateOptions(select: HTMLSelectElement, services: ServiceView[]): void {
  const phases = el('optgroup', { label: t('staff.filter.phase') });
  for (const phase of Object.keys(PHASE_LABELS)) phases.append(el('option', { value: `phase:${phase}` }, phaseName(phase)));
  const states = el('optgroup', { label: t('staff.filter.status') });
  const seen = new Set<string>();
  for (const s of services) {
    for (const st of s.workflow.states) {
      if (seen.has(st.id)) continue;
      seen.add(st.id);
      const state = stateName(s.code, st.id, st.label);
      states.append(el('option', { value: `status:${st.id}` }, t('staff.filter.state_option', { state, phase: phaseName(st.phase) })));
    }
  }
  select.append(phases, states);
}

/** One row per item: reference, title, status, priority, age, assignee; the reference opens it. */
export function queueRow(item: StaffItem, selected: boolean): HTMLElement {
  return el(
    'li',
    { 'data-id': item.id, class: selected ? 'selected' : undefined },
    el(
      'a',
      {
        href: href(`/staff/?id=${encodeURIComponent(item.id)}`),
        class: 'title',
        'aria-current': selected ? 'true' : undefined,
        translate: 'no',
      },
      `${item.reference}: ${item.title}`,
    ),
    el(
      'div',
      { class: 'meta' },
      statusBadge(item.phase, stateName(item.serviceCode, item.status, item.statusLabel)),
      el('span', { class: `priority ${item.priority}` }, t('staff.item.priority', { priority: item.priority })),
      slaBadge(item),
      el('span', {}, t('staff.queue.age', { age: age(item.createdAt) })),
      el('span', {}, item.assignee ? t('staff.item.assigned', { name: item.assignee.name }) : t('staff.unassigned')),
      el('span', { class: 'muted' }, serviceName(item.serviceCode, item.serviceName)),
    ),
  );
}
