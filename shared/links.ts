/**
 * Links people give the board (a bill's documents) end up in `href`: only http(s) may, never
 * `javascript:`, `data:`, `vbscript:`, `file:` or anything else a browser would act on. Pure; the
 * request schema, the LegiScan import, the public projection and the site all ask the same function.
 */

/** Whitespace or control characters: browsers strip some of these from a URL ("java\tscript:"), so
 *  the text checked would not be the link followed. */
const INVISIBLE_OR_CONTROL = /[\s\p{Cc}\p{Cf}]/u;

/**
 * What is wrong with a link, as a message saying what to change, or undefined when it is a plain
 * http(s) URL with a host and no user name or password.
 * @example httpUrlProblem('javascript:alert(1)') // 'only http and https links are allowed'
 */
export function httpUrlProblem(raw: string): string | undefined {
  if (INVISIBLE_OR_CONTROL.test(raw)) return 'must be one link without spaces or control characters';
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'must be a full link starting with https://';
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || !/^https?:\/\//i.test(raw)) return 'only http and https links are allowed';
  if (!url.hostname) return 'must name a website, like https://example.org/bill.pdf';
  if (url.username || url.password) return 'must not contain a user name or password';
  return undefined;
}

/**
 * The link as it is safe to put in `href` (the browser's own serialisation of it), or undefined for
 * anything that is not a plain http(s) URL. For rendering: show the label without a link when undefined.
 * @example safeHttpUrl('https://example.org/a b') // undefined (spaces are refused)
 * @example safeHttpUrl('HTTPS://Example.org/hb12.pdf') // 'https://example.org/hb12.pdf'
 */
export function safeHttpUrl(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const trimmed = raw.trim();
  return httpUrlProblem(trimmed) === undefined ? new URL(trimmed).href : undefined;
}
