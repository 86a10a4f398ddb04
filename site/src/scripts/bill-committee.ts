import type { CommitteePage } from '../../../shared/api-types.js';
import { type ApiError, apiFetch } from './api.js';
import { billHref, pager, table } from './bill-people.js';
import { brand } from './config.js';
import { $, el, show, statusLine } from './dom.js';
import { formatDate } from './format.js';

function render({ committee, bills, hearings, page, pages }: CommitteePage): HTMLElement[] {
  document.title = `${committee.name} · civicboard`;
  return [
    el('h1', {}, el('span', { id: 'committee-name' }, committee.name)),
    el(
      'section',
      { 'aria-labelledby': 'referred-h' },
      el('h2', { id: 'referred-h' }, `Bills referred (${committee.bills})`),
      bills.length
        ? table(
            'committee-bills',
            `Bills referred to ${committee.name}`,
            ['Bill', 'Referred', 'Now'],
            bills.map((b) => [
              el('a', { href: billHref(b.billId) }, `${b.number}: ${b.title}`),
              b.referredAt ? formatDate(b.referredAt) : '—',
              b.pending ? 'In this committee' : 'Moved on',
            ]),
          )
        : statusLine('empty', 'No bills on this page.'),
    ),
    el(
      'section',
      { 'aria-labelledby': 'hearings-h' },
      el('h2', { id: 'hearings-h' }, `Hearings and reports (${committee.hearings}), oldest first`),
      hearings.length
        ? table(
            'committee-hearings',
            `Hearings and reports of ${committee.name}`,
            ['Date', 'Bill', 'Action'],
            hearings.map((h) => [formatDate(h.at), el('a', { href: billHref(h.billId) }, h.number), h.action]),
          )
        : statusLine('empty', 'No hearings recorded.'),
      pager(page, pages, 'Committee pages') ?? '',
    ),
  ];
}

async function main() {
  void brand();
  const params = new URLSearchParams(location.search);
  const name = params.get('name')?.trim();
  const page = Number(params.get('page') ?? 0);
  const container = $('#committee');
  if (!name) {
    show(
      container,
      el('h1', {}, 'Committee'),
      el('p', {}, 'No committee was named. '),
      el('p', {}, el('a', { href: '/bills/' }, 'See all bills')),
    );
    return;
  }
  try {
    const { body } = await apiFetch<CommitteePage>(
      `/bills/committees/${encodeURIComponent(name)}?page=${Number.isInteger(page) && page >= 0 ? page : 0}`,
    );
    show(container, ...render(body));
  } catch (err) {
    const status = (err as ApiError).status;
    show(
      container,
      el('h1', {}, 'Committee'),
      statusLine('error', status === 404 ? `There is no committee "${name}".` : (err as Error).message),
      el('p', {}, el('a', { href: '/bills/' }, 'See all bills')),
    );
  }
}

main().catch((err: Error) => show($('#committee'), statusLine('error', err.message)));
