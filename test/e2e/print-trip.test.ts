/**
 * The issue's trip, as a new user takes it: the example contract, plus a
 * quartier (with its déclinaison), a fiche and a chapter holding a 3-row
 * table, each made with `npm run new` and filled in, built once with its
 * PDFs. The cahiers must print without the defects a print designer would
 * reject: no fiche followed by a scrap page, no reference to the page it is
 * read on, no Type 3 font, a short table never split, and no half-empty
 * page but the last of a chapter, a part, a fiche or a portrait.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAll } from '../../scripts/lib/build-steps.ts';
import { runNew } from '../../scripts/lib/run-new.ts';
import { readContentFiles } from '../../src/lib/content-files.ts';
import { buildContract, type Contract } from '../../src/lib/model/index.ts';
import { printFiles } from '../../src/lib/print/documents.ts';
import { fichePageProblems, fonts, halfEmptyPages, metadata, pageFill, pageOpenings, pageTexts, selfReferences } from '../helpers/pdf.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const QUARTIER = 'les-tilleuls';
const FICHE = 'jardins-partages-tilleuls';
const CHAPITRE = 'equipements-de-proximite';

/** Replaces each `à compléter` line or value of a scaffold with what an author would write. */
function fillIn(file: string, replacements: readonly [RegExp, string][]): void {
  let text = readFileSync(file, 'utf8');
  for (const [pattern, value] of replacements) text = text.replace(pattern, value);
  expect(text, file).not.toMatch(/à compléter/i);
  writeFileSync(file, text);
}

const PARAGRAPH =
  'Les équipements de proximité structurent la vie des quartiers : écoles, centres sociaux, gymnases et bibliothèques y sont les premiers lieux de rencontre entre les habitants et les services publics. Leur état, leurs horaires et leur accessibilité conditionnent l’usage qu’en font les familles, les jeunes et les personnes âgées.';

