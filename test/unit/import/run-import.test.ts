import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContract } from '../../../src/lib/contract.ts';
import { FIXTURES } from '../../helpers/fixtures.ts';
import { cleanUpCopies, contractCopy, runImportIn, snapshot } from '../../helpers/import.ts';

const SAMPLES = join(FIXTURES, 'import');
const INSEE_CSV = join(SAMPLES, 'insee-qpv-2013.csv');
const XLSX = join(SAMPLES, 'logements-sociaux-2023.xlsx');
const LONG_CSV = join(SAMPLES, 'indicateurs-long.csv');
const BROKEN_CSV = join(SAMPLES, 'insee-qpv-errone.csv');

cleanUpCopies();
const run = (args: string[], dir: string) => runImportIn(dir, args);

const errors = (dir: string) => loadContract(dir).issues.filter((i) => i.severity === 'error');
const indicator = (dir: string, id: string) => readFileSync(join(dir, 'cahier-1', 'indicateurs', `${id}.yaml`), 'utf8');

describe('npm run import: the Insee CSV (Windows-1252, « ; », decimal commas)', () => {
  it('creates the indicator files, and the contract still passes the check', async () => {
    const dir = contractCopy();
    const r = await run([INSEE_CSV, '--annee', '2013', '--source', 'Insee, Filosofi 2013 (chiffres fictifs)'], dir);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain(`${INSEE_CSV} : CSV Windows-1252, séparateur « ; », extrait par territoire`);
    expect(r.out).toContain('colonnes ignorées : nb_log');
    expect(r.out).toContain(`${dir}/cahier-1/indicateurs/taux-pauvrete.yaml : nouveau fichier « Taux de pauvreté »\n  2013 : année ajoutée, 5 valeurs dont 1 secret statistique`);
    expect(indicator(dir, 'taux-pauvrete')).toBe(`# Créé par « npm run import » à partir de insee-qpv-2013.csv.

titre: Taux de pauvreté
unite: "%"
source: Insee, Filosofi 2013 (chiffres fictifs)
sens: baisse-favorable
valeurs:
  2013:
    les-tilleuls-gare: 44.8
    ile-aux-mariniers: 39.2
    le-clos-fleuri: null
    loirac: 18.6
    ca-val-de-loirac: 14.1
`);
    // No-break and plain spaces between thousands, the EPCI's SIREN code.
    expect(indicator(dir, 'population')).toContain('    les-tilleuls-gare: 3410\n    ile-aux-mariniers: 1845\n    le-clos-fleuri: 612\n    loirac: 41250\n    ca-val-de-loirac: 98400\n');
    expect(indicator(dir, 'taux-emploi')).toContain('le-clos-fleuri: null');
    expect(errors(dir)).toEqual([]);
    // Warnings are fine: nothing shows the new indicators yet.
    expect(r.out).toContain('avertissement : indicateur jamais affiché « taux-pauvrete »');
    expect(r.out).toContain(`${dir} : 0 erreur, 5 avertissements.`);
  });

  it('--variables picks the columns and the ids; --theme goes into new files', async () => {
    const dir = contractCopy();
    const r = await run([INSEE_CSV, '--annee', '2013', '--source', 'Insee', '--theme', 'Revenus', '--variables', 'tp60=pauvrete-60'], dir);
    // pauvrete-60 is no Insee default: title and unit must be given.
    expect(r.code).toBe(2);
    expect(r.err).toContain('titre et unité inconnus pour « pauvrete-60 »');
    const ok = await run([INSEE_CSV, '--annee', '2013', '--source', 'Insee', '--theme', 'Revenus', '--variables', 'tp60=pauvrete-60', '--titre', 'Pauvreté', '--unite', '%'], dir);
    expect(ok.code).toBe(0);
    expect(indicator(dir, 'pauvrete-60')).toContain('titre: Pauvreté\nunite: "%"\ntheme: Revenus\nsource: Insee\nvaleurs:\n  2013:\n');
    expect(readdirSync(join(dir, 'cahier-1', 'indicateurs'))).not.toContain('population.yaml');
  });

  it('--dry-run prints the files and writes nothing', async () => {
    const dir = contractCopy();
    const before = snapshot(dir);
    const r = await run([INSEE_CSV, '--annee', '2013', '--source', 'Insee', '--dry-run'], dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`--- ${dir}/cahier-1/indicateurs/revenu-median-uc.yaml (nouveau)`);
    expect(r.out).toContain('    les-tilleuls-gare: 11920');
    expect(r.out).toMatch(/--dry-run : rien n’a été écrit\.$/);
    expect(snapshot(dir)).toEqual(before);
  });
});

