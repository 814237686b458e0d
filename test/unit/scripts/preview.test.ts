/**
 * `npm run preview` over a small built site laid out as the build lays it
 * (a folder per page, 404.html at the root, a base path in every link):
 * answers as a static host would, and refuses a site built for another base.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtBase, startPreview } from '../../../scripts/lib/preview.ts';
import type { Served } from '../../../scripts/lib/serve.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const BASE = '/contrat-de-ville/';
const page = (title: string) => `<!doctype html><html lang="fr"><head><link rel="icon" type="image/svg+xml" href="${BASE}favicon.svg" /><title>${title}</title></head><body><h1>${title}</h1></body></html>`;
const PDF = '%PDF-1.7\n%%EOF\n';

const dist = mkdtempSync(join(tmpdir(), 'cahiers-preview-'));
const files: Record<string, string> = {
  'index.html': page('Accueil'),
  '404.html': page('Page introuvable'),
  'fiches/une-fiche/index.html': page('Une fiche'),
  'pdf/contrat-de-ville.pdf': PDF,
  '_astro/site.css': 'body{}',
  'pagefind/pagefind.fr.pf_meta': 'bytes',
  'donnees/fiches.csv': 'id\r\n',
};
for (const [path, text] of Object.entries(files)) {
  mkdirSync(dirname(join(dist, path)), { recursive: true });
  writeFileSync(join(dist, path), text);
}
afterAll(() => rmSync(dist, { recursive: true, force: true }));

describe('the preview server', () => {
  let server: Served;
  const said: string[] = [];
  beforeAll(async () => {
    server = await startPreview({ DIST_DIR: dist, PORT: '0' }, (line) => said.push(line));
  });
  afterAll(() => server.close());
  const get = (path: string, method = 'GET') => fetch(new URL(path, server.url), { method, redirect: 'manual' });

  it('serves under the base path the site was built for, and says where', () => {
    expect(builtBase(dist)).toBe(BASE);
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/contrat-de-ville$/);
    expect(said).toEqual([`Aperçu de ${dist}/, servi comme par un hébergement statique : ${server.url}/`, 'Les adresses introuvables s’affichent ici. Ctrl+C pour arrêter.']);
  });

  it('serves a folder’s index.html, and redirects a folder named without its final slash', async () => {
    const r = await get(`${BASE}fiches/une-fiche/`);
    expect([r.status, r.headers.get('content-type'), await r.text()]).toEqual([200, 'text/html; charset=utf-8', files['fiches/une-fiche/index.html']]);
    const moved = await get(`${BASE}fiches/une-fiche?x=1`);
    expect([moved.status, moved.headers.get('location')]).toEqual([301, `${BASE}fiches/une-fiche/?x=1`]);
    expect((await get('/contrat-de-ville')).headers.get('location')).toBe(BASE);
  });

  it('serves each file with its MIME type and length, untouched', async () => {
    const pdf = await get(`${BASE}pdf/contrat-de-ville.pdf`);
    expect([pdf.status, pdf.headers.get('content-type'), pdf.headers.get('content-length'), await pdf.text()]).toEqual([200, 'application/pdf', String(PDF.length), PDF]);
    expect((await get(`${BASE}_astro/site.css`)).headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect((await get(`${BASE}donnees/fiches.csv`)).headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect((await get(`${BASE}pagefind/pagefind.fr.pf_meta`)).headers.get('content-type')).toBe('application/octet-stream');
    const head = await get(`${BASE}pdf/contrat-de-ville.pdf`, 'HEAD');
    expect([head.status, head.headers.get('content-length'), await head.text()]).toEqual([200, String(PDF.length), '']);
  });

  it('answers an unknown address with the site’s 404.html and status 404, and prints it', async () => {
    for (const path of [`${BASE}pas-ici/`, `${BASE}fiches/une-fiche/autre.pdf`, `${BASE}..%2f..%2fetc%2fpasswd`]) {
      const r = await get(path);
      expect([path, r.status, await r.text()]).toEqual([path, 404, files['404.html']]);
    }
    expect(said).toContain(`404 ${BASE}pas-ici/`);
    const outside = await get('/ailleurs/');
    expect([outside.status, await outside.text()]).toEqual([404, `Le site est servi sous ${BASE}\n`]);
  });
});

describe('npm run preview', () => {
  it('refuses a BASE_PATH other than the one the site was built for', async () => {
    await expect(startPreview({ DIST_DIR: dist, PORT: '0', BASE_PATH: '/' }, () => {})).rejects.toThrow(
      `${dist}/ a été construit pour le sous-chemin ${BASE}, et BASE_PATH vaut / : lancez BASE_PATH=${BASE} npm run preview, ou reconstruisez avec BASE_PATH=/ npm run build.`,
    );
  });

  it('without a built site, says to build it first', async () => {
    await expect(startPreview({ DIST_DIR: join(dist, 'rien'), PORT: '0' }, () => {})).rejects.toThrow(`Aucun site construit dans ${join(dist, 'rien')}/ : lancez d’abord npm run build.`);
  });

  it('prints the URL and serves until stopped', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/preview.ts')], { cwd: ROOT, env: { ...process.env, DIST_DIR: dist, PORT: '0' }, stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      const url = await new Promise<string>((found, fail) => {
        let out = '';
        child.stdout.on('data', (d: Buffer) => {
          out += d;
          const m = / : (http:\S+\/)\n/.exec(out);
          if (m) found(m[1]!);
        });
        child.on('exit', (code) => fail(new Error(`preview exited with ${code}: ${out}`)));
      });
      const r = await fetch(url);
      expect([r.status, await r.text()]).toEqual([200, files['index.html']]);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await new Promise((r) => child.on('exit', r))).toBe(0);
  });
});
