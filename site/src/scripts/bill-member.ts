import type { MemberPage } from '../../../shared/api-types.js';
import { type ApiError, apiFetch } from './api.js';
import { billHref, pager, percent, table } from './bill-people.js';
import { brand } from './config.js';
import { $, el, show, statusLine } from './dom.js';
import { formatDate } from './format.js';

const VOTE_LABELS: Record<string, string> = { yes: 'Yes', no: 'No', abstain: 'Not voting', absent: 'Absent' };

function render({ member, bills, votes, page, pages }: MemberPage): HTMLElement[] {
  document.title = `${member.name} · civicboard`;
  const a = member.attendance;
  const present = a.total - a.absent;
  const who = [member.role, member.party, member.district, member.chamber].filter(Boolean).join(' · ');
  return [
    el('h1', {}, el('span', { id: 'member-name' }, member.name)),
    who ? el('p', { class: 'muted' }, who) : null,
    el(
      'section',
      { 'aria-labelledby': 'attendance-h' },
      el('h2', { id: 'attendance-h' }, 'Attendance'),
      el(
        'p',
        { id: 'attendance' },
        a.total
          ? `Present for ${present} of ${a.total} roll calls (${percent(present, a.total)}): ${a.yes} yes, ${a.no} no, ${a.abstain} not voting, ${a.absent} absent.`
          : 'No roll calls recorded.',
      ),
    ),
    el(
      'section',
      { 'aria-labelledby': 'sponsored-h' },
      el('h2', { id: 'sponsored-h' }, `Bills sponsored (${member.sponsored})`),
      bills.length
        ? el(
            'ul',
            { id: 'sponsored' },
            ...bills.map((b) =>
              el(
                'li',
                {},
                el('a', { href: billHref(b.billId) }, `${b.number}: ${b.title}`),
                b.role === 'primary' ? ' (primary sponsor)' : ' (co-sponsor)',
              ),
            ),
          )
        : statusLine('empty', page ? 'No more bills.' : 'No bills sponsored.'),
    ),
    el(
      'section',
      { 'aria-labelledby': 'record-h' },
      el('h2', { id: 'record-h' }, 'Roll-call record, oldest first'),
      votes.length
        ? table(
            'roll-call-record',
            `How ${member.name} voted on each roll call`,
            ['Date', 'Bill', 'Chamber', 'Motion', 'Vote'],
            votes.map((v) => [
              formatDate(v.at),
              el('a', { href: billHref(v.billId) }, v.number),
              v.chamber ?? '—',
              v.motion,
              VOTE_LABELS[v.vote] ?? v.vote,
            ]),
          )
        : statusLine('empty', 'No roll calls on this page.'),
      pager(page, pages, 'Roll-call record pages') ?? '',
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
      el('h1', {}, 'Member'),
      el('p', {}, 'No member was named. '),
      el('p', {}, el('a', { href: '/bills/' }, 'See all bills')),
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
      el('h1', {}, 'Member'),
      statusLine('error', status === 404 ? `There is no member "${id}".` : (err as Error).message),
      el('p', {}, el('a', { href: '/bills/' }, 'See all bills')),
    );
  }
}

main().catch((err: Error) => show($('#member'), statusLine('error', err.message)));