describe('npm run import: the XLSX sample', () => {
  it('merges a new year into an existing file, keeping its comments and hand-written keys', async () => {
    const dir = contractCopy();
    const path = join(dir, 'cahier-1', 'indicateurs', 'part-logement-social.yaml');
    const original = readFileSync(path, 'utf8')
      .replace('valeurs:\n', '# Chiffres transmis par les bailleurs en mars.\nvaleurs:\n')
      .replace('loirac: 24.8\n', 'loirac: 24.8 # hors QPV\n');
    writeFileSync(path, original);
    const r = await run([XLSX, '--annee', '2023', '--variables', 'tx_lls=part-logement-social'], dir);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain(`${dir}/cahier-1/indicateurs/part-logement-social.yaml : mis à jour\n  2023 : année ajoutée, 6 valeurs dont 1 secret statistique`);
    const merged = readFileSync(path, 'utf8');
    expect(merged).toContain('# Chiffres transmis par les bailleurs en mars.\n');
    expect(merged).toContain('loirac: 24.8 # hors QPV\n');
    expect(merged).toContain("definition: Logements locatifs sociaux rapportés à l'ensemble des résidences principales.\n");
    // Exactly the old text with the new year after it.
    expect(merged).toBe(
      `${original}  2023:
    les-tilleuls-gare: 80.9
    ile-aux-mariniers: 66.8
    le-clos-fleuri: null
    loirac: 25.1
    brevennes-sur-loirac: 11.4
    ca-val-de-loirac: 17.9
`,
    );
    expect(errors(dir)).toEqual([]);
  });

  it('needs --annee: the extract has no year column', async () => {
    const dir = contractCopy();
    const r = await run([XLSX, '--variables', 'tx_lls=part-logement-social'], dir);
    expect(r).toMatchObject({ code: 2, err: expect.stringContaining('précisez l’année des données avec --annee AAAA') });
  });
});

describe('npm run import: the long layout', () => {
  it('imports one indicator with --indicateur, territories given by code or id', async () => {
    const dir = contractCopy();
    const mutuelle = indicator(dir, 'couverture-mutuelle');
    const r = await run([LONG_CSV, '--indicateur', 'taux-chomage-jeunes'], dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain('CSV UTF-8, séparateur « , », format long');
    expect(indicator(dir, 'taux-chomage-jeunes')).toMatch(
      /    fr: 17\.5\n  2024:\n    les-tilleuls-gare: 32\.9\n    ile-aux-mariniers: 33\.6\n    le-clos-fleuri: null\n    loirac: 19\.9\n    ca-val-de-loirac: 17\.8\n    fr: 17\.2\n$/,
    );
    expect(indicator(dir, 'couverture-mutuelle')).toBe(mutuelle);
    expect(errors(dir)).toEqual([]);
  });

  it('reports a second import of the same values as unchanged, and a changed value', async () => {
    const dir = contractCopy();
    await run([LONG_CSV], dir);
    const again = await run([LONG_CSV, '--indicateur', 'couverture-mutuelle'], dir);
    expect(again.out).toContain(`${dir}/cahier-1/indicateurs/couverture-mutuelle.yaml : inchangé`);
    const csv = join(dir, '_corrige.csv');
    writeFileSync(csv, 'territoire;annee;indicateur;valeur\nloirac;2024;couverture-mutuelle;51,5\n');
    const fix = await run([csv], dir);
    expect(fix.out).toContain('  2024 loirac : 52 → 51.5');
    expect(indicator(dir, 'couverture-mutuelle')).toContain('  2024:\n    les-tilleuls-gare: 93\n    loirac: 51.5\n');
  });
});

describe('npm run import: errors', () => {
  it('reports every unknown code and unreadable cell with its row and column, and writes nothing', async () => {
    const dir = contractCopy();
    const before = snapshot(dir);
    const r = await run([BROKEN_CSV, '--annee', '2013', '--source', 'Insee'], dir);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    const VALUE_HINT = '    ↳ écrivez un nombre (12,5 ou 12.5, 1 234,5, 47,2 %) ; pour le secret statistique : s, nd, secret ou une cellule vide';
    expect(r.err.split('\n')).toEqual([
      `${BROKEN_CSV}:3:1  code_qp  erreur : code de territoire inconnu « QN09899Z » [import-territoire]`,
      '    ↳ aucun territoire de territoires.yaml ni quartier de quartiers/ n’a ce code : ajoutez « code: QN09899Z » au bon territoire, ou corrigez le fichier',
      `${BROKEN_CSV}:4:4  tp60  erreur : valeur illisible « 39,2,1 » : nombre attendu [import-valeur]`,
      VALUE_HINT,
      `${BROKEN_CSV}:5:3  pop_mun  erreur : valeur illisible « 41 25 » : nombre attendu [import-valeur]`,
      VALUE_HINT,
      `${BROKEN_CSV}:5:4  tp60  erreur : valeur illisible « abc » : nombre attendu [import-valeur]`,
      VALUE_HINT,
      `${BROKEN_CSV} : 4 erreurs, 0 avertissement. Rien n’a été écrit.`,
    ]);
    expect(snapshot(dir)).toEqual(before);
  });

  it('locates XLSX errors by row, column and cell address', async () => {
    const dir = contractCopy();
    // Brévennes' code in the sample (row 8, typed as text) no longer matches.
    writeFileSync(join(dir, 'territoires.yaml'), readFileSync(join(dir, 'territoires.yaml'), 'utf8').replace('code: "98117"', 'code: "98118"'));
    const r = await run([XLSX, '--annee', '2023', '--variables', 'tx_lls=part-logement-social'], dir);
    expect(r.code).toBe(1);
    expect(r.err.split('\n')[0]).toBe(`${XLSX}:8:1  code_qp  erreur : code de territoire inconnu « 98117 » (cellule A8) [import-territoire]`);
  });

  it('refuses an import that would give the contract new errors', async () => {
    const dir = contractCopy();
    const csv = join(dir, '_secrets.csv');
    writeFileSync(csv, 'code_qp;tp60\nQN09801A;s\nQN09802B;nd\n');
    const before = snapshot(dir);
    const r = await run([csv, '--annee', '2013', '--source', 'Insee'], dir);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${dir}/cahier-1/indicateurs/taux-pauvrete.yaml:7:1  valeurs  erreur : aucune valeur chiffrée : au moins une valeur est attendue [valeurs-absentes]`);
    expect(r.err).toContain(`${dir} : l’import y ajouterait une erreur. Rien n’a été écrit.`);
    expect(snapshot(dir)).toEqual(before);
  });

  it('reports duplicates and a missing code', async () => {
    const dir = contractCopy();
    const csv = join(dir, '_doublons.csv');
    writeFileSync(csv, 'code_qp,tp60\nQN09801A,40\n,12\nles-tilleuls-gare,41\n');
    const r = await run([csv, '--annee', '2013', '--source', 'Insee'], dir);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${csv}:3:1  code_qp  erreur : code de territoire manquant [import-territoire]`);
    expect(r.err).toContain(`${csv}:4:1  code_qp  erreur : valeur en double : taux-pauvrete, 2013, les-tilleuls-gare (déjà donnée ligne 2) [import-valeur]`);
  });

  it('reports a header it does not know', async () => {
    const dir = contractCopy();
    const csv = join(dir, '_entete.csv');
    writeFileSync(csv, 'commune;taux\nLoirac;12\n');
    const r = await run([csv, '--annee', '2013'], dir);
    expect(r.code).toBe(1);
    expect(r.err.split('\n')[0]).toBe(`${csv}:1:1  erreur : en-tête non reconnu [import-colonne]`);
  });
});

