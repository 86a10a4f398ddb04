import { escapeHtml } from '../../shared/email/templates.js';
import type { HttpResult } from '../lib/http.js';
import { problemResponse } from '../lib/problem.js';

/** A browser (the email link was clicked) says so: its Accept names text/html. */
const wantsHtml = (accept: string | undefined) => accept?.toLowerCase().includes('text/html') ?? false;

/**
 * A minimal page for links clicked in an email (they open in a browser, not the site's JS), or JSON
 * for an API client. A failure is a page only for a client that asks for HTML: anything else (a mail
 * client's one-click POST, a script, `Accept: application/json`) gets problem+json like every other
 * API error. A success keeps the page unless JSON is asked for, as links have always answered.
 */
export function linkResult(accept: string | undefined, status: number, title: string, message: string, extraHtml = ''): HttpResult {
  if (status >= 400 && !wantsHtml(accept)) {
    return problemResponse({ type: status === 404 ? '/problems/not-found' : '/problems/link', title, status, detail: message });
  }
  if (status < 400 && accept?.includes('application/json')) {
    return {
      statusCode: status,
      headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
      body: JSON.stringify({ title, message }),
    };
  }
  const body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)} · civicboard</title><style>body{font-family:system-ui,sans-serif;max-width:36em;margin:3em auto;padding:0 1em;line-height:1.5}button{font-size:1rem;padding:.5em 1em}</style></head>
<body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p>${extraHtml}<p><a href="/">Back to the board</a></p></main></body></html>`;
  return {
    statusCode: status,
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' },
    body,
  };
}

/** The answer to every follow request, whether or not the address already follows. */
export const FOLLOW_PENDING = {
  status: 'pending',
  message: 'Check your inbox: follow the link in the email we sent to start receiving updates.',
} as const;
