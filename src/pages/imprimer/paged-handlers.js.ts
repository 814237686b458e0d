/** Our Paged.js handlers (src/print/paged-handlers.js), served as a script file. */
import type { APIRoute } from 'astro';
import handlers from '../../print/paged-handlers.js?raw';

export const GET: APIRoute = () => new Response(handlers, { headers: { 'content-type': 'text/javascript' } });
