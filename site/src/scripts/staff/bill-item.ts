import { ApiError } from '../api.js';
import { voteSummary } from '../bill-stages.js';
import type { BillState, BillVote, PublicBill } from '../bill-types.js';
import { $, el, show, statusBadge, statusLine } from '../dom.js';
import { formatDate } from '../format.js';
import { fieldError } from './bill-list.js';
import { historyList } from './history.js';
import { staffFetch } from './session.js';
import type { StaffEvent, StaffItem, StaffTransition } from './types.js';

/**
 * The open bill: its stage, votes and history, and the forms that act on it (move a stage, record a
 * vote, the office watchlist). The forms live in the page, not in the re-rendered view, so a refresh
 * (after a save, or a stale-version refusal) keeps whatever was typed; they start over only when
 * another bill is opened. Every write to the bill sends `If-Match: "<version>"`.
 */
export interface StaffBill extends Omit<PublicBill, 'history'> {
  transitions: StaffTransition[];
  history?: StaffEvent[];
  watch?: { office: string; note: string; updatedAt: string };
}

const input = <T extends HTMLElement = HTMLInputElement>(id: string) => $(`#${id}`) as unknown as T;
const select = (id: string) => input<HTMLSelectElement>(id);

let current: StaffBill | undefined;
let states: BillState[] = [];
let office: string | undefined;
let changed: () => void = () => undefined;

export const currentBill = () => current;

export function initBills(opts: { states: BillState[]; office?: string; changed: () => void }): void {
  states = opts.states;
  office = opts.office;
  changed = opts.changed;
}

/** A stage is where a vote is scheduled when the catalog says it is entered by scheduling. */
const schedules = (stage: string) =>
  !!(states.find((s) => s.id === stage) as (BillState & { classification?: string[] }) | undefined)?.classification?.includes('scheduling');

export function billNotice(kind: 'error' | 'success' | 'none', text = '', details: string[] = []): void {
  const box = input('bill-notice');
  if (kind === 'none') {
    show(box);
    return;
  }
  show(
    box,
    el(
      'div',
      { class: `notice ${kind}`, id: kind === 'error' ? 'bill-error' : 'bill-success' },
      el('p', {}, text),
      details.length ? el('ul', {}, ...details.map((d) => el('li', {}, d))) : null,
    ),
  );
}

function votesTable(votes: BillVote[]): HTMLElement {
  if (votes.length === 0) return el('p', { class: 'muted' }, 'No votes yet.');
  return el(
    'div',
    { class: 'table-scroll' },
    el(
      'table',
      { id: 'bill-votes' },
      el('caption', { class: 'visually-hidden' }, 'Votes on this bill, oldest first'),
      el('thead', {}, el('tr', {}, ...['When', 'Chamber', 'Motion', 'Result'].map((h) => el('th', { scope: 'col' }, h)))),
      el(
        'tbody',
        {},
        ...votes.map((v) =>
          el(
            'tr',
            {},
            el('td', {}, formatDate(v.at)),
            el('td', {}, v.chamber),
            el('td', {}, v.motion),
            el(
              'td',
              {},
              voteSummary(v),
              v.rollCall?.length
                ? el(
                    'details',
                    {},
                    el('summary', {}, `Roll call (${v.rollCall.length})`),
                    el('ul', {}, ...v.rollCall.map((r) => el('li', {}, `${r.member}: ${r.vote}`))),
                  )
                : null,
            ),
          ),
        ),
      ),
    ),
  );
}

function details(bill: StaffBill): HTMLElement[] {
  const fact = (term: string, value: string | Node | undefined) => (value ? [el('dt', {}, term), el('dd', {}, value)] : []);
  const primary = bill.sponsors.filter((s) => s.role === 'primary').map((s) => s.name);
  const co = bill.sponsors.filter((s) => s.role !== 'primary').map((s) => s.name);
  return [
    el('h2', { id: 'bill-h', tabindex: -1 }, `${bill.number}: ${bill.title}`),
    el(
      'p',
      { class: 'meta' },
      el('span', { id: 'bill-stage' }, statusBadge(bill.phase, bill.statusLabel)),
      bill.scheduledVote
        ? el('span', { id: 'bill-scheduled' }, `Vote scheduled ${formatDate(bill.scheduledVote.at)} (${bill.scheduledVote.chamber})`)
        : null,
    ),
    el('h3', {}, 'Summary'),
    el('p', { class: 'note', id: 'bill-summary' }, bill.summary),
    el(
      'dl',
      { class: 'facts' },
      ...fact('Session', bill.session),
      ...fact('Chamber of origin', bill.chamber),
      ...fact('Now in', bill.currentChamber),
      ...fact('Primary sponsor', primary.join(', ')),
      ...fact('Co-sponsors', co.join(', ')),
      ...fact('Committee', bill.committee),
      ...fact('Reference', bill.reference),
      ...fact('Version', String(bill.version)),
      ...fact('Public page', el('a', { href: `/bills/bill/?id=${encodeURIComponent(bill.id)}` }, 'Bill page')),
    ),
    bill.documents?.length
      ? el(
          'ul',
          { class: 'links' },
          ...bill.documents.map((d) => el('li', {}, el('a', { href: d.url, rel: 'noopener noreferrer' }, d.label))),
        )
      : null,
    el('h3', {}, 'Votes'),
    votesTable(bill.votes ?? []),
  ].filter((n): n is HTMLElement => !!n);
}

