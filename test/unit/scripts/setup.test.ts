/**
 * `npm run setup` (scripts/setup.sh) run against stand-ins for npm, apt-get
 * and the Debian tools, in a copy of the repository's root: one line per
 * step, npm's warnings kept out of sight, the end of the failing step's log
 * shown. The PATH holds only the stand-ins and the few tools the script uses,
 * so a Debian package can be "missing".
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const TOOLS = ['dirname', 'mktemp', 'grep', 'tail', 'rm', 'id', 'env', 'cat', 'mkdir', 'chmod'];
const BASH = spawnSync('sh', ['-c', 'command -v bash'], { encoding: 'utf8' }).stdout.trim();

const WARNINGS = Array.from({ length: 100 }, (_, i) => `npm warn EBADENGINE Unsupported engine ${i}`).join('\n');

/** The stand-in npm: `ci` writes node_modules/.bin/node, `run build` prints a lot; NPM_FAILS=ci makes `ci` fail. */
const NPM = `#!${BASH}
echo "npm $*" >> "$CALLS"
if [ "$1" = ci ]; then
  echo "${WARNINGS}" >&2
  if [ "\${NPM_FAILS:-}" = ci ]; then echo "npm error code ETARGET" >&2; echo "npm error notarget No matching version found" >&2; exit 1; fi
  mkdir -p node_modules/.bin
  printf '#!${BASH}\\necho v24.21.0\\n' > node_modules/.bin/node
  chmod +x node_modules/.bin/node
  echo "added 532 packages in 25s"
elif [ "$1" = run ]; then
  echo "${WARNINGS}"
  echo "Site construit."
fi
`;

let dir = '';
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

function setup(options: { args?: string[]; present?: string[]; npmFails?: boolean; aptGet?: boolean } = {}) {
  dir = mkdtempSync(join(tmpdir(), 'cahiers-setup-test-'));
  const repo = join(dir, 'repo');
  const bin = join(dir, 'bin');
  mkdirSync(join(repo, 'scripts'), { recursive: true });
  mkdirSync(bin);
  copyFileSync(join(ROOT, 'scripts/setup.sh'), join(repo, 'scripts/setup.sh'));
  writeFileSync(join(repo, 'package.json'), '{}');
  writeFileSync(join(repo, 'package-lock.json'), '{}');
  const stub = (name: string, body: string) => {
    writeFileSync(join(bin, name), body);
    chmodSync(join(bin, name), 0o755);
  };
  for (const tool of TOOLS) symlinkSync(spawnSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).stdout.trim(), join(bin, tool));
  stub('npm', NPM);
  for (const name of options.present ?? ['chromium', 'pdftoppm']) stub(name, `#!${BASH}\n`);
  if (options.aptGet) stub('apt-get', `#!${BASH}\necho "apt-get $*" >> "$CALLS"\necho "Reading package lists..."\n`);
  const calls = join(dir, 'calls.txt');
  writeFileSync(calls, '');
  const r = spawnSync(BASH, [join(repo, 'scripts/setup.sh'), ...(options.args ?? [])], {
    cwd: repo,
    encoding: 'utf8',
    env: { PATH: bin, CALLS: calls, TMPDIR: dir, ...(options.npmFails ? { NPM_FAILS: 'ci' } : {}) },
  });
  const logsLeft = spawnSync(BASH, ['-c', `echo ${dir}/cahiers-setup.*`], { encoding: 'utf8' }).stdout.trim();
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, calls: readFileSync(calls, 'utf8').trim().split('\n').filter(Boolean), logsLeft };
}

const lines = (s: string) => s.split('\n').filter(Boolean);

describe('npm run setup', () => {
  it('with everything present and --no-build, prints three lines and nothing of npm’s', () => {
    const r = setup({ args: ['--no-build'] });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(lines(r.stdout)).toEqual([
      'Paquets Debian : chromium et poppler-utils déjà présents',
      expect.stringMatching(/^Paquets npm : 532 installés en \d+ s$/),
      'Node 24 : v24.21.0, pour tous les scripts npm run',
    ]);
    expect(r.calls).toEqual(['npm ci --no-audit --no-fund']);
    expect(r.logsLeft).toBe(`${dir}/cahiers-setup.*`);
  });

  it('builds as a fourth step, its output kept out of sight', () => {
    const r = setup();
    expect(r.code).toBe(0);
    expect(lines(r.stdout)).toHaveLength(4);
    expect(lines(r.stdout)[3]).toMatch(/^Construction \(npm run build\) : dist\/ construit en \d+ s$/);
    expect(r.calls).toEqual(['npm ci --no-audit --no-fund', 'npm run build']);
  });

  it('installs the missing Debian packages with apt-get, in one line', () => {
    const r = setup({ args: ['--no-build'], present: ['chromium'], aptGet: true });
    expect(r.code).toBe(0);
    expect(lines(r.stdout)[0]).toMatch(/^Paquets Debian : installation de poppler-utils… fait en \d+ s$/);
    expect(lines(r.stdout)).toHaveLength(3);
    expect(r.calls.slice(0, 2)).toEqual([
      'apt-get update -qq',
      'apt-get install -y -qq --no-install-recommends poppler-utils fonts-dejavu-core',
    ]);
  });

  it('without apt-get, names the missing packages and goes on', () => {
    const r = setup({ args: ['--no-build'], present: [] });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('Paquets Debian : manquent chromium poppler-utils ; installez-les avec le gestionnaire de paquets du système\n');
    expect(lines(r.stdout)).toHaveLength(2);
  });

  it('on a failing step, stops there and shows the end of its log, not the whole of it', () => {
    const r = setup({ npmFails: true });
    expect(r.code).toBe(1);
    expect(lines(r.stdout)).toEqual(['Paquets Debian : chromium et poppler-utils déjà présents', 'Paquets npm : échec']);
    const err = lines(r.stderr);
    expect(err[0]).toMatch(/^Fin du journal \(.*\/cahiers-setup\.\w+\/npm\.log\) :$/);
    expect(err.slice(-2)).toEqual(['npm error code ETARGET', 'npm error notarget No matching version found']);
    expect(err).toHaveLength(26);
    // The log is kept for a closer look.
    expect(readFileSync(err[0]!.match(/\((.*)\)/)![1]!, 'utf8')).toContain('Unsupported engine 0');
    expect(r.calls).toEqual(['npm ci --no-audit --no-fund']);
  });

  it('refuses an unknown option', () => {
    const r = setup({ args: ['--sans-construire'] });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('Option inconnue : --sans-construire (seule --no-build est acceptée)\n');
    expect(r.calls).toEqual([]);
  });
});
