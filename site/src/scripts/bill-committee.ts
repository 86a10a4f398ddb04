import type { CommitteePage } from '../../../shared/api-types.js';
import { type ApiError, apiFetch } from './api.js';
import { billHref, pager, table } from './bill-people.js';
import { brand } from './config.js';
import { $, el, show, statusLine } from './dom.js';
import { href, i18n, t } from './i18n.js';

function render({ committee, bills, hearings, page, pages }: CommitteePage): HTMLElement[] {
  document.title = t('layout.title', { title: committee.name });
  return [
    el('h1', { translate: 'no' }, el('span', { id: 'committee-name' }, committee.name)),
    el(
      'section',
      { 'aria-labelledby': 'referred-h' },
      el('h2', { id: 'referred-h' }, t('committee.referred.heading', { n: committee.bills })),
      bills.length
        ? table(
            'committee-bills',
            t('committee.referred.caption', { committee: committee.name }),
            [t('committee.referred.column.bill'), t('committee.referred.column.referred'), t('committee.referred.column.now')],
            bills.map((b) => [
              el('a', { href: billHref(b.billId), translate: 'no' }, `${b.number}: ${b.title}`),
              b.referredAt ? i18n.date(b.referredAt) : '—',
              t(b.pending ? 'committee.referred.pending' : 'committee.referred.moved'),
            ]),
          )
        : statusLine('empty', t('committee.referred.none')),
    ),
    el(
      'section',
      { 'aria-labelledby': 'hearings-h' },
      el('h2', { id: 'hearings-h' }, t('committee.hearings.heading', { n: committee.hearings })),
      hearings.length
        ? table(
            'committee-hearings',
            t('committee.hearings.caption', { committee: committee.name }),
            [t('committee.hearings.column.date'), t('committee.hearings.column.bill'), t('committee.hearings.column.action')],
            // The action is the legislature's wording, as recorded.
            hearings.map((h) => [
              i18n.date(h.at),
              el('a', { href: billHref(h.billId), translate: 'no' }, h.number),
              el('span', { translate: 'no' }, h.action),
            ]),
          )
        : statusLine('empty', t('committee.hearings.none')),
      pager(page, pages, t('committee.pages')) ?? '',
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
      el('h1', {}, t('committee.title')),
      el('p', {}, t('committee.unnamed')),
      el('p', {}, el('a', { href: href('/bills/') }, t('bills.see_all'))),
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
      el('h1', {}, t('committee.title')),
      statusLine('error', status === 404 ? t('committee.not_found', { name }) : (err as Error).message),
      el('p', {}, el('a', { href: href('/bills/') }, t('bills.see_all'))),
    );
  }
}

main().catch((err: Error) => show($('#committee'), statusLine('error', err.message)));
