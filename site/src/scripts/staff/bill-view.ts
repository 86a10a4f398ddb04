import type { PublicVote, StaffBill } from '../../../../shared/api-types.js';
import { documentLink } from '../bill-links.js';
import { voteSummary } from '../bill-stages.js';
import { el, statusBadge } from '../dom.js';
import { formatDate } from '../format.js';

/** The open bill's facts and votes, read-only: the forms that act on it live in the page beside it. */
export function billDetails(bill: StaffBill): HTMLElement[] {
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
    facts(bill),
    bill.documents?.length ? el('ul', { class: 'links' }, ...bill.documents.map(documentLink)) : null,
    el('h3', {}, 'Votes'),
    votesTable(bill.votes ?? []),
  ].filter((n): n is HTMLElement => !!n);
}

function facts(bill: StaffBill): HTMLElement {
  const fact = (term: string, value: string | Node | undefined) => (value ? [el('dt', {}, term), el('dd', {}, value)] : []);
  const primary = bill.sponsors.filter((s) => s.role === 'primary').map((s) => s.name);
  const co = bill.sponsors.filter((s) => s.role !== 'primary').map((s) => s.name);
  return el(
    'dl',
    { class: 'facts' },
    ...fact('Session', bill.session),
    ...fact('Chamber of origin', bill.chamber),
    ...fact('Now before', bill.currentChamber),
    ...fact('Primary sponsor', primary.join(', ')),
    ...fact('Co-sponsors', co.join(', ')),
    ...fact('Committee', bill.committee),
    ...fact('Reference', bill.reference),
    ...fact('Version', String(bill.version)),
    ...fact('Public page', el('a', { href: `/bills/bill/?id=${encodeURIComponent(bill.id)}` }, 'Bill page')),
  );
}

/** Votes oldest first; a roll call, when the API sends one, folds out under its result. */
function votesTable(votes: PublicVote[]): HTMLElement {
  if (votes.length === 0) return el('p', { class: 'muted' }, 'No votes yet.');
  return el(
    'div',
    { class: 'table-scroll' },
    el(
      'table',
      { id: 'bill-votes' },
      el('caption', { class: 'visually-hidden' }, 'Votes on this bill, oldest first'),
      el('thead', {}, el('tr', {}, ...['When', 'Chamber', 'Motion', 'Result'].map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, ...votes.map(voteRow)),
    ),
  );
}

function voteRow(v: PublicVote): HTMLElement {
  return el(
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
  );
}
