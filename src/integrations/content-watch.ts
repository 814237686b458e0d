/**
 * Live preview of content: in `npm run dev`, any change under CONTENT_DIR
 * bumps a version the site's contract loader checks, makes the dev server
 * forget the pages' getStaticPaths results, and reloads the page. A content
 * error then shows in the browser (Astro's error overlay, with
 * file:line:column); fixing it recovers without restarting the server.
 */
import { resolve, sep } from 'node:path';
import type { AstroIntegration } from 'astro';
import { contentDir } from '../lib/contract.ts';
import { bumpContentVersion } from '../data/content-version.ts';

/**
 * The Vite environments that render pages in `astro dev` (Astro's
 * ASTRO_VITE_ENVIRONMENT_NAMES.ssr and .prerender).
 */
const PAGE_ENVIRONMENTS = ['ssr', 'prerender'];

export function contentWatch(): AstroIntegration {
  return {
    name: 'cahiers:content-watch',
    hooks: {
      'astro:server:setup': ({ server }) => {
        const dir = resolve(contentDir());
        server.watcher.add(dir);
        const onChange = (file: string) => {
          if (file !== dir && !file.startsWith(dir + sep)) return;
          bumpContentVersion();
          // The dev server keeps each dynamic route's getStaticPaths result
          // (Astro's RouteCache) for as long as the page module is unchanged,
          // so a new fiche would get no page and a deleted one would keep
          // its own. Astro's content layer empties that cache by sending
          // `astro:content-changed` to the page environments, whose dev app
          // answers with `getRouteCache(manifest).clearAll()`; our content
          // lives outside the content layer, so we send the same event. The
          // other way in, invalidating the page modules so that the cache
          // sees a new module, would re-evaluate every page and their imports
          // for a change that concerns data only.
          for (const name of PAGE_ENVIRONMENTS) server.environments[name]?.hot.send('astro:content-changed', {});
          server.hot.send({ type: 'full-reload', path: '*' });
        };
        server.watcher.on('change', onChange);
        server.watcher.on('add', onChange);
        server.watcher.on('unlink', onChange);
      },
    },
  };
}
