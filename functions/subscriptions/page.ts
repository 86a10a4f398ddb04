import { escapeHtml } from '../../shared/email/templates.js';
import type { HttpResult } from '../lib/http.js';

/**
 * A minimal page for links clicked in an email (they open in a browser, not the site's JS), or JSON
 * when the client asks for it.
 */
export function linkResult(accept: string | undefined, status: number, title: string, message: string, extraHtml = ''): HttpResult {
  if (accept?.includes('application/json')) {
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
