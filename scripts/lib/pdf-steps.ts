/**
 * `npm run pdf` and the last step of `npm run build`: the two cahiers and
 * the bound contract, from a built site in dist/.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Contract } from '../../src/lib/model/index.ts';
import type { Evolutions } from '../../src/lib/evolutions/types.ts';
import { EVOLUTIONS_FILE, printFiles } from '../../src/lib/print/documents.ts';
import { routes } from '../../src/lib/site/routes.ts';
import { fr } from '../../src/i18n/fr.ts';
import { serveDir } from './serve.ts';
import { launchBrowser } from './browser.ts';
import { bindPdfs, type BindPart } from './pdf-bind.ts';
import { finishPdf, type PdfMeta } from './pdf-finish.ts';
import { renderPrintPage, type Rendered } from './pdf-render.ts';

export interface PdfReport {
  file: string;
  pages: number;
  /** Printing and finishing. */
  seconds: number;
  /** From the first part laid out to the numbered document (see Rendered). */
  paginationSeconds: number;
  parts: number;
}

export interface PdfsReport {
  cahiers: PdfReport[];
  bindingSeconds: number;
}

export async function buildPdfs(dist: string, contract: Contract, base: string, log: (line: string) => void, evolutions?: Evolutions): Promise<PdfsReport> {
  const { contrat } = contract;
  const meta = (subject: string): PdfMeta => ({
    title: `${contrat.titre} — ${subject}`,
    author: [contrat.maitre_ouvrage, ...contrat.redaction].join(', '),
    subject,
    keywords: ['contrat de ville', 'politique de la ville', contrat.sous_titre ?? ''].filter(Boolean),
    date: contrat.date,
  });
  const subjects = { 1: `${fr.cahier1} — ${fr.cahier1Titre}`, 2: `${fr.cahier2} — ${fr.cahier2Titre}` };
  // The bound contract's page labels: « I-12 », « II-60 ».
  const labels = { 1: 'I', 2: 'II' };
  const printed: { n: 1 | 2; rendered: Rendered }[] = [];
  let evolutionsPrinted: Rendered | undefined;
  // Chromium prints both cahiers, then closes before pdf-lib finishes them:
  // the two never hold their memory at the same time.
  const server = await serveDir(dist, base, { cache: true });
  const browser = await launchBrowser({ print: true });
  try {
    for (const n of [1, 2] as const) {
      const rendered = await renderPrintPage(browser, `${server.url}/imprimer/cahier-${n}/`);
      printed.push({ n, rendered });
      log(`${subjects[n]} : ${rendered.pages} pages en ${rendered.seconds.toFixed(1).replace('.', ',')} s`);
    }
    if (evolutions) {
      evolutionsPrinted = await renderPrintPage(browser, `${server.url}${routes.imprimerEvolutions()}`);
      log(`${evolutions.titre} : ${evolutionsPrinted.pages} pages en ${evolutionsPrinted.seconds.toFixed(1).replace('.', ',')} s`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
  mkdirSync(join(dist, 'pdf'), { recursive: true });
  const parts: BindPart[] = [];
  const cahiers: PdfReport[] = [];
  for (const { n, rendered } of printed.splice(0)) {
    const started = performance.now();
    const bytes = await finishPdf(rendered.pdf, meta(subjects[n]), rendered.landscape, rendered.headings);
    writeFileSync(join(dist, 'pdf', printFiles[n]), bytes);
    parts.push({ title: subjects[n], label: labels[n], bytes });
    const seconds = rendered.seconds + (performance.now() - started) / 1000;
    cahiers.push({ file: printFiles[n], pages: rendered.pages, seconds, paginationSeconds: rendered.paginationSeconds, parts: rendered.parts });
  }
  if (evolutions && evolutionsPrinted) {
    const e = evolutionsPrinted;
    writeFileSync(join(dist, 'pdf', EVOLUTIONS_FILE), await finishPdf(e.pdf, meta(evolutions.titre), e.landscape, e.headings));
  }
  const started = performance.now();
  const bound = await bindPdfs(parts, meta('Cahiers I et II'));
  writeFileSync(join(dist, 'pdf', printFiles.both), bound);
  log(`Contrat complet : ${printFiles.both}`);
  return { cahiers, bindingSeconds: (performance.now() - started) / 1000 };
}
