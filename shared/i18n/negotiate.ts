/**
 * The languages an `Accept-Language` header asks for, best first (RFC 9110 §12.5.4): q-values sort,
 * `q=0` refuses, ties keep the header's order; tags are lower-cased.
 * @example preferredLanguages('cy-GB,cy;q=0.9,en;q=0.5') // ['cy-gb', 'cy', 'en']
 */
export function preferredLanguages(header: string | undefined | null): string[] {
  if (!header) return [];
  const ranges: { tag: string; q: number; order: number }[] = [];
  header
    .slice(0, 1000)
    .split(',')
    .forEach((part, order) => {
      const [range = '', ...params] = part.trim().split(';');
      const tag = range.trim().toLowerCase();
      if (!/^(\*|[a-z]{1,8}(-[a-z0-9]{1,8})*)$/.test(tag)) return;
      let q = 1;
      for (const param of params) {
        const m = /^\s*q\s*=\s*([01](\.\d{0,3})?)\s*$/i.exec(param);
        if (m) q = Number(m[1]);
      }
      if (q > 0) ranges.push({ tag, q, order });
    });
  return ranges.sort((a, b) => b.q - a.q || a.order - b.order).map((r) => r.tag);
}

/**
 * The offered language that best meets the header: an exact or primary-tag match of the best range
 * that matches any (`cy-GB` → `cy`), `*` → the default, nothing → the default.
 * @example negotiateLanguage('es-MX,es;q=0.9,en;q=0.8', ['en', 'es', 'cy'], 'en') // 'es'
 */
export function negotiateLanguage(header: string | undefined | null, offered: readonly string[], fallback: string): string {
  for (const tag of preferredLanguages(header)) {
    if (tag === '*') return fallback;
    const primary = tag.split('-')[0];
    const found = offered.find((lang) => lang.toLowerCase() === tag) ?? offered.find((lang) => lang.toLowerCase() === primary);
    if (found) return found;
  }
  return fallback;
}
