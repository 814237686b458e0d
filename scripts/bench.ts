/**
 * `npm run bench`: generated contracts of growing size; per size, a cold
 * build (the time of the check, the site, the search index and each PDF),
 * then, after one fiche is edited, a warm rebuild; pages per second of our
 * pagination (in parts) and of Paged.js alone on the same print HTML (one
 * page per cahier); the peak memory of the cold build. On the example
 * contract: the wall time of `npm run -s check` and the live preview's
 * latency. Prints a Markdown table.
 * `npm run bench -- S M` runs some sizes only; `--sans-reference` skips
 * Paged.js alone (minutes at the largest size); `--charge` runs another
 * CPU-heavy process meanwhile (a busy thread per core); `--sans-exemple`
 * skips the measures on the example.
 */
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { launchBrowser } from './lib/browser.ts';
import { buildOnce, checkWall } from './lib/bench/build-once.ts';
import { BENCH_SIZES, generateContract } from './lib/bench/generate.ts';
import { startLoad } from './lib/bench/load.ts';
import { samplePeak } from './lib/bench/memory.ts';
import { previewLatency } from './lib/bench/preview.ts';
import { paginateWhole } from './lib/pdf-render.ts';
import { serveDir } from './lib/serve.ts';

const args = process.argv.slice(2);
const reference = !args.includes('--sans-reference');
const charge = args.includes('--charge');
const only = args.filter((a) => !a.startsWith('--'));
const rows: string[] = [];
const fmt = (s: number, digits = 1) => s.toFixed(digits).replace('.', ',');
const work = mkdtempSync(join(tmpdir(), 'cahiers-bench-'));
const say = (line: string) => process.stdout.write(`${line}\n`);

for (const size of BENCH_SIZES.filter((s) => only.length === 0 || only.includes(s.name))) {
  const dir = join(work, size.name);
  for (const [p, t] of generateContract(size)) {
    mkdirSync(dirname(join(dir, p)), { recursive: true });
    writeFileSync(join(dir, p), t);
  }
  const check = checkWall(dir);
  const load = charge ? startLoad() : undefined;
  const out = join(work, `${size.name}-dist`);
  try {
    const memory = samplePeak(250, load?.pid);
    // Its own PDF cache, empty: the first build is cold, the second warm.
    const cache = join(work, `${size.name}-cache`);
    const cold = await buildOnce(dir, out, cache);
    const peak = memory.stop();
    say(`${size.name} : construction à froid en ${fmt(cold.total)} s`);
    const warm = await rebuildAfterEdit(dir, out, cache);
    say(`${size.name} : reconstruction en ${fmt(warm.total)} s`);
    let alone: number | undefined;
    if (reference) {
      const server = await serveDir(out, '/', { cache: true });
      const browser = await launchBrowser({ print: true });
      alone = 0;
      for (const n of [1, 2]) alone += (await paginateWhole(browser, `${server.url}/imprimer/cahier-${n}/`)).seconds;
      await browser.close();
      await server.close();
    }
    const { pdfs } = cold;
    const pages = pdfs[0]!.pages + pdfs[1]!.pages;
    // The two cahiers are laid out side by side: the time they cover together, not the sum of their own.
    const paginating = coveredSeconds([pdfs[0]!.pagination, pdfs[1]!.pagination]);
    const ratio = (r: number) => fmt(r, 2);
    const pdfCell = (p: (typeof pdfs)[number]) => `${fmt(p.seconds)} (${p.pages} p., ${p.parts} partie${p.parts > 1 ? 's' : ''})`;
    rows.push(
      `| ${size.name} | ${size.quartiers} / ${size.fiches} / ${size.indicateurs} | ${fmt(check, 2)} | ${fmt(cold.site)} | ${fmt(cold.search)} | ${pdfCell(pdfs[0]!)} | ${pdfCell(pdfs[1]!)} | ${fmt(cold.binding)} | ${fmt(pages / paginating)} | ${alone ? fmt(pages / alone) : '–'} | ${alone ? ratio(alone / paginating) : '–'} | ${alone ? ratio(cold.pdfStep / alone) : '–'} | ${fmt(cold.total)} / ${fmt(warm.total)} (${ratio(warm.total / cold.total)}) | ${ratio(warm.pdfStep / cold.pdfStep)} | ${peak} |`,
    );
  } finally {
    load?.stop();
    rmSync(dir, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
    rmSync(join(work, `${size.name}-cache`), { recursive: true, force: true });
  }
}
rmSync(work, { recursive: true, force: true });

/** Seconds covered by the union of `spans` (performance.now() times, in ms). */
function coveredSeconds(spans: { from: number; to: number }[]): number {
  let covered = 0;
  let end = -Infinity;
  for (const { from, to } of [...spans].sort((a, b) => a.from - b.from)) {
    covered += Math.max(0, to - Math.max(from, end));
    end = Math.max(end, to);
  }
  return covered / 1000;
}

/** The build again after one fiche was edited, as an author would between two builds. */
function rebuildAfterEdit(dir: string, out: string, cache: string) {
  const fiche = readdirSync(join(dir, 'cahier-2/fiches')).sort()[0]!;
  appendFileSync(join(dir, 'cahier-2/fiches', fiche), '\nUne phrase ajoutée entre deux constructions.\n');
  return buildOnce(dir, out, cache);
}

let example = '';
if (!args.includes('--sans-exemple')) {
  const check = checkWall('content', 5);
  const latency = await previewLatency('content');
  // A copy of the example, built cold then again after one fiche was edited.
  const copy = mkdtempSync(join(tmpdir(), 'cahiers-bench-exemple-'));
  const [dir, out, cache] = ['content', 'dist', 'cache'].map((d) => join(copy, d)) as [string, string, string];
  cpSync('content', dir, { recursive: true });
  const cold = await buildOnce(dir, out, cache);
  const warm = await rebuildAfterEdit(dir, out, cache);
  rmSync(copy, { recursive: true, force: true });
  example = `\nExemple (content/) : npm run -s check en ${fmt(check, 2)} s (médiane de 5) ; aperçu en direct : une fiche modifiée s’affiche en ${Math.round(latency)} ms (médiane de 5) ; construction à froid ${fmt(cold.total)} s, reconstruction après une fiche modifiée ${fmt(warm.total)} s (${fmt(warm.total / cold.total, 2)}), étape PDF ${fmt(cold.pdfStep)} s puis ${fmt(warm.pdfStep)} s (${fmt(warm.pdfStep / cold.pdfStep, 2)}).\n`;
}

say(`
Machine : ${cpus().length} cœurs (${cpus()[0]?.model ?? '?'}), ${Math.round(totalmem() / 2 ** 30)} Gio ; Node ${process.version} ; ${new Date().toISOString().slice(0, 10)}${charge ? ' ; sous charge (un autre processus occupe tous les cœurs)' : ''}
${example}
| taille | quartiers / fiches / indicateurs | vérification (s) | site (s) | index de recherche (s) | PDF cahier I (s) | PDF cahier II (s) | reliure (s) | notre pagination (pages/s) | Paged.js seul (pages/s) | pagination / Paged.js seul | étape PDF / Paged.js seul | construction à froid / à chaud (s) | étape PDF à chaud / à froid | mémoire max (Mo) |
|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|
${rows.join('\n')}
`);
