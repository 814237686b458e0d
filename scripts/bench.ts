/**
 * `npm run bench`: generated contracts of growing size; per size, the time
 * of the check, the site build, the search index and each PDF, pages per
 * second of pagination, peak memory, and our PDF time against Paged.js
 * alone on the same print HTML. Prints a Markdown table.
 */
import { spawnSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { loadContract } from '../src/lib/contract.ts';
import { launchBrowser } from './lib/browser.ts';
import { BENCH_SIZES, generateContract } from './lib/bench/generate.ts';
import { astroEnv } from './lib/build-steps.ts';
import { samplePeak } from './lib/bench/memory.ts';
import { finishPdf } from './lib/pdf-finish.ts';
import { renderPrintPage } from './lib/pdf-render.ts';
import { indexSite, typesetSite } from './lib/post-build.ts';
import { serveDir } from './lib/serve.ts';

const only = process.argv.slice(2);
const rows: string[] = [];
const fmt = (s: number) => s.toFixed(1).replace('.', ',');
const work = mkdtempSync(join(tmpdir(), 'cahiers-bench-'));

for (const size of BENCH_SIZES.filter((s) => only.length === 0 || only.includes(s.name))) {
  const dir = join(work, size.name);
  for (const [p, t] of generateContract(size)) {
    mkdirSync(dirname(join(dir, p)), { recursive: true });
    writeFileSync(join(dir, p), t);
  }
  const memory = samplePeak();
  let t = performance.now();
  const { contract, issues } = loadContract(dir);
  if (!contract) throw new Error(`contrat généré invalide : ${issues[0]?.message}`);
  const check = (performance.now() - t) / 1000;

  const out = join(work, `${size.name}-dist`);
  t = performance.now();
  const astro = spawnSync(process.execPath, [resolve('node_modules/astro/bin/astro.mjs'), 'build', '--silent'], { env: { ...astroEnv(process.env), CONTENT_DIR: dir, CAHIERS_OUT_DIR: out }, stdio: 'inherit' });
  if (astro.status !== 0) throw new Error('astro build a échoué');
  typesetSite(out);
  const site = (performance.now() - t) / 1000;
  t = performance.now();
  await indexSite(out);
  const search = (performance.now() - t) / 1000;

  const server = await serveDir(out, '/');
  const browser = await launchBrowser();
  const pdfs: { pages: number; seconds: number; paged: number }[] = [];
  for (const n of [1, 2]) {
    const started = performance.now();
    const r = await renderPrintPage(browser, `${server.url}/imprimer/cahier-${n}/`);
    await finishPdf(r.pdf, { title: 'bench', author: 'bench', subject: 'bench', keywords: [], date: '2024-06-01' }, r.landscape);
    pdfs.push({ pages: r.pages, seconds: (performance.now() - started) / 1000, paged: r.paginationSeconds });
  }
  await browser.close();
  await server.close();
  const peak = memory.stop();
  const pages = pdfs[0]!.pages + pdfs[1]!.pages;
  const ours = pdfs[0]!.seconds + pdfs[1]!.seconds;
  const paged = pdfs[0]!.paged + pdfs[1]!.paged;
  rows.push(
    `| ${size.name} | ${size.quartiers} / ${size.fiches} / ${size.indicateurs} | ${fmt(check)} | ${fmt(site)} | ${fmt(search)} | ${fmt(pdfs[0]!.seconds)} (${pdfs[0]!.pages} p.) | ${fmt(pdfs[1]!.seconds)} (${pdfs[1]!.pages} p.) | ${fmt(pages / paged)} | ${(ours / paged).toFixed(2).replace('.', ',')} | ${peak} |`,
  );
  process.stdout.write(`${size.name} : fait\n`);
  rmSync(dir, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
}
rmSync(work, { recursive: true, force: true });

process.stdout.write(`
Machine : ${cpus().length} cœurs (${cpus()[0]?.model ?? '?'}), ${Math.round(totalmem() / 2 ** 30)} Gio ; Node ${process.version} ; ${new Date().toISOString().slice(0, 10)}

| taille | quartiers / fiches / indicateurs | vérification (s) | site (s) | index de recherche (s) | PDF cahier I (s) | PDF cahier II (s) | pagination (pages/s) | notre PDF / Paged.js seul | mémoire max (Mo) |
|---|---|---|---|---|---|---|---|---|---|
${rows.join('\n')}
`);
