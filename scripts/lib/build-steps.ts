import { spawn } from 'node:child_process';
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentDir } from '../../src/lib/contract.ts';
import { hasErrors } from '../../src/lib/model/index.ts';
import { checkDir, report } from './run-check.ts';
import { NoChromiumError } from './browser.ts';
import { buildPdfs } from './pdf-steps.ts';
import { loadContract } from '../../src/lib/contract.ts';

const log = (line: string) => process.stdout.write(`${line}\n`);
const fail = (line: string) => process.stderr.write(`${line}\n`);

export async function buildAll(env: NodeJS.ProcessEnv, distDir = 'dist'): Promise<number> {
  const dir = contentDir(env);
  const issues = checkDir(dir, fail);
  if (issues === 'usage') return 2;
  report(issues, dir, log, fail);
  if (hasErrors(issues)) {
    fail('Construction interrompue : corrigez les erreurs ci-dessus. Le dossier dist/ n’a pas été modifié.');
    return 1;
  }
  const dist = resolve(distDir);
  const tmp = `${dist}.tmp-${process.pid}`;
  removeLeftovers(dist);
  if ((await astroBuild(env, tmp)) !== 0) {
    rmSync(tmp, { recursive: true, force: true });
    fail('Construction du site échouée. Le dossier dist/ n’a pas été modifié.');
    return 1;
  }
  try {
    const pages = await postBuildStep('typeset', tmp);
    const indexed = await postBuildStep('index', tmp);
    log(`Site : ${pages} pages ; index de recherche : ${indexed} pages`);
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    fail(`Étape finale du site échouée : ${(e as Error).message}. Le dossier dist/ n’a pas été modifié.`);
    return 1;
  }
  if (env.PDF !== '0') {
    const code = await runPdf(env, tmp);
    if (code !== 0) {
      rmSync(tmp, { recursive: true, force: true });
      fail('Le dossier dist/ n’a pas été modifié.');
      return code;
    }
  }
  swap(tmp, dist);
  log(`Site construit dans ${distDir}/`);
  return 0;
}

/** Replaces `dist` by `tmp` with two renames, so readers never see a half-written folder. */
function swap(tmp: string, dist: string): void {
  const old = `${dist}.old-${process.pid}`;
  if (existsSync(dist)) renameSync(dist, old);
  renameSync(tmp, dist);
  rmSync(old, { recursive: true, force: true });
}

/**
 * `astro build` of the site into `outDir`, in a child process; resolves to
 * its exit code. Asynchronous, so this process goes on (the benchmark
 * samples memory meanwhile).
 */
export function astroBuild(env: NodeJS.ProcessEnv, outDir: string): Promise<number | null> {
  const child = spawn(process.execPath, [resolve('node_modules/astro/bin/astro.mjs'), 'build', '--silent'], {
    stdio: 'inherit',
    env: { ...astroEnv(env), CAHIERS_OUT_DIR: outDir },
  });
  return new Promise((done) => {
    child.on('error', () => done(null));
    child.on('exit', (code) => done(code));
  });
}

const POST_BUILD_STEP = fileURLToPath(new URL('./post-build-step.ts', import.meta.url));

/** French typography or the search index over the site in `dir`, in a child process; resolves to the pages handled. */
export function postBuildStep(step: 'typeset' | 'index', dir: string): Promise<number> {
  const child = spawn(process.execPath, ['--import', 'tsx', POST_BUILD_STEP, step, dir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d));
  child.stderr.on('data', (d: Buffer) => (err += d));
  return new Promise((done, fail) => {
    child.on('error', fail);
    child.on('exit', (code) => (code === 0 ? done(Number(out)) : fail(new Error(err.trim().split('\n').find((l) => /Error/.test(l)) ?? `code ${code}`))));
  });
}

/**
 * The environment for an Astro child process. Vite's own variables (set,
 * for instance, by a test runner) would override the site's base path, and
 * Astro behaves differently when it believes it runs under Vitest: only
 * BASE_PATH and CONTENT_DIR decide.
 */
export function astroEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([k]) => !/^(VITEST|TEST$|BASE_URL$|MODE$|DEV$|PROD$|SSR$)/.test(k)));
}

/** The PDFs of the built site in `dir`; prints progress per cahier; returns the exit code. */
export async function runPdf(env: NodeJS.ProcessEnv, dir: string): Promise<number> {
  const { contract } = loadContract(contentDir(env));
  if (!contract) {
    fail('Le contrat contient des erreurs : lancez npm run check.');
    return 1;
  }
  try {
    await buildPdfs(dir, contract, basePath(env), log);
    return 0;
  } catch (e) {
    if (e instanceof NoChromiumError) {
      fail(e.message);
      return 3;
    }
    fail(`PDF non produits : ${(e as Error).message}`);
    return 1;
  }
}

function basePath(env: NodeJS.ProcessEnv): string {
  const b = env.BASE_PATH && env.BASE_PATH.trim() !== '' ? env.BASE_PATH : '/';
  return b.endsWith('/') ? b : `${b}/`;
}

/** What a killed build left beside dist/ (its temporary or previous folder) is removed by the next one. */
function removeLeftovers(dist: string): void {
  const parent = dirname(dist);
  const prefix = `${basename(dist)}.`;
  if (!existsSync(parent)) return;
  for (const name of readdirSync(parent)) {
    if (name.startsWith(prefix) && /\.(tmp|old)-\d+$/.test(name)) rmSync(join(parent, name), { recursive: true, force: true });
  }
}