function options(target: HTMLSelectElement, list: { value: string; label: string }[]): void {
  const before = target.value;
  target.replaceChildren(...list.map((o) => el('option', { value: o.value }, o.label)));
  if (list.some((o) => o.value === before)) target.value = before;
}

function scheduleField(): void {
  input('bill-schedule-field').hidden = !schedules(select('bill-to').value);
}

function rollRow(member = '', vote = 'yes'): HTMLElement {
  const rows = input('roll-call-rows');
  const n = rows.children.length + 1;
  const id = `rc-${Date.now().toString(36)}-${n}`;
  const voteSelect = el(
    'select',
    { id: `${id}-vote`, class: 'rc-vote' },
    ...['yes', 'no', 'abstain', 'absent'].map((v) => el('option', { value: v }, v)),
  );
  voteSelect.value = vote;
  const row = el(
    'li',
    { class: 'rc-row' },
    el(
      'div',
      {},
      el('label', { for: `${id}-member` }, `Member ${n}`),
      el('input', { type: 'text', id: `${id}-member`, class: 'rc-member', value: member, 'aria-describedby': `${id}-member-error` }),
      el('p', { class: 'field-error', id: `${id}-member-error`, hidden: true }),
    ),
    el('div', {}, el('label', { for: `${id}-vote` }, `Vote of member ${n}`), voteSelect),
    el('div', {}, el('button', { type: 'button', class: 'secondary rc-remove' }, `Remove member ${n}`)),
  );
  rows.append(row);
  return row;
}

/** Fills the forms for the open bill; `fresh` (another bill) starts them over. */
function syncForms(bill: StaffBill, fresh: boolean): void {
  if (fresh) {
    for (const f of document.querySelectorAll<HTMLFormElement>('#bill-actions form')) f.reset();
    input('roll-call-rows').replaceChildren();
    for (const id of [
      'bill-vote-date',
      'vote-at',
      'vote-motion',
      'vote-yes',
      'vote-no',
      'vote-abstain',
      'vote-absent',
      'vote-chamber',
      'vote-result',
      'watch-note',
    ])
      fieldError(id);
    select('vote-chamber').value = bill.currentChamber ?? bill.chamber;
    input<HTMLTextAreaElement>('watch-note').value = bill.watch?.note ?? '';
  }
  const moves = bill.transitions.map((t) => ({ value: t.to, label: `${t.label} (to ${t.toLabel})` }));
  options(select('bill-to'), moves.length ? moves : [{ value: '', label: 'No moves from here' }]);
  input<HTMLButtonElement>('bill-move-submit').disabled = moves.length === 0;
  scheduleField();
  const watching = !!bill.watch;
  input('watch-status').textContent = !office
    ? 'You are in no office group, so you have no office watchlist.'
    : watching
      ? `Your office (${office}) tracks this bill.`
      : `Your office (${office}) does not track this bill.`;
  input<HTMLButtonElement>('watch-submit').textContent = watching ? 'Save note' : 'Track and save note';
  input('watch-remove').hidden = !watching;
  input<HTMLFieldSetElement>('watch-form').querySelector('fieldset')?.toggleAttribute('disabled', !office);
}

function render(bill: StaffBill, fresh: boolean): void {
  current = bill;
  show(input('bill-view'), ...details(bill));
  const labels = Object.fromEntries(states.map((s) => [s.id, s.label]));
  show(input('bill-history'), el('h3', {}, 'History'), historyList(bill as unknown as StaffItem, labels, 'Filed'));
  input('bill-actions').hidden = false;
  syncForms(bill, fresh);
}

