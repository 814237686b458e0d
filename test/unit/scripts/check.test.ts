import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildAll } from '../../../scripts/lib/build-steps.ts';
import { runCheck } from '../../../scripts/lib/run-check.ts';
import { FIXTURES } from '../../helpers/fixtures.ts';

function check(args: string[], env: NodeJS.ProcessEnv) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runCheck(args, env, (l) => out.push(l), (l) => err.push(l));
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function brokenCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cahiers-broken-'));
  cpSync(join(FIXTURES, 'minimal'), dir, { recursive: true });
  writeFileSync(join(dir, 'territoires.yaml'), '- id: pays\n  nom: France\n  type: nation\n');
  return dir;
}

describe('npm run check', () => {
  // package.json runs it with Node's own type stripping, which refuses TypeScript that is not erased
  // (parameter properties, enums): every module the check imports must run that way.
  it('runs on Node’s type stripping, without a loader', () => {
    const dir = join(FIXTURES, 'autre-contrat');
    const run = spawnSync(process.execPath, [join(import.meta.dirname, '../../../scripts/check.ts')], { env: { ...process.env, CONTENT_DIR: dir }, encoding: 'utf8' });
    expect({ status: run.status, err: run.stderr }).toEqual({ status: 0, err: '' });
    expect(run.stdout).toContain(`${dir} : `);
  });

  it('exits 0 on a valid contract named by CONTENT_DIR', () => {
    const dir = join(FIXTURES, 'minimal');
    expect(check([], { CONTENT_DIR: dir })).toEqual({ code: 0, out: `${dir} : Aucune erreur, aucun avertissement.`, err: '' });
  });

  it('exits 1 and prints every located error with the folder as typed', () => {
    const dir = brokenCopy();
    try {
      const r = check([], { CONTENT_DIR: dir });
      expect(r.code).toBe(1);
      expect(r.err.split('\n')[0]).toBe(`${dir}/territoires.yaml:3:9  [0].type  erreur : valeur non permise : le texte « nation » ; attendu : « pays », « region », « departement », « epci », « commune » [valeur-non-permise]`);
      expect(r.err).toContain(`${dir} : `);
      expect(r.err).not.toMatch(/\n\s+at /);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exits 2 on a usage error', () => {
    expect(check(['--strict'], {}).code).toBe(2);
    expect(check([], { CONTENT_DIR: '/nonexistent/contract' })).toMatchObject({ code: 2, err: 'dossier du contrat introuvable : /nonexistent/contract (CONTENT_DIR=/nonexistent/contract)' });
  });
});

describe('npm run build on a contract with errors', () => {
  it('stops before writing anything and leaves dist/ as it was', async () => {
    const dir = brokenCopy();
    const dist = mkdtempSync(join(tmpdir(), 'cahiers-dist-'));
    try {
      mkdirSync(join(dist, 'site'));
      writeFileSync(join(dist, 'site', 'index.html'), 'previous build');
      const code = await buildAll({ CONTENT_DIR: dir }, join(dist, 'site'));
      expect(code).toBe(1);
      expect(readFileSync(join(dist, 'site', 'index.html'), 'utf8')).toBe('previous build');
      expect(existsSync(join(dist, `site.tmp-${process.pid}`))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      rmSync(dist, { recursive: true, force: true });
    }
  });
});
