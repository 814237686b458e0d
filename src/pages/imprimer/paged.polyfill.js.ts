/** Paged.js, served by the site itself (no CDN). Its package exports no dist/ path, so the file is read directly. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { APIRoute } from 'astro';

export const GET: APIRoute = () =>
  new Response(readFileSync(join(process.cwd(), 'node_modules/pagedjs/dist/paged.polyfill.min.js'), 'utf8'), {
    headers: { 'content-type': 'text/javascript' },
  });
