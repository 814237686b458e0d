import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pdfCache, printPageInputs } from '../../../scripts/lib/pdf-cache.ts';

const work = mkdtempSync(join(tmpdir(), 'cahiers-pdf-cache-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function write(root: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

describe('the PDF cache', () => {
  it('keys on every input and where one input ends', () => {
    const cache = pdfCache({ CAHIERS_CACHE_DIR: join(work, 'keys') });
    expect(cache.key('ab', 'c')).toBe(cache.key('ab', 'c'));
    expect(cache.key('ab', 'c')).not.toBe(cache.key('a', 'bc'));
    expect(cache.key('é')).toBe(cache.key(Buffer.from('é')));
  });

  it('gives back what was put, by kind and key, and keeps nothing with CAHIERS_CACHE=0', () => {
    const dir = join(work, 'roundtrip');
    const cache = pdfCache({ CAHIERS_CACHE_DIR: dir });
    const key = cache.key('une partie');
    expect(cache.get('partie', key)).toBeUndefined();
    cache.put('partie', key, 'ses pages');
    expect(cache.get('partie', key)?.toString()).toBe('ses pages');
    expect(cache.get('document', key)).toBeUndefined();
    expect(pdfCache({ CAHIERS_CACHE_DIR: dir }).get('partie', key)?.toString()).toBe('ses pages');
    const off = pdfCache({ CAHIERS_CACHE_DIR: dir, CAHIERS_CACHE: '0' });
    expect(off.get('partie', key)).toBeUndefined();
  });

  it('removes the entries least recently used past its size, never one the build used', () => {
    const dir = join(work, 'prune');
    const old = pdfCache({ CAHIERS_CACHE_DIR: dir });
    const keys = ['a', 'b', 'c'].map((k) => old.key(k));
    keys.forEach((k, i) => {
      old.put('document', k, '0123456789');
      utimesSync(join(dir, 'document', k), 1000 + i, 1000 + i);
    });
    // A half-written entry a killed build left an hour ago.
    writeFileSync(join(dir, 'document', `${keys[0]}.tmp-1`), 'moitié');
    utimesSync(join(dir, 'document', `${keys[0]}.tmp-1`), 1000, 1000);
    const cache = pdfCache({ CAHIERS_CACHE_DIR: dir }, 25);
    cache.get('document', keys[0]!);
    cache.prune();
    // The one used now (a), the most recent other (c) up to 25 bytes; b is the least recently used.
    expect(readdirSync(join(dir, 'document')).sort()).toEqual([keys[0], keys[2]].sort());
  });
});

describe('the inputs of a print page', () => {
  const dist = join(work, 'dist');
  write(dist, {
    'imprimer/cahier-1/index.html': '<link rel="stylesheet" href="/contrat/_astro/print.css"><script src="/contrat/imprimer/fit.js"></script><a href="/contrat/fiches/une/">une</a><a href="#titre">titre</a>',
    '_astro/print.css': 'body{}',
    'imprimer/fit.js': 'fit()',
    'fiches/une/index.html': 'la fiche',
  });
  const inputs = () => printPageInputs(dist, '/contrat/', '/imprimer/cahier-1/');

  it('change when a file the page loads changes, even under the same name', () => {
    const before = inputs();
    expect(before.html).toContain('print.css');
    write(dist, { 'imprimer/fit.js': 'fit(2)' });
    expect(inputs().resources).not.toBe(before.resources);
  });

  it('do not change when a page it links to changes', () => {
    const before = inputs();
    write(dist, { 'fiches/une/index.html': 'la fiche, modifiée' });
    expect(inputs().resources).toBe(before.resources);
  });
});
