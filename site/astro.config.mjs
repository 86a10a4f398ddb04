import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'astro/config';

// The jurisdiction folder the site is built for (as shared/jurisdiction/source.ts chooses it): its
// jurisdiction.json and catalog.json are compiled in, since the browser has no folder to read.
// The areas file is not: the browser fetches simplified shapes from the API instead.
const folder = resolve(process.env.CIVICBOARD_JURISDICTION?.trim() || resolve(import.meta.dirname, '..', 'jurisdictions', 'demo'));
const read = (file) => JSON.parse(readFileSync(resolve(folder, file), 'utf8'));
// The board's catalogs (shared/i18n/messages/<lang>/<namespace>.json) and the folder's translations
// (i18n/<lang>.json): read at build time by the pages' frontmatter (site/src/i18n.ts). Browser scripts
// never import the module that reads this define; each page carries its own language's messages.
const messagesRoot = resolve(import.meta.dirname, '..', 'shared', 'i18n', 'messages');
const readDir = (dir) => (existsSync(dir) ? readdirSync(dir, { withFileTypes: true }) : []);
const messages = Object.fromEntries(
  readDir(messagesRoot)
    .filter((e) => e.isDirectory())
    .map((e) => [
      e.name,
      Object.fromEntries(
        readDir(resolve(messagesRoot, e.name))
          .filter((f) => f.name.endsWith('.json'))
          .map((f) => [f.name.slice(0, -5), JSON.parse(readFileSync(resolve(messagesRoot, e.name, f.name), 'utf8'))]),
      ),
    ]),
);
const translations = Object.fromEntries(
  readDir(resolve(folder, 'i18n'))
    .filter((f) => /^[a-z]{2,3}\.json$/.test(f.name))
    .map((f) => [f.name.slice(0, -5), read(`i18n/${f.name}`)]),
);
const jurisdictionData = {
  folder: '(bundled)',
  jurisdiction: read('jurisdiction.json'),
  catalog: read('catalog.json'),
  messages,
  translations,
};

// Static output only: the site is plain files on S3/CloudFront (or the local server) and talks to /api.
export default defineConfig({
  output: 'static',
  outDir: './dist',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'auto' },
  devToolbar: { enabled: false },
  vite: {
    // Never inline a script into the page: the Content-Security-Policy (script-src 'self') would block it,
    // as it did the layout's language switch. Other assets keep Vite's default.
    build: { chunkSizeWarningLimit: 400, assetsInlineLimit: (file) => (file.endsWith('.js') ? false : undefined) },
    define: { __CIVICBOARD_JURISDICTION__: JSON.stringify(jurisdictionData) },
  },
});
