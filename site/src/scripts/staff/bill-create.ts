import type { StaffBill } from '../../../../shared/api-types.js';
import { httpUrlProblem } from '../../../../shared/links.js';
import { ApiError } from '../api.js';
import { el, show } from '../dom.js';
import { t } from '../i18n.js';
import { busy, byId, fieldError } from './fields.js';
import { staffFetch } from './session.js';

/** The form that files a new bill (POST /api/staff/bills), with the API's field errors beside the fields. */
const CREATE_FIELDS = ['number', 'session', 'title', 'summary', 'chamber', 'committee', 'sponsor', 'cosponsors', 'links'] as const;
type CreateField = (typeof CREATE_FIELDS)[number];

/** Which create-form field an API error path belongs to: sponsors.0 is the primary, later ones co-sponsors. */
function createFieldOf(path: string): CreateField | undefined {
  const [head, index] = path.split('.');
  if (head === 'sponsors') return index === undefined || index === '0' ? 'sponsor' : 'cosponsors';
  if (head === 'documents') return 'links';
  return (CREATE_FIELDS as readonly string[]).includes(head as string) ? (head as CreateField) : undefined;
}

/** The links box, one `label | url` a line; a line without an http(s) link gives the message to show instead. */
function readLinks(): { label: string; url: string }[] | string {
  const lines = byId<HTMLTextAreaElement>('bc-links')
    .value.split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const links: { label: string; url: string }[] = [];
  for (const line of lines) {
    const bar = line.lastIndexOf('|');
    const url = (bar === -1 ? line : line.slice(bar + 1)).trim();
    const label = bar === -1 ? url : line.slice(0, bar).trim();
    const problem = httpUrlProblem(url);
    if (problem) return t('staff.bills.create.link_problem', { line, problem });
    links.push({ label: label || url, url });
  }
  return links;
}

function createNotice(kind: 'error' | 'none', text = ''): void {
  show(byId('bill-create-notice'), kind === 'none' ? '' : el('p', { class: 'notice error' }, text));
}

function billBody(links: { label: string; url: string }[]) {
  const v = (id: string) => byId<HTMLInputElement | HTMLTextAreaElement>(`bc-${id}`).value.trim();
  const cosponsors = v('cosponsors')
    .split('\n')
    .map((n) => n.trim())
    .filter(Boolean);
  return {
    number: v('number'),
    session: v('session'),
    title: v('title'),
    summary: v('summary'),
    chamber: v('chamber'),
    sponsors: [{ name: v('sponsor'), role: 'primary' }, ...cosponsors.map((name) => ({ name, role: 'cosponsor' }))],
    committee: v('committee') || undefined,
    documents: links.length ? links : undefined,
  };
}

/** Puts each field error beside its field (a 409 names the number), the rest in the notice; focuses the first. */
function showCreateErrors(err: unknown): void {
  const e = err instanceof ApiError ? err : new ApiError(0, t('staff.bills.create.failed'));
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
  createNotice('error', t('staff.bills.create.not_filed', { detail: [e.detail, ...leftover].join(' ') }));
  if (first) byId(`bc-${first}`).focus();
}

/** Sends the new bill; on success, closes the form and opens the bill. */
async function submitCreate(opened: (id: string) => Promise<void>): Promise<void> {
  for (const f of CREATE_FIELDS) fieldError(`bc-${f}`);
  createNotice('none');
  const links = readLinks();
  if (typeof links === 'string') {
    fieldError('bc-links', links);
    byId('bc-links').focus();
    return;
  }
  try {
    const { body: bill } = await staffFetch<StaffBill>('/staff/bills', { method: 'POST', json: billBody(links) });
    byId<HTMLFormElement>('bill-create-form').reset();
    showForm(false);
    await opened(bill.id);
  } catch (err) {
    showCreateErrors(err);
  }
}

function showForm(on: boolean): void {
  byId('bill-create').hidden = !on;
  byId('bill-new').setAttribute('aria-expanded', String(on));
}

/** "New bill" opens and closes the form; `opened` shows a bill once it is filed. */
export function bindBillCreate(opened: (id: string) => Promise<void>): void {
  byId('bill-new').addEventListener('click', () => {
    showForm(byId('bill-create').hidden);
    if (!byId('bill-create').hidden) byId('bc-number').focus();
  });
  byId('bc-cancel').addEventListener('click', () => {
    showForm(false);
    byId('bill-new').focus();
  });
  byId('bill-create-form').addEventListener('submit', (e) => {
    e.preventDefault();
    void busy(byId<HTMLButtonElement>('bc-submit'), () => submitCreate(opened));
  });
}