function addTrip(dir: string, contract: Contract): void {
  const env = { ...process.env, CONTENT_DIR: dir };
  const quiet = () => undefined;
  for (const args of [['quartier', QUARTIER], ['fiche', FICHE], ['chapitre', CHAPITRE]]) expect(runNew(args, env, quiet, quiet), args.join(' ')).toBe(0);
  const objectifs = contract.piliers.flatMap((p) => p.axes.flatMap((a) => a.objectifs)).slice(0, 2);
  fillIn(join(dir, 'quartiers', `${QUARTIER}.md`), [
    [/^nom: .*$/m, 'nom: Les Tilleuls'],
    [/^## Portrait\n\nÀ compléter.*$/m, `## Portrait\n\n${PARAGRAPH}\n\nLe quartier des Tilleuls, construit à la fin des années 1960, compte six immeubles autour d’une place commerçante qui a perdu la moitié de ses commerces en dix ans.`],
  ]);
  writeFileSync(
    join(dir, 'cahier-2', 'quartiers', `${QUARTIER}.md`),
    `---\npriorites:\n${objectifs.map((o) => `  - ${o.id}`).join('\n')}\n---\n\nAux Tilleuls, le contrat porte d’abord sur :ref[${objectifs[0]!.id}], avec les habitants et les associations du quartier.\n`,
  );
  fillIn(join(dir, 'cahier-2', 'fiches', `${FICHE}.md`), [
    [/^titre: .*$/m, 'titre: Jardins partagés des Tilleuls'],
    [/^porteur: .*$/m, 'porteur: Association des habitants des Tilleuls'],
    [/^ {2}nom: à compléter$/m, '  nom: Claire Martin'],
    [/^ {2}service: à compléter$/m, '  service: Politique de la ville'],
    [/^ {2}contact: à compléter$/m, '  contact: politique-ville@example.org'],
    [/^public: à compléter$/m, 'public: Habitants du quartier, familles et écoles'],
    [/^ {2}total: à compléter$/m, '  total: 24000'],
    [/^ {4}- financeur: à compléter\n {6}montant: à compléter$/m, '    - financeur: État\n      montant: 12000\n    - financeur: Ville\n      montant: 12000'],
    [/^ {2}- libelle: à compléter\n {4}cible: à compléter$/m, '  - libelle: Parcelles cultivées\n    cible: 30'],
    [/^À compléter : pourquoi.*$/m, PARAGRAPH],
    [/^À compléter : ce que l’action fait.*$/m, 'Aménager un jardin de trente parcelles au pied des immeubles, animé par l’association avec les écoles du quartier.'],
    [/^À compléter : ce qui aura changé.*$/m, 'Un lieu de rencontre entretenu par les habitants eux-mêmes, et des espaces extérieurs mieux tenus.'],
  ]);
  const table = '| Équipement | Ouverture | Fréquentation |\n|---|---|---|\n| Centre social | 1978 | 1 200 |\n| Gymnase | 1985 | 800 |\n| Bibliothèque | 1992 | 650 |';
  fillIn(join(dir, 'cahier-1', 'chapitres', `${CHAPITRE}.md`), [
    [/^titre: .*$/m, 'titre: Les équipements de proximité'],
    [/^À compléter[\s\S]*$/m, `${PARAGRAPH}\n\n${PARAGRAPH}\n\n${table}\n\n${PARAGRAPH}\n`],
  ]);
}

describe('the example with an added quartier, fiche and chapter, printed', () => {
  const work = mkdtempSync(join(tmpdir(), 'cahiers-parcours-'));
  const dir = join(work, 'contrat');
  const dist = join(work, 'dist');
  const file = (n: keyof typeof printFiles) => join(dist, 'pdf', printFiles[n]);
  let contract: Contract;

  beforeAll(async () => {
    cpSync(join(ROOT, 'content'), dir, { recursive: true });
    addTrip(dir, buildContract(readContentFiles(dir)).contract!);
    const built = buildContract(readContentFiles(dir));
    // Filled in: the check passes without a warning, but the opinions the example's reports lack (deliberately).
    expect(built.issues.filter((i) => i.rule !== 'avis-manquant').map((i) => i.message)).toEqual([]);
    contract = built.contract!;
    expect(await buildAll({ ...process.env, CONTENT_DIR: dir }, dist)).toBe(0);
  }, 300_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('holds the added fiche, quartier and chapter', () => {
    const one = pageTexts(file(1)).join('\n');
    const two = pageTexts(file(2)).join('\n');
    expect(one).toContain('Les équipements de proximité');
    expect(one).toContain('Les Tilleuls');
    expect(two).toContain('Jardins partagés des Tilleuls');
  });

  it('follows no fiche’s page with a page of fewer than 80 words, unless it is a planned spread', () => {
    expect(fichePageProblems(pageTexts(file(2)), pageFill(file(2)), contract.fiches)).toEqual([]);
  });

  it.each([1, 2] as const)('cahier %s: no reference gives the page it is read on, nor the page facing it', (n) => {
    expect(selfReferences(pageTexts(file(n)))).toEqual([]);
  });

  it.each([1, 2, 'both'] as const)('%s: no Type 3 font', (n) => {
    const used = fonts(file(n));
    expect(used.length).toBeGreaterThan(0);
    expect(used.filter((f) => f.type === 'Type 3')).toEqual([]);
  });

  it('never splits the chapter’s 3-row table', () => {
    const pages = pageTexts(file(1)).filter((p) => /Centre social|Gymnase|Bibliothèque/.test(p) && p.includes('Fréquentation'));
    expect(pages).toHaveLength(1);
    for (const row of ['Centre social', 'Gymnase', 'Bibliothèque']) expect(pages[0]).toContain(row);
  });

  it.each([1, 2] as const)('cahier %s: no half-empty page but the last of a chapter, a part, a fiche or a portrait', async (n) => {
    const texts = pageTexts(file(n));
    const { rotations } = await metadata(file(n));
    const turned = rotations.flatMap((r, i) => (r === 90 ? [i] : []));
    const html = readFileSync(join(dist, 'imprimer', `cahier-${n}`, 'index.html'), 'utf8');
    expect(halfEmptyPages(texts, pageFill(file(n)), turned, pageOpenings(html))).toEqual([]);
  });
});
