import type { BillState, ListPage, PublicBill, PublicEvent, PublicVote, ServiceView } from '../../../shared/api-types.js';
import { type ApiError, apiFetch } from './api.js';
import { documentLink } from './bill-links.js';
import { committeeHref, memberHref } from './bill-people.js';
import { stageTrack, voteSummary } from './bill-stages.js';
import { brand } from './config.js';
import { $, el, show, statusBadge, statusLine } from './dom.js';
import { announceFeed, feedLink } from './feed-links.ts';
import { bindFollowForm } from './follow.js';
import { formatDate } from './format.js';

function track(states: BillState[], bill: PublicBill): HTMLElement {
  return el(
    'ol',
    { class: 'stage-track', id: 'stage-track', 'aria-label': 'Stages of this bill' },
    ...stageTrack(states, bill).map((s) =>
      el(
        'li',
        { class: s.state, 'aria-current': s.state === 'current' ? 'step' : undefined },
        el('span', { class: 'visually-hidden' }, s.state === 'done' ? 'Done: ' : s.state === 'current' ? 'Now: ' : 'To come: '),
        s.label,
      ),
    ),
  );
}

function votesTable(votes: PublicVote[]): HTMLElement {
  if (votes.length === 0) return statusLine('empty', 'No votes yet.');
  const th = (text: string) => el('th', { scope: 'col' }, text);
  return el(
    'table',
    { id: 'votes-table' },
    el('caption', { class: 'visually-hidden' }, 'Every vote on this bill, oldest first'),
    el('thead', {}, el('tr', {}, th('Date'), th('Chamber'), th('Motion'), th('Yes'), th('No'), th('Abstain'), th('Absent'), th('Outcome'))),
    el(
      'tbody',
      {},
      ...votes.map((v, i) =>
        el(
          'tr',
          {},
          el('td', {}, formatDate(v.at)),
          el('td', {}, v.chamber),
          el(
            'td',
            {},
            v.motion,
            v.rollCall?.length
              ? el(
                  'details',
                  {},
                  el('summary', {}, `Roll call`, el('span', { class: 'visually-hidden' }, ` for vote ${i + 1}`)),
                  el('ul', { class: 'roll-call' }, ...v.rollCall.map((r) => el('li', {}, `${r.member}: ${r.vote}`))),
                )
              : null,
          ),
          el('td', { class: 'num' }, v.yes),
          el('td', { class: 'num' }, v.no),
          el('td', { class: 'num' }, v.abstain),
          el('td', { class: 'num' }, v.absent),
          el('td', {}, el('strong', {}, v.result === 'pass' ? 'Passed' : 'Failed')),
        ),
      ),
    ),
  );
}

function headline(e: PublicEvent): string {
  if (e.type === 'created') return 'Filed';
  if (e.type === 'transition') return `Moved to ${e.toLabel ?? e.to}`;
  if (e.type === 'vote') return e.to ? `Vote: moved to ${e.toLabel ?? e.to}` : 'Vote';
  if (e.type === 'action') return 'Action';
  return 'Update';
}

function history(events: PublicEvent[]): HTMLElement {
  return el(
    'ol',
    { class: 'timeline', id: 'history' },
    ...[...events]
      .reverse()
      .map((e) =>
        el('li', {}, el('strong', {}, headline(e)), el('div', { class: 'muted' }, formatDate(e.at)), e.note ? el('p', {}, e.note) : null),
      ),
  );
}

