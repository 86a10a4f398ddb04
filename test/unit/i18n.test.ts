import { describe, expect, it } from 'vitest';
import { compileLanguageRedirect, type EdgeRequest } from '../../infra/cdk/site-language.js';
import { checkMessages } from '../../shared/i18n/check.js';
import { negotiateLanguage, preferredLanguages } from '../../shared/i18n/negotiate.js';
import { intlLocale, Translator } from '../../shared/i18n/translator.js';
import { readMessages } from '../../shared/jurisdiction/source.js';

describe('message catalogs', () => {
  it('every language in shared/i18n/messages has every key of the English catalogs, in valid ICU with the same arguments', () => {
    const messages = readMessages();
    expect(Object.keys(messages)).toEqual(expect.arrayContaining(['en', 'es', 'cy']));
    expect(checkMessages(messages)).toEqual([]);
  });

  it('finds a missing key, an extra key, a changed argument and broken ICU (positive control for the test above)', () => {
    const en = { common: { a: 'Hello {name}', b: 'Bye', c: '{n, plural, one {# report} other {# reports}}' } };
    const cy = { common: { a: 'Helo {enw}', c: '{n, plural, one {# adroddiad', z: 'extra' } };
    const issues = checkMessages({ en, cy });
    const about = (path: string) => issues.filter((i) => i.path === path).map((i) => i.message);
    expect(about('a')[0]).toMatch(/uses \{enw\} where en uses \{name\}/);
    expect(about('b')[0]).toMatch(/missing/);
    expect(about('c')[0]).toMatch(/not ICU/);
    expect(about('z')[0]).toMatch(/not in/);
    expect(checkMessages({ en, cy: en })).toEqual([]);
  });
});

describe('Translator', () => {
  const cy = new Translator({
    lang: 'cy',
    locale: 'cy-GB',
    timeZone: 'Europe/London',
    messages: {
      count: '{n, plural, zero {# adroddiad} one {# adroddiad} two {# adroddiad} few {# adroddiad} many {# adroddiad} other {# adroddiad}}',
      only: 'Cymraeg',
    },
    fallback: { only: 'English', english: 'Only in English' },
  });

  it('formats ICU plurals with the language’s plural rules and falls back to the default language', () => {
    expect(cy.t('count', { n: 3 })).toBe('3 adroddiad');
    expect(cy.t('only')).toBe('Cymraeg');
    expect(cy.t('english')).toBe('Only in English');
    expect(cy.t('nowhere')).toBe('nowhere');
  });

  it('formats dates in the jurisdiction’s time zone, not the machine’s', () => {
    const ny = new Translator({ lang: 'en', locale: 'en-US', timeZone: 'America/New_York', messages: {} });
    expect(ny.date('2026-07-01T02:30:00Z', 'date')).toBe('Jun 30, 2026');
    expect(cy.date('2026-07-01T02:30:00Z', 'date')).toMatch(/2026/);
    expect(cy.date('2026-07-01T02:30:00Z', 'time')).toBe('03:30');
  });

  it('picks the Intl locale from the language and the jurisdiction’s region', () => {
    expect(intlLocale('en', 'en-GB')).toBe('en-GB');
    expect(intlLocale('cy', 'en-GB')).toBe('cy-GB');
    expect(intlLocale('es', 'en-US')).toBe('es-US');
    expect(intlLocale('es', 'en')).toBe('es');
  });
});

describe('choosing a language', () => {
  const offered = ['en', 'cy', 'es'];
  const cases: [string | undefined, string][] = [
    [undefined, 'en'],
    ['', 'en'],
    ['cy', 'cy'],
    ['cy-GB,cy;q=0.9,en;q=0.5', 'cy'],
    ['es-MX,es;q=0.9,en;q=0.8', 'es'],
    ['fr-FR,fr;q=0.9,es;q=0.5', 'es'],
    ['fr, de', 'en'],
    ['en;q=0.5, cy;q=0.8', 'cy'],
    ['cy;q=0, es', 'es'],
    ['*', 'en'],
    ['!!!, es', 'es'],
  ];

  it.each(cases)('Accept-Language %j → %s', (header, want) => {
    expect(negotiateLanguage(header, offered, 'en')).toBe(want);
  });

  it('orders ranges by q and keeps the header order for ties', () => {
    expect(preferredLanguages('a;q=0.5, b, c;q=0.5, d;q=0')).toEqual(['b', 'a', 'c']);
  });

  const edge = compileLanguageRedirect(offered, 'en');
  const request = (uri: string, opts: { accept?: string; cookie?: string; query?: Record<string, string> } = {}): EdgeRequest => ({
    uri,
    querystring: Object.fromEntries(Object.entries(opts.query ?? {}).map(([k, v]) => [k, { value: v }])),
    headers: opts.accept ? { 'accept-language': { value: opts.accept } } : {},
    cookies: opts.cookie ? { lang: { value: opts.cookie } } : {},
  });

  it.each(cases)('the edge negotiates Accept-Language %j as the API does (→ %s)', (header, want) => {
    const found = edge(request('/queues/', { accept: header }));
    expect(found?.headers.location?.value ?? '/queues/').toBe(want === 'en' ? '/queues/' : `/${want}/queues/`);
  });

  it('a remembered choice wins over Accept-Language, and an English choice stays English', () => {
    expect(edge(request('/track/', { accept: 'es', cookie: 'cy' }))?.headers.location?.value).toBe('/cy/track/');
    expect(edge(request('/track/', { accept: 'es', cookie: 'en' }))).toBeNull();
    expect(edge(request('/track/', { accept: 'es' }))?.headers.location?.value).toBe('/es/track/');
  });

  it('never redirects a page already in a language, nor files', () => {
    expect(edge(request('/cy/track/', { accept: 'es', cookie: 'es' }))).toBeNull();
    expect(edge(request('/_astro/map.js', { accept: 'cy' }))).toBeNull();
    expect(edge(request('/favicon.svg', { accept: 'cy' }))).toBeNull();
    expect(edge(request('/', { accept: 'cy' }))?.headers.location?.value).toBe('/cy/');
  });

  it('?lang= remembers the choice in a cookie and answers the page at its clean address, its own query kept', () => {
    const found = edge(request('/cy/track/', { query: { id: 'RF-1234567', lang: 'es' } }));
    expect(found?.statusCode).toBe(302);
    expect(found?.headers.location?.value).toBe('/es/track/?id=RF-1234567');
    expect(found?.cookies?.lang?.value).toBe('es');
    expect(found?.cookies?.lang?.attributes).toMatch(/Path=\/;.*Max-Age=31536000/);
    const english = edge(request('/es/track/', { query: { lang: 'en' } }));
    expect(english?.headers.location?.value).toBe('/track/');
    expect(english?.cookies?.lang?.value).toBe('en');
    expect(edge(request('/track/', { query: { lang: 'xx' } }))?.cookies?.lang?.value).toBe('en');
  });
});
