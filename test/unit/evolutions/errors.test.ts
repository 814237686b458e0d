/**
 * What can go wrong with DEPUIS / `npm run evolutions`: an unknown ref, a
 * contract folder outside any git repository, a version that no longer
 * passes the check. Each is one French line naming the ref, with the exit
 * code of a usage (2) or content (1) error; a build stops before writing
 * and leaves dist/ as it was.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { buildAll } from '../../../scripts/lib/build-steps.ts';
import { runEvolutions } from '../../../scripts/lib/run-evolutions.ts';
import { FIXTURES } from '../../helpers/fixtures.ts';
import { gitContract } from '../../helpers/git-contract.ts';

const repo = gitContract('minimal');
repo.edit('contrat.yaml', (t) => t.replace('territoire: agglo', 'territoire: agglomeration'));
repo.commit('Territoire mal écrit');
repo.tag('v0.9', 'Version 0.9');
repo.edit('contrat.yaml', (t) => t.replace('territoire: agglomeration', 'territoire: agglo'));
repo.commit('Territoire corrigé');
const outside = mkdtempSync(join(tmpdir(), 'cahiers-hors-git-'));
cpSync(join(FIXTURES, 'minimal'), outside, { recursive: true });
afterAll(() => {
  repo.cleanup();
  rmSync(outside, { recursive: true, force: true });
});

function run(ref: string, dir = repo.dir) {
  const err: string[] = [];
  const code = runEvolutions([ref], { CONTENT_DIR: dir }, () => {}, (l) => err.push(l));
  return { code, err: err.join('\n') };
}

describe('evolutions: errors', () => {
  it('an unknown ref', () => {
    expect(run('v9.9')).toEqual({ code: 2, err: `Version inconnue « v9.9 » : ni étiquette, ni branche, ni commit de ce nom dans le dépôt git de ${repo.dir} (git tag --list donne les versions étiquetées)` });
    // Not taken for an option of git.
    expect(run('--all').code).toBe(2);
  });

  it('a contract folder outside any git repository', () => {
    expect(run('v1.0', outside)).toEqual({ code: 2, err: `Version « v1.0 » illisible : le dossier du contrat ${outside} n’est dans aucun dépôt git` });
  });

  it('a version that no longer passes the check', () => {
    expect(run('v0.9')).toEqual({
      code: 1,
      err: 'Version « v0.9 » : le contrat de cette version ne passe pas la vérification (1 erreur, dont contrat.yaml:2:13 territoire inconnu « agglomeration » [ref-inconnue]) ; comparez à une version valide',
    });
  });

  it('a ref where the contract folder did not exist yet', () => {
    const copy = join(repo.repo, 'contrat-2');
    cpSync(repo.dir, copy, { recursive: true });
    expect(run('v0.9', copy)).toEqual({ code: 2, err: `Version « v0.9 » : le dossier du contrat ${copy} n’existe pas dans cette version` });
  });

  it('a build given a bad ref stops before writing, and leaves dist/ as it was', async () => {
    const dist = join(outside, '..', `${outside.split('/').at(-1)}-dist`);
    mkdirSync(dist, { recursive: true });
    writeFileSync(join(dist, 'index.html'), 'ancien site');
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      const code = await buildAll({ ...process.env, CONTENT_DIR: repo.dir, DEPUIS: 'v9.9', PDF: '0' }, dist);
      const said = err.mock.calls.map((c) => String(c[0])).join('');
      expect(code).toBe(2);
      expect(said).toBe(`Version inconnue « v9.9 » : ni étiquette, ni branche, ni commit de ce nom dans le dépôt git de ${repo.dir} (git tag --list donne les versions étiquetées) Le dossier dist/ n’a pas été modifié.\n`);
      expect(readFileSync(join(dist, 'index.html'), 'utf8')).toBe('ancien site');
      expect(existsSync(`${dist}.tmp-${process.pid}`)).toBe(false);
    } finally {
      err.mockRestore();
      out.mockRestore();
      rmSync(dist, { recursive: true, force: true });
    }
  });
});
