import { IntlMessageFormat } from 'intl-messageformat';
import type { ConfigIssue } from '../jurisdiction/source.js';

/** The language every catalog is checked against: the one the board is written in. */
export const SOURCE_LANGUAGE = 'en';

/** The argument names a message uses (`{n, plural, …}`, `{service}`), or an error when it is not ICU. */
export function argumentsOf(message: string, locale: string): Set<string> {
  const names = new Set<string>();
  // biome-ignore lint/suspicious/noExplicitAny: the parser's AST types are internal to intl-messageformat
  const walk = (nodes: any[]) => {
    for (const node of nodes) {
      if (typeof node.value === 'string' && node.type !== 0) names.add(node.value);
      for (const option of Object.values(node.options ?? {})) walk((option as { value: unknown[] }).value);
    }
  };
  walk(new IntlMessageFormat(message, locale, undefined, { ignoreTag: true }).getAst() as unknown[]);
  return names;
}

/**
 * The board's catalogs against the source language's: every file is a flat object of strings, every
 * language has exactly the source's keys, each message is valid ICU and uses the same arguments, and no
 * key is in two namespaces. `languages`: the languages to check (default: all present).
 */
export function checkMessages(messages: Record<string, Record<string, unknown>>, languages?: readonly string[]): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const source = messages[SOURCE_LANGUAGE];
  if (!source) return [{ file: `shared/i18n/messages/${SOURCE_LANGUAGE}`, path: '', message: 'the source language catalogs are missing' }];
  const owner = new Map<string, string>();
  for (const [ns, file] of Object.entries(source)) {
    for (const key of Object.keys(flat(file))) {
      const other = owner.get(key);
      if (other)
        issues.push({ file: fileOf(SOURCE_LANGUAGE, ns), path: key, message: `also in ${other}.json: a key lives in one namespace` });
      owner.set(key, ns);
    }
  }
  for (const lang of languages ?? Object.keys(messages)) {
    const catalogs = messages[lang];
    if (!catalogs) {
      issues.push({
        file: `shared/i18n/messages/${lang}`,
        path: '',
        message: `no catalogs for "${lang}": copy shared/i18n/messages/${SOURCE_LANGUAGE} and translate it`,
      });
      continue;
    }
    for (const [ns, reference] of Object.entries(source)) {
      const file = fileOf(lang, ns);
      const want = flat(reference);
      const got = catalogs[ns] === undefined ? {} : flat(catalogs[ns], issues, file);
      for (const [key, english] of Object.entries(want)) {
        const message = got[key];
        if (message === undefined) {
          issues.push({ file, path: key, message: `missing (${SOURCE_LANGUAGE}: "${english}")` });
          continue;
        }
        try {
          const expected = [...argumentsOf(english, SOURCE_LANGUAGE)].sort().join(', ');
          const actual = [...argumentsOf(message, lang)].sort().join(', ');
          if (expected !== actual)
            issues.push({ file, path: key, message: `uses {${actual}} where ${SOURCE_LANGUAGE} uses {${expected}}` });
        } catch (err) {
          issues.push({ file, path: key, message: `not ICU MessageFormat: ${(err as Error).message}` });
        }
      }
      for (const key of Object.keys(got))
        if (!(key in want)) issues.push({ file, path: key, message: `not in ${fileOf(SOURCE_LANGUAGE, ns)}` });
    }
  }
  return issues;
}

/**
 * A jurisdiction folder's `i18n/<lang>.json` against the keys of its own text (`catalogMessages`):
 * unknown keys (a typo, a service since removed) and non-string values are issues; a key a language lacks
 * is only reported by `missingTranslations`, since the default language stands in for it.
 */
export function checkTranslations(translations: Record<string, unknown>, keys: Set<string>, offered: readonly string[]): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  for (const [lang, file] of Object.entries(translations)) {
    const name = `i18n/${lang}.json`;
    if (!offered.includes(lang)) issues.push({ file: name, path: '', message: `"${lang}" is not in jurisdiction.json languages` });
    for (const key of Object.keys(flat(file, issues, name)))
      if (!keys.has(key)) issues.push({ file: name, path: key, message: 'not a key of this folder (see docs/i18n.md)' });
  }
  return issues;
}

/** The folder's keys each offered language other than the default has no translation for. */
export function missingTranslations(
  translations: Record<string, unknown>,
  keys: Set<string>,
  offered: readonly string[],
): Record<string, string[]> {
  const missing: Record<string, string[]> = {};
  for (const lang of offered.slice(1)) {
    const file = (translations[lang] ?? {}) as Record<string, unknown>;
    const absent = [...keys].filter((k) => typeof file[k] !== 'string');
    if (absent.length) missing[lang] = absent;
  }
  return missing;
}

const fileOf = (lang: string, ns: string) => `shared/i18n/messages/${lang}/${ns}.json`;

function flat(file: unknown, issues?: ConfigIssue[], name = ''): Record<string, string> {
  if (!file || typeof file !== 'object' || Array.isArray(file)) {
    issues?.push({ file: name, path: '', message: 'must be an object of "key": "message"' });
    return {};
  }
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(file)) {
    if (typeof value === 'string') out[key] = value;
    else issues?.push({ file: name, path: key, message: 'must be a string' });
  }
  return out;
}
