import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'astro/config';

// The jurisdiction folder the site is built for (as shared/jurisdiction/source.ts chooses it): its
// jurisdiction.json and catalog.json are compiled in, since the browser has no folder to read.
// The areas file is not: the browser fetches simplified shapes from the API instead.
const folder = resolve(process.env.CIVICBOARD_JURISDICTION?.trim() || resolve(import.meta.dirname, '..', 'jurisdictions', 'demo'));
const read = (file) => JSON.parse(readFileSync(resolve(folder, file), 'utf8'));
const jurisdictionData = { folder: '(bundled)', jurisdiction: read('jurisdiction.json'), catalog: read('catalog.json') };

// Static output only: the site is plain files on S3/CloudFront (or the local server) and talks to /api.
export default defineConfig({
  output: 'static',
  outDir: './dist',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'auto' },
  devToolbar: { enabled: false },
  vite: {
    build: { chunkSizeWarningLimit: 400 },
    define: { __CIVICBOARD_JURISDICTION__: JSON.stringify(jurisdictionData) },
  },
});