function facts(bill: PublicBill): HTMLElement {
  // A sponsor with a member page (imported bills) links to it: their sponsored bills, votes and attendance.
  const sponsor = (s: PublicBill['sponsors'][number]) => {
    const text = `${s.name}${s.party ? ` (${s.party}${s.district ? `, ${s.district}` : ''})` : ''}`;
    return el('li', {}, s.memberId ? el('a', { href: memberHref(s.memberId) }, text) : text);
  };
  const primary = bill.sponsors.filter((s) => s.role === 'primary');
  const co = bill.sponsors.filter((s) => s.role === 'cosponsor');
  return el(
    'dl',
    {},
    el('dt', {}, 'Session'),
    el('dd', {}, bill.session),
    el('dt', {}, 'Chamber of origin'),
    el('dd', {}, bill.chamber),
    el('dt', {}, 'Now before'),
    el('dd', {}, bill.phase === 'done' ? '—' : bill.currentChamber),
    bill.committee ? el('dt', {}, 'Committee') : null,
    bill.committee ? el('dd', {}, el('a', { href: committeeHref(bill.committee), id: 'committee-link' }, bill.committee)) : null,
    el('dt', {}, primary.length > 1 ? 'Sponsors' : 'Sponsor'),
    el('dd', {}, primary.length ? el('ul', { class: 'inline-list', id: 'sponsors' }, ...primary.map(sponsor)) : '—'),
    co.length ? el('dt', {}, 'Co-sponsors') : null,
    co.length ? el('dd', {}, el('ul', { class: 'inline-list', id: 'cosponsors' }, ...co.map(sponsor))) : null,
    el('dt', {}, 'Reference'),
    el('dd', {}, bill.reference),
    ...(bill.documents?.length ? [el('dt', {}, 'Documents'), el('dd', {}, el('ul', {}, ...bill.documents.map(documentLink)))] : []),
  );
}

function render(states: BillState[], bill: PublicBill): HTMLElement[] {
  document.title = `${bill.number}: ${bill.title} · civicboard`;
  const last = bill.votes.at(-1);
  return [
    el('h1', {}, `${bill.number}: `, el('span', { id: 'bill-title' }, bill.title)),
    el(
      'p',
      {},
      statusBadge(bill.phase, bill.statusLabel),
      bill.scheduledVote
        ? el(
            'strong',
            { id: 'scheduled-vote' },
            ` Vote scheduled in the ${bill.scheduledVote.chamber} on ${formatDate(bill.scheduledVote.at)}`,
          )
        : null,
      last ? el('span', { class: 'muted' }, ` · Last vote: ${voteSummary(last)}`) : null,
    ),
    el('section', { 'aria-labelledby': 'stages-h' }, el('h2', { id: 'stages-h' }, 'Stages'), track(states, bill)),
    el(
      'div',
      { class: 'grid two' },
      el('section', { 'aria-labelledby': 'summary-h' }, el('h2', { id: 'summary-h' }, 'Summary'), el('p', { id: 'summary' }, bill.summary)),
      el('section', { 'aria-labelledby': 'facts-h' }, el('h2', { id: 'facts-h' }, 'Details'), facts(bill)),
    ),
    el('section', { 'aria-labelledby': 'votes-h' }, el('h2', { id: 'votes-h' }, 'Votes'), votesTable(bill.votes)),
    el('section', { 'aria-labelledby': 'history-h' }, el('h2', { id: 'history-h' }, 'History, newest first'), history(bill.history ?? [])),
  ];
}

async function main() {
  void brand();
  const id = new URLSearchParams(location.search).get('id')?.trim();
  const container = $('#bill');
  if (!id) {
    show(container, el('h1', {}, 'Bill'), el('p', {}, 'No bill was named. '), el('p', {}, el('a', { href: '/bills/' }, 'See all bills')));
    return;
  }
  try {
    const [{ body: services }, { body: bill }] = await Promise.all([
      apiFetch<ListPage<ServiceView>>('/services'),
      apiFetch<PublicBill>(`/bills/${encodeURIComponent(id)}`),
    ]);
    const states = services.items.find((s) => s.kind === 'bill')?.workflow.states ?? [];
    const calendar = `/api/bills/${encodeURIComponent(bill.id)}/calendar.ics`;
    announceFeed(calendar, `${bill.number} votes (calendar)`, 'text/calendar');
    show(container, ...render(states, bill), feedLink(calendar, `Add ${bill.number}'s votes to your calendar (iCalendar)`));
    bindFollowForm(`/bills/${encodeURIComponent(bill.id)}`);
  } catch (err) {
    const status = (err as ApiError).status;
    show(
      container,
      el('h1', {}, 'Bill'),
      statusLine('error', status === 404 ? `There is no bill "${id}".` : (err as Error).message),
      el('p', {}, el('a', { href: '/bills/' }, 'See all bills')),
    );
  }
}

main().catch((err: Error) => show($('#bill'), statusLine('error', err.message)));
