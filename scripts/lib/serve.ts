/**
 * A static file server on loopback for the built site, honouring a base
 * path, so end-to-end tests load pages the way a static host serves them.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.pdf': 'application/pdf',
  '.csv': 'text/csv; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.geojson': 'application/geo+json',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
};

export interface Served {
  url: string;
  requests: string[];
  close(): Promise<void>;
}

/**
 * `cache`: let the browser keep files other than pages (scripts, styles,
 * fonts) for the session — the PDF build loads one print page per part and
 * would otherwise fetch and decode them again each time.
 */
export async function serveDir(root: string, base = '/', options: { cache?: boolean } = {}): Promise<Served> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    requests.push(url.pathname);
    let path = decodeURIComponent(url.pathname);
    if (!path.startsWith(base)) {
      res.writeHead(404).end();
      return;
    }
    path = normalize(`/${path.slice(base.length)}`);
    let file = join(root, path);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404).end('not found');
      return;
    }
    const cache = options.cache && extname(file) !== '.html' ? { 'cache-control': 'max-age=3600' } : {};
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', ...cache });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${base.replace(/\/$/, '')}`,
    requests,
    close: () => new Promise((r) => server.close(() => r())),
  };
}
