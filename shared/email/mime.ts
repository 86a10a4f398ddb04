import type { Email } from './templates.js';

/**
 * Builds a raw MIME message (multipart/alternative: text then HTML) so we can set the RFC 8058
 * one-click unsubscribe headers, which SES's simple SendEmail cannot carry.
 */
export function toMime(
  email: Email,
  opts: { from: string; to: string; unsubscribeUrl?: string; boundary: string; messageId?: string },
): string {
  const encode = (s: string) => `=?UTF-8?B?${Buffer.from(s, 'utf8').toString('base64')}?=`;
  const b64 = (s: string) =>
    Buffer.from(s, 'utf8')
      .toString('base64')
      .replace(/(.{76})/g, '$1\r\n');
  const headers = [
    `From: ${opts.from}`,
    `To: ${opts.to}`,
    `Subject: ${encode(email.subject)}`,
    'MIME-Version: 1.0',
    ...(opts.unsubscribeUrl ? [`List-Unsubscribe: <${opts.unsubscribeUrl}>`, 'List-Unsubscribe-Post: List-Unsubscribe=One-Click'] : []),
    `Content-Type: multipart/alternative; boundary="${opts.boundary}"`,
  ];
  const part = (type: string, body: string) =>
    [`--${opts.boundary}`, `Content-Type: ${type}; charset=UTF-8`, 'Content-Transfer-Encoding: base64', '', b64(body)].join('\r\n');
  return [...headers, '', part('text/plain', email.text), part('text/html', email.html), `--${opts.boundary}--`, ''].join('\r\n');
}
