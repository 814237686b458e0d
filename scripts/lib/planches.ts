/**
 * `npm run planches`: contact sheets of the PDFs, so that a reviewer sees a
 * whole cahier at once, as a print designer lays the proofs out on a table:
 * pages in facing pairs (page 1 alone on the right, as in the bound book),
 * each with its number and its word count, where a scrap of a page or a
 * cover on a verso shows at a glance. poppler draws the pages; Chromium
 * turns each sheet into a PNG.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { CliError, UsageError } from '../../src/lib/errors.ts';
import { esc } from '../../src/lib/render/html.ts';
import { launchBrowser } from './browser.ts';
import { handleCliAsync, type Print } from './cli.ts';

export const USAGE = `Usage : npm run planches -- [DOSSIER]
Dessine les planches contact de chaque PDF de dist/pdf/ (ou DIST_DIR/pdf/) dans dist/planches/ (ou DOSSIER) : une page HTML et une image PNG par PDF.`;

/** The command: arguments and environment in, exit code out. */
export function runPlanches(args: readonly string[], env: NodeJS.ProcessEnv, out: Print, err: Print): Promise<number> {
  return handleCliAsync(async () => {
    const dist = env.DIST_DIR || 'dist';
    if (args.length > 1 || args[0]?.startsWith('-')) throw new UsageError(USAGE);
    const outDir = args[0] ?? join(dist, 'planches');
    for (const m of await drawPlanches(join(dist, 'pdf'), outDir)) out(`${m.png} : ${m.pages} pages (${m.html})`);
    return 0;
  }, err);
}

export interface SheetPage {
  /** The page's image, relative to the sheet's HTML file. */
  src: string;
  /** 1-based, in the PDF's order. */
  numero: number;
  mots: number;
}

export interface SheetOptions {
  /** Facing pairs per row. */
  spreadsPerRow?: number;
  /** Size of a page's box, in CSS pixels (A4 at the pages' resolution). */
  pageWidth?: number;
  pageHeight?: number;
}

/** Page numbers as facing pairs: page 1 alone on the right, then 2-3, 4-5…; undefined is an empty side. */
export function spreads(count: number): (number | undefined)[][] {
  const out: (number | undefined)[][] = [];
  if (count > 0) out.push([undefined, 1]);
  for (let left = 2; left <= count; left += 2) out.push([left, left + 1 <= count ? left + 1 : undefined]);
  return out;
}

