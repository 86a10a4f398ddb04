import { ApiError, apiFetch } from '../api.js';
import type { BillState, ListPage, PublicBill, StaffBill } from '../../../../shared/api-types.js';
import { $, el, show, statusBadge, statusLine } from '../dom.js';
import { formatDate, PHASE_LABELS } from '../format.js';
import { staffFetch } from './session.js';

/**
 * The Bills screen's list (GET /api/bills with its filters; "up for a vote" soonest first) and the
 * form that files a new bill (POST /api/staff/bills), with the API's field errors beside the fields.
 */
const input = <T extends HTMLElement = HTMLInputElement>(id: string) => $(`#${id}`) as unknown as T;

/** Fills the stage filter: each phase, then each stage of the catalog's bill workflow. */
export function billStageOptions(states: BillState[]): void {
  const select = input<HTMLSelectElement>('bf-stage');
  select.replaceChildren(el('option', { value: '' }, 'Any stage'));
  const phases = el('optgroup', { label: 'Phase' });
  for (const [phase, label] of Object.entries(PHASE_LABELS)) phases.append(el('option', { value: `phase:${phase}` }, label));
  const stages = el('optgroup', { label: 'Stage' });
  for (const s of states) stages.append(el('option', { value: `status:${s.id}` }, `${s.label} (${PHASE_LABELS[s.phase]})`));
  select.append(phases, stages);
}

/** The GET /api/bills query for the filter form. */
export function billQuery(): string {
  const q = new URLSearchParams();
  const session = input('bf-session').value.trim();
  const text = input('bf-q').value.trim();
  const [kind, value] = input<HTMLSelectElement>('bf-stage').value.split(':');
  if (session) q.set('session', session);
  if (text) q.set('q', text);
  if (kind === 'phase' && value) q.set('phase', value);
  if (kind === 'status' && value) q.set('status', value);
  if (input('bf-vote').checked) {
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
      { href: `/staff/?bill=${encodeURIComponent(bill.id)}`, class: 'title', 'aria-current': selected ? 'true' : undefined },
      `${bill.number}: ${bill.title}`,
    ),
    el(
      'div',
      { class: 'meta' },
      statusBadge(bill.phase, bill.statusLabel),
      el('span', {}, bill.session),
      bill.scheduledVote ? el('span', { class: 'vote-date' }, `Vote ${formatDate(bill.scheduledVote.at)}`) : null,
    ),
  );
}

let request = 0;