describe('npm run import: usage errors exit 2', () => {
  it.each([
    [[], 'fichier à importer manquant'],
    [['a.csv', 'b.csv'], 'un seul fichier à la fois'],
    [[INSEE_CSV, '--annee'], 'valeur manquante ou inattendue pour l’option --annee'],
    [[INSEE_CSV, '--annee', '13'], '--annee : année sur quatre chiffres attendue, reçu « 13 »'],
    [[INSEE_CSV, '--annees', '2013'], 'option inconnue : --annees'],
    [[INSEE_CSV, '--variables', 'tp60=Taux Pauvreté'], '--variables : identifiant d’indicateur invalide « Taux Pauvreté »'],
    [[INSEE_CSV, '--variables', 'inconnue'], '--variables : « inconnue » n’est pas une variable Insee connue'],
    [[INSEE_CSV, '--indicateur', 'Taux'], '--indicateur : identifiant invalide « Taux »'],
    [[join(SAMPLES, 'absent.csv')], 'fichier introuvable ou illisible'],
    [[INSEE_CSV, '--annee', '2013'], '--source est obligatoire pour créer cahier-1/indicateurs/population.yaml'],
  ])('%j', async (args, message) => {
    const dir = contractCopy();
    const before = snapshot(dir);
    const r = await run(args, dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
    expect(r.err).toContain('Aide : npm run import -- --help');
    expect(snapshot(dir)).toEqual(before);
  });

  it('a missing contract folder is a usage error, --help is not', async () => {
    expect(await run([INSEE_CSV], '/nonexistent/contract')).toMatchObject({ code: 2, err: expect.stringContaining('dossier du contrat introuvable : /nonexistent/contract') });
    expect(await run(['--help'], '/nonexistent/contract')).toMatchObject({ code: 0, out: expect.stringContaining('Usage : npm run import -- FICHIER [options]') });
  });
});
