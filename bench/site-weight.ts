import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

/** gzip size in bytes of a file, as a CDN would serve it. */
const gz = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;

/** Every JS module a file pulls in, statically or lazily (a page needs its lazy chunks to work too). */
function jsClosure(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  for (const m of code.matchAll(/(?:import|from)\s*\(?\s*["'](\.{1,2}\/[^"']+\.js)["']/g))
    jsClosure(resolve(dirname(file), m[1] as string), seen);
  return seen;
}

/** JS and CSS a built page loads, gzipped, from the HTML's script and stylesheet references. */
export function pageWeight(dist: string, html: string): { js: number; css: number; files: string[] } {
  const text = readFileSync(html, 'utf8');
  const refs = [...text.matchAll(/(?:src|href)="(\/_astro\/[^"]+\.(?:js|css))"/g)].map((m) => join(dist, m[1] as string));
  const js = new Set<string>();
  for (const r of refs.filter((r) => r.endsWith('.js'))) jsClosure(r, js);
  const css = new Set(refs.filter((r) => r.endsWith('.css')));
  for (const f of js)
    for (const m of readFileSync(f, 'utf8').matchAll(/["'](\/_astro\/[^"']+\.css)["']/g)) css.add(join(dist, m[1] as string));
  const inlineCss = [...text.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].reduce((n, m) => n + gzipSync(m[1] as string).length, 0);
  const sum = (files: Set<string>) => [...files].reduce((n, f) => n + gz(f), 0);
  return { js: sum(js), css: sum(css) + inlineCss, files: [...js, ...css].map((f) => relative(dist, f)) };
}

export function siteWeights(dist: string): { page: string; jsKb: number; cssKb: number; totalKb: number }[] {
  const pages: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name === 'index.html') pages.push(path);
    }
  };
  walk(dist);
  const kb = (n: number) => Math.round((n / 1024) * 10) / 10;
  return pages.sort().map((p) => {
    const w = pageWeight(dist, p);
    return {
      page: `/${relative(dist, dirname(p))}${relative(dist, dirname(p)) ? '/' : ''}`,
      jsKb: kb(w.js),
      cssKb: kb(w.css),
      totalKb: kb(w.js + w.css),
    };
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = siteWeights(resolve(import.meta.dirname, '..', 'site', 'dist'));
  console.log('| page | JS gz KB | CSS gz KB | total KB |\n|---|---|---|---|');
  for (const r of rows) console.log(`| ${r.page} | ${r.jsKb} | ${r.cssKb} | ${r.totalKb} |`);
}