/** Opens a bill by id, reference or number; 403/404 become a clear message in its place. */
export async function openBill(id: string, opts: { focus?: boolean } = {}): Promise<void> {
  const fresh = current?.id !== id && current?.reference !== id;
  if (fresh) {
    billNotice('none');
    input('bill-actions').hidden = true;
    show(input('bill-history'));
    show(input('bill-view'), statusLine('loading', 'Loading the bill…'));
  }
  try {
    const { body } = await staffFetch<StaffBill>(`/staff/bills/${encodeURIComponent(id)}`, { cache: 'no-store' });
    render(body, fresh || current?.id !== body.id);
    if (opts.focus) input('bill-h').focus();
  } catch (err) {
    current = undefined;
    input('bill-actions').hidden = true;
    show(input('bill-history'));
    const e = err instanceof ApiError ? err : new ApiError(0, 'The bill could not be loaded.');
    const lead =
      e.status === 403
        ? 'You are not allowed to open this bill.'
        : e.status === 404
          ? 'There is no such bill.'
          : 'The bill could not be loaded.';
    show(
      input('bill-view'),
      el('div', { class: 'notice error', role: 'alert', id: 'bill-refused' }, el('p', {}, el('strong', {}, lead)), el('p', {}, e.detail)),
    );
  }
}

export function closeBill(): void {
  current = undefined;
  billNotice('none');
  input('bill-actions').hidden = true;
  show(input('bill-history'));
  show(input('bill-view'), el('p', { class: 'muted' }, 'Choose a bill from the list to see it here.'));
}

const STALE =
  'Someone else changed this bill after you opened it, so your change was not saved. The bill below is now the current version; what you typed is still in the form. Check it and send again.';

/** Sends one change of the open bill with If-Match; field errors go to `onFields`. True when saved. */
async function writeBill(
  path: string,
  json: unknown,
  saved: string,
  onFields: (errors: { path: string; message: string }[]) => string[],
): Promise<boolean> {
  const bill = current;
  if (!bill) return false;
  try {
    await staffFetch(`/staff/bills/${encodeURIComponent(bill.id)}${path}`, {
      method: 'POST',
      json,
      headers: { 'if-match': `"${bill.version}"` },
    });
  } catch (err) {
    const e = err instanceof ApiError ? err : new ApiError(0, 'The change could not be saved.');
    if (e.status === 412 || e.status === 409) {
      billNotice(
        'error',
        e.status === 412 ? STALE : `${e.detail} The bill below is the current version; what you typed is still in the form.`,
      );
      await openBill(bill.id);
      changed();
    } else {
      const rest = onFields(e.errors);
      billNotice('error', `Not saved: ${e.detail}`, rest);
    }
    return false;
  }
  billNotice('success', saved);
  await openBill(bill.id);
  changed();
  return true;
}

