/**
 * One build of a generated contract as `npm run build` makes it (check,
 * site, search index, PDFs, binding), each step timed; and the wall time
 * of `npm run -s check` as a person types it, process start included.
 */
import { spawnSync } from 'node:child_process';
import { loadContract } from '../../../src/lib/contract.ts';
import { astroBuild, postBuildStep } from '../build-steps.ts';
import { buildPdfs, type PdfsReport } from '../pdf-steps.ts';
import { pdfCache } from '../pdf-cache.ts';

export interface BuildTimes {
  check: number;
  site: number;
  search: number;
  pdfs: PdfsReport['cahiers'];
  binding: number;
  /** The PDF step: both cahiers laid out, printed and finished, and bound. */
  pdfStep: number;
  total: number;
}

/** `cache`: where this contract's PDF cache lives (empty for a cold build). */
export async function buildOnce(dir: string, out: string, cache: string): Promise<BuildTimes> {
  const started = performance.now();
  let t = started;
  const { contract, issues } = loadContract(dir);
  if (!contract) throw new Error(`contrat généré invalide : ${issues[0]?.message}`);
  const check = seconds(t);
  t = performance.now();
  if ((await astroBuild({ ...process.env, CONTENT_DIR: dir }, out)) !== 0) throw new Error('astro build a échoué');
  await postBuildStep('typeset', out);
  const site = seconds(t);
  t = performance.now();
  await postBuildStep('index', out);
  const search = seconds(t);
  t = performance.now();
  const { cahiers: pdfs, bindingSeconds: binding } = await buildPdfs(out, contract, '/', () => {}, undefined, undefined, pdfCache({ CAHIERS_CACHE_DIR: cache }));
  const pdfStep = seconds(t);
  return { check, site, search, pdfs, binding, pdfStep, total: seconds(started) };
}

/** Wall seconds of `npm run -s check` on `dir`: the median of `runs`. */
export function checkWall(dir: string, runs = 3): number {
  const times = Array.from({ length: runs }, () => {
    const t = performance.now();
    const run = spawnSync('npm', ['run', '-s', 'check'], { env: { ...process.env, CONTENT_DIR: dir }, stdio: 'ignore' });
    if (run.status !== 0) throw new Error(`npm run check a échoué sur ${dir}`);
    return seconds(t);
  }).sort((a, b) => a - b);
  return times[Math.floor(runs / 2)]!;
}

const seconds = (since: number) => (performance.now() - since) / 1000;
