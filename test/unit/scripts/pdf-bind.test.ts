/**
 * Binding two small tagged PDFs that Chromium prints as it prints the
 * cahiers: the first of odd length, so the second needs a blank page before it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFString, PDFHexString } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../../scripts/lib/browser.ts';
import { bindPdfs } from '../../../scripts/lib/pdf-bind.ts';
import { finishPdf, type PdfMeta } from '../../../scripts/lib/pdf-finish.ts';
import { treePairs } from '../../../scripts/lib/pdf-structure.ts';
import { linkTargets, outline, pageLabels, pageTexts, structure } from '../../helpers/pdf.ts';

const meta: PdfMeta = { title: 'Contrat', author: 'Agglomération', subject: 'Cahiers', keywords: [], date: '2015-12-21' };
const table = '<table><thead><tr><th>Quartier</th><th>Habitants</th></tr></thead><tbody><tr><td>Nord</td><td>1 200</td></tr></tbody></table>';
const page = (body: string) => `<section style="break-after: page">${body}</section>`;

const PART_ONE = [
  page('<h1 style="width: 70mm">Contrat de ville de Clermont Communauté</h1><p><a href="#fin">Aller à la fin</a></p>' + table),
  page('<p>Deuxième page</p>'),
  '<h2 id="fin">Fin du premier cahier</h2>',
].join('');
const PART_TWO = [page('<h1>Stratégie</h1><p><a href="#objectif">Vers l’objectif</a></p>' + table), '<h2 id="objectif">Objectif opérationnel</h2>'].join('');

let browser: Browser;
const work = mkdtempSync(join(tmpdir(), 'cahiers-bind-'));
const bound = join(work, 'contrat.pdf');

async function print(html: string): Promise<Uint8Array> {
  const tab = await browser.newPage();
  await tab.setContent(`<!doctype html><html lang="fr"><body>${html}</body></html>`);
  const headings = await tab.evaluate(() => [...document.querySelectorAll<HTMLElement>('h1, h2')].map((h) => h.innerText));
  const pdf = await tab.pdf({ format: 'A4', tagged: true, outline: true });
  await tab.close();
  return finishPdf(pdf, meta, [], headings);
}

beforeAll(async () => {
  browser = await launchBrowser();
  const [one, two] = [await print(PART_ONE), await print(PART_TWO)];
  writeFileSync(bound, await bindPdfs([{ title: 'Cahier I', label: 'I', bytes: one }, { title: 'Cahier II', label: 'II', bytes: two }], meta));
}, 60_000);
afterAll(async () => {
  await browser?.close();
  rmSync(work, { recursive: true, force: true });
});

/** Each link's target page (0-based), page by page. */
describe('bindPdfs', () => {
  it('opens the second part on a right-hand page, after a blank one', () => {
    const pages = pageTexts(bound);
    expect(pages).toHaveLength(6);
    expect(pages[3]!.trim()).toBe('');
    expect(pages[4]).toContain('Stratégie');
  });

  it('labels each page with its part and its own number', async () => {
    expect(await pageLabels(bound)).toEqual(['I-1', 'I-2', 'I-3', 'I-4', 'II-1', 'II-2']);
  });

  it('keeps each part’s bookmarks under its own, leading to the right pages, titles with their spaces', async () => {
    const marks = await outline(bound);
    expect(marks).toEqual([
      { title: 'Cahier I', depth: 0, page: 0 },
      { title: 'Contrat de ville de Clermont Communauté', depth: 1, page: 0 },
      { title: 'Fin du premier cahier', depth: 2, page: 2 },
      { title: 'Cahier II', depth: 0, page: 4 },
      { title: 'Stratégie', depth: 1, page: 4 },
      { title: 'Objectif opérationnel', depth: 2, page: 5 },
    ]);
  });

  it('keeps each part’s links, leading into that part', async () => {
    const targets = await linkTargets(bound);
    expect(targets[0]).toEqual([2]);
    expect(targets[4]).toEqual([5]);
  });

  it('is tagged: one structure tree with a part per document, every page’s content in it, ids kept apart', async () => {
    expect(await structure(bound)).toEqual({ tree: true, unmapped: [] });
    const doc = await PDFDocument.load(readFileSync(bound));
    const root = doc.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict);
    const top = root.lookup(PDFName.of('K'), PDFDict);
    expect(top.get(PDFName.of('S'))?.toString()).toBe('/Document');
    const parts = top.lookup(PDFName.of('K'), PDFArray).asArray().map((p) => doc.context.lookup(p, PDFDict));
    expect(parts.map((p) => p.get(PDFName.of('S'))?.toString())).toEqual(['/Part', '/Part']);
    expect(parts.map((p) => p.lookup(PDFName.of('T'), PDFString, PDFHexString).decodeText())).toEqual(['Cahier I', 'Cahier II']);
    const ids = treePairs(root.lookupMaybe(PDFName.of('IDTree'), PDFDict), 'Names').map(([k]) => (k as PDFString).decodeText());
    expect(ids.length).toBeGreaterThan(0);
    expect(new Set(ids).size).toBe(ids.length);
    expect(doc.catalog.lookup(PDFName.of('MarkInfo'), PDFDict).get(PDFName.of('Marked'))?.toString()).toBe('true');
  });
});
