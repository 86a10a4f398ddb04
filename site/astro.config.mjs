import { defineConfig } from 'astro/config';

// Static output only: the site is plain files on S3/CloudFront (or the local server) and talks to /api.
export default defineConfig({
  output: 'static',
  outDir: './dist',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'auto' },
  devToolbar: { enabled: false },
  vite: { build: { chunkSizeWarningLimit: 400 } },
});
