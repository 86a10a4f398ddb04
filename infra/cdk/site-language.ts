/**
 * The site's language choice at the edge, as source code for CloudFront Functions (cloudfront-js-2.0).
 * The same source runs in the local server (`compileLanguageRedirect`), so the two cannot differ.
 * - `?lang=cy` on any page: remember the choice in the `lang` cookie (no account) and show the page in
 *   that language at its clean address (302, the page's own query kept). The language switch links here.
 * - An unprefixed page (the default language's) with a remembered choice of another language, or on a
 *   first visit (no cookie) an `Accept-Language` that prefers another offered language: 302 to the page
 *   in that language. Prefixed pages (`/cy/…`) are never redirected, so a shared link keeps its language.
 * Pages stay plain cached files per URL: nothing here becomes part of the cache key.
 */
export const LANGUAGE_COOKIE = 'lang';

/** One year: a remembered choice outlives a session, as a language switch should. */
const COOKIE_ATTRIBUTES = 'Path=/; Max-Age=31536000; SameSite=Lax';

export function languageRedirectSource(languages: readonly string[], defaultLanguage: string): string {
  return `var LANGS = ${JSON.stringify(languages)};
var DEFAULT_LANG = ${JSON.stringify(defaultLanguage)};
function offeredFrom(header) {
  if (!header) return DEFAULT_LANG;
  var ranges = [];
  header.slice(0, 1000).split(',').forEach(function (part, order) {
    var bits = part.trim().split(';');
    var tag = bits[0].trim().toLowerCase();
    if (!/^(\\*|[a-z]{1,8}(-[a-z0-9]{1,8})*)$/.test(tag)) return;
    var q = 1;
    for (var i = 1; i < bits.length; i++) {
      var m = /^\\s*q\\s*=\\s*([01](\\.\\d{0,3})?)\\s*$/i.exec(bits[i]);
      if (m) q = Number(m[1]);
    }
    if (q > 0) ranges.push({ tag: tag, q: q, order: order });
  });
  ranges.sort(function (a, b) { return b.q - a.q || a.order - b.order; });
  for (var j = 0; j < ranges.length; j++) {
    var tag = ranges[j].tag;
    if (tag === '*') return DEFAULT_LANG;
    if (LANGS.indexOf(tag) >= 0) return tag;
    var primary = tag.split('-')[0];
    if (LANGS.indexOf(primary) >= 0) return primary;
  }
  return DEFAULT_LANG;
}
function queryWithout(qs, drop) {
  var parts = [];
  Object.keys(qs || {}).forEach(function (name) {
    if (name === drop) return;
    var entry = qs[name];
    var values = entry.multiValue ? entry.multiValue.map(function (v) { return v.value; }) : [entry.value];
    values.forEach(function (v) { parts.push(encodeURIComponent(name) + (v === '' ? '' : '=' + encodeURIComponent(v))); });
  });
  return parts.length ? '?' + parts.join('&') : '';
}
function languageRedirect(r, headers) {
  var parts = r.uri.split('/');
  var last = parts[parts.length - 1];
  if (last !== '' && last.indexOf('.') >= 0) return null;
  var first = parts[1];
  var prefixed = first !== DEFAULT_LANG && LANGS.indexOf(first) >= 0;
  var base = prefixed ? '/' + parts.slice(2).join('/') : r.uri;
  var to = function (lang) { return lang === DEFAULT_LANG ? base : '/' + lang + base; };
  var found = function (location, cookies) {
    var h = {};
    Object.keys(headers || {}).forEach(function (k) { h[k] = headers[k]; });
    h.location = { value: location };
    h['cache-control'] = { value: 'no-store' };
    var response = { statusCode: 302, statusDescription: 'Found', headers: h };
    if (cookies) response.cookies = cookies;
    return response;
  };
  var qs = r.querystring || {};
  var chosen = qs.lang && qs.lang.value;
  if (chosen !== undefined) {
    var lang = LANGS.indexOf(chosen) >= 0 ? chosen : DEFAULT_LANG;
    return found(to(lang) + queryWithout(qs, 'lang'), { ${LANGUAGE_COOKIE}: { value: lang, attributes: ${JSON.stringify(COOKIE_ATTRIBUTES)} } });
  }
  if (prefixed) return null;
  var cookie = r.cookies && r.cookies.${LANGUAGE_COOKIE} && r.cookies.${LANGUAGE_COOKIE}.value;
  var accept = r.headers && r.headers['accept-language'] && r.headers['accept-language'].value;
  var want = cookie !== undefined ? (LANGS.indexOf(cookie) >= 0 ? cookie : DEFAULT_LANG) : offeredFrom(accept);
  return want === DEFAULT_LANG ? null : found(to(want) + queryWithout(qs));
}
`;
}

/** A CloudFront Functions request, as much of it as the language choice reads. */
export interface EdgeRequest {
  uri: string;
  querystring: Record<string, { value: string; multiValue?: { value: string }[] }>;
  headers: Record<string, { value: string }>;
  cookies: Record<string, { value: string }>;
}

export interface EdgeRedirect {
  statusCode: 302;
  headers: Record<string, { value: string }>;
  cookies?: Record<string, { value: string; attributes: string }>;
}

/** The edge's code as a function, for the local server and tests: the very source CloudFront runs. */
export function compileLanguageRedirect(
  languages: readonly string[],
  defaultLanguage: string,
): (request: EdgeRequest, headers?: Record<string, { value: string }>) => EdgeRedirect | null {
  // Evaluates the project's own generated edge code, to run exactly what CloudFront runs.
  return new Function(`${languageRedirectSource(languages, defaultLanguage)}\nreturn languageRedirect;`)();
}
