// @ts-check
import { defineConfig } from 'astro/config';
import { contentWatch } from './src/integrations/content-watch.ts';
import { sitePath } from './src/lib/site/base-path.ts';

/** BASE_PATH, or the path of SITE_URL, lets an agglomeration publish under a sub-path, e.g. /contrat-de-ville/. */
const { base } = sitePath(process.env);

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
