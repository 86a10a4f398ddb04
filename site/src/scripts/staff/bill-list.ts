import type { BillState, ListPage, PublicBill } from '../../../../shared/api-types.js';
import { ApiError, apiFetch } from '../api.js';
import { el, show, statusBadge, statusLine } from '../dom.js';
import { PHASE_LABELS } from '../format.js';
import { href, i18n, t } from '../i18n.js';
import { byId, collectPages, countLine } from './fields.js';
import { phaseName, stateName } from './words.js';

/** The Bills screen's list: GET /api/bills with its filters; "up for a vote" lists soonest first. */

/** Fills the stage filter: each phase, then each stage of the catalog's bill workflow. */
export function billStageOptions(states: BillState[], serviceCode?: string): void {
  const select = byId<HTMLSelectElement>('bf-stage');
  select.replaceChildren(el('option', { value: '' }, t('staff.bills.stage.any')));
  const phases = el('optgroup', { label: t('staff.filter.phase') });
  for (const phase of Object.keys(PHASE_LABELS)) phases.append(el('option', { value: `phase:${phase}` }, phaseName(phase)));
  const stages = el('optgroup', { label: t('staff.bills.stage') });
  for (const s of states) {
    const state = serviceCode ? stateName(serviceCode, s.id, s.label) : s.label;
    stages.append(el('option', { value: `status:${s.id}` }, t('staff.filter.state_option', { state, phase: phaseName(s.phase) })));
  }
  select.append(phases, stages);
}

/** The GET /api/bills query for the filter form. */
export function billQuery(): string {
  const q = new URLSearchParams();
  const session = byId('bf-session').value.trim();
  const text = byId('bf-q').value.trim();
  const [kind, value] = byId<HTMLSelectElement>('bf-stage').value.split(':');
  if (session) q.set('session', session);
  if (text) q.set('q', text);
  if (kind === 'phase' && value) q.set('phase', value);
  if (kind === 'status' && value) q.set('status', value);
  if (byId('bf-vote').checked) {
    // Today onwards: an imported past session leaves stale calendars behind.
    q.set('upForVote', 'true');
    q.set('voteFrom', new Date(new Date().setHours(0, 0, 0, 0)).toISOString());
  }
  q.set('limit', '100');
  return `/bills?${q}`;
}

function billRow(bill: PublicBill, selected: boolean): HTMLElement {
  return el(
    'li',
    { 'data-id': bill.id, class: selected ? 'selected' : undefined },
    el(
      'a',
      {
        href: href(`/staff/?bill=${encodeURIComponent(bill.id)}`),
        class: 'title',
        'aria-current': selected ? 'true' : undefined,
        translate: 'no',
      },
      `${bill.number}: ${bill.title}`,
    ),
    el(
      'div',
      { class: 'meta' },
      statusBadge(bill.phase, stateName(bill.serviceCode, bill.status, bill.statusLabel)),
      el('span', {}, bill.session),
      bill.scheduledVote ? el('span', { class: 'vote-date' }, t('staff.bills.vote_on', { date: i18n.date(bill.scheduledVote.at) })) : null,
    ),
  );
}

let request = 0;

/** Loads and lists the bills for the filters (up to 5 pages); `open` is the bill to mark as selected. */
export async function loadBills(open?: string): Promise<void> {
  const list = byId('bill-list');
  const status = byId('bill-list-status');
  const mine = ++request;
  list.setAttribute('aria-busy', 'true');
  show(status, statusLine('loading', t('staff.bills.loading')));
  const query = billQuery();
  const page = (cursor?: string) =>
    apiFetch<ListPage<PublicBill>>(`${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { cache: 'no-store' }).then(
      (r) => r.body,
    );
  let found: { items: PublicBill[]; nextCursor?: string };
  try {
    found = await collectPages(page, 5);
  } catch (err) {
    if (mine !== request) return;
    list.removeAttribute('aria-busy');
    list.replaceChildren();
    const why =
      err instanceof ApiError ? [err.detail, ...err.errors.map((e) => `${e.path} ${e.message}`)].join(' ') : t('staff.error.unknown');
    return show(status, statusLine('error', t('staff.bills.failed', { why })));
  }
  if (mine !== request) return;
  const { items, nextCursor } = found;
  list.removeAttribute('aria-busy');
  list.replaceChildren(...items.map((b) => billRow(b, b.id === open)));
  const count = countLine(items.length, 'bills', !!nextCursor);
  show(status, items.length ? el('p', { class: 'muted' }, count) : statusLine('empty', t('staff.bills.empty')));
}
