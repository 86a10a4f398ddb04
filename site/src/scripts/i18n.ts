/**
 * The page's language in the browser: the messages the page was built with (`#i18n`, written by the
 * layout from site/src/i18n.ts) behind the same Translator the functions use. Scripts render every word
 * through `t()` and every date through `i18n.date()`; links through `href()` so they stay in the language.
 */
import { type MessageValues, Translator } from '../../../shared/i18n/translator.js';

interface PageI18n {
  lang: string;
  locale: string;
  timeZone: string;
  defaultLanguage: string;
  languages: string[];
  messages: Record<string, string>;
}

function pageData(): PageI18n {
  const node = typeof document === 'undefined' ? null : document.getElementById('i18n');
  if (node?.textContent) return JSON.parse(node.textContent) as PageI18n;
  // Only outside a page (unit tests of pure helpers): English, no messages, keys come back as keys.
  return { lang: 'en', locale: 'en-GB', timeZone: 'UTC', defaultLanguage: 'en', languages: ['en'], messages: {} };
}

const data = pageData();

export const i18n = new Translator({ lang: data.lang, locale: data.locale, timeZone: data.timeZone, messages: data.messages });
export const lang = data.lang;
export const languages = data.languages;

/** A message of the page's language: `t('track.position', { n: 3 })`. */
export function t(key: string, values?: MessageValues): string {
  return i18n.t(key, values);
}

/** A council's word (service name, state label) in the page's language, else `otherwise` (what the API sent). */
export function word(key: string, otherwise: string): string {
  return i18n.text(key, otherwise);
}

/** A site path in the page's language: `href('/track/?id=RF-1')` → `/cy/track/?id=RF-1` on a Welsh page. */
export function href(path: string): string {
  return data.lang === data.defaultLanguage ? path : `/${data.lang}${path}`;
}
