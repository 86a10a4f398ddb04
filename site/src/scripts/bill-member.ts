import type { MemberPage } from '../../../shared/api-types.js';
import { type ApiError, apiFetch } from './api.js';
import { billHref, pager, percent, table } from './bill-people.js';
import { brand } from './config.js';
import { $, el, show, statusLine } from './dom.js';
import { href, i18n, t } from './i18n.js';

/** A roll-call vote in words ("Not voting" for an abstention); another value as the legislature sent it. */
const voteWord = (vote: string) => (['yes', 'no', 'abstain', 'absent'].includes(vote) ? t(`member.vote.${vote}`) : vote);

function render({ member, bills, votes, page, pages }: MemberPage): HTMLElement[] {
  document.title = t('layout.title', { title: member.name });
  const a = member.attendance;
  const present = a.total - a.absent;
  const who = [member.role, member.party, member.district, member.chamber].filter(Boolean).join(' · ');
  return [
    el('h1', { translate: 'no' }, el('span', { id: 'member-name' }, member.name)),
    who ? el('p', { class: 'muted', translate: 'no' }, who) : null,
    el(
      'section',
      { 'aria-labelledby': 'attendance-h' },
      el('h2', { id: 'attendance-h' }, t('member.attendance.heading')),
      el(
        'p',
        { id: 'attendance' },
        a.total
          ? t('member.attendance', {
              present,
              total: a.total,
              share: percent(present, a.total),
              yes: a.yes,
              no: a.no,
              abstain: a.abstain,
              absent: a.absent,
            })
          : t('member.attendance.none'),
      ),
    ),
    el(
      'section',
      { 'aria-labelledby': 'sponsored-h' },
      el('h2', { id: 'sponsored-h' }, t('member.sponsored.heading', { n: member.sponsored })),
      bills.length
        ? el(
            'ul',
            { id: 'sponsored' },
            ...bills.map((b) =>
              el(
                'li',
                {},
                el('a', { href: billHref(b.billId), translate: 'no' }, `${b.number}: ${b.title}`),
                ` ${t(b.role === 'primary' ? 'member.sponsored.primary' : 'member.sponsored.cosponsor')}`,
              ),
            ),
          )
        : statusLine('empty', t(page ? 'member.sponsored.no_more' : 'member.sponsored.none')),
    ),
    el(
      'section',
      { 'aria-labelledby': 'record-h' },
      el('h2', { id: 'record-h' }, t('member.record.heading')),
      votes.length
        ? table(
            'roll-call-record',
            t('member.record.caption', { member: member.name }),
            ['date', 'bill', 'chamber', 'motion', 'vote'].map((c) => t(`member.record.column.${c}`)),
            votes.map((v) => [
              i18n.date(v.at),
              el('a', { href: billHref(v.billId), translate: 'no' }, v.number),
              el('span', { translate: 'no' }, v.chamber ?? '—'),
              el('span', { translate: 'no' }, v.motion),
              voteWord(v.vote),
            ]),
          )
        : statusLine('empty', t('member.record.none')),
      pager(page, pages, t('member.record.pages')) ?? '',
    ),
  ].filter((n): n is HTMLElement => n !== null);
}

async function main() {
  void brand();
  const params = new URLSearchParams(location.search);
  const id = params.get('id')?.trim();
  const page = Number(params.get('page') ?? 0);
  const container = $('#member');
  if (!id) {
    show(
      container,
      el('h1', {}, t('member.title')),
      el('p', {}, t('member.unnamed')),
      el('p', {}, el('a', { href: href('/bills/') }, t('bills.see_all'))),
    );
    return;
  }
  try {
    const { body } = await apiFetch<MemberPage>(
      `/bills/members/${encodeURIComponent(id)}?page=${Number.isInteger(page) && page >= 0 ? page : 0}`,
    );
    show(container, ...render(body));
  } catch (err) {
    const status = (err as ApiError).status;
    show(
      container,
      el('h1', {}, t('member.title')),
      statusLine('error', status === 404 ? t('member.not_found', { id }) : (err as Error).message),
      el('p', {}, el('a', { href: href('/bills/') }, t('bills.see_all'))),
    );
  }
}

main().catch((err: Error) => show($('#member'), statusLine('error', err.message)));
