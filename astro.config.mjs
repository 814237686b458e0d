// @ts-check
import { defineConfig } from 'astro/config';
import { contentWatch } from './src/integrations/content-watch.ts';

/** BASE_PATH lets an agglomeration publish under a sub-path, e.g. /contrat-de-ville/. */
const base = process.env.BASE_PATH && process.env.BASE_PATH.trim() !== '' ? process.env.BASE_PATH : '/';

export default defineConfig({
  output: 'static',
  base,
  ...(process.env.SITE_URL ? { site: process.env.SITE_URL } : {}),
  // scripts/build.ts builds into a temporary folder, then swaps it with dist/.
  outDir: process.env.CAHIERS_OUT_DIR ?? './dist',
  trailingSlash: 'always',
  devToolbar: { enabled: false },
  integrations: [contentWatch()],
  // No inline script or stylesheet: the pages' Content-Security-Policy forbids them.
  build: { format: 'directory', inlineStylesheets: 'never' },
  vite: { build: { assetsInlineLimit: 0 } },
});
