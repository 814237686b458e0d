/**
 * Tables and AFOM matrices in a printed cahier. The contract is the minimal
 * one with tables of every length and matrices, each after a text of a
 * different length, so that some of them fall across a page end whatever
 * the layout: a table shorter than 8 rows never splits, no split leaves
 * fewer than 3 rows on a side, a split table repeats its header under
 * « (suite) » and loses no row, a matrix stays on one page, and columns are
 * aligned with their header (text left, numbers right, or as the author
 * wrote). A matrix too tall for the room left lets the text after it flow
 * up (src/print/matrices.js).
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAll } from '../../scripts/lib/build-steps.ts';
import { FIXTURES } from '../helpers/fixtures.ts';
import { flat, lines, pageFill, pageTexts, pageWords, type Word } from '../helpers/pdf.ts';

const SENTENCE = 'Le diagnostic partagé s’appuie sur les données des partenaires et sur les ateliers tenus avec les habitants des quartiers. ';
/** A paragraph of 1 to 6 sentences, varied so that what follows lands anywhere on a page. */
const paragraph = (k: number) => SENTENCE.repeat(1 + ((k * 7) % 6)).trim();

/** Body rows of the tables of the « Tableaux » chapter: short ones (under 8) and longer ones mixed. */
const SIZES = [3, 5, 7, 4, 6, 9, 12, 8, 15, 10, 7, 3, 11, 6, 4, 13, 5, 8, 7, 9, 3, 14, 6, 5, 7, 4];

function tablesChapter(): string {
  const tables = SIZES.map((n, k) => {
    const rows = Array.from({ length: n }, (_, i) => `| T${k + 1}-${i + 1} | Observation ${i + 1} | ${(i + 1) * 37} |`);
    return `${paragraph(k)}\n\n| Repère | Observation | Valeur |\n|---|---|---|\n${rows.join('\n')}\n`;
  });
  return `---\ntitre: Tableaux\nordre: 2\n---\n${tables.join('\n')}`;
}

function longTableChapter(): string {
  const rows = Array.from({ length: 120 }, (_, i) => `| Ligne ${i + 1} | ${i * 3} |`).join('\n');
  return `---\ntitre: Annexe\nordre: 3\n---\n| Colonne de gauche | Colonne de droite |\n|---|---|\n${rows}\n`;
}

const ALIGNMENT = `---\ntitre: Alignement\nordre: 4\n---
| Quartier | Commentaire | Effectif |
|---|---|---|
| Nord | ancien | 12 |
| Centre | rénové | 345 |
| Sud | surveillé | 6789 |

| Action | Échéance |
|:--|--:|
| lancer | juin |
| évaluer | décembre |
`;

const MATRICES = [1, 2, 3, 4, 5];
const QUADRANTS = { atouts: 'A', faiblesses: 'F', opportunites: 'O', menaces: 'M' } as const;

/** An AFOM matrix whose items carry tokens « X2-F3 » (matrix 2, third faiblesse), about a third of a page. */
function matrix(k: number): string {
  const items = (q: string, n: number) =>
    Array.from({ length: n }, (_, i) => `  - X${k}-${q}${i + 1}, un constat partagé par les partenaires, qui appelle une action dans la durée.`).join('\n');
  const quadrants = Object.entries(QUADRANTS).map(([name, q], i) => `${name}:\n${items(q, 2 + ((k + i) % 3))}`);
  return `titre: Matrice d’essai ${k}\npilier: social\n${quadrants.join('\n')}\n`;
}

function matricesChapter(): string {
  const blocks = MATRICES.map((k) => `${paragraph(k * 2)}\n\n::afom{id=essai-${k}}\n`);
  return `---\ntitre: Matrices\nordre: 5\n---\n${blocks.join('\n')}`;
}

/** A matrix of about two-thirds of a page: it fits no page that already holds half a page of text, even tightened. */
function tallMatrix(): string {
  const items = (q: string) => Array.from({ length: 7 }, (_, i) => `  - G-${q}${i + 1}, un constat partagé par les partenaires du contrat, qui appelle une action de longue haleine dans les quartiers.`).join('\n');
  return `titre: Grande matrice\npilier: social\n${Object.entries(QUADRANTS).map(([name, q]) => `${name}:\n${items(q)}`).join('\n')}\n`;
}

