/** Sizes and page counts of the downloads, filled into the built pages; files not built are not offered. */
import { describe, expect, it } from 'vitest';
import { fileDetails, fillDownloads, formatFileSize } from '../../../src/lib/site/file-details.ts';

const NBSP = '\u00a0';

describe('file sizes in French', () => {
  it('uses octets, ko, Mo, Go with a decimal comma below 10', () => {
    expect(formatFileSize(1)).toBe(`1${NBSP}octet`);
    expect(formatFileSize(850)).toBe(`850${NBSP}octets`);
    expect(formatFileSize(1_000)).toBe(`1${NBSP}ko`);
    expect(formatFileSize(45_300)).toBe(`45${NBSP}ko`);
    expect(formatFileSize(1_234_567)).toBe(`1,2${NBSP}Mo`);
    expect(formatFileSize(2_559_802)).toBe(`2,6${NBSP}Mo`);
    expect(formatFileSize(9_960_000)).toBe(`10${NBSP}Mo`);
    expect(formatFileSize(999_999)).toBe(`1${NBSP}Mo`);
    expect(formatFileSize(12_300_000_000)).toBe(`12${NBSP}Go`);
  });

  it('gives the format, the size and a PDF’s pages', () => {
    expect(fileDetails('PDF', { bytes: 2_559_802, pages: 102 })).toBe(`PDF, 2,6${NBSP}Mo, 102${NBSP}pages`);
    expect(fileDetails('PDF', { bytes: 2_000, pages: 1 })).toBe(`PDF, 2${NBSP}ko, 1${NBSP}page`);
    expect(fileDetails('CSV', { bytes: 45_300 })).toBe(`CSV, 45${NBSP}ko`);
  });
});

describe('fillDownloads', () => {
  const page = `<!DOCTYPE html><html lang="fr"><head><title>T</title></head><body>
<section data-fichiers><h2>Les PDF</h2><ul>
<li data-fichier="/pdf/a.pdf"><a href="/base/pdf/a.pdf">A (<span data-fichier-details="PDF">PDF</span>)</a> — le premier</li>
<li data-fichier="/pdf/b.pdf"><a href="/base/pdf/b.pdf">B (<span data-fichier-details="PDF">PDF</span>)</a></li>
</ul></section>
<section data-fichiers><h2>Données</h2><ul><li data-fichier="/donnees/c.csv"><a href="/base/donnees/c.csv">C (<span data-fichier-details="CSV">CSV</span>)</a></li></ul></section>
</body></html>`;
  const files: Record<string, { bytes: number; pages?: number }> = { '/pdf/a.pdf': { bytes: 2_559_802, pages: 102 }, '/pdf/b.pdf': { bytes: 3_000, pages: 1 }, '/donnees/c.csv': { bytes: 900 } };

  it('writes each file’s size and pages into its item', () => {
    const { html, listed, removed } = fillDownloads(page, (p) => files[p]);
    expect(html).toContain(`A (<span data-fichier-details="PDF">PDF, 2,6${NBSP}Mo, 102${NBSP}pages</span>)</a> — le premier`);
    expect(html).toContain(`>PDF, 3${NBSP}ko, 1${NBSP}page</span>)`);
    expect(html).toContain(`>CSV, 900${NBSP}octets</span>)`);
    expect(listed).toEqual(['/pdf/a.pdf', '/pdf/b.pdf', '/donnees/c.csv']);
    expect(removed).toEqual([]);
  });

  it('is idempotent: filling a filled page changes nothing', () => {
    const once = fillDownloads(page, (p) => files[p]).html;
    expect(fillDownloads(once, (p) => files[p]).html).toBe(once);
  });

  it('removes the items of files not built, and a block left empty', () => {
    const noPdf = (p: string) => (p.endsWith('.pdf') ? undefined : files[p]);
    const { html, listed, removed } = fillDownloads(page, noPdf);
    expect(html).not.toContain('.pdf');
    expect(html).not.toContain('Les PDF');
    expect(html).toContain('Données');
    expect(listed).toEqual(['/donnees/c.csv']);
    expect(removed).toEqual(['/pdf/a.pdf', '/pdf/b.pdf']);
  });

  it('handles one item with a download per format: each filled, or removed with the item when none is left', () => {
    const table = `<ul><li data-fichiers><strong>T</strong> : <span class="formats"><span data-fichier="/d/t.xlsx"><a href="/d/t.xlsx"><span data-fichier-details="XLSX">XLSX</span></a></span><span data-fichier="/d/t.csv"><a href="/d/t.csv"><span data-fichier-details="CSV">CSV</span></a></span></span></li></ul>`;
    const some = fillDownloads(table, (p) => (p.endsWith('.csv') ? { bytes: 4_200 } : undefined));
    expect(some.html).toContain(`<li data-fichiers=""><strong>T</strong> : <span class="formats"><span data-fichier="/d/t.csv"><a href="/d/t.csv"><span data-fichier-details="CSV">CSV, 4,2${NBSP}ko</span></a></span></span></li>`);
    expect(fillDownloads(table, () => undefined).html).not.toContain('<li');
  });
});
