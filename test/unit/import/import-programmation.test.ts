/**
 * `npm run import` of an annual programmation, end to end on a copy of the
 * autre-contrat fixture: the fiches' `suivi` written in place, the contract
 * checked afterwards, located errors, nothing written on error or dry run.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { loadContract } from '../../../src/lib/contract.ts';
import { FIXTURES } from '../../helpers/fixtures.ts';
import { cleanUpCopies, contractCopy as fixtureCopy, runImportIn, snapshot } from '../../helpers/import.ts';

const CSV = join(FIXTURES, 'import', 'programmation-2025.csv');
const FICHES = join('cahier-2', 'fiches');

cleanUpCopies();

/** Fiches written by the test, so that what the import must write is known to the byte. */
const ATELIERS = `---
titre: Ateliers numériques après la classe
objectifs: [accompagnement-college]
quartiers: [les-tilleuls-gare, le-clos-fleuri]
porteur: Association fictive # à confirmer
calendrier:
  debut: 2024
  fin: 2025
# Budget voté au comité de pilotage.
budget:
  total: 24000
  financements:
    - financeur: État (BOP 147)
      montant: 12000
    - financeur: Département de Loirac-et-Cher
      montant: 12000
statut: en-cours
---

L'action démarre : voir « Contexte ».
`;

const PERMIS_HEAD = `---
titre: Permis et mobilité pour l'emploi des jeunes
objectifs: [mobilite-emploi]
quartiers: [ile-aux-mariniers]
porteur: Mission locale du Val de Loirac
calendrier: {debut: 2024, fin: 2026}
budget:
  total: 42000
  financements:
    - financeur: État (BOP 147)
      montant: 37000
    - financeur: Ville de Brévennes-sur-Loirac
      montant: 5000
statut: en-cours
suivi:
  2024:
    statut: en-cours # premier bilan
    avancement: 20
`;
const PERMIS_2025 = `  2025:
    statut: en-cours
    avancement: 60
    # Montants du premier comité.
    financements:
      - financeur: État (BOP 147)
        prevu: 20000
        realise: 12000
    dossiers: [ANCIEN-1]
    commentaire: |
      Deux sessions de code ; 14 permis.
`;
const PERMIS_BODY = `---

Des éducateurs vont au-devant des jeunes.
`;

function contractCopy(): string {
  const dir = fixtureCopy();
  writeFileSync(join(dir, FICHES, 'ateliers-numeriques-colleges.md'), ATELIERS);
  writeFileSync(join(dir, FICHES, 'permis-mobilite-jeunes.md'), `${PERMIS_HEAD}${PERMIS_2025}${PERMIS_BODY}`);
  return dir;
}

const run = (args: string[], dir: string) => runImportIn(dir, args);

/** The import of a small CSV written by the test, for 2025. */
async function runCsv(text: string) {
  const dir = contractCopy();
  const csv = join(dir, '_programmation.csv');
  writeFileSync(csv, text);
  const before = snapshot(dir);
  return { dir, csv, before, r: await run([csv, '--annee', '2025'], dir) };
}

const fiche = (dir: string, id: string) => readFileSync(join(dir, FICHES, `${id}.md`), 'utf8');
const errors = (dir: string) => loadContract(dir).issues.filter((i) => i.severity === 'error');

