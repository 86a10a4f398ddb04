import type { MessageNamespace } from '../../shared/jurisdiction/source.js';
import { clientI18n } from '../../site/src/i18n.js';

/**
 * Unit tests of browser scripts outside a page: the page's `#i18n` messages (what the layout embeds) for
 * `lang`, so `t()` in site/src/scripts/i18n.ts answers with words rather than keys. scripts/i18n.ts reads
 * them once when it loads: import this module before the scripts under test (English), or call
 * `pageLanguage('cy')` then `vi.resetModules()` and import the scripts again for another language.
 */
export function pageLanguage(lang: string, namespaces: MessageNamespace[] = ['common', 'site', 'staff']): void {
  const data = JSON.stringify(clientI18n(lang, namespaces));
  const page = { getElementById: (id: string) => (id === 'i18n' ? { textContent: data } : null) };
  (globalThis as { document?: unknown }).document = page;
}

pageLanguage('en');
