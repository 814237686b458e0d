/**
 * `npm run pdf` and the last step of `npm run build`: every print document
 * of the contract (src/lib/print/documents.ts: the two cahiers, the annual
 * reports, the evolutions) and the bound contract, from a built site in
 * dist/. Each is printed by the same pipeline (pdf-render.ts) and finished
 * with its own metadata and date (pdf-finish.ts). What a previous build
 * made from the same inputs is taken from the cache (pdf-cache.ts): a whole
 * document, or the parts of one that did not change.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Contract } from '../../src/lib/model/index.ts';
import type { Evolutions } from '../../src/lib/evolutions/types.ts';
import { printDocuments, printFiles, type PrintDocument } from '../../src/lib/print/documents.ts';
import type { Browser } from 'playwright-core';
import type { PDFDocument } from 'pdf-lib';
import { serveDir } from './serve.ts';
import { launchBrowser } from './browser.ts';
import { pdfCache, printPageInputs, type PdfCache } from './pdf-cache.ts';
import { bindPdfs, type BindPart } from './pdf-bind.ts';
import { finishPdf, loadPdf, type PdfMeta } from './pdf-finish.ts';
import { mergeParts, type PrintedPart } from './pdf-merge.ts';
import { renderPrintPages, type LaidOutPart, type PartCache, type PrintRequest, type Progress, type Rendered } from './pdf-render.ts';
import { progressText, type StatusLine } from './status-line.ts';

export interface PdfReport {
  file: string;
  pages: number;
  /** Printing and finishing. */
  seconds: number;
  /** From the first part laid out to the numbered document (see Rendered). */
  paginationSeconds: number;
  pagination: Rendered['pagination'];
  parts: number;
  /** Parts laid out in this build; 0 when the whole document came from the cache. */
  laidOut: number;
}

export interface PdfsReport {
  /** Every print document, in printDocuments' order: the two cahiers first. */
  cahiers: PdfReport[];
  bindingSeconds: number;
}

/** Bytes of printed parts past which a document is finished once Chromium is closed (see buildPdfs). */
const FINISH_ALONGSIDE = 16 * 2 ** 20;
const QUIET: StatusLine = { show: () => {}, clear: () => {} };
const seconds = (s: number) => s.toFixed(1).replace('.', ',');

