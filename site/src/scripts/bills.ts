import type { BillState, ListPage, PublicBill, ServiceView } from '../../../shared/api-types.js';
import { type ApiError, apiFetch } from './api.js';
import { progressOf, stageLabel, voteSummary } from './bill-stages.js';
import { brand } from './config.js';
import { $, el, show, statusBadge, statusLine } from './dom.js';
import { formatDate } from './format.js';

let states: BillState[] = [];

export const billHref = (bill: Pick<PublicBill, 'id'>) => `/bills/bill/?id=${encodeURIComponent(bill.id)}`;

function agendaTable(bills: PublicBill[]): HTMLElement {
  if (bills.length === 0) return statusLine('empty', 'No vote is scheduled.');
  return el(
    'table',
    { id: 'agenda-table' },
    el('caption', { class: 'visually-hidden' }, 'Bills with a scheduled vote, soonest first'),
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        el('th', { scope: 'col' }, 'Vote on'),
        el('th', { scope: 'col' }, 'Bill'),
        el('th', { scope: 'col' }, 'Chamber'),
        el('th', { scope: 'col' }, 'Stage'),
      ),
    ),
    el(
      'tbody',
      {},
      ...bills.map((b) =>
        el(
          'tr',
          {},
          el('td', {}, b.scheduledVote ? formatDate(b.scheduledVote.at) : ''),
          el('td', {}, el('a', { href: billHref(b) }, `${b.number}: ${b.title}`)),
          el('td', {}, b.scheduledVote?.chamber ?? b.currentChamber),
          el('td', {}, b.statusLabel),
        ),
      ),
    ),
  );
}

function billRow(b: PublicBill): HTMLElement {
  const { step, of } = progressOf(states, b.status);
  const state = states.find((s) => s.id === b.status);
  const primary = b.sponsors.filter((s) => s.role === 'primary').map((s) => s.name);
  const last = b.votes.at(-1);
  return el(
    'li',
    {},
    el('a', { class: 'title', href: billHref(b) }, `${b.number}: ${b.title}`),
    ' ',
    statusBadge(b.phase, state ? stageLabel(state, b) : b.statusLabel),
    el(
      'div',
      { class: 'bill-progress' },
      el('progress', { max: of, value: step, 'aria-label': `${b.number} progress: stage ${step} of ${of}` }),
      el('span', { class: 'muted' }, ` Stage ${step} of ${of}`),
    ),
    el(
      'div',
      { class: 'muted' },
      [`Session ${b.session}`, primary.length ? `Sponsor: ${primary.join(', ')}` : '', last ? `Last vote: ${voteSummary(last)}` : '']
        .filter(Boolean)
        .join(' · '),
    ),
  );
}

function query(form: HTMLFormElement): string {
  const params = new URLSearchParams();
  for (const [k, v] of new FormData(form)) if (typeof v === 'string' && v.trim()) params.set(k, v.trim());
  params.set('limit', '25');
  return params.toString();
}

async function loadList(form: HTMLFormElement, cursor?: string) {
  const list = $('#bill-list');
  const more = $('#more') as HTMLButtonElement;
  list.setAttribute('aria-busy', 'true');
  try {
    const { body } = await apiFetch<ListPage<PublicBill>>(`/bills?${query(form)}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    const rows = body.items.map(billRow);
    if (!cursor) show(list, rows.length ? el('ul', { class: 'items', id: 'bills-ul' }, ...rows) : statusLine('empty', 'No bills match.'));
    else $('#bills-ul').append(...rows);
    more.hidden = !body.nextCursor;
    more.dataset.cursor = body.nextCursor ?? '';
    const n = body.items.length;
    $('#bill-count').textContent = cursor ? '' : `${n}${body.nextCursor ? '+' : ''} bill${n === 1 && !body.nextCursor ? '' : 's'} shown`;
  } catch (err) {
    show(list, statusLine('error', (err as ApiError).errors?.[0]?.message ?? (err as Error).message));
  } finally {
    list.setAttribute('aria-busy', 'false');
  }
}

/** Midnight UTC today: the calendar shows today's votes and later ones, not stale past dates. */
const startOfToday = () => `${new Date().toISOString().slice(0, 10)}T00:00:00Z`;

async function main() {
  void brand();
  const { body } = await apiFetch<ListPage<ServiceView>>('/services');
  states = body.items.find((s) => s.kind === 'bill')?.workflow.states ?? [];
  const status = $('#status') as HTMLSelectElement;
  for (const s of states) status.append(el('option', { value: s.id }, s.label));
  const form = $('#bill-filters') as HTMLFormElement;
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void loadList(form);
  });
  $('#more').addEventListener('click', () => void loadList(form, ($('#more') as HTMLButtonElement).dataset.cursor));
  const agenda = $('#agenda');
  const [{ body: up }] = await Promise.all([
    apiFetch<ListPage<PublicBill>>(`/bills?upForVote=true&limit=50&voteFrom=${encodeURIComponent(startOfToday())}`),
    loadList(form),
  ]);
  show(agenda, agendaTable(up.items));
  agenda.setAttribute('aria-busy', 'false');
}

main().catch((err: Error) => show($('#agenda'), statusLine('error', err.message)));