/**
 * Half a page of text, then the tall matrix under its heading, then text
 * that comments it: the matrix goes to the next page, and the text after
 * it flows up under its heading to fill the first.
 */
function deferredChapter(): string {
  const comment = (k: number) => `Commentaire ${k}. ${SENTENCE.repeat(3).trim()}`;
  return `---\ntitre: Matrice reportée\nordre: 6\n---\n${Array.from({ length: 5 }, (_, k) => paragraph(k * 5)).join('\n\n')}\n\n## La grande matrice\n\n::afom{id=grande}\n\n${[1, 2, 3, 4, 5, 6].map(comment).join('\n\n')}\n`;
}

/** For each table (the key the pattern captures), how many of its rows each page holds. */
function rowsPerPage(pages: readonly string[], pattern: RegExp): Map<string, number[]> {
  const tables = new Map<string, number[]>();
  pages.forEach((text, page) => {
    for (const m of text.matchAll(pattern)) {
      const counts = tables.get(m[1]!) ?? [];
      counts[page] = (counts[page] ?? 0) + 1;
      tables.set(m[1]!, counts);
    }
  });
  for (const [key, counts] of tables) tables.set(key, counts.filter((n) => n > 0));
  return tables;
}

/** The line of a page holding `first` as its first word. */
function lineStarting(words: readonly Word[], first: string): Word[] {
  const line = lines(words).find((l) => l[0]!.text === first);
  if (!line) throw new Error(`no line starts with « ${first} »`);
  return line;
}