/** `status`: where a long step shows how far it is (a terminal's status line). */
export async function buildPdfs(dist: string, contract: Contract, base: string, log: (line: string) => void, evolutions?: Evolutions, status = QUIET, cache: PdfCache = pdfCache()): Promise<PdfsReport> {
  const { contrat } = contract;
  const meta = (subject: string, date: string): PdfMeta => ({
    title: `${contrat.titre} — ${subject}`,
    author: [contrat.maitre_ouvrage, ...contrat.redaction].join(', '),
    subject,
    keywords: ['contrat de ville', 'politique de la ville', contrat.sous_titre ?? ''].filter(Boolean),
    date,
  });
  const hashes = new Map<string, string>();
  const documents = printDocuments(contract, evolutions).map((doc) => {
    const { html, resources } = printPageInputs(dist, base, doc.route, hashes);
    const key = cache.key(html, resources, JSON.stringify(meta(doc.subject, doc.date)));
    return { doc, resources, key, cached: cachedDocument(cache, key) };
  });
  mkdirSync(join(dist, 'pdf'), { recursive: true });
  const finished = new Map<PrintDocument, { bytes: Uint8Array; report: PdfReport }>();
  // A document's parts are joined and finished by pdf-lib, in this process,
  // while Chromium goes on with the next documents, one document at a time;
  // a large one waits until Chromium is closed, so that the two never hold
  // their memory at the same time (pdf-lib holds about seven times a PDF's
  // size: 0.7 GB for the 97 MB of a 1,785-page cahier).
  let finishing = Promise.resolve();
  const afterChromium: (() => Promise<void>)[] = [];
  const finish = async (doc: PrintDocument, key: string, rendered: Rendered) => {
    const started = performance.now();
    const bytes = await finishPdf(await mergeParts(rendered.printed), meta(doc.subject, doc.date), rendered.landscape);
    cache.put('document', key, bytes);
    cache.put('document-pages', key, String(rendered.pages));
    const seconds = rendered.seconds + (performance.now() - started) / 1000;
    finished.set(doc, { bytes, report: { file: doc.file, pages: rendered.pages, seconds, paginationSeconds: rendered.paginationSeconds, pagination: rendered.pagination, parts: rendered.parts, laidOut: rendered.laidOut } });
  };
  // One line per document, in their order, as soon as it and those before it are done.
  const lines: (string | undefined)[] = documents.map(({ doc, cached }) => (cached ? `${doc.subject} : ${cached.pages} pages, inchangé (repris du cache)` : undefined));
  let logged = 0;
  // Documents are laid out side by side: the status line shows each one under way.
  const underWay = new Map<string, string>();
  const showUnderWay = () => {
    if (underWay.size) status.show([...underWay.values()].join(' · '));
  };
  const flush = () => {
    status.clear();
    while (logged < lines.length && lines[logged] !== undefined) log(lines[logged++]!);
    showUnderWay();
  };
  flush();
  const misses = documents.filter((d) => !d.cached);
  // The unchanged cahiers a changed one is bound with are read by pdf-lib while Chromium works, in its own processes.
  const preread = new Map<PrintDocument, Promise<PDFDocument>>();
  let closing: Promise<unknown> = Promise.resolve();
  if (misses.length) {
    const server = await serveDir(dist, base, { cache: true });
    let browser: Browser | undefined;
    try {
      browser = await launchBrowser({ print: true });
      if (misses.some((m) => m.doc.label))
        for (const { doc, cached } of documents) {
          if (!cached || !doc.label) continue;
          const read = new Promise<PDFDocument>((resolve, reject) => setImmediate(() => loadPdf(cached.bytes).then(resolve, reject)));
          // Awaited below, unless the printing fails first.
          read.catch(() => {});
          preread.set(doc, read);
        }
      const requests = misses.map(({ doc, resources }): PrintRequest => {
        // The status line names it shortly: « Cahier I », not its whole subject.
        const label = doc.subject.split(' — ')[0]!;
        const onProgress = (p: Progress) => {
          underWay.set(label, progressText(label, p));
          showUnderWay();
        };
        return { url: `${server.url}${doc.route}`, label, onProgress, cache: partCache(cache, resources) };
      });
      await renderPrintPages(browser, requests, {
        onRendered: (j, rendered) => {
          const { doc, key } = misses[j]!;
          if (rendered.printed.reduce((sum, p) => sum + p.pdf.byteLength, 0) > FINISH_ALONGSIDE) afterChromium.push(() => finish(doc, key, rendered));
          else {
            finishing = finishing.then(() => finish(doc, key, rendered));
            // Its failure is thrown below, once Chromium is closed.
            finishing.catch(() => {});
          }
          underWay.delete(requests[j]!.label);
          const n = rendered.laidOut;
          const r = rendered.reprinted;
          const again = n < rendered.parts ? ` (${n} partie${n > 1 ? 's' : ''} sur ${rendered.parts} remise${n > 1 ? 's' : ''} en page, ${r} réimprimée${r > 1 ? 's' : ''})` : '';
          lines[documents.findIndex((d) => d.doc === doc)] = `${doc.subject} : ${rendered.pages} pages en ${seconds(rendered.seconds)} s${again}`;
          flush();
        },
      });
    } catch (e) {
      status.clear();
      await Promise.all([browser?.close(), server.close()]);
      throw e;
    }
    status.clear();
    // Chromium closes while the documents are finished and bound.
    closing = Promise.all([browser.close(), server.close()]);
    closing.catch(() => {});
  }
  await finishing;
  if (afterChromium.length) await closing;
  for (const finishLarge of afterChromium) await finishLarge();
  const parts: BindPart[] = [];
  const reports: PdfReport[] = [];
  for (const { doc, cached } of documents) {
    const { bytes, report } = cached ? { bytes: cached.bytes, report: { file: doc.file, pages: cached.pages, seconds: 0, paginationSeconds: 0, pagination: { from: 0, to: 0 }, parts: 0, laidOut: 0 } } : finished.get(doc)!;
    writeFileSync(join(dist, 'pdf', doc.file), bytes);
    const read = preread.get(doc);
    if (doc.label) parts.push({ title: doc.subject, label: doc.label, bytes, ...(read ? { read: await read } : {}) });
    reports.push(report);
  }
  const started = performance.now();
  const boundMeta = meta('Cahiers I et II', contrat.date);
  const boundKey = cache.key(JSON.stringify(boundMeta), ...parts.flatMap((p) => [p.title, p.label, p.bytes]));
  let bound = cache.get('reliure', boundKey);
  if (!bound) {
    const bytes = await bindPdfs(parts, boundMeta);
    cache.put('reliure', boundKey, bytes);
    bound = Buffer.from(bytes);
  }
  writeFileSync(join(dist, 'pdf', printFiles.both), bound);
  log(`Contrat complet : ${printFiles.both}`);
  cache.prune();
  await closing;
  return { cahiers: reports, bindingSeconds: (performance.now() - started) / 1000 };
}

/** A finished document from a previous build, with its page count. */
function cachedDocument(cache: PdfCache, key: string): { bytes: Buffer; pages: number } | undefined {
  const pages = cache.get('document-pages', key);
  const bytes = pages && cache.get('document', key);
  return bytes ? { bytes, pages: Number(pages.toString()) } : undefined;
}

/** The parts of the documents of this build, laid out and printed, kept under their HTML and the resources of their print page. */
function partCache(cache: PdfCache, resources: string): PartCache {
  const json = <T>(entry: Buffer | undefined): T | undefined => {
    try {
      return entry && (JSON.parse(entry.toString('utf8')) as T);
    } catch {
      // An entry that cannot be read is made again.
      return undefined;
    }
  };
  return {
    get: (html) => json<LaidOutPart>(cache.get('partie', cache.key(html, resources))),
    put(html, part) {
      cache.put('partie', cache.key(html, resources), JSON.stringify(part));
    },
    getPrinted(html, numbering) {
      const key = cache.key(html, numbering, resources);
      const info = json<Omit<PrintedPart, 'pdf'>>(cache.get('partie-imprimee', key));
      const pdf = info && cache.get('partie-pdf', key);
      return pdf ? { ...info, pdf } : undefined;
    },
    putPrinted(html, numbering, { pdf, ...info }) {
      const key = cache.key(html, numbering, resources);
      cache.put('partie-pdf', key, pdf);
      cache.put('partie-imprimee', key, JSON.stringify(info));
    },
  };
}
