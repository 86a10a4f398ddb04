import type { PublicVote, StaffBill } from '../../../../shared/api-types.js';
import { documentLink } from '../bill-links.js';
import { voteSummary } from '../bill-stages.js';
import { el, statusBadge } from '../dom.js';
import { href, i18n, t } from '../i18n.js';
import { chamberName, memberVote, stateName } from './words.js';

/** The open bill's facts and votes, read-only: the forms that act on it live in the page beside it. */
export function billDetails(bill: StaffBill): HTMLElement[] {
  return [
    el('h2', { id: 'bill-h', tabindex: -1, translate: 'no' }, `${bill.number}: ${bill.title}`),
    el(
      'p',
      { class: 'meta' },
      el('span', { id: 'bill-stage' }, statusBadge(bill.phase, stateName(bill.serviceCode, bill.status, bill.statusLabel))),
      bill.scheduledVote
        ? el(
            'span',
            { id: 'bill-scheduled' },
            t('staff.bill.scheduled', { date: i18n.date(bill.scheduledVote.at), chamber: chamberName(bill.scheduledVote.chamber) }),
          )
        : null,
    ),
    el('h3', {}, t('staff.bills.summary')),
    el('p', { class: 'note', id: 'bill-summary', translate: 'no' }, bill.summary),
    facts(bill),
    bill.documents?.length ? el('ul', { class: 'links' }, ...bill.documents.map(documentLink)) : null,
    el('h3', {}, t('staff.bill.votes')),
    votesTable(bill.votes ?? []),
  ].filter((n): n is HTMLElement => !!n);
}

function facts(bill: StaffBill): HTMLElement {
  const fact = (term: string, value: string | Node | undefined, own = false) =>
    value ? [el('dt', {}, t(term)), el('dd', { translate: own ? 'no' : undefined }, value)] : [];
  const primary = bill.sponsors.filter((s) => s.role === 'primary').map((s) => s.name);
  const co = bill.sponsors.filter((s) => s.role !== 'primary').map((s) => s.name);
  return el(
    'dl',
    { class: 'facts' },
    ...fact('staff.bills.session', bill.session),
    ...fact('staff.bills.chamber_origin', chamberName(bill.chamber)),
    ...fact('staff.bill.now_before', chamberName(bill.currentChamber)),
    ...fact('staff.bills.sponsor', primary.join(', '), true),
    ...fact('staff.bill.cosponsors', co.join(', '), true),
    ...fact('staff.bill.committee', bill.committee, true),
    ...fact('staff.bill.reference', bill.reference),
    ...fact('staff.item.version', String(bill.version)),
    ...fact('staff.item.public_page', el('a', { href: href(`/bills/bill/?id=${encodeURIComponent(bill.id)}`) }, t('staff.bill.page'))),
  );
}

/** Votes oldest first; a roll call, when the API sends one, folds out under its result. */
function votesTable(votes: PublicVote[]): HTMLElement {
  if (votes.length === 0) return el('p', { class: 'muted' }, t('staff.bill.no_votes'));
  return el(
    'div',
    { class: 'table-scroll' },
    el(
      'table',
      { id: 'bill-votes' },
      el('caption', { class: 'visually-hidden' }, t('staff.bill.votes_caption')),
      el(
        'thead',
        {},
        el('tr', {}, ...['when', 'chamber', 'motion', 'result'].map((h) => el('th', { scope: 'col' }, t(`staff.bill.votes.${h}`)))),
      ),
      el('tbody', {}, ...votes.map(voteRow)),
    ),
  );
}

function voteRow(v: PublicVote): HTMLElement {
  return el(
    'tr',
    {},
    el('td', {}, i18n.date(v.at)),
    el('td', {}, chamberName(v.chamber)),
    el('td', { translate: 'no' }, v.motion),
    el(
      'td',
      {},
      voteSummary(v),
      v.rollCall?.length
        ? el(
            'details',
            {},
            el('summary', {}, t('staff.bill.roll_call', { n: v.rollCall.length })),
            el('ul', {}, ...v.rollCall.map((r) => el('li', {}, el('span', { translate: 'no' }, r.member), `: ${memberVote(r.vote)}`))),
          )
        : null,
    ),
  );
}
