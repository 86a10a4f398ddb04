import type { Translator } from '../../../shared/i18n/translator.js';
import { el } from './dom.js';
import { href, i18n, t } from './i18n.js';

/** Links between bill, member and committee pages, and the parts those pages share. */
export const billHref = (id: string) => href(`/bills/bill/?id=${encodeURIComponent(id)}`);
export const memberHref = (id: string) => href(`/bills/member/?id=${encodeURIComponent(id)}`);
export const committeeHref = (name: string) => href(`/bills/committee/?name=${encodeURIComponent(name)}`);

/**
 * A share as a whole percent in the page's language ("75%", "75 %"), or "—" when there is nothing to divide.
 * @example percent(3, 4) // '75%'
 */
export function percent(part: number, whole: number, tr: Translator = i18n): string {
  return whole > 0 ? tr.number(Math.round((100 * part) / whole) / 100, { style: 'percent', maximumFractionDigits: 0 }) : '—';
}

/** A table with a caption (read by screen readers) and column headers, in a horizontally scrolling region. */
export function table(id: string, caption: string, headers: string[], rows: (Node | string)[][]): HTMLElement {
  // Narrow screens scroll the table, not the page; the region is focusable so a keyboard can scroll it too.
  return el('div', { class: 'table-scroll', role: 'region', 'aria-label': caption, tabindex: 0 }, tableOf(id, caption, headers, rows));
}

function tableOf(id: string, caption: string, headers: string[], rows: (Node | string)[][]): HTMLElement {
  return el(
    'table',
    { id },
    el('caption', { class: 'visually-hidden' }, caption),
    el('thead', {}, el('tr', {}, ...headers.map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, ...rows.map((cells) => el('tr', {}, ...cells.map((c) => el('td', {}, c))))),
  );
}

/** "Earlier" / "Later" links between the chunks of a long list, keeping the page's other parameters. */
export function pager(page: number, pages: number, label: string): HTMLElement | null {
  if (pages <= 1) return null;
  const to = (p: number) => {
    const params = new URLSearchParams(location.search);
    params.set('page', String(p));
    return `?${params}`;
  };
  return el(
    'nav',
    { 'aria-label': label, class: 'pager' },
    page > 0 ? el('a', { href: to(page - 1) }, t('bills.pager.earlier')) : null,
    ` ${t('bills.pager.page', { page: page + 1, pages })} `,
    page + 1 < pages ? el('a', { href: to(page + 1) }, t('bills.pager.later')) : null,
  );
}
