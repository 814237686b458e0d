/**
 * Fiches projets of every length in a printed cahier II: each holds on one
 * page, tightened if need be but never under 9 pt, or opens a two-page
 * spread on a left-hand page whose second page is at least a third full;
 * the table of contents follows. Built from the minimal contract with
 * fiches whose text grows a few lines at a time, from well under a page to
 * nearly two.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../scripts/lib/browser.ts';
import { buildAll } from '../../scripts/lib/build-steps.ts';
import { renderPrintPage } from '../../scripts/lib/pdf-render.ts';
import { mergeParts } from '../../scripts/lib/pdf-merge.ts';
import { serveDir, type Served } from '../../scripts/lib/serve.ts';
import { readContentFiles } from '../../src/lib/content-files.ts';
import { buildContract } from '../../src/lib/model/index.ts';
import { printFiles } from '../../src/lib/print/documents.ts';
import { FIXTURES } from '../helpers/fixtures.ts';
import { fichePageProblems, fichePages, linkTargets, outline, pageFill, pageTexts, structure, structureElements, tocEntries } from '../helpers/pdf.ts';
import { fichesBodyFontSizes } from '../helpers/print-page.ts';

const SENTENCE = 'Les partenaires du contrat réunissent chaque trimestre les habitants du quartier pour suivre l’action, mesurer ses effets et ajuster ses modalités. ';
const SECTIONS = ['Contexte', 'Description', 'Modalités', 'Résultats attendus'];
/** Sentences in each fiche's body: from a short fiche to one of nearly two pages. */
const LENGTHS = Array.from({ length: 26 }, (_, i) => 10 + i * 2);

