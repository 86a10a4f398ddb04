import type { BillState, ListPage, PublicBill, PublicEvent, PublicVote, ServiceView } from '../../../shared/api-types.js';
import { type ApiError, apiFetch } from './api.js';
import { documentLink } from './bill-links.js';
import { committeeHref, memberHref } from './bill-people.js';
import { stageTrack, voteSummary } from './bill-stages.js';
import { brand } from './config.js';
import { $, el, show, statusBadge, statusLine } from './dom.js';
import { announceFeed, feedLink } from './feed-links.ts';
import { bindFollowForm } from './follow.js';
import { href, i18n, t } from './i18n.js';

function track(states: BillState[], bill: PublicBill): HTMLElement {
  return el(
    'ol',
    { class: 'stage-track', id: 'stage-track', 'aria-label': t('bill.stages.label') },
    ...stageTrack(states, bill).map((s) =>
      el(
        'li',
        { class: s.state, 'aria-current': s.state === 'current' ? 'step' : undefined },
        el('span', { class: 'visually-hidden' }, t(`bill.stage.${s.state}`)),
        ' ',
        s.label,
      ),
    ),
  );
}

function votesTable(votes: PublicVote[]): HTMLElement {
  if (votes.length === 0) return statusLine('empty', t('bill.votes.none'));
  const th = (text: string) => el('th', { scope: 'col' }, text);
  return el(
    'table',
    { id: 'votes-table' },
    el('caption', { class: 'visually-hidden' }, t('bill.votes.caption')),
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        ...['date', 'chamber', 'motion', 'yes', 'no', 'abstain', 'absent', 'outcome'].map((c) => th(t(`bill.votes.column.${c}`))),
      ),
    ),
    el(
      'tbody',
      {},
      ...votes.map((v, i) =>
        el(
          'tr',
          {},
          el('td', {}, i18n.date(v.at)),
          el('td', { translate: 'no' }, v.chamber),
          el(
            'td',
            {},
            // The motion is the legislature's text; the roll call's heading is ours.
            el('span', { translate: 'no' }, v.motion),
            v.rollCall?.length
              ? el(
                  'details',
                  {},
                  el(
                    'summary',
                    {},
                    t('bill.roll_call'),
                    el('span', { class: 'visually-hidden' }, ` ${t('bill.roll_call.of', { n: i + 1 })}`),
                  ),
                  el(
                    'ul',
                    { class: 'roll-call' },
                    ...v.rollCall.map((r) => el('li', {}, t('bill.roll_call.entry', { member: r.member, vote: voteWord(r.vote) }))),
                  ),
                )
              : null,
          ),
          el('td', { class: 'num' }, i18n.number(v.yes)),
          el('td', { class: 'num' }, i18n.number(v.no)),
          el('td', { class: 'num' }, i18n.number(v.abstain)),
          el('td', { class: 'num' }, i18n.number(v.absent)),
          el('td', {}, el('strong', {}, t(v.result === 'pass' ? 'bill.outcome.passed' : 'bill.outcome.failed'))),
        ),
      ),
    ),
  );
}

/** A roll-call vote (`yes`, `no`, `abstain`, `absent`) in words; another value as the legislature sent it. */
function voteWord(vote: string): string {
  return ['yes', 'no', 'abstain', 'absent'].includes(vote) ? t(`bill.vote.${vote}`) : vote;
}

function headline(e: PublicEvent): string {
  const stage = e.toLabel ?? e.to ?? '';
  if (e.type === 'created') return t('bill.event.created');
  if (e.type === 'transition') return t('bill.event.moved', { stage });
  if (e.type === 'vote') return e.to ? t('bill.event.vote_moved', { stage }) : t('bill.event.vote');
  if (e.type === 'action') return t('bill.event.action');
  return t('bill.event.update');
}

function history(events: PublicEvent[]): HTMLElement {
  return el(
    'ol',
    { class: 'timeline', id: 'history' },
    ...[...events]
      .reverse()
      .map((e) =>
        el(
          'li',
          {},
          el('strong', {}, headline(e)),
          el('div', { class: 'muted' }, i18n.date(e.at)),
          e.note ? el('p', { translate: 'no' }, e.note) : null,
        ),
      ),
  );
}

