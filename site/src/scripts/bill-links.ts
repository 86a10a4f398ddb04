import { safeHttpUrl } from '../../../shared/links.js';
import { el } from './dom.js';
import { t } from './i18n.js';

/**
 * A bill document as a list item: a link when it is a plain http(s) address (shared/links.ts), else its
 * label as text, so a `javascript:` or `data:` address stored before input was checked is never clickable.
 */
export function documentLink(d: { label: string; url: string }): HTMLElement {
  const href = safeHttpUrl(d.url);
  return el('li', {}, href ? el('a', { href, rel: 'noopener noreferrer' }, d.label) : t('bills.document.unsafe', { label: d.label }));
}
