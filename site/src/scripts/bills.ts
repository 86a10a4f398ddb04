import type { BillState, ListPage, PublicBill, ServiceView } from '../../../shared/api-types.js';
import { type ApiError, apiFetch } from './api.js';
import { progressOf, stageLabel, voteSummary } from './bill-stages.js';
import { brand } from './config.js';
import { $, el, show, statusBadge, statusLine } from './dom.js';
import { href, i18n, t } from './i18n.js';

let states: BillState[] = [];

export const billHref = (bill: Pick<PublicBill, 'id'>) => href(`/bills/bill/?id=${encodeURIComponent(bill.id)}`);

function agendaTable(bills: PublicBill[]): HTMLElement {
  if (bills.length === 0) return statusLine('empty', t('bills.agenda.none'));
  return el(
    'table',
    { id: 'agenda-table' },
    el('caption', { class: 'visually-hidden' }, t('bills.agenda.caption')),
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        el('th', { scope: 'col' }, t('bills.agenda.column.date')),
        el('th', { scope: 'col' }, t('bills.agenda.column.bill')),
        el('th', { scope: 'col' }, t('bills.agenda.column.chamber')),
        el('th', { scope: 'col' }, t('bills.agenda.column.stage')),
      ),
    ),
    el(
      'tbody',
      {},
      ...bills.map((b) =>
        el(
          'tr',
          {},
          el('td', {}, b.scheduledVote ? i18n.date(b.scheduledVote.at) : ''),
          // Numbers, titles and chambers are the legislature's own words.
          el('td', {}, el('a', { href: billHref(b), translate: 'no' }, `${b.number}: ${b.title}`)),
          el('td', { translate: 'no' }, b.scheduledVote?.chamber ?? b.currentChamber),
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
    el('a', { class: 'title', href: billHref(b), translate: 'no' }, `${b.number}: ${b.title}`),
    ' ',
    statusBadge(b.phase, state ? stageLabel(state, b) : b.statusLabel),
    el(
      'div',
      { class: 'bill-progress' },
      el('progress', { max: of, value: step, 'aria-label': t('bills.progress.label', { bill: b.number, step, of }) }),
      ' ',
      el('span', { class: 'muted' }, t('bills.progress', { step, of })),
    ),
    el(
      'div',
      { class: 'muted' },
      [
        t('bills.row.session', { session: b.session }),
        primary.length ? t('bills.row.sponsors', { n: primary.length, names: i18n.list(primary) }) : '',
        last ? t('bills.row.last_vote', { vote: voteSummary(last) }) : '',
      ]
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
    if (!cursor)
      show(list, rows.length ? el('ul', { class: 'items', id: 'bills-ul' }, ...rows) : statusLine('empty', t('bills.list.none')));
    else $('#bills-ul').append(...rows);
    more.hidden = !body.nextCursor;
    more.dataset.cursor = body.nextCursor ?? '';
    const n = body.items.length;
    $('#bill-count').textContent = cursor ? '' : t(body.nextCursor ? 'bills.list.count.more' : 'bills.list.count', { n });
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
