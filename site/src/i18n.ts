/**
 * Languages at build time (page frontmatter only; browser scripts use scripts/i18n.ts). Every page lives
 * under `pages/[...lang]/`: the default language at the site's root (`/report/`), each other offered
 * language under its code (`/cy/report/`). Static files per language keep CloudFront caching by URL alone
 * (no cache key on a header or cookie), and a shared link always opens in the language it was sent in.
 */
import { defaultLanguage, languages, messagesOf, translator } from '../../shared/i18n/board.js';
import type { Translator } from '../../shared/i18n/translator.js';
import type { MessageNamespace } from '../../shared/jurisdiction/source.js';

export { defaultLanguage, languages };

/** `getStaticPaths` of every page: one copy per offered language. */
export function languagePaths() {
  return languages.map((lang) => ({ params: { lang: lang === defaultLanguage ? undefined : lang } }));
}

/** The page's language from its `[...lang]` parameter. */
export function pageLanguage(params: Record<string, string | undefined>): string {
  const lang = params.lang;
  return lang && languages.includes(lang) ? lang : defaultLanguage;
}

/** A site path in a language: `localPath('cy', '/report/')` → `/cy/report/`. */
export function localPath(lang: string, path: string): string {
  return lang === defaultLanguage ? path : `/${lang}${path}`;
}

/** The path without its language prefix: `/cy/report/` → `/report/`. */
export function basePath(pathname: string): string {
  const [, first, ...rest] = pathname.split('/');
  return first && first !== defaultLanguage && languages.includes(first) ? `/${rest.join('/')}` : pathname;
}

/** The translator and link helper a page's frontmatter uses. */
export function pageI18n(params: Record<string, string | undefined>): {
  lang: string;
  t: Translator['t'];
  i18n: Translator;
  href: (path: string) => string;
} {
  const lang = pageLanguage(params);
  const i18n = translator(lang);
  return { lang, i18n, t: i18n.t.bind(i18n), href: (path: string) => localPath(lang, path) };
}

/** What a page hands its scripts (`<script type="application/json" id="i18n">`): its language's messages only. */
export function clientI18n(lang: string, namespaces: readonly MessageNamespace[]) {
  const i18n = translator(lang);
  // A page with no scripts (404) carries no messages, nor the council's words.
  if (!namespaces.length) return { lang, locale: i18n.locale, timeZone: i18n.timeZone, defaultLanguage, languages, messages: {} };
  const own = messagesOf(lang, namespaces);
  const fallback = lang === defaultLanguage ? {} : messagesOf(defaultLanguage, namespaces);
  // The default language's text stands in for a key the language lacks, as on the server.
  const messages = { ...fallback, ...own };
  return { lang, locale: i18n.locale, timeZone: i18n.timeZone, defaultLanguage, languages, messages };
}
