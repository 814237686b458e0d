import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runNew } from '../../../scripts/lib/run-new.ts';
import { loadContract } from '../../../src/lib/contract.ts';
import { formatIssues } from '../../../src/lib/model/index.ts';
import { FIXTURES } from '../../helpers/fixtures.ts';

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'cahiers-new-'));
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function run(args: string[], env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  return { code: runNew(args, env, (l) => out.push(l), (l) => err.push(l)), out: out.join('\n'), err: err.join('\n') };
}

describe('npm run new', () => {
  it('writes a whole contract skeleton that passes the check, with « à compléter » warnings only', () => {
    const dir = join(tmp(), 'nouveau');
    expect(run(['contrat', dir]).code).toBe(0);
    const { contract, issues } = loadContract(dir);
    expect(contract).toBeDefined();
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.filter((i) => i.rule !== 'a-completer' || i.severity !== 'warning')).toEqual([]);
    expect(readFileSync(join(dir, 'contrat.yaml'), 'utf8')).toMatch(/^# yaml-language-server: \$schema=.*schemas\/contrat\.schema\.json\n/);
  });

  it.each([
    ['fiche', 'cahier-2/fiches/permis-solidaire.md'],
    ['quartier', 'quartiers/permis-solidaire.md'],
    ['indicateur', 'cahier-1/indicateurs/permis-solidaire.yaml'],
    ['afom', 'cahier-1/afom/permis-solidaire.yaml'],
    ['chapitre', 'cahier-1/chapitres/permis-solidaire.md'],
  ])('scaffolds a %s that the check accepts in a contract with other ids', (kind, path) => {
    const dir = tmp();
    cpSync(join(FIXTURES, 'autre-contrat'), dir, { recursive: true });
    const r = run([kind, 'permis-solidaire'], { CONTENT_DIR: dir });
    expect(r.code).toBe(0);
    expect(r.out.split('\n').at(-1)).toBe(`Créé : ${join(dir, path)}`);
    const issues = loadContract(dir).issues.filter((i) => i.file === path);
    expect(formatIssues(issues.filter((i) => i.severity === 'error'))).toBe('');
    // What the author must still supply is said, in the new file.
    expect(issues.some((i) => i.rule === 'a-completer')).toBe(kind !== 'afom');
  });

  it('places a new chapter last and says so, listing the chapters; --ordre gives its rank', () => {
    const dir = tmp();
    cpSync(join(FIXTURES, 'autre-contrat'), dir, { recursive: true });
    const last = run(['chapitre', 'emploi'], { CONTENT_DIR: dir });
    expect(last.out).toBe(
      [
        'Chapitres du cahier I (ordre, fichier, titre) :',
        '  10  vue-d-ensemble  Le Val de Loirac et ses quartiers',
        '  20  habitat-et-cadre-de-vie  Habitat et cadre de vie',
        'Le nouveau chapitre prend l’ordre 21, après les autres ; pour un autre rang : --ordre N (un nombre décimal, 2.5, le place entre 2 et 3).',
        `Créé : ${join(dir, 'cahier-1/chapitres/emploi.md')}`,
      ].join('\n'),
    );
    expect(readFileSync(join(dir, 'cahier-1/chapitres/emploi.md'), 'utf8')).toContain('ordre: 21\n');
    const ranked = run(['chapitre', 'sante', '--ordre', '15'], { CONTENT_DIR: dir });
    expect(ranked.out).toContain('Le nouveau chapitre prend l’ordre 15.');
    expect(readFileSync(join(dir, 'cahier-1/chapitres/sante.md'), 'utf8')).toContain('ordre: 15\n');
    const chapters = loadContract(dir).contract!.cahier1.map((c) => c.slug);
    expect(chapters).toEqual(['vue-d-ensemble', 'sante', 'habitat-et-cadre-de-vie', 'emploi']);
    expect(run(['chapitre', 'x', '--ordre', 'trois'], { CONTENT_DIR: dir }).code).toBe(2);
  });

  it('proposes the id an accented or spaced name meant', () => {
    expect(run(['fiche', 'Jardins partagés (Vignes)'], { CONTENT_DIR: tmp() })).toMatchObject({
      code: 2,
      err: 'Identifiant invalide « Jardins partagés (Vignes) » : minuscules sans accent, chiffres et « - » seulement (il devient le nom du fichier) ; proposé : jardins-partages-vignes.',
    });
  });

  it('refuses to overwrite', () => {
    const dir = tmp();
    cpSync(join(FIXTURES, 'minimal'), dir, { recursive: true });
    const file = join(dir, 'cahier-2/fiches/accompagner-jeunes.md');
    const before = readFileSync(file, 'utf8');
    expect(run(['fiche', 'accompagner-jeunes'], { CONTENT_DIR: dir })).toMatchObject({ code: 1, err: `${file} existe déjà : rien n’a été écrit.` });
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(run(['contrat', dir]).code).toBe(1);
  });

  it('rejects a bad id or kind as a usage error', () => {
    const dir = tmp();
    expect(run(['fiche', 'Permis Solidaire'], { CONTENT_DIR: dir }).code).toBe(2);
    expect(run(['projet', 'x'], { CONTENT_DIR: dir }).code).toBe(2);
    expect(run([], {}).code).toBe(2);
    expect(existsSync(join(dir, 'cahier-2'))).toBe(false);
  });

  it('scaffolds an annual report that passes the check: rapport.yaml, faits marquants and perspectives', () => {
    const dir = tmp();
    cpSync(join(FIXTURES, 'autre-contrat'), dir, { recursive: true });
    const r = run(['rapport', '2025'], { CONTENT_DIR: dir });
    expect(r.code).toBe(0);
    expect(r.out.split('\n')).toEqual(['chapitres/faits-marquants.md', 'chapitres/perspectives.md', 'rapport.yaml'].map((f) => `Créé : ${join(dir, 'rapports/2025', f)}`));
    const { contract, issues } = loadContract(dir);
    expect(issues.filter((i) => i.rule !== 'a-completer' || i.severity !== 'warning')).toEqual([]);
    // The fixture has its own 2024 report.
    expect(contract!.rapports.filter((r) => r.annee === 2025)).toMatchObject([{ annee: 2025, etat: 'projet', chapitres: [{ slug: 'faits-marquants', ordre: 1 }, { slug: 'perspectives', ordre: 55 }] }]);
    expect(readFileSync(join(dir, 'rapports/2025/rapport.yaml'), 'utf8')).toMatch(/^# yaml-language-server: \$schema=\S*schemas\/rapport\.schema\.json\n/);
    expect(run(['rapport', '2025'], { CONTENT_DIR: dir }).code).toBe(1);
    expect(run(['rapport', '2017'], { CONTENT_DIR: dir })).toMatchObject({ code: 2, err: 'Année 2017 hors de la période du contrat (2024-2030).' });
  });

  it('scaffolds an opinion, its header filled for a consulted body, once the report is in consultation', () => {
    const dir = tmp();
    cpSync(join(FIXTURES, 'autre-contrat'), dir, { recursive: true });
    expect(run(['avis', '2025', 'ile-aux-mariniers'], { CONTENT_DIR: dir }).err).toBe(`Pas de rapport 2025 dans ${dir} : créez-le d’abord (npm run new -- rapport 2025).`);
    run(['rapport', '2025'], { CONTENT_DIR: dir });
    expect(run(['avis', '2025', 'ile-aux-mariniers'], { CONTENT_DIR: dir }).code).toBe(2);
    writeFileSync(join(dir, 'rapports/2025/rapport.yaml'), 'annee: 2025\netat: consultation\nconsultation: {debut: 2026-03-01}\n');
    for (const id of ['ile-aux-mariniers', 'loirac', 'prefecture']) expect(run(['avis', '2025', id], { CONTENT_DIR: dir }).code).toBe(0);
    expect(readFileSync(join(dir, 'rapports/2025/avis/ile-aux-mariniers.md'), 'utf8')).toMatch(/^---\ninstance: Conseil citoyen de L'Île aux Mariniers\ntype: conseil-citoyen\nquartier: ile-aux-mariniers\ndate: à compléter\n/);
    expect(readFileSync(join(dir, 'rapports/2025/avis/loirac.md'), 'utf8')).toMatch(/^---\ninstance: Conseil municipal de Loirac\ntype: conseil-municipal\ncommune: loirac\n/);
    expect(readFileSync(join(dir, 'rapports/2025/avis/prefecture.md'), 'utf8')).toMatch(/^---\ninstance: à compléter\ntype: autre\ndate: à compléter\n/);
    const { contract, issues } = loadContract(dir);
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(issues.filter((i) => i.rule === 'avis-manquant').map((i) => i.message)).toEqual(['aucun avis du conseil citoyen des Tilleuls – Gare']);
    expect(contract!.rapports.find((r) => r.annee === 2025)!.avis.map((a) => a.id)).toEqual(['ile-aux-mariniers', 'loirac', 'prefecture']);
  });
});