describe('tables and AFOM matrices in a printed cahier', () => {
  const work = mkdtempSync(join(tmpdir(), 'cahiers-table-'));
  const dist = join(work, 'dist');
  let cahier1: string[];
  let words1: Word[][];
  beforeAll(async () => {
    const dir = join(work, 'contrat');
    cpSync(join(FIXTURES, 'minimal'), dir, { recursive: true });
    writeFileSync(join(dir, 'cahier-1/chapitres/tableaux.md'), tablesChapter());
    writeFileSync(join(dir, 'cahier-1/chapitres/annexe.md'), longTableChapter());
    writeFileSync(join(dir, 'cahier-1/chapitres/alignement.md'), ALIGNMENT);
    writeFileSync(join(dir, 'cahier-1/chapitres/matrices.md'), matricesChapter());
    for (const k of MATRICES) writeFileSync(join(dir, `cahier-1/afom/essai-${k}.yaml`), matrix(k));
    writeFileSync(join(dir, 'cahier-1/afom/grande.yaml'), tallMatrix());
    writeFileSync(join(dir, 'cahier-1/chapitres/reportee.md'), deferredChapter());
    expect(await buildAll({ ...process.env, CONTENT_DIR: dir }, dist)).toBe(0);
    cahier1 = pageTexts(join(dist, 'pdf/cahier-1-diagnostic.pdf'));
    words1 = pageWords(join(dist, 'pdf/cahier-1-diagnostic.pdf'));
  }, 180_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('repeats a long table’s header with « (suite) » on each continued page, and prints every row once', () => {
    const pages = cahier1.filter((p) => p.includes('Ligne '));
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) expect(page).toMatch(/Colonne de gauche\s+Colonne de droite/);
    for (const page of pages.slice(1)) expect(page).toContain('(suite)');
    expect(pages[0]).not.toContain('(suite)');
    const printed = pages.flatMap((p) => [...p.matchAll(/Ligne (\d+)\b/g)].map((m) => Number(m[1])));
    expect(printed).toEqual(Array.from({ length: 120 }, (_, i) => i + 1));
  });

  it('never splits a table shorter than 8 rows, and leaves at least 3 rows on each side of a split', () => {
    const tables = rowsPerPage(cahier1, /\bT(\d+)-\d+\b/g);
    expect(tables.size).toBe(SIZES.length);
    const splits: number[][] = [];
    for (const [k, counts] of tables) {
      const rows = SIZES[Number(k) - 1]!;
      expect(counts.reduce((a, b) => a + b), `tableau ${k}`).toBe(rows);
      if (rows < 8) expect(counts, `tableau ${k} (${rows} lignes)`).toHaveLength(1);
      else for (const n of counts) expect(n, `tableau ${k} : ${counts.join(' + ')}`).toBeGreaterThanOrEqual(3);
      if (counts.length > 1) splits.push(counts);
    }
    // The rule was put to work: some long tables did fall across a page end.
    expect(splits.length).toBeGreaterThan(0);
    for (const n of rowsPerPage(cahier1, /\b(L)igne \d+\b/g).get('L')!) expect(n).toBeGreaterThanOrEqual(3);
  });

  it('keeps each AFOM matrix on one page', () => {
    for (const k of MATRICES) {
      const tokens = new RegExp(`\\bX${k}-[AFOM]\\d\\b`, 'g');
      const pages = cahier1.filter((p) => p.match(tokens));
      // Twice: in the chapter, and in the cahier's part of matrices.
      expect(pages.length, `matrice ${k}`).toBe(2);
      const all = new Set(pages.flatMap((p) => p.match(tokens) ?? []));
      for (const page of pages) expect(new Set(page.match(tokens)), `matrice ${k}`).toEqual(all);
    }
  });

  it('lets the text after a matrix that does not fit flow up under its heading, the matrix whole on the next page', () => {
    const at = cahier1.findIndex((p) => p.includes('La grande matrice'));
    expect(at).toBeGreaterThan(0);
    const matrix = cahier1.findIndex((p) => /\bG-A1\b/.test(p));
    // The matrix and its title on the next page, whole; the comments that follow it fill the page it left.
    expect(matrix).toBe(at + 1);
    for (const q of Object.values(QUADRANTS)) expect(cahier1[matrix]).toContain(`G-${q}7`);
    expect(cahier1[matrix]).toContain('Grande matrice');
    expect(cahier1[at]).toContain('Commentaire 1.');
    expect(flat(cahier1[at]!).indexOf('Commentaire 1.')).toBeGreaterThan(flat(cahier1[at]!).indexOf('La grande matrice'));
    expect(pageFill(join(dist, 'pdf/cahier-1-diagnostic.pdf'))[at]).toBeGreaterThan(0.75);
  });

  it('aligns text columns and their header left, numbers and their header right', () => {
    const page = words1.find((w) => w.some((x) => x.text === 'Commentaire'))!;
    const [header, ...rows] = ['Quartier', 'Nord', 'Centre', 'Sud'].map((first) => lineStarting(page, first));
    for (const row of rows) {
      expect(row[1]!.xMin).toBeCloseTo(header![1]!.xMin, 0);
      expect(row[2]!.xMax).toBeCloseTo(header![2]!.xMax, 0);
    }
  });

  it('aligns a column as its author wrote in the Markdown table', () => {
    const page = words1.find((w) => w.some((x) => x.text === 'Échéance'))!;
    const [header, ...rows] = ['Action', 'lancer', 'évaluer'].map((first) => lineStarting(page, first));
    for (const row of rows) expect(row[1]!.xMax).toBeCloseTo(header![1]!.xMax, 0);
  });

  it('prints a fiche’s budget with each figure under its header, right-aligned', () => {
    const words = pageWords(join(dist, 'pdf/cahier-2-strategie.pdf')).find((w) => w.some((x) => x.text === 'Financeur'))!;
    const header = lineStarting(words, 'Financeur');
    const part = header.find((w) => w.text === 'Part')!;
    // The indicators' table may share the line, to the right of the budget's: only the budget's words count.
    const budgetRow = (financeur: string) => lineStarting(words, financeur).filter((w) => w.xMin < part.xMax);
    for (const financeur of ['État', 'Ville', 'Total']) expect(budgetRow(financeur).at(-1)!.xMax).toBeCloseTo(part.xMax, 0);
  });
});