/** Words a reader would count on each page of `pdfText` (pdftotext's pages, separated by form feeds). */
export function wordsPerPage(pdfText: string): number[] {
  const pages = pdfText.split('\f');
  if (pages.at(-1)?.trim() === '') pages.pop();
  return pages.map((p) => (p.match(/[\p{L}\p{N}][\p{L}\p{N}’'-]*/gu) ?? []).length);
}

/** The HTML contact sheet of one PDF. */
export function contactSheetHtml(fichier: string, pages: readonly SheetPage[], options: SheetOptions = {}): string {
  const perRow = options.spreadsPerRow ?? 6;
  const w = options.pageWidth ?? 198;
  const h = options.pageHeight ?? 281;
  const byNumber = new Map(pages.map((p) => [p.numero, p]));
  const side = (n: number | undefined) => {
    const p = n === undefined ? undefined : byNumber.get(n);
    if (!p) return '<div class="page vide"></div>';
    const mots = `${p.mots}\u00a0mot${p.mots > 1 ? 's' : ''}`;
    return (
      `<figure class="page"><div class="feuille"><img src="${esc(p.src)}" alt="Page ${p.numero}"></div>` +
      `<figcaption><b>${p.numero}</b> · ${mots}</figcaption></figure>`
    );
  };
  const sheets = spreads(pages.length).map((pair) => `<div class="double">${pair.map(side).join('')}</div>`).join('\n');
  const titre = `${fichier} — ${pages.length} page${pages.length > 1 ? 's' : ''}`;
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<title>Planche contact : ${esc(titre)}</title>
<style>
body { margin: 0; padding: 16px; background: #6b6f76; font: 13px/1.3 system-ui, sans-serif; color: #fff; display: inline-block; }
h1 { font-size: 18px; margin: 0 0 12px; }
.planche { display: grid; grid-template-columns: repeat(${perRow}, max-content); gap: 14px 18px; }
.double { display: flex; }
.page { margin: 0; width: ${w}px; }
.feuille { width: ${w}px; height: ${h}px; display: flex; align-items: center; justify-content: center; }
.feuille img { max-width: 100%; max-height: 100%; background: #fff; box-shadow: 0 1px 3px rgb(0 0 0 / 0.5); }
.page figcaption { text-align: center; padding-top: 3px; }
</style>
</head>
<body>
<h1>${esc(titre)}</h1>
<div class="planche">
${sheets}
</div>
</body>
</html>
`;
}

export interface Planche {
  pdf: string;
  pages: number;
  html: string;
  png: string;
}

export interface PlanchesOptions {
  /** Resolution of the page images, in dots per inch. */
  resolution?: number;
  spreadsPerRow?: number;
}

/** Draws the contact sheet of every PDF of `pdfDir` into `outDir`: page images, one HTML and one PNG per PDF. */
export async function drawPlanches(pdfDir: string, outDir: string, options: PlanchesOptions = {}): Promise<Planche[]> {
  const pdfs = existsSync(pdfDir) ? readdirSync(pdfDir).filter((f) => f.endsWith('.pdf')).sort() : [];
  if (pdfs.length === 0) throw new UsageError(`Aucun PDF dans ${pdfDir}/ : lancez d’abord npm run build.`);
  const resolution = options.resolution ?? 24;
  // A4 at that resolution: the box every page image fits in.
  const size = { pageWidth: Math.round((210 / 25.4) * resolution), pageHeight: Math.round((297 / 25.4) * resolution) };
  mkdirSync(outDir, { recursive: true });
  // One poppler process per PDF at once: drawing the pages is most of the time.
  const made = await Promise.all(pdfs.map(async (pdf) => {
    const name = basename(pdf, '.pdf');
    const pagesDir = join(outDir, name);
    rmSync(pagesDir, { recursive: true, force: true });
    mkdirSync(pagesDir);
    const [, text] = await Promise.all([
      poppler('pdftoppm', ['-r', String(resolution), '-png', join(pdfDir, pdf), join(pagesDir, 'p')]),
      poppler('pdftotext', [join(pdfDir, pdf), '-']),
    ]);
    const words = wordsPerPage(text);
    const images = readdirSync(pagesDir)
      .map((f) => ({ f, n: Number(/^p-(\d+)\.png$/.exec(f)?.[1]) }))
      .filter((x) => x.n > 0)
      .sort((a, b) => a.n - b.n);
    const pages = images.map(({ f, n }) => ({ src: `${name}/${f}`, numero: n, mots: words[n - 1] ?? 0 }));
    const html = join(outDir, `${name}.html`);
    writeFileSync(html, contactSheetHtml(pdf, pages, { ...size, ...(options.spreadsPerRow ? { spreadsPerRow: options.spreadsPerRow } : {}) }));
    return { pdf, pages: pages.length, html, png: join(outDir, `${name}.png`) };
  }));
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 800, height: 600 } });
    for (const m of made) {
      await page.goto(pathToFileURL(m.html).href, { waitUntil: 'load' });
      // The sheet is as wide as its rows: widen the window to it, then capture the whole height.
      const width = await page.evaluate(() => Math.ceil(document.body.getBoundingClientRect().width));
      await page.setViewportSize({ width, height: 600 });
      await page.screenshot({ path: m.png, fullPage: true });
    }
  } finally {
    await browser.close();
  }
  return made;
}

async function poppler(command: string, args: string[]): Promise<string> {
  try {
    return (await promisify(execFile)(command, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })).stdout;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new CliError(`${command} introuvable : installez poppler-utils (Debian : apt-get install poppler-utils, ou npm run setup).`, 3);
    throw e;
  }
}
