import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { defaultLanguage, languages } from '../../shared/i18n/board.js';
import { languageRedirectSource } from './site-language.js';

/** CloudFront Functions refuse code over 10 KB; the page list and the 404 page must fit with room to spare. */
export const FUNCTION_CODE_LIMIT = 10 * 1024;

const FALLBACK_404 = '<!doctype html><html lang="en"><meta charset="utf-8"><title>Page not found</title><h1>Page not found</h1></html>';

/** Every HTML page of the built site, as the URI S3 holds it (`/report/index.html`). */
export function sitePages(siteDir: string): string[] {
  const pages: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.html')) pages.push(`/${relative(siteDir, path).split(sep).join('/')}`);
    }
  };
  walk(siteDir);
  return pages.sort();
}

/**
 * The viewer-request function of the site's default behaviour (cloudfront-js-2.0):
 * - `/track/` → `/track/index.html` (S3 behind OAC has no index documents for folders);
 * - a page the build did not produce gets the site's own 404 page with status 404, generated at the
 *   edge. This is scoped to the site: a distribution-wide custom error response would also turn the
 *   API's 404 problem+json into HTML. Other missing files (assets) reach S3, which answers 404 because
 *   the origin may list the bucket.
 * The page list and the 404 page are read from the built site at synth time.
 */
export function siteRequestFunction(siteDir: string, securityHeaders: Record<string, string> = {}): string {
  const pages = sitePages(siteDir);
  const notFoundFile = join(siteDir, '404.html');
  const notFound = existsSync(notFoundFile) ? readFileSync(notFoundFile, 'utf8') : FALLBACK_404;
  // Pages every language has (site/src/pages/[...lang]/) are listed once, without the prefix (1); a page
  // only some languages have is listed as it is (2). Three languages of ~25 pages stay under 10 KB.
  const prefixes = languages.filter((l) => l !== defaultLanguage).map((l) => `/${l}`);
  const prefixOf = (p: string) => prefixes.find((x) => p.startsWith(`${x}/`));
  const have = new Set(pages);
  const known: Record<string, 1 | 2> = {};
  for (const p of pages) {
    const prefix = prefixOf(p);
    const base = prefix ? p.slice(prefix.length) : p;
    const everywhere = have.has(base) && prefixes.every((x) => have.has(`${x}${base}`));
    if (everywhere) known[base] = 1;
    else known[p] = 2;
  }
  // A generated response carries the same security headers as every page, whatever the policy applies to it.
  const headers = Object.fromEntries(
    Object.entries({ 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache', ...securityHeaders }).map(([k, v]) => [
      k,
      { value: v },
    ]),
  );
  const code = `${languageRedirectSource(languages, defaultLanguage)}
var PAGES = ${JSON.stringify(known)};
var NOT_FOUND = ${JSON.stringify(notFound)};
var HEADERS = ${JSON.stringify(headers)};
function handler(event) {
  var r = event.request;
  var chosen = languageRedirect(r, HEADERS);
  if (chosen) return chosen;
  if (r.uri.endsWith('/')) r.uri += 'index.html';
  else if (!r.uri.split('/').pop().includes('.')) r.uri += '/index.html';
  var page = r.uri;
  var first = page.split('/')[1];
  if (first !== DEFAULT_LANG && LANGS.indexOf(first) >= 0) page = page.slice(first.length + 1);
  if (r.uri.endsWith('.html') && !PAGES[r.uri] && PAGES[page] !== 1) {
    return {
      statusCode: 404,
      statusDescription: 'Not Found',
      headers: HEADERS,
      body: { encoding: 'text', data: NOT_FOUND }
    };
  }
  return r;
}`;
  if (Buffer.byteLength(code) > FUNCTION_CODE_LIMIT)
    throw new Error(
      `the site's edge function is ${Buffer.byteLength(code)} bytes, over CloudFront's ${FUNCTION_CODE_LIMIT}: shrink 404.html`,
    );
  return code;
}
