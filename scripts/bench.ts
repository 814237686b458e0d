/**
 * `npm run bench`: generated contracts of growing size; per size, the time
 * of the check, the site build, the search index and each PDF, pages per
 * second of our pagination (in parts) and of Paged.js alone on the same
 * print HTML (one page per cahier), peak memory of the build, and our PDF
 * time against Paged.js alone. Prints a Markdown table.
 * `npm run bench -- S M` runs some sizes only; `--sans-reference` skips
 * Paged.js alone (minutes at the largest size).
 */
import { cpus, totalmem } from 'node:os';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { loadContract } from '../src/lib/contract.ts';
import { launchBrowser } from './lib/browser.ts';
import { BENCH_SIZES, generateContract } from './lib/bench/generate.ts';
import { astroBuild, postBuildStep } from './lib/build-steps.ts';
import { samplePeak } from './lib/bench/memory.ts';
import { paginateWhole } from './lib/pdf-render.ts';
import { buildPdfs } from './lib/pdf-steps.ts';
import { serveDir } from './lib/serve.ts';

const args = process.argv.slice(2);
const reference = !args.includes('--sans-reference');
const only = args.filter((a) => !a.startsWith('--'));
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
  if ((await astroBuild({ ...process.env, CONTENT_DIR: dir }, out)) !== 0) throw new Error('astro build a échoué');
  await postBuildStep('typeset', out);
  const site = (performance.now() - t) / 1000;
  t = performance.now();
  await postBuildStep('index', out);
  const search = (performance.now() - t) / 1000;

  // The PDFs as the build makes them (printed, finished, bound), into the bench's site.
  const { cahiers: pdfs, bindingSeconds: binding } = await buildPdfs(out, contract, '/', () => {});
  // The build's peak: the reference below is not part of it.
  const peak = memory.stop();
  let alone: number | undefined;
  if (reference) {
    const server = await serveDir(out, '/', { cache: true });
    const browser = await launchBrowser({ print: true });
    alone = 0;
    for (const n of [1, 2]) alone += (await paginateWhole(browser, `${server.url}/imprimer/cahier-${n}/`)).seconds;
    await browser.close();
    await server.close();
  }
  const pages = pdfs[0]!.pages + pdfs[1]!.pages;
  const ours = pdfs[0]!.seconds + pdfs[1]!.seconds;
  const paginating = pdfs[0]!.paginationSeconds + pdfs[1]!.paginationSeconds;
  const pdfCell = (p: (typeof pdfs)[number]) => `${fmt(p.seconds)} (${p.pages} p., ${p.parts} partie${p.parts > 1 ? 's' : ''})`;
  rows.push(
    `| ${size.name} | ${size.quartiers} / ${size.fiches} / ${size.indicateurs} | ${fmt(check)} | ${fmt(site)} | ${fmt(search)} | ${pdfCell(pdfs[0]!)} | ${pdfCell(pdfs[1]!)} | ${fmt(binding)} | ${fmt(pages / paginating)} | ${alone ? fmt(pages / alone) : '–'} | ${alone ? (ours / alone).toFixed(2).replace('.', ',') : '–'} | ${peak} |`,
  );
  process.stdout.write(`${size.name} : fait\n`);
  rmSync(dir, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
}
rmSync(work, { recursive: true, force: true });

process.stdout.write(`
Machine : ${cpus().length} cœurs (${cpus()[0]?.model ?? '?'}), ${Math.round(totalmem() / 2 ** 30)} Gio ; Node ${process.version} ; ${new Date().toISOString().slice(0, 10)}

| taille | quartiers / fiches / indicateurs | vérification (s) | site (s) | index de recherche (s) | PDF cahier I (s) | PDF cahier II (s) | reliure (s) | notre pagination (pages/s) | Paged.js seul (pages/s) | notre PDF / Paged.js seul | mémoire max (Mo) |
|---|---|---|---|---|---|---|---|---|---|---|---|
${rows.join('\n')}
`);