describe('npm run import: a programmation in CSV (Windows-1252, « ; », French amounts)', () => {
  it('writes each fiche’s suivi for the year, the rest of the file byte for byte, and the contract still checks', async () => {
    const dir = contractCopy();
    const r = await run([CSV, '--annee', '2025'], dir);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain(`${CSV} : CSV Windows-1252, séparateur « ; », programmation (une ligne par action et financeur)`);
    expect(r.out).toContain(
      'colonnes lues : « N° fiche » (fiche), « Intitulé de l’action » (titre de la fiche), « Financeur » (financeur), « Montant programmé (€) » (programmé), « Engagé » (engagé), « Versé » (payé), « N° dossier » (dossiers)',
    );
    expect(r.out).toContain('colonnes ignorées : Porteur');
    expect(r.out).toContain('lignes ignorées (titre, total ou ligne sans montant ni financeur) : 4, 9');
    expect(r.out).toContain(
      `${dir}/cahier-2/fiches/ateliers-numeriques-colleges.md : suivi mis à jour\n  2025 : 2 financeurs (programmé 24\u202f000\u202f€, engagé 24\u202f000\u202f€, payé 9\u202f500,50\u202f€) ; dossiers 2025-0042, 2025-0043`,
    );
    // Titles matched whatever their case; amounts with no-break spaces, « € » and decimal commas.
    expect(fiche(dir, 'ateliers-numeriques-colleges')).toBe(
      ATELIERS.replace(
        'statut: en-cours\n---',
        `statut: en-cours
suivi:
  2025:
    financements:
      - financeur: État (BOP 147)
        prevu: 16000
        engage: 16000
        realise: 9500.5
      - financeur: Département de Loirac-et-Cher
        prevu: 8000
        engage: 8000
    dossiers: [2025-0042, 2025-0043]
---`,
      ),
    );
    // Replaces the year's financements and dossiers; its statut, avancement, comments and commentaire stay.
    // « - » is zero; the funder is spelt as in the budget.
    expect(fiche(dir, 'permis-mobilite-jeunes')).toBe(`${PERMIS_HEAD}  2025:
    statut: en-cours
    avancement: 60
    # Montants du premier comité.
    financements:
      - financeur: État (BOP 147)
        prevu: 30000.5
        engage: 0
      - financeur: Ville de Brévennes-sur-Loirac
        prevu: 4500
        engage: 4500
        realise: 4500
    dossiers: [2025-0107, 2025-0108]
    commentaire: |
      Deux sessions de code ; 14 permis.
${PERMIS_BODY}`);
    expect(r.out).toContain('  2025 : 2 financeurs (programmé 34\u202f500,50\u202f€, engagé 4\u202f500\u202f€, payé 4\u202f500\u202f€), à la place de 1 financeur ; dossiers 2025-0107, 2025-0108');
    expect(errors(dir)).toEqual([]);
    // The same file again changes nothing.
    const written = snapshot(dir);
    const again = await run([CSV, '--annee', '2025'], dir);
    expect(again.out).toContain(`${dir}/cahier-2/fiches/ateliers-numeriques-colleges.md : inchangé\n${dir}/cahier-2/fiches/permis-mobilite-jeunes.md : inchangé`);
    expect(snapshot(dir)).toEqual(written);
  });

  it('--dry-run prints what it would write and writes nothing', async () => {
    const dir = contractCopy();
    const before = snapshot(dir);
    const r = await run([CSV, '--annee', '2025', '--dry-run'], dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`--- ${dir}/cahier-2/fiches/ateliers-numeriques-colleges.md`);
    expect(r.out).toContain('+ suivi:\n+   2025:\n+     financements:\n+       - financeur: État (BOP 147)\n+         prevu: 16000');
    expect(r.out).toMatch(/--dry-run : rien n’a été écrit\.$/);
    expect(snapshot(dir)).toEqual(before);
  });

  it('an amount column the file lacks keeps what the year had for that funder', async () => {
    const { dir, csv, r } = await runCsv('Fiche,Financeur,Montant programmé\npermis-mobilite-jeunes,état (bop 147),"22 000"\n');
    expect(r.code).toBe(0);
    expect(r.out).toContain(`${csv} : CSV UTF-8, séparateur « , », programmation`);
    expect(fiche(dir, 'permis-mobilite-jeunes')).toContain(
      '    financements:\n      - financeur: État (BOP 147)\n        prevu: 22000\n        realise: 12000\n    dossiers: [ANCIEN-1]\n',
    );
    expect(errors(dir)).toEqual([]);
  });
});

describe('npm run import: a programmation in XLSX', () => {
  it('reads typed numbers, currency formats, merged titles and a year column', async () => {
    const dir = contractCopy();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Programmation');
    sheet.addRow(['Exercice', 'Action', 'Financeur', 'Programmé', 'Payé', 'Dossier']);
    sheet.addRow([2024, 'Ateliers numériques après la classe', 'État (BOP 147)', 12000, 12000, 2024123]);
    sheet.addRow([2025, 'Ateliers numériques après la classe', 'État (BOP 147)', 16000.5, '9\u202f500 €', null]);
    sheet.addRow([2025, null, 'Département de Loirac-et-Cher', 8000, null, null]);
    sheet.mergeCells('B3:B4');
    sheet.getCell('D3').numFmt = '#,##0.00 "€"';
    const file = join(dir, '_programmation.xlsx');
    await workbook.xlsx.writeFile(file);
    const r = await run([file], dir);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain(`${file} : XLSX, feuille « Programmation », programmation (une ligne par action et financeur)`);
    expect(fiche(dir, 'ateliers-numeriques-colleges')).toContain(`suivi:
  2024:
    financements:
      - financeur: État (BOP 147)
        prevu: 12000
        realise: 12000
    dossiers: ["2024123"]
  2025:
    financements:
      - financeur: État (BOP 147)
        prevu: 16000.5
        realise: 9500
      - financeur: Département de Loirac-et-Cher
        prevu: 8000
---`);
    expect(errors(dir)).toEqual([]);
  });
});

