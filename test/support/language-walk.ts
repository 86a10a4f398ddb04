import type { Page } from 'playwright-core';
import { messagesOf } from '../../shared/i18n/board.js';

/**
 * What a page in a language still shows that it should not: keys no catalog resolved, and English the
 * language translates differently. User content (report titles, notes, addresses, bill titles, names) is
 * marked `translate="no"` (HTML's own attribute for text not to translate) and is not looked at.
 */
export interface LanguageFindings {
  lang: string;
  /** Catalog keys shown as text (a `t()` of a key that no catalog has). */
  keys: string[];
  /** Text nodes or labels that are exactly an English message the language words differently. */
  english: string[];
}

/** The page's visible words outside `translate="no"`: text nodes, and the labels people hear or read. */
async function pageWords(page: Page): Promise<{ texts: string[]; labels: string[]; lang: string }> {
  return page.evaluate(() => {
    const texts: string[] = [];
    const labels: string[] = [];
    const pageLang = document.documentElement.lang;
    // Text marked as another language (the switch's "English" on a Welsh page) is that language's own words.
    const skip = (el: Element | null) =>
      !!el?.closest('[translate="no"], script, style, noscript, template, [hidden], .leaflet-control-attribution') ||
      (el?.closest('[lang]')?.getAttribute('lang') ?? pageLang) !== pageLang;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.replace(/\s+/g, ' ').trim();
      if (text && !skip(node.parentElement)) texts.push(text);
    }
    for (const el of Array.from(document.querySelectorAll('[aria-label], [placeholder], [title], img[alt], input[type="submit"][value]'))) {
      if (skip(el)) continue;
      for (const name of ['aria-label', 'placeholder', 'title', 'alt', 'value']) {
        const value = el.getAttribute(name)?.trim();
        if (value && (name !== 'value' || el.matches('input[type="submit"]'))) labels.push(value);
      }
    }
    labels.push(document.title);
    return { texts, labels, lang: document.documentElement.lang };
  });
}

/** English messages with no arguments, keyed by their text, that `lang` words differently. */
function englishOnly(lang: string): Set<string> {
  const english = messagesOf('en');
  const own = messagesOf(lang);
  // A word both languages use (Spanish "No", a vote) is the language's own wherever it shows: only text the
  // language never says is English left over.
  const ownWords = new Set(Object.values(own).map((text) => text.trim().toLowerCase()));
  const found = new Set<string>();
  for (const [key, text] of Object.entries(english)) {
    if (text.includes('{') || text.trim().length < 2) continue;
    const translated = own[key];
    if (translated !== undefined && translated.trim() !== text.trim() && !ownWords.has(text.trim().toLowerCase())) found.add(text.trim());
  }
  return found;
}

/** Walks the page as it is now (wait for its data first) for untranslated keys and English left over. */
export async function languageFindings(page: Page, lang: string): Promise<LanguageFindings & { htmlLang: string }> {
  const { texts, labels, lang: htmlLang } = await pageWords(page);
  const keys = new Set(Object.keys(messagesOf('en')));
  const shownKeys = [...texts, ...labels].flatMap((t) => t.match(/[a-z][\w-]*(\.[\w-]+)+/g) ?? []).filter((token) => keys.has(token));
  const left = lang === 'en' ? new Set<string>() : englishOnly(lang);
  const english = [...texts, ...labels].filter((t) => left.has(t));
  return { lang, htmlLang, keys: [...new Set(shownKeys)], english: [...new Set(english)] };
}