/** A datetime-local value as an ISO time (the browser's time zone), or undefined when empty or invalid. */
function isoOf(id: string): string | undefined {
  const value = input(id).value;
  if (!value) return undefined;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

function count(id: string): number {
  const n = input(id).valueAsNumber;
  return Number.isFinite(n) ? n : Number.NaN;
}

function guard(form: HTMLFormElement, work: () => Promise<unknown>): Promise<void> {
  const buttons = [...form.querySelectorAll('button')];
  for (const b of buttons) b.disabled = true;
  return work()
    .then(() => undefined)
    .finally(() => {
      for (const b of buttons) b.disabled = false;
      if (current && form.id === 'bill-transition-form')
        input<HTMLButtonElement>('bill-move-submit').disabled = current.transitions.length === 0;
    });
}

async function move(): Promise<void> {
  const to = select('bill-to').value;
  fieldError('bill-vote-date');
  const body: Record<string, unknown> = { to, note: input<HTMLTextAreaElement>('bill-move-note').value.trim() || undefined };
  if (schedules(to)) {
    const at = isoOf('bill-vote-date');
    if (!at) {
      fieldError('bill-vote-date', 'Choose the date and time of the vote.');
      input('bill-vote-date').focus();
      return;
    }
    body.scheduledVote = { at };
  }
  const label = select('bill-to').selectedOptions[0]?.textContent ?? to;
  const ok = await writeBill('/transitions', body, `Done: ${label}.`, (errors) =>
    errors.flatMap((e) => {
      if (e.path.startsWith('scheduledVote')) {
        fieldError('bill-vote-date', e.message);
        return [];
      }
      return [`${e.path}: ${e.message}`];
    }),
  );
  if (ok) {
    input<HTMLTextAreaElement>('bill-move-note').value = '';
    input('bill-vote-date').value = '';
  }
}

const VOTE_FIELDS = ['at', 'chamber', 'motion', 'yes', 'no', 'abstain', 'absent', 'result'] as const;

async function vote(): Promise<void> {
  for (const f of VOTE_FIELDS) fieldError(`vote-${f}`);
  const rows = [...input('roll-call-rows').querySelectorAll<HTMLElement>('.rc-row')];
  for (const r of rows) fieldError((r.querySelector('.rc-member') as HTMLInputElement).id);
  const rollCall = rows
    .map((r) => ({
      member: (r.querySelector('.rc-member') as HTMLInputElement).value.trim(),
      vote: (r.querySelector('.rc-vote') as HTMLSelectElement).value,
    }))
    .filter((r) => r.member);
  const local: [string, string][] = [];
  const at = isoOf('vote-at');
  if (!at) local.push(['vote-at', 'Choose when the vote was taken.']);
  for (const f of ['yes', 'no', 'abstain', 'absent'] as const)
    if (!Number.isInteger(count(`vote-${f}`)) || count(`vote-${f}`) < 0) local.push([`vote-${f}`, 'Enter a whole number, 0 or more.']);
  if (local.length) {
    for (const [id, msg] of local) fieldError(id, msg);
    input(local[0]?.[0] as string).focus();
    return;
  }
  const body = {
    at,
    chamber: select('vote-chamber').value,
    motion: input('vote-motion').value.trim(),
    yes: count('vote-yes'),
    no: count('vote-no'),
    abstain: count('vote-abstain'),
    absent: count('vote-absent'),
    result: select('vote-result').value,
    rollCall: rollCall.length ? rollCall : undefined,
  };
  let first: string | undefined;
  const ok = await writeBill('/votes', body, 'Vote recorded.', (errors) =>
    errors.flatMap((e) => {
      const [head, index] = e.path.split('.');
      let id: string | undefined;
      if ((VOTE_FIELDS as readonly string[]).includes(head as string)) id = `vote-${head}`;
      else if (head === 'rollCall' && index !== undefined)
        id = (
          rows
            .filter((r) => (r.querySelector('.rc-member') as HTMLInputElement).value.trim())
            [Number(index)]?.querySelector('.rc-member') as HTMLElement | null
        )?.id;
      if (!id) return [`${e.path}: ${e.message}`];
      const name = head === 'rollCall' ? 'Member' : (input(id).labels?.[0]?.textContent ?? head);
      fieldError(id, `${name} ${e.message}`);
      first ??= id;
      return [];
    }),
  );
  if (first) input(first).focus();
  if (ok) {
    input<HTMLFormElement>('vote-form').reset();
    input('roll-call-rows').replaceChildren();
    if (current) select('vote-chamber').value = current.currentChamber ?? current.chamber;
  }
}

async function watch(remove: boolean): Promise<void> {
  const bill = current;
  if (!bill) return;
  fieldError('watch-note');
  try {
    if (remove) await staffFetch(`/staff/watchlist/${encodeURIComponent(bill.id)}`, { method: 'DELETE' });
    else
      await staffFetch(`/staff/watchlist/${encodeURIComponent(bill.id)}`, {
        method: 'PUT',
        json: { note: input<HTMLTextAreaElement>('watch-note').value },
      });
  } catch (err) {
    const e = err instanceof ApiError ? err : new ApiError(0, 'The watchlist could not be changed.');
    const note = e.errors.find((f) => f.path === 'note');
    if (note) fieldError('watch-note', `Note ${note.message}`);
    billNotice('error', `Not saved: ${e.detail}`);
    return;
  }
  if (remove) input<HTMLTextAreaElement>('watch-note').value = '';
  billNotice('success', remove ? 'Your office no longer tracks this bill.' : 'Saved to your office’s watchlist.');
  await openBill(bill.id);
}

let bound = false;

export function bindBillActions(): void {
  if (bound) return;
  bound = true;
  select('bill-to').addEventListener('change', scheduleField);
  const form = (id: string, work: () => Promise<unknown>) => {
    const f = input<HTMLFormElement>(id);
    f.addEventListener('submit', (e) => {
      e.preventDefault();
      void guard(f, work);
    });
  };
  form('bill-transition-form', move);
  form('vote-form', vote);
  form('watch-form', () => watch(false));
  input('watch-remove').addEventListener('click', () => void guard(input<HTMLFormElement>('watch-form'), () => watch(true)));
  input('roll-call-add').addEventListener('click', () => {
    const row = rollRow();
    (row.querySelector('.rc-member') as HTMLInputElement).focus();
  });
  input('roll-call-rows').addEventListener('click', (e) => {
    const button = (e.target as HTMLElement).closest('.rc-remove');
    if (!button) return;
    button.closest('li')?.remove();
    input('roll-call-add').focus();
  });
}
