/**
 * A static file server on loopback for the built site, honouring a base
 * path, that answers as a static host (GitLab Pages, GitHub Pages, nginx)
 * does: a folder's index.html, a redirect from a folder without its final
 * slash, the site's 404.html with status 404, a MIME type by extension, and
 * no other rewriting. End-to-end tests, the PDF build and `npm run preview`
 * load pages through it.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.pdf': 'application/pdf',
  '.csv': 'text/csv; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.geojson': 'application/geo+json',
  '.wasm': 'application/wasm',
};

/** The Content-Type a static host sends for `file` (unknown extensions, such as Pagefind's, as bytes). */
export function contentType(file: string): string {
  return TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export interface Served {
  url: string;
  requests: string[];
  close(): Promise<void>;
}

export interface ServeOptions {
  /**
   * Let the browser keep files other than pages (scripts, styles, fonts)
   * for the session — the PDF build loads one print page per part and
   * would otherwise fetch and decode them again each time.
   */
  cache?: boolean;
  /** 0 (the default) for any free port. */
  port?: number;
  /** Called once per answer (`npm run preview` prints those that are not 200). */
  onResponse?: (status: number, path: string) => void;
}

export async function serveDir(root: string, base = '/', options: ServeOptions = {}): Promise<Served> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    requests.push(url.pathname);
    const status = answer(root, base, url, req.method === 'HEAD', res, options.cache ?? false);
    options.onResponse?.(status, url.pathname);
  });
  await new Promise<void>((r, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', r);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${base.replace(/\/$/, '')}`,
    requests,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

function answer(root: string, base: string, url: URL, head: boolean, res: ServerResponse, cache: boolean): number {
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    res.writeHead(400).end();
    return 400;
  }
  // The base without its final slash is the site's folder: redirected like any other.
  if (`${path}/` === base) return redirect(res, `${base}${url.search}`);
  if (!path.startsWith(base)) {
    res.writeHead(404, { 'content-type': TYPES['.txt']! }).end(head ? undefined : `Le site est servi sous ${base}\n`);
    return 404;
  }
  const file = join(root, normalize(`/${path.slice(base.length)}`));
  if (existsSync(file) && statSync(file).isDirectory()) {
    if (!path.endsWith('/')) return redirect(res, `${url.pathname}/${url.search}`);
    return send(res, join(file, 'index.html'), 200, head, cache) ?? notFound(root, res, head);
  }
  return send(res, file, 200, head, cache) ?? notFound(root, res, head);
}

/** Sends `file` if it is one; undefined otherwise. */
function send(res: ServerResponse, file: string, status: number, head: boolean, cache: boolean): number | undefined {
  if (!existsSync(file) || !statSync(file).isFile()) return undefined;
  const keep = cache && extname(file) !== '.html' ? { 'cache-control': 'max-age=3600' } : {};
  res.writeHead(status, { 'content-type': contentType(file), 'content-length': statSync(file).size, ...keep });
  if (head) res.end();
  else createReadStream(file).pipe(res);
  return status;
}

function notFound(root: string, res: ServerResponse, head: boolean): number {
  if (send(res, join(root, '404.html'), 404, head, false) === undefined) res.writeHead(404).end(head ? undefined : 'not found');
  return 404;
}

function redirect(res: ServerResponse, location: string): number {
  res.writeHead(301, { location }).end();
  return 301;
}