function facts(bill: PublicBill): HTMLElement {
  // A sponsor with a member page (imported bills) links to it: their sponsored bills, votes and attendance.
  const sponsor = (s: PublicBill['sponsors'][number]) => {
    const text = `${s.name}${s.party ? ` (${s.party}${s.district ? `, ${s.district}` : ''})` : ''}`;
    return el('li', { translate: 'no' }, s.memberId ? el('a', { href: memberHref(s.memberId) }, text) : text);
  };
  const primary = bill.sponsors.filter((s) => s.role === 'primary');
  const co = bill.sponsors.filter((s) => s.role === 'cosponsor');
  return el(
    'dl',
    {},
    el('dt', {}, t('bill.facts.session')),
    el('dd', { translate: 'no' }, bill.session),
    el('dt', {}, t('bill.facts.chamber')),
    el('dd', { translate: 'no' }, bill.chamber),
    el('dt', {}, t('bill.facts.now_before')),
    el('dd', { translate: 'no' }, bill.phase === 'done' ? '—' : bill.currentChamber),
    bill.committee ? el('dt', {}, t('bill.facts.committee')) : null,
    bill.committee
      ? el('dd', { translate: 'no' }, el('a', { href: committeeHref(bill.committee), id: 'committee-link' }, bill.committee))
      : null,
    el('dt', {}, t('bill.facts.sponsors', { n: primary.length })),
    el('dd', {}, primary.length ? el('ul', { class: 'inline-list', id: 'sponsors' }, ...primary.map(sponsor)) : '—'),
    co.length ? el('dt', {}, t('bill.facts.cosponsors')) : null,
    co.length ? el('dd', {}, el('ul', { class: 'inline-list', id: 'cosponsors' }, ...co.map(sponsor))) : null,
    el('dt', {}, t('bill.facts.reference')),
    el('dd', { translate: 'no' }, bill.reference),
    ...(bill.documents?.length
      ? [el('dt', {}, t('bill.facts.documents')), el('dd', { translate: 'no' }, el('ul', {}, ...bill.documents.map(documentLink)))]
      : []),
  );
}

function render(states: BillState[], bill: PublicBill): HTMLElement[] {
  document.title = t('layout.title', { title: `${bill.number}: ${bill.title}` });
  const last = bill.votes.at(-1);
  return [
    el('h1', { translate: 'no' }, `${bill.number}: `, el('span', { id: 'bill-title' }, bill.title)),
    el(
      'p',
      {},
      statusBadge(bill.phase, bill.statusLabel),
      bill.scheduledVote
        ? el(
            'strong',
            { id: 'scheduled-vote' },
            ` ${t('bill.scheduled', { chamber: bill.scheduledVote.chamber, date: i18n.date(bill.scheduledVote.at) })}`,
          )
        : null,
      last ? el('span', { class: 'muted' }, ` · ${t('bills.row.last_vote', { vote: voteSummary(last) })}`) : null,
    ),
    el('section', { 'aria-labelledby': 'stages-h' }, el('h2', { id: 'stages-h' }, t('bill.stages.heading')), track(states, bill)),
    el(
      'div',
      { class: 'grid two' },
      el(
        'section',
        { 'aria-labelledby': 'summary-h' },
        el('h2', { id: 'summary-h' }, t('bill.summary.heading')),
        el('p', { id: 'summary', translate: 'no' }, bill.summary),
      ),
      el('section', { 'aria-labelledby': 'facts-h' }, el('h2', { id: 'facts-h' }, t('bill.facts.heading')), facts(bill)),
    ),
    el('section', { 'aria-labelledby': 'votes-h' }, el('h2', { id: 'votes-h' }, t('bill.votes.heading')), votesTable(bill.votes)),
    el(
      'section',
      { 'aria-labelledby': 'history-h' },
      el('h2', { id: 'history-h' }, t('bill.history.heading')),
      history(bill.history ?? []),
    ),
  ];
}

async function main() {
  void brand();
  const id = new URLSearchParams(location.search).get('id')?.trim();
  const container = $('#bill');
  if (!id) {
    show(
      container,
      el('h1', {}, t('bill.title')),
      el('p', {}, t('bill.unnamed')),
      el('p', {}, el('a', { href: href('/bills/') }, t('bills.see_all'))),
    );
    return;
  }
  try {
    const [{ body: services }, { body: bill }] = await Promise.all([
      apiFetch<ListPage<ServiceView>>('/services'),
      apiFetch<PublicBill>(`/bills/${encodeURIComponent(id)}`),
    ]);
    const states = services.items.find((s) => s.kind === 'bill')?.workflow.states ?? [];
    const calendar = `/api/bills/${encodeURIComponent(bill.id)}/calendar.ics`;
    announceFeed(calendar, t('bill.calendar.title', { bill: bill.number }), 'text/calendar');
    show(container, ...render(states, bill), feedLink(calendar, t('bill.calendar.link', { bill: bill.number })));
    bindFollowForm(`/bills/${encodeURIComponent(bill.id)}`);
  } catch (err) {
    const status = (err as ApiError).status;
    show(
      container,
      el('h1', {}, t('bill.title')),
      statusLine('error', status === 404 ? t('bill.not_found', { id }) : (err as Error).message),
      el('p', {}, el('a', { href: href('/bills/') }, t('bills.see_all'))),
    );
  }
}

main().catch((err: Error) => show($('#bill'), statusLine('error', err.message)));
