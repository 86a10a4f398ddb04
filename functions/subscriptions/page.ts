import { escapeHtml } from '../../shared/email/templates.js';
import { defaultLanguage, translator } from '../../shared/i18n/board.js';
import type { Translator } from '../../shared/i18n/translator.js';
import type { HttpResult } from '../lib/http.js';
import { languageHeaders } from '../lib/language.js';
import { problemResponse } from '../lib/problem.js';

/** A browser (the email link was clicked) says so: its Accept names text/html. */
const wantsHtml = (accept: string | undefined) => accept?.toLowerCase().includes('text/html') ?? false;

/**
 * A minimal page for links clicked in an email (they open in a browser, not the site's JS), or JSON
 * for an API client. A failure is a page only for a client that asks for HTML: anything else (a mail
 * client's one-click POST, a script, `Accept: application/json`) gets problem+json like every other
 * API error. A success keeps the page unless JSON is asked for, as links have always answered.
 */
export function linkResult(
  accept: string | undefined,
  status: number,
  title: string,
  message: string,
  extraHtml = '',
  tr: Translator = translator(),
): HttpResult {
  const language = languageHeaders(tr.lang);
  if (status >= 400 && !wantsHtml(accept)) {
    const problem = problemResponse({ type: status === 404 ? '/problems/not-found' : '/problems/link', title, status, detail: message });
    return { ...problem, headers: { ...problem.headers, ...language } };
  }
  if (status < 400 && accept?.includes('application/json')) {
    return {
      statusCode: status,
      headers: { 'content-type': 'application/json', 'cache-control': 'no-store', ...language },
      body: JSON.stringify({ title, message }),
    };
  }
  const home = tr.lang === defaultLanguage ? '/' : `/${tr.lang}/`;
  const body = `<!doctype html><html lang="${escapeHtml(tr.lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)} · civicboard</title><style>body{font-family:system-ui,sans-serif;max-width:36em;margin:3em auto;padding:0 1em;line-height:1.5}button{font-size:1rem;padding:.5em 1em}</style></head>
<body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p>${extraHtml}<p><a href="${home}">${escapeHtml(tr.t('api.link.back'))}</a></p></main></body></html>`;
  return {
    statusCode: status,
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'referrer-policy': 'no-referrer', ...language },
    body,
  };
}

/** The answer to every follow request, whether or not the address already follows, in the request's language. */
export const followPending = (tr: Translator = translator()) => ({ status: 'pending' as const, message: tr.t('api.follow.pending') });

/**
 * A link's failure in the reader's words: in the source language the store's own message (which says
 * whether the link expired or was used), in another the catalog's.
 */
export const linkFailure = (tr: Translator, message: string) => (tr.lang === 'en' ? message : tr.t('api.problem.link.detail'));
