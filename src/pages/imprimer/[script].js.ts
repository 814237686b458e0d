/** Our browser code for the print documents (src/print/*.js: Paged.js handlers, where pages break, fitting the fiches), each served as a script file (src/layouts/Print.astro loads them). */
import type { APIRoute, GetStaticPaths } from 'astro';

const SCRIPTS = import.meta.glob<string>('../../print/*.js', { query: '?raw', import: 'default', eager: true });

export const getStaticPaths = (() =>
  Object.entries(SCRIPTS).map(([path, text]) => ({ params: { script: path.replace(/^.*\/|\.js$/g, '') }, props: { text } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => new Response(props.text as string, { headers: { 'content-type': 'text/javascript' } });
