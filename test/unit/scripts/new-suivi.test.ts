/**
 * `npm run new -- engagement ID` and `npm run new -- suivi FICHE ANNEE`:
 * what they write passes the check with « à compléter » warnings only, and
 * the rest of the file is kept byte for byte.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runNew } from '../../../scripts/lib/run-new.ts';
import { loadContract } from '../../../src/lib/contract.ts';
import { formatIssues } from '../../../src/lib/model/index.ts';
import { addEngagement, addSuiviYear } from '../../../src/lib/scaffold-suivi.ts';
import { FIXTURES } from '../../helpers/fixtures.ts';

const dirs: string[] = [];
const contract = () => {
  const d = mkdtempSync(join(tmpdir(), 'cahiers-new-suivi-'));
  dirs.push(d);
  cpSync(join(FIXTURES, 'autre-contrat'), d, { recursive: true });
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
/** The fixture without its commitments, so that `new engagement` creates the file. */
const withoutEngagements = () => {
  const d = contract();
  rmSync(join(d, 'suivi'), { recursive: true });
  return d;
};

function run(args: string[], dir: string) {
  const out: string[] = [];
  const err: string[] = [];
  return { code: runNew(args, { CONTENT_DIR: dir }, (l) => out.push(l), (l) => err.push(l)), out: out.join('\n'), err: err.join('\n') };
}

/** The issues of one file: no error, and at least one « à compléter » warning. */
function onlyMarkers(dir: string, path: string) {
  const result = loadContract(dir, {});
  const issues = result.issues.filter((i) => i.file === path);
  expect(formatIssues(issues.filter((i) => i.rule !== 'a-completer'))).toBe('');
  expect(issues.some((i) => i.rule === 'a-completer')).toBe(true);
  return result.contract!;
}

describe('npm run new -- engagement', () => {
  it('creates suivi/engagements.yaml, then appends to it; an id already used is refused', () => {
    const dir = withoutEngagements();
    const file = join(dir, 'suivi', 'engagements.yaml');
    expect(run(['engagement', 'emploi-jeunes'], dir)).toEqual({ code: 0, out: `Créé : engagement « emploi-jeunes » dans ${file}`, err: '' });
    const first = readFileSync(file, 'utf8');
    expect(first).toMatch(/^# yaml-language-server: \$schema=.*schemas\/engagements\.schema\.json\n- id: emploi-jeunes\n  signataire: Préfecture de Loirac-et-Cher\n/);
    expect(run(['engagement', 'logement'], dir).code).toBe(0);
    expect(readFileSync(file, 'utf8').startsWith(first)).toBe(true);
    const c = onlyMarkers(dir, 'suivi/engagements.yaml');
    expect(c.engagements.map((e) => e.id)).toEqual(['emploi-jeunes', 'logement']);
    expect(c.engagements[0]!.suivi).toEqual([{ annee: 2024, statut: 'a-lancer', commentaire: 'à compléter' }]);
    expect(run(['engagement', 'logement'], dir)).toMatchObject({ code: 1, err: `${file} : l’engagement « logement » existe déjà : rien n’a été écrit.` });
  });

  it('refuses an invalid id', () => {
    const dir = withoutEngagements();
    expect(() => run(['engagement', 'Emploi Jeunes'], dir)).not.toThrow();
    expect(run(['engagement', 'Emploi Jeunes'], dir).code).toBe(2);
    expect(existsSync(join(dir, 'suivi'))).toBe(false);
  });
});

describe('npm run new -- suivi', () => {
  const path = 'cahier-2/fiches/ateliers-numeriques-colleges.md';

  it('adds a year to a fiche’s suivi with its budget’s funders, the rest of the file unchanged', () => {
    const dir = contract();
    const file = join(dir, path);
    const before = readFileSync(file, 'utf8');
    expect(run(['suivi', 'ateliers-numeriques-colleges', '2024'], dir)).toEqual({ code: 0, out: `Ajouté : suivi 2024 dans ${file}`, err: '' });
    const after = readFileSync(file, 'utf8');
    const close = before.indexOf('\n---\n');
    expect(after.startsWith(before.slice(0, close + 1))).toBe(true);
    expect(after.endsWith(before.slice(close + 1))).toBe(true);
    expect(after.slice(close + 1, after.length - (before.length - close - 1))).toContain('suivi:\n  2024:\n');
    expect(run(['suivi', 'ateliers-numeriques-colleges', '2025'], dir).code).toBe(0);
    const c = onlyMarkers(dir, path);
    const fiche = c.fiches.find((f) => f.id === 'ateliers-numeriques-colleges')!;
    expect(fiche.suivi!.map((s) => [s.annee, s.financements.map((f) => f.financeur)])).toEqual([
      [2024, ['État (BOP 147)', 'Département de Loirac-et-Cher']],
      [2025, ['État (BOP 147)', 'Département de Loirac-et-Cher']],
    ]);
    expect(fiche.statut).toBe('abandonne');
    expect(run(['suivi', 'ateliers-numeriques-colleges', '2025'], dir)).toMatchObject({ code: 1, err: `${file} : le suivi de 2025 existe déjà : rien n’a été écrit.` });
  });

  it('inserts into an existing suivi block before the next key, at its indentation, with the fiche’s indicator ids', () => {
    const fiche = ['---', 'titre: T', 'indicateurs:', '  - id: inscrits', '    libelle: Inscrits', 'suivi:', '    2024:', '        avancement: 10', '# fin', 'statut: en-cours', '---', 'Texte.', ''].join('\n');
    const edit = addSuiviYear(fiche, 2025);
    expect(edit.ok).toBe(true);
    const text = (edit as { text: string }).text;
    expect(text.split('\n').slice(0, 9)).toEqual(['---', 'titre: T', 'indicateurs:', '  - id: inscrits', '    libelle: Inscrits', 'suivi:', '    2024:', '        avancement: 10', '    2025:']);
    expect(text).toContain('\n        valeurs:\n            inscrits: à compléter\n');
    expect(text.endsWith('# fin\nstatut: en-cours\n---\nTexte.\n')).toBe(true);
    expect(addSuiviYear(fiche.replace('suivi:\n    2024:\n        avancement: 10', 'suivi: {2024: {avancement: 10}}'), 2025)).toEqual({ ok: false, message: 'la clé suivi est écrite sur une ligne ({…}) : ajoutez l’année à la main' });
  });

  it('keeps a file’s CRLF line ends', () => {
    const fiche = ['---', 'titre: T', 'statut: en-cours', '---', 'Texte.', ''].join('\r\n');
    const edit = addSuiviYear(fiche, 2025) as { ok: true; text: string };
    expect(edit.text.startsWith('---\r\ntitre: T\r\nstatut: en-cours\r\nsuivi:\r\n  2025:\r\n')).toBe(true);
    expect(edit.text.replaceAll('\r\n', '')).not.toContain('\n');
    const list = addEngagement('- id: a\r\n  signataire: S\r\n  engagement: E\r\n', 'b', '- id: b\n  signataire: S\n', '') as { ok: true; text: string };
    expect(list.text).toBe('- id: a\r\n  signataire: S\r\n  engagement: E\r\n- id: b\r\n  signataire: S\r\n');
  });

  it('says so for a fiche that does not exist or a year that is not one', () => {
    const dir = contract();
    expect(run(['suivi', 'inconnue', '2024'], dir)).toMatchObject({ code: 1, err: `${join(dir, 'cahier-2/fiches/inconnue.md')} n’existe pas : pas de fiche « inconnue ».` });
    expect(run(['suivi', 'ateliers-numeriques-colleges', '24'], dir).code).toBe(2);
  });
});
