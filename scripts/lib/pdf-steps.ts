/**
 * `npm run pdf` and the last step of `npm run build`: every print document
 * of the contract (src/lib/print/documents.ts: the two cahiers, the annual
 * reports, the evolutions) and the bound contract, from a built site in
 * dist/. Each is printed by the same pipeline (pdf-render.ts) and finished
 * with its own metadata and date (pdf-finish.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Contract } from '../../src/lib/model/index.ts';
import type { Evolutions } from '../../src/lib/evolutions/types.ts';
import { printDocuments, printFiles, type PrintDocument } from '../../src/lib/print/documents.ts';
import { serveDir } from './serve.ts';
import { launchBrowser } from './browser.ts';
import { bindPdfs, type BindPart } from './pdf-bind.ts';
import { finishPdf, type PdfMeta } from './pdf-finish.ts';
import { renderPrintPage, type Progress, type Rendered } from './pdf-render.ts';
import { progressText, type StatusLine } from './status-line.ts';

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
  /** Every print document, in printDocuments' order: the two cahiers first. */
  cahiers: PdfReport[];
  bindingSeconds: number;
}

const QUIET: StatusLine = { show: () => {}, clear: () => {} };

/** `status`: where a long step shows how far it is (a terminal's status line). */
export async function buildPdfs(dist: string, contract: Contract, base: string, log: (line: string) => void, evolutions?: Evolutions, status = QUIET): Promise<PdfsReport> {
  const { contrat } = contract;
  const meta = (subject: string, date: string): PdfMeta => ({
    title: `${contrat.titre} — ${subject}`,
    author: [contrat.maitre_ouvrage, ...contrat.redaction].join(', '),
    subject,
    keywords: ['contrat de ville', 'politique de la ville', contrat.sous_titre ?? ''].filter(Boolean),
    date,
  });
  const documents = printDocuments(contract, evolutions);
  const printed: { doc: PrintDocument; rendered: Rendered }[] = [];
  // Chromium prints every document, then closes before pdf-lib finishes
  // them: the two never hold their memory at the same time.
  const server = await serveDir(dist, base, { cache: true });
  const browser = await launchBrowser({ print: true });
  try {
    for (const doc of documents) {
      // The status line names it shortly: « Cahier I », not its whole subject.
      const label = doc.subject.split(' — ')[0]!;
      const onProgress = (p: Progress) => status.show(progressText(label, p));
      const rendered = await renderPrintPage(browser, `${server.url}${doc.route}`, { label, onProgress }).finally(() => status.clear());
      printed.push({ doc, rendered });
      log(`${doc.subject} : ${rendered.pages} pages en ${rendered.seconds.toFixed(1).replace('.', ',')} s`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
  mkdirSync(join(dist, 'pdf'), { recursive: true });
  const parts: BindPart[] = [];
  const reports: PdfReport[] = [];
  for (const { doc, rendered } of printed.splice(0)) {
    const started = performance.now();
    const bytes = await finishPdf(rendered.pdf, meta(doc.subject, doc.date), rendered.landscape, rendered.headings);
    writeFileSync(join(dist, 'pdf', doc.file), bytes);
    if (doc.label) parts.push({ title: doc.subject, label: doc.label, bytes });
    const seconds = rendered.seconds + (performance.now() - started) / 1000;
    reports.push({ file: doc.file, pages: rendered.pages, seconds, paginationSeconds: rendered.paginationSeconds, parts: rendered.parts });
  }
  const started = performance.now();
  const bound = await bindPdfs(parts, meta('Cahiers I et II', contrat.date));
  writeFileSync(join(dist, 'pdf', printFiles.both), bound);
  log(`Contrat complet : ${printFiles.both}`);
  return { cahiers: reports, bindingSeconds: (performance.now() - started) / 1000 };
}