function fiche(n: number, sentences: number): string {
  const per = Math.ceil(sentences / SECTIONS.length);
  const body = SECTIONS.map((s, i) => {
    const count = Math.max(0, Math.min(per, sentences - i * per));
    // Two paragraphs a section, so that a fiche may also break between paragraphs.
    const half = Math.ceil(count / 2);
    return count ? `## ${s}\n\n${SENTENCE.repeat(half)}\n\n${SENTENCE.repeat(count - half)}\n` : '';
  }).join('\n');
  return `---
titre: Fiche d’essai ${String(n).padStart(2, '0')}
objectifs: [accompagner]
quartiers: [centre]
porteur: Association d’essai
partenaires: [Ville, Département, Caisse d’allocations familiales, Mission locale]
public: Habitants du quartier, en particulier les jeunes et les familles
calendrier: { debut: 2016, fin: 2020 }
budget:
  total: 90000
  financements:
    - { financeur: État, montant: 30000 }
    - { financeur: Conseil départemental, montant: 30000 }
    - { financeur: Ville, montant: 30000 }
indicateurs:
  - { libelle: Habitants accompagnés chaque année, cible: 120 }
  - { libelle: Part des habitants satisfaits de l’accompagnement, cible: 80 % }
---
${body}`;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('fiches of every length in a printed cahier II', () => {
  const work = mkdtempSync(join(tmpdir(), 'cahiers-fiches-'));
  const dir = join(work, 'contrat');
  const dist = join(work, 'dist');
  const file = join(dist, 'pdf', printFiles[2]);
  let server: Served;
  /** The test's fiches, numbered as the contract numbers them. */
  const essais = () => buildContract(readContentFiles(dir)).contract!.fiches.filter((f) => f.titre.startsWith('Fiche d’essai'));

  beforeAll(async () => {
    cpSync(join(FIXTURES, 'minimal'), dir, { recursive: true });
    LENGTHS.forEach((sentences, i) => writeFileSync(join(dir, `cahier-2/fiches/essai-${String(i + 1).padStart(2, '0')}.md`), fiche(i + 1, sentences)));
    expect(await buildAll({ ...process.env, CONTENT_DIR: dir }, dist)).toBe(0);
    server = await serveDir(dist);
  }, 240_000);
  afterAll(async () => {
    await server?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('holds each fiche on one page, or opens it on a left-hand page with a second page at least a third full', () => {
    const texts = pageTexts(file);
    const fill = pageFill(file);
    const fiches = fichePages(texts, essais());
    expect(fiches.length).toBe(LENGTHS.length);
    const spreads = fiches.filter((f) => f.pages.length > 1);
    for (const f of fiches) {
      const next = f.pages.at(-1)! + 1;
      if (f.pages.length === 1) continue;
      expect(f.pages.length, f.title).toBe(2);
      expect(f.pages[0]! % 2, `${f.title} : double page ouverte p. ${f.pages[0]}`).toBe(0);
      expect(fill[f.pages[1]! - 1]!, `${f.title} : seconde page p. ${f.pages[1]}`).toBeGreaterThanOrEqual(1 / 3);
      expect(next).toBeGreaterThan(f.pages[1]!);
    }
    // The short ones on a page, the longest as spreads, and some tightened to hold on one.
    expect(fiches.slice(0, 8).every((f) => f.pages.length === 1)).toBe(true);
    expect(spreads.length).toBeGreaterThan(3);
    expect(fiches.at(-1)!.pages.length).toBe(2);
  });

  it('follows a fiche’s page with a page of at least 80 words, unless it is the second page of a spread', () => {
    expect(fichePageProblems(pageTexts(file), pageFill(file), essais())).toEqual([]);
  });

  it('gives in the table of contents the page each fiche opens on', () => {
    const texts = pageTexts(file);
    const fiches = fichePages(texts, essais());
    const entries = tocEntries(texts.slice(1, 4).join('\n')).filter((e) => e.title.includes('Fiche d’essai'));
    expect(entries.map((e) => e.page)).toEqual(fiches.map((f) => f.pages[0]));
  });

  it('prints the same pages when paginated in small parts, some opening on a left-hand page', async () => {
    // Parts of a few pages each: most begin at a fiche, many at a spread (scripts/lib/pdf-render.ts lays those out after an empty page it drops).
    const rendered = await renderPrintPage(browser, `${server.url}/imprimer/cahier-2/`, { budget: 20_000 });
    expect(rendered.parts).toBeGreaterThan(5);
    const small = join(work, 'parties.pdf');
    writeFileSync(small, await (await mergeParts(rendered.printed)).save());
    const turned = new Set(rendered.landscape);
    // Words and lines, not the blank space pdftotext lays between columns and lines (it follows each part's font subsets).
    const texts = (f: string) =>
      pageTexts(f)
        .filter((_, i) => !turned.has(i))
        .map((page) => page.replace(/[ \t]+/g, ' ').replace(/ ?\n[ \n]*/g, '\n'));
    expect(texts(small)).toEqual(texts(file));
    // Each part printed on its own: links and bookmarks lead across parts to the same pages, bookmarks nested as the headings.
    const links = await linkTargets(small);
    expect(links.flat().length).toBeGreaterThan(26);
    expect(links.flat().filter((t) => t < 0)).toEqual([]);
    expect(links).toEqual(await linkTargets(file));
    const marks = await outline(small);
    expect(new Set(marks.map((m) => m.depth)).size).toBeGreaterThan(1);
    expect(marks).toEqual(await outline(file));
    expect(await structure(small)).toEqual({ tree: true, unmapped: [] });
    // Chromium's NonStruct wrappers are gone (pdf-structure.ts), the elements that mean something kept.
    const elements = await structureElements(small);
    expect(elements.nestedNonStruct).toBe(0);
    expect(elements.dangling).toBe(0);
    expect(elements.types).toMatchObject({ Table: expect.any(Number), TD: expect.any(Number), H2: expect.any(Number), P: expect.any(Number), Link: expect.any(Number) });
    expect(elements.types.TD).toBe((await structureElements(file)).types.TD);
  }, 120_000);

  it('links each entry of the table of contents to the page its fiche opens on', async () => {
    const fiches = fichePages(pageTexts(file), essais());
    const fromContents = (await linkTargets(file)).slice(1, 4).flat();
    for (const f of fiches) expect(fromContents).toContain(f.pages[0]! - 1);
  });

  it('never sets a fiche’s text under 9 pt, however tight', async () => {
    const sizes = await fichesBodyFontSizes(browser, `${server.url}/imprimer/cahier-2/`);
    expect(sizes.tightened).toBeGreaterThan(0);
    expect(sizes.smallest).toBeGreaterThanOrEqual(9);
  });
});