describe('npm run import: a programmation row that names no fiche, or two', () => {
  it('reports an unknown fiche at its row and column, and writes nothing', async () => {
    const { dir, csv, before, r } = await runCsv('Fiche;Intitulé;Financeur;Programmé\n;Ateliers numériques;État (BOP 147);1 000\npermis-mobilite;;État (BOP 147);2 000\n;Plan vélo;Région;3 000\n');
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err.split('\n')).toEqual([
      `${csv}:2:2  Intitulé  erreur : fiche inconnue « Ateliers numériques » [import-fiche]`,
      '    ↳ vouliez-vous écrire « Ateliers numériques après la classe » ?',
      `${csv}:3:1  Fiche  erreur : fiche inconnue « permis-mobilite » [import-fiche]`,
      '    ↳ vouliez-vous écrire « permis-mobilite-jeunes » ?',
      `${csv}:4:2  Intitulé  erreur : fiche inconnue « Plan vélo » [import-fiche]`,
      '    ↳ écrivez l’identifiant d’une fiche (nom de son fichier dans cahier-2/fiches/, sans « .md ») ou son titre exact',
      `${csv} : 3 erreurs, 0 avertissement. Rien n’a été écrit.`,
    ]);
    expect(snapshot(dir)).toEqual(before);
  });

  it('reports a title that two fiches share, with the cell in a workbook, and writes nothing', async () => {
    const dir = contractCopy();
    writeFileSync(join(dir, FICHES, 'ateliers-bis.md'), ATELIERS.replace('statut: en-cours', 'statut: a-lancer'));
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('2025');
    sheet.addRow(['Intitulé', 'Financeur', 'Montant programmé']);
    sheet.addRow(['Permis et mobilité pour l’emploi des jeunes', 'État (BOP 147)', 1000]);
    sheet.addRow(['Ateliers numériques après la classe', 'État (BOP 147)', 1000]);
    const file = join(dir, '_programmation.xlsx');
    await workbook.xlsx.writeFile(file);
    const before = snapshot(dir);
    const r = await run([file, '--annee', '2025'], dir);
    expect(r.code).toBe(1);
    expect(r.err.split('\n')).toEqual([
      `${file}:3:1  Intitulé  erreur : titre ambigu « Ateliers numériques après la classe » : 2 fiches portent ce titre (ateliers-bis, ateliers-numeriques-colleges) (cellule A3) [import-fiche]`,
      '    ↳ écrivez l’identifiant de la fiche voulue (ateliers-bis ou ateliers-numeriques-colleges) dans une colonne « Fiche »',
      `${file} : 1 erreur, 0 avertissement. Rien n’a été écrit.`,
    ]);
    expect(snapshot(dir)).toEqual(before);
  });

  it('reports unreadable amounts, a missing funder and a funder given twice', async () => {
    const { csv, r } = await runCsv('Fiche;Financeur;Programmé;Engagé\npermis-mobilite-jeunes;État;12 %;-5\npermis-mobilite-jeunes;;1 000;\npermis-mobilite-jeunes;ÉTAT ;1 000;\n');
    expect(r.code).toBe(1);
    expect(r.err.split('\n')).toEqual([
      `${csv}:2:3  Programmé  erreur : montant illisible « 12 % » [import-valeur]`,
      '    ↳ écrivez un montant en euros (16 000, 30 000,50, 16 000 €), ou laissez la cellule vide',
      `${csv}:2:4  Engagé  erreur : montant négatif « -5 » [import-valeur]`,
      '    ↳ un montant programmé, engagé ou payé est positif ou nul',
      `${csv}:3:2  Financeur  erreur : financeur manquant [import-valeur]`,
      '    ↳ chaque montant appartient à un financeur : complétez la cellule',
      `${csv}:4:2  Financeur  erreur : financeur en double pour la fiche « permis-mobilite-jeunes » en 2025 : « ÉTAT » (déjà ligne 2) [import-valeur]`,
      '    ↳ additionnez les montants sur une seule ligne, ou nommez les financeurs de façon distincte',
      `${csv} : 4 erreurs, 0 avertissement. Rien n’a été écrit.`,
    ]);
  });
});

describe('npm run import: programmation usage errors exit 2', () => {
  it.each([
    [[CSV], 'ce fichier n’a pas de colonne « Année » ou « Exercice » : précisez l’année de la programmation avec --annee AAAA'],
    [[CSV, '--annee', '2016'], '--annee 2016 : hors de la période du contrat (2024-2030)'],
    [[CSV, '--annee', '2025', '--source', 'Insee'], '--source : sans objet pour une programmation'],
  ])('%j', async (args, message) => {
    const dir = contractCopy();
    const before = snapshot(dir);
    const r = await run(args, dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
    expect(snapshot(dir)).toEqual(before);
  });
});
