import { MEMBER_VOTES } from '../../../../shared/bills/model.js';
import { el } from '../dom.js';
import { t } from '../i18n.js';
import { currentBill, writeBill } from './bill-item.js';
import { byId, fieldError } from './fields.js';
import { memberVote } from './words.js';

/** The vote form: counts, result and an optional roll call, checked here first, then by the API. */
const VOTE_FIELDS = ['at', 'chamber', 'motion', 'yes', 'no', 'abstain', 'absent', 'result'] as const;
const COUNTS = ['yes', 'no', 'abstain', 'absent'] as const;

/** A datetime-local value as an ISO time (the browser's time zone), or undefined when empty or invalid. */
export function isoOf(id: string): string | undefined {
  const value = byId(id).value;
  if (!value) return undefined;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

function count(id: string): number {
  const n = byId(id).valueAsNumber;
  return Number.isFinite(n) ? n : Number.NaN;
}

/** Adds a roll-call row (a member's name and vote, and a button to remove it). */
export function rollRow(member = '', vote = 'yes'): HTMLElement {
  const rows = byId('roll-call-rows');
  const n = rows.children.length + 1;
  const id = `rc-${Date.now().toString(36)}-${n}`;
  const voteSelect = el(
    'select',
    { id: `${id}-vote`, class: 'rc-vote' },
    ...MEMBER_VOTES.map((v) => el('option', { value: v }, memberVote(v))),
  );
  voteSelect.value = vote;
  const row = el(
    'li',
    { class: 'rc-row' },
    el(
      'div',
      {},
      el('label', { for: `${id}-member` }, t('staff.vote.roll.member', { n })),
      el('input', { type: 'text', id: `${id}-member`, class: 'rc-member', value: member, 'aria-describedby': `${id}-member-error` }),
      el('p', { class: 'field-error', id: `${id}-member-error`, hidden: true }),
    ),
    el('div', {}, el('label', { for: `${id}-vote` }, t('staff.vote.roll.vote', { n })), voteSelect),
    el('div', {}, el('button', { type: 'button', class: 'secondary rc-remove' }, t('staff.vote.roll.remove', { n }))),
  );
  rows.append(row);
  return row;
}

const memberOf = (row: HTMLElement) => row.querySelector('.rc-member') as HTMLInputElement;

/** The roll-call rows with a member named: the API's `rollCall.<n>` counts these only. */
function namedRows(): HTMLElement[] {
  return [...byId('roll-call-rows').querySelectorAll<HTMLElement>('.rc-row')].filter((r) => memberOf(r).value.trim());
}

/** What the browser can tell before sending: a time and whole counts. The first field with a problem, or undefined. */
function checkLocally(): string | undefined {
  const local: [string, string][] = [];
  if (!isoOf('vote-at')) local.push(['vote-at', t('staff.vote.at_needed')]);
  for (const f of COUNTS)
    if (!Number.isInteger(count(`vote-${f}`)) || count(`vote-${f}`) < 0) local.push([`vote-${f}`, t('staff.vote.count_needed')]);
  for (const [id, msg] of local) fieldError(id, msg);
  return local[0]?.[0];
}

function voteBody(rows: HTMLElement[]) {
  const rollCall = rows.map((r) => ({ member: memberOf(r).value.trim(), vote: (r.querySelector('.rc-vote') as HTMLSelectElement).value }));
  return {
    at: isoOf('vote-at'),
    chamber: byId<HTMLSelectElement>('vote-chamber').value,
    motion: byId('vote-motion').value.trim(),
    ...Object.fromEntries(COUNTS.map((f) => [f, count(`vote-${f}`)])),
    result: byId<HTMLSelectElement>('vote-result').value,
    rollCall: rollCall.length ? rollCall : undefined,
  };
}

/** The field an API error path names (`yes`, `rollCall.2.member`), or undefined for one the form has not. */
function fieldOf(path: string, rows: HTMLElement[]): string | undefined {
  const [head, index] = path.split('.');
  if ((VOTE_FIELDS as readonly string[]).includes(head as string)) return `vote-${head}`;
  if (head === 'rollCall' && index !== undefined) return rows[Number(index)] && memberOf(rows[Number(index)] as HTMLElement).id;
  return undefined;
}

export async function recordVote(): Promise<void> {
  for (const f of VOTE_FIELDS) fieldError(`vote-${f}`);
  for (const r of byId('roll-call-rows').querySelectorAll<HTMLElement>('.rc-row')) fieldError(memberOf(r).id);
  const invalid = checkLocally();
  if (invalid) return byId(invalid).focus();
  const rows = namedRows();
  let first: string | undefined;
  const ok = await writeBill('/votes', voteBody(rows), t('staff.saved.vote'), (errors) =>
    errors.flatMap((e) => {
      const id = fieldOf(e.path, rows);
      if (!id) return [`${e.path}: ${e.message}`];
      const head = e.path.split('.')[0];
      const name = head === 'rollCall' ? t('staff.vote.roll.member_word') : (byId(id).labels?.[0]?.textContent ?? head);
      fieldError(id, `${name} ${e.message}`);
      first ??= id;
      return [];
    }),
  );
  if (first) byId(first).focus();
  if (ok) startOver();
}

/** After a recorded vote: an empty form, no roll call, the chamber the bill is before chosen again. */
function startOver(): void {
  byId<HTMLFormElement>('vote-form').reset();
  byId('roll-call-rows').replaceChildren();
  const bill = currentBill();
  if (bill) byId<HTMLSelectElement>('vote-chamber').value = bill.currentChamber;
}

/** "Add a member" adds a row and focuses its name; a row's remove button returns focus to "Add a member". */
export function bindRollCall(): void {
  byId('roll-call-add').addEventListener('click', () => memberOf(rollRow()).focus());
  byId('roll-call-rows').addEventListener('click', (e) => {
    const button = (e.target as HTMLElement).closest('.rc-remove');
    if (!button) return;
    button.closest('li')?.remove();
    byId('roll-call-add').focus();
  });
}
