/**
 * `npm run build`: the contract is read and checked once, here; the Astro
 * child process and the PDFs get the model this process built (a JSON file
 * handed to Astro through CAHIERS_MODEL), so nothing parses it again.
 * Output goes to a temporary folder swapped with dist/ at the end, so a
 * failed build leaves the previous dist/ as it was.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentDir, loadContract, MODEL_FILE_ENV, writeJson, writeModelFile } from '../../src/lib/contract.ts';
import { CliError, UsageError } from '../../src/lib/errors.ts';
import { sitePath } from '../../src/lib/site/base-path.ts';
import type { Contract } from '../../src/lib/model/index.ts';
import { depuisRef, EVOLUTIONS_FILE_ENV, evolutionsSince } from '../../src/lib/evolutions/since.ts';
import type { Evolutions } from '../../src/lib/evolutions/types.ts';
import { handleCliAsync } from './cli.ts';
import { report } from './run-check.ts';
import { buildPdfs } from './pdf-steps.ts';
import { pdfCache } from './pdf-cache.ts';
import { printFailure } from './print-pages.ts';
import { statusLine } from './status-line.ts';
import { finishDownloads, type DownloadsReport } from './downloads-step.ts';
import { printDocuments, printFiles } from '../../src/lib/print/documents.ts';
import { routes } from '../../src/lib/site/routes.ts';

const log = (line: string) => process.stdout.write(`${line}\n`);
const fail = (line: string) => process.stderr.write(`${line}\n`);

/** A step after the check failed: the previous dist/ is left as it was. */
class BuildError extends CliError {
  constructor(message: string, exitCode = 1, separator = ' ') {
    super(`${message}${separator}Le dossier dist/ n’a pas été modifié.`, exitCode);
  }
}

export function buildAll(env: NodeJS.ProcessEnv, distDir = 'dist'): Promise<number> {
  return handleCliAsync(async () => {
    basePath(env);
    const dir = contentDir(env);
    const { contract, issues } = loadContract(dir);
    report(issues, dir, log, fail);
    if (!contract) throw new BuildError('Construction interrompue : corrigez les erreurs ci-dessus.');
    const evolutions = compareWithDepuis(env, dir, contract);
    const dist = resolve(distDir);
    const tmp = `${dist}.tmp-${process.pid}`;
    removeLeftovers(dist);
    try {
      await buildSite(env, contract, tmp, evolutions);
      if (env.PDF !== '0') await makePdfs(env, contract, tmp, evolutions);
      else log('PDF non construits (PDF=0) : le site ne les propose pas.');
      await offerDownloads(tmp);
    } catch (e) {
      rmSync(tmp, { recursive: true, force: true });
      throw e instanceof CliError && !(e instanceof BuildError) ? new BuildError(e.message, e.exitCode, '\n') : e;
    }
    swap(tmp, dist);
    log(`Site construit dans ${distDir}/`);
    return 0;
  }, fail);
}

/**
 * With DEPUIS, the comparison with that version, before anything is
 * written: a bad ref or an old version that fails the check stops here.
 */
function compareWithDepuis(env: NodeJS.ProcessEnv, dir: string, contract: Contract): Evolutions | undefined {
  const ref = depuisRef(env);
  if (!ref) return undefined;
  try {
    const evolutions = evolutionsSince(dir, ref, contract);
    log(`${evolutions.titre} : ${evolutions.sections.reduce((n, s) => n + s.changes.length, 0)} éléments changés`);
    return evolutions;
  } catch (e) {
    throw e instanceof CliError ? new BuildError(e.message, e.exitCode) : e;
  }
}

/** The site (Astro, then typography and search index) of `contract` into `outDir`. */
async function buildSite(env: NodeJS.ProcessEnv, contract: Contract, outDir: string, evolutions?: Evolutions): Promise<void> {
  const handoff = mkdtempSync(join(tmpdir(), 'cahiers-model-'));
  try {
    const modelFile = writeModelFile(contract, join(handoff, 'model.json'));
    const handed = { [MODEL_FILE_ENV]: modelFile, ...(evolutions ? { [EVOLUTIONS_FILE_ENV]: writeJson(evolutions, join(handoff, 'evolutions.json')) } : {}) };
    if ((await astroBuild({ ...env, ...handed }, outDir)) !== 0) throw new BuildError('Construction du site échouée.');
  } finally {
    rmSync(handoff, { recursive: true, force: true });
  }
  try {
    const pages = await postBuildStep('typeset', outDir);
    const indexed = await postBuildStep('index', outDir);
    log(`Site : ${pages} pages ; index de recherche : ${indexed} pages`);
  } catch (e) {
    throw new BuildError(`Étape finale du site échouée : ${(e as Error).message}.`);
  }
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

/** The PDFs of the built site in `dir` (`npm run pdf`); prints progress per cahier; returns the exit code. */
export function runPdf(env: NodeJS.ProcessEnv, dir: string): Promise<number> {
  return handleCliAsync(async () => {
    const { contract } = loadContract(contentDir(env));
    if (!contract) throw new CliError('Le contrat contient des erreurs : lancez npm run check.', 1);
    // The evolutions' PDF when the site was built with DEPUIS (its print page is there).
    const printed = existsSync(join(dir, routes.imprimerEvolutions(), 'index.html'));
    await makePdfs(env, contract, dir, printed ? compareWithDepuis(env, contentDir(env), contract) : undefined);
    const { listed } = await offerDownloads(dir);
    const unlisted = [...printDocuments(contract).map((d) => d.file), printFiles.both].filter((f) => !listed.includes(`/pdf/${f}`));
    if (unlisted.length) log(`Le site a été construit sans les PDF (PDF=0) : ses pages ne proposent pas ${unlisted.join(', ')}. Relancez npm run build pour les y ajouter.`);
    return 0;
  }, fail);
}

async function makePdfs(env: NodeJS.ProcessEnv, contract: Contract, dir: string, evolutions?: Evolutions): Promise<void> {
  try {
    await buildPdfs(dir, contract, basePath(env), log, evolutions, statusLine(), pdfCache(env));
  } catch (e) {
    // No Chromium (exit 3) says how to install it; any other failure is reported as such, in one line.
    if (e instanceof CliError) throw e;
    throw new BuildError(`PDF non produits : ${printFailure(e)}`);
  }
}

/** Sizes and page counts of the downloads, now that every file exists; the files not built are no longer offered. */
async function offerDownloads(dir: string): Promise<DownloadsReport> {
  try {
    return await finishDownloads(dir);
  } catch (e) {
    throw new CliError(`Étape finale du site échouée : ${(e as Error).message}.`, 1);
  }
}

/** The base path the site is built for (src/lib/site/base-path.ts); BASE_PATH and SITE_URL that contradict each other stop the command. */
export function basePath(env: NodeJS.ProcessEnv): string {
  const { base, error } = sitePath(env);
  if (error) throw new UsageError(error);
  return base;
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
