import { catalog } from '../catalog/index.js';
import { jurisdiction } from '../jurisdiction/index.js';
import { jurisdictionSource, type MessageNamespace } from '../jurisdiction/source.js';
import { catalogMessages } from './catalog-keys.js';
import { negotiateLanguage } from './negotiate.js';
import { intlLocale, type Messages, Translator } from './translator.js';

/**
 * The board's languages and a translator per language, from the chosen jurisdiction: its `languages`
 * (first = default), the board's catalogs for them, and the folder's own translations over the words of
 * its catalog.json. Missing keys fall back to the default language.
 */

/** The languages the board offers, default first. */
export const languages: readonly string[] = jurisdiction.languages ?? [jurisdiction.locale.split('-')[0]?.toLowerCase() ?? 'en'];
export const defaultLanguage: string = languages[0] as string;

/** A language's messages: every namespace the source holds, then the jurisdiction's words. */
export function messagesOf(lang: string, namespaces?: readonly MessageNamespace[]): Messages {
  const source = jurisdictionSource();
  const byNamespace = (source.messages?.[lang] ?? {}) as Record<string, Messages | undefined>;
  const merged: Messages = {};
  for (const [ns, messages] of Object.entries(byNamespace)) {
    if (namespaces && !namespaces.includes(ns as MessageNamespace)) continue;
    Object.assign(merged, messages);
  }
  if (lang === defaultLanguage) Object.assign(merged, catalogMessages(jurisdiction, catalog));
  Object.assign(merged, (source.translations?.[lang] ?? {}) as Messages);
  return merged;
}

const translators = new Map<string, Translator>();

/** The translator of an offered language (any other: the default's). */
export function translator(lang: string = defaultLanguage): Translator {
  const chosen = languages.includes(lang) ? lang : defaultLanguage;
  let found = translators.get(chosen);
  if (!found) {
    found = new Translator({
      lang: chosen,
      locale: intlLocale(chosen, jurisdiction.locale),
      timeZone: jurisdiction.timezone,
      messages: messagesOf(chosen),
      fallback: chosen === defaultLanguage ? undefined : messagesOf(defaultLanguage),
    });
    translators.set(chosen, found);
  }
  return found;
}

/** The offered language an `Accept-Language` header asks for (the default when none matches). */
export function languageFor(acceptLanguage: string | undefined | null): string {
  return negotiateLanguage(acceptLanguage, languages, defaultLanguage);
}

/** Whether `lang` is one the board offers (for stored choices: a subscription's language). */
export function isOffered(lang: unknown): lang is string {
  return typeof lang === 'string' && languages.includes(lang);
}
