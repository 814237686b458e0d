/** Our Paged.js handlers (src/print/paged-handlers.js, then src/print/paged-breaks.js), served as one script file. */
import type { APIRoute } from 'astro';
import breaks from '../../print/paged-breaks.js?raw';
import handlers from '../../print/paged-handlers.js?raw';

export const GET: APIRoute = () => new Response(`${handlers}\n${breaks}`, { headers: { 'content-type': 'text/javascript' } });
