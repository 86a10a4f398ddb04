import { vi } from 'vitest';
import { clientI18n } from '../../site/src/i18n.js';

/**
 * Loads browser modules of the site as a page in `lang` would: the page's `#i18n` messages (exactly what
 * the layout embeds, from site/src/i18n.ts) are read once when scripts/i18n.ts loads, so the modules are
 * imported afresh behind a stand-in `document` that holds them.
 * @example const { age } = await inPageLanguage('cy', () => import('../../site/src/scripts/format.js'))
 */
export async function inPageLanguage<T>(lang: string, load: () => Promise<T>): Promise<T> {
  const data = JSON.stringify(clientI18n(lang, ['common', 'site', 'public']));
  vi.resetModules();
  vi.stubGlobal('document', { getElementById: (id: string) => (id === 'i18n' ? { textContent: data } : null) });
  try {
    return await load();
  } finally {
    vi.unstubAllGlobals();
  }
}
