import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
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
    expect(r).toMatchObject({ code: 0, out: `Créé : ${join(dir, path)}` });
    const issues = loadContract(dir).issues.filter((i) => i.file === path);
    expect(formatIssues(issues.filter((i) => i.severity === 'error'))).toBe('');
    // What the author must still supply is said, in the new file.
    expect(issues.some((i) => i.rule === 'a-completer')).toBe(kind !== 'afom');
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
});