/** Loads and lists the bills for the filters (up to 5 pages). */
export async function loadBills(open?: string): Promise<void> {
  const list = input('bill-list');
  const status = input('bill-list-status');
  const mine = ++request;
  list.setAttribute('aria-busy', 'true');
  show(status, statusLine('loading', 'Loading bills…'));
  const items: PublicBill[] = [];
  let cursor: string | undefined;
  try {
    for (let page = 0; page < 5; page++) {
      const path = `${billQuery()}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const { body } = await apiFetch<ListPage<PublicBill>>(path, { cache: 'no-store' });
      items.push(...body.items);
      cursor = body.nextCursor;
      if (!cursor) break;
    }
  } catch (err) {
    if (mine !== request) return;
    list.removeAttribute('aria-busy');
    list.replaceChildren();
    const why = err instanceof ApiError ? [err.detail, ...err.errors.map((e) => `${e.path} ${e.message}`)].join(' ') : 'unknown error';
    return show(status, statusLine('error', `The bills could not be loaded: ${why}`));
  }
  if (mine !== request) return;
  list.removeAttribute('aria-busy');
  list.replaceChildren(...items.map((b) => billRow(b, b.id === open)));
  const count = `${items.length} bill${items.length === 1 ? '' : 's'}${cursor ? ' shown; there are more: narrow the filters to see them' : ''}.`;
  show(status, items.length ? el('p', { class: 'muted' }, count) : statusLine('empty', 'No bills match these filters.'));
}

export function markBill(id: string): void {
  for (const li of input('bill-list').querySelectorAll('li')) {
    const on = li.getAttribute('data-id') === id;
    li.classList.toggle('selected', on);
    const link = li.querySelector('a');
    if (on) link?.setAttribute('aria-current', 'true');
    else link?.removeAttribute('aria-current');
  }
}

const CREATE_FIELDS = ['number', 'session', 'title', 'summary', 'chamber', 'committee', 'sponsor', 'cosponsors', 'links'] as const;
type CreateField = (typeof CREATE_FIELDS)[number];

/** Shows (or clears, with no text) the error under one field and marks the field invalid. */
export function fieldError(control: string, text?: string): void {
  const box = document.getElementById(`${control}-error`);
  const target = document.getElementById(control);
  if (box) {
    box.hidden = !text;
    box.textContent = text ?? '';
  }
  if (text) target?.setAttribute('aria-invalid', 'true');
  else target?.removeAttribute('aria-invalid');
}

/** Which create-form field an API error path belongs to: sponsors.0 is the primary, later ones co-sponsors. */
function createFieldOf(path: string): CreateField | undefined {
  const [head, index] = path.split('.');
  if (head === 'sponsors') return index === undefined || index === '0' ? 'sponsor' : 'cosponsors';
  if (head === 'documents') return 'links';
  return (CREATE_FIELDS as readonly string[]).includes(head as string) ? (head as CreateField) : undefined;
}

function readLinks(): { label: string; url: string }[] | string {
  const lines = input<HTMLTextAreaElement>('bc-links')
    .value.split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const links: { label: string; url: string }[] = [];
  for (const line of lines) {
    const bar = line.lastIndexOf('|');
    const url = (bar === -1 ? line : line.slice(bar + 1)).trim();
    const label = bar === -1 ? url : line.slice(0, bar).trim();
    if (!/^https?:\/\//i.test(url)) return `"${line}" needs a link starting with http:// or https://`;
    links.push({ label: label || url, url });
  }
  return links;
}

function createNotice(kind: 'error' | 'none', text = ''): void {
  show(input('bill-create-notice'), kind === 'none' ? '' : el('p', { class: 'notice error' }, text));
}

/** Sends the new bill; on success, opens it. Field errors land next to their fields. */
export async function submitCreate(opened: (id: string) => Promise<void>): Promise<void> {
  for (const f of CREATE_FIELDS) fieldError(`bc-${f}`);
  createNotice('none');
  const v = (id: string) => input<HTMLInputElement | HTMLTextAreaElement>(`bc-${id}`).value.trim();
  const links = readLinks();
  if (typeof links === 'string') {
    fieldError('bc-links', links);
    input('bc-links').focus();
    return;
  }
  const cosponsors = v('cosponsors')
    .split('\n')
    .map((n) => n.trim())
    .filter(Boolean);
  const body = {
    number: v('number'),
    session: v('session'),
    title: v('title'),
    summary: v('summary'),
    chamber: v('chamber'),
    sponsors: [{ name: v('sponsor'), role: 'primary' }, ...cosponsors.map((name) => ({ name, role: 'cosponsor' }))],
    committee: v('committee') || undefined,
    documents: links.length ? links : undefined,
  };
  try {
    const { body: bill } = await staffFetch<StaffBill>('/staff/bills', { method: 'POST', json: body });
    input<HTMLFormElement>('bill-create-form').reset();
    input('bill-create').hidden = true;
    input('bill-new').setAttribute('aria-expanded', 'false');
    await opened(bill.id);
  } catch (err) {
    const e = err instanceof ApiError ? err : new ApiError(0, 'The bill could not be filed.');
    let first: CreateField | undefined;
    const leftover: string[] = [];
    for (const f of e.errors) {
      const field = createFieldOf(f.path);
      if (!field) {
        leftover.push(`${f.path}: ${f.message}`);
        continue;
      }
      first ??= field;
      fieldError(`bc-${field}`, f.message);
    }
    if (e.status === 409 && !first) {
      first = 'number';
      fieldError('bc-number', e.detail);
    }
    createNotice('error', `Not filed: ${[e.detail, ...leftover].join(' ')}`);
    if (first) input(`bc-${first}`).focus();
  }
}
