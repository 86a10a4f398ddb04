import type { ListPage } from '../../../../shared/api-types.js';
import { $, el } from '../dom.js';
import { t } from '../i18n.js';

/** The console's controls by id: the page is static, so a missing one is a bug that should throw. */
export const byId = <T extends HTMLElement = HTMLInputElement>(id: string) => $(`#${id}`) as unknown as T;

/** Shows (or clears, with no text) the error under one field (`#<control>-error`) and marks the field invalid. */
export function fieldError(control: string, text?: string): void {
  const box = document.getElementById(`${control}-error`);
  const target = document.getElementById(control);
  if (box) {
    box.hidden = !text;
    box.textContent = text ?? '';
  }
  if (text) target?.setAttribute('aria-invalid', 'true');
  else target?.removeAttribute('aria-invalid');
}

/** Replaces a select's options, keeping the chosen value when it is still offered. */
export function options(target: HTMLSelectElement, list: { value: string; label: string }[]): void {
  const before = target.value;
  target.replaceChildren(...list.map((o) => el('option', { value: o.value }, o.label)));
  if (list.some((o) => o.value === before)) target.value = before;
}

/** Disables a button while `work` runs, so a double click sends once. */
export async function busy(button: HTMLButtonElement, work: () => Promise<void>): Promise<void> {
  button.disabled = true;
  try {
    await work();
  } finally {
    button.disabled = false;
  }
}

/** Disables every button of a form while `work` runs; `after` then disables again any that should stay so. */
export async function lockWhile<T>(form: HTMLFormElement, work: () => Promise<T>, after: () => void = () => undefined): Promise<T> {
  const buttons = Array.from(form.querySelectorAll('button'));
  for (const b of buttons) b.disabled = true;
  try {
    return await work();
  } finally {
    for (const b of buttons) b.disabled = false;
    after();
  }
}

/** Marks the list entry (`li[data-id]`) of the open item or bill as selected, and its link as current. */
export function markSelected(list: HTMLElement, id: string): void {
  for (const li of Array.from(list.querySelectorAll('li'))) {
    const on = li.getAttribute('data-id') === id;
    li.classList.toggle('selected', on);
    const link = li.querySelector('a');
    if (on) link?.setAttribute('aria-current', 'true');
    else link?.removeAttribute('aria-current');
  }
}

/**
 * A plain click on a link in the list opens it beside the list (the URL changes, so back and reload
 * work) instead of loading the page again; ctrl/cmd/shift-click still opens a new tab or window.
 */
export function openLinksInPlace(list: HTMLElement, open: () => void): void {
  list.addEventListener('click', (e) => {
    const link = (e.target as HTMLElement).closest('a');
    if (!link || e.ctrlKey || e.metaKey || e.shiftKey) return;
    e.preventDefault();
    history.pushState(null, '', link.getAttribute('href'));
    open();
  });
}

/** Fetches up to `maxPages` pages of a cursor-paged list; `nextCursor` is set when there are more. */
export async function collectPages<T>(
  fetchPage: (cursor?: string) => Promise<ListPage<T>>,
  maxPages: number,
): Promise<{ items: T[]; nextCursor?: string }> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < maxPages; page++) {
    const body = await fetchPage(cursor);
    items.push(...body.items);
    cursor = body.nextCursor;
    if (!cursor) break;
  }
  return { items, nextCursor: cursor };
}

/** "12 items." or "200 items shown; there are more: narrow the filters to see them." (`bills` alike). */
export function countLine(n: number, noun: 'items' | 'bills', more: boolean): string {
  return t(`staff.count.${noun}`, { n, more: more ? 'yes' : 'no' });
}
