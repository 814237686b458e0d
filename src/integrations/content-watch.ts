/**
 * Live preview of content: in `npm run dev`, any change under CONTENT_DIR
 * bumps a version the site's contract loader checks, and reloads the page.
 * A content error then shows in the browser (Astro's error overlay, with
 * file:line:column); fixing it recovers without restarting the server.
 */
import { resolve, sep } from 'node:path';
import type { AstroIntegration } from 'astro';
import { contentDir } from '../lib/contract.ts';
import { bumpContentVersion } from '../data/content-version.ts';

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
          server.hot.send({ type: 'full-reload', path: '*' });
        };
        server.watcher.on('change', onChange);
        server.watcher.on('add', onChange);
        server.watcher.on('unlink', onChange);
      },
    },
  };
}
