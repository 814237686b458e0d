/**
 * One print document → PDF. The document is cut into parts (see
 * src/lib/print/chunks.ts), each part is paginated by Paged.js in its own
 * browser page, the pages are put back together in one document, numbered
 * over the whole, and Chromium prints that once, tagged and with bookmarks
 * from the headings (merging separate PDFs would lose the tags).
 */
import { availableParallelism } from 'node:os';
import type { Browser } from 'playwright-core';
import { planParts, placeParts, type PrintBlock, type PrintPart } from '../../src/lib/print/chunks.ts';
import { inContext, onPages, printContext, printPage, type PrintContext } from './print-pages.ts';

export interface Rendered {
  pdf: Uint8Array;
  pages: number;
  seconds: number;
  /** 0-based indexes of the pages laid out turned (the causal tree), to rotate afterwards. */
  landscape: number[];
  /** Time from the first part's pagination to the assembled, numbered document (no printing). */
  paginationSeconds: number;
  /** How many parts the document was paginated in. */
  parts: number;
  /** How many of them were laid out in this build (the others were in the cache). */
  laidOut: number;
  /** The text of each heading, as read on the page (the bookmarks' titles lose the space where a heading wraps). */
  headings: string[];
}

interface Described {
  open: string;
  head: string;
  body: string;
  /** Each block's HTML, the length of its opening tag, and the hidden copies a part opening with it carries. */
  blocks: (PrintBlock & { html: string; openTag: number; carried: string })[];
}

declare global {
  interface Window {
    PagedConfig?: { auto: boolean };
    PagedPolyfill?: { preview(): Promise<{ total: number }> };
    cahiersParts: {
      describe(): Described;
      watchPages(hide: boolean): void;
      pagesOfPart(): string[];
      pagedHead(): string;
      assemble(): { total: number; landscape: number[]; missing: string[] };
    };
  }
}

/**
 * Characters of HTML per part, about 60 pages of a cahier: past that
 * Paged.js slows down; well under it, loading each part costs more than it saves.
 */
export const PART_BUDGET = 250_000;
/** An empty page (print.css) before the first block of a part that opens on a left-hand page. */
const LEFT_OPENER = '<div class="avant-page-gauche"></div>';

/** Where a document's layout stands: pages laid out so far, the likely total once a part is done, and whether it is being printed. */
export interface Progress {
  pages: number;
  estimate?: number;
  printing?: boolean;
}

export interface RenderOptions {
  /** Parts paginated at once (each in its own renderer process). */
  workers?: number;
  budget?: number;
  /** The document's name in messages (« Cahier I »). */
  label?: string;
  /** Told of each page laid out, then once more when the printing starts. */
  onProgress?: (progress: Progress) => void;
  /** Parts laid out by a previous build (scripts/lib/pdf-cache.ts). */
  cache?: PartCache;
}

/** A part's pages as laid out, and for the first part the head Paged.js left. */
export interface LaidOutPart {
  pages: string[];
  head: string;
}

/** Laid-out parts kept by their HTML, the side they are laid out from included. */
export interface PartCache {
  get(html: string): LaidOutPart | undefined;
  put(html: string, part: LaidOutPart): void;
}

/**
 * The document read and cut into parts, each part laid out by Paged.js. The
 * first of the pages that lay the parts out opens the whole document and
 * reads it; the others open only their parts (opening the document in each
 * as well, to have its scripts and fonts at hand, cost more than it saved:
 * 0.4 s a document on 2 cores). Their contexts are closed afterwards, so
 * that their renderer processes give their memory back before the printing.
 */
async function layOutParts(browser: Browser, url: string, label: string, options: RenderOptions) {
  const workers = options.workers ?? Math.min(2, availableParallelism());
  const contexts: PrintContext[] = [];
  try {
    const pages = await Promise.all(
      Array.from({ length: workers }, async (_, i) => {
        const context = await printContext(browser);
        contexts.push(context);
        const page = await printPage(context);
        if (i === 0) await page.load(url, label);
        return page;
      }),
    );
    const reader = pages[0]!;
    const bytes = await reader.page.evaluate(() => document.documentElement.outerHTML.length);
    const doc = await reader.run(`${label} : la mesure du document`, bytes, () => reader.page.evaluate(() => window.cahiersParts.describe()));
    reader.check();
    const parts = planParts(doc.blocks, options.budget ?? PART_BUDGET);
    const t0 = performance.now();
    const weight = (part: PrintPart) => part.blocks.reduce((sum, b) => sum + doc.blocks[b]!.weight, 0);
    const totalWeight = doc.blocks.reduce((sum, b) => sum + b.weight, 0);
    // Pages of the parts done, their weight, and pages of the parts under way.
    const done = { pages: 0, weight: 0, current: 0 };
    const report = () => options.onProgress?.({ pages: done.pages + done.current, ...(done.weight > 0 ? { estimate: Math.round((done.pages / done.weight) * totalWeight) } : {}) });
    const htmls = parts.map((part) => {
      const blocks = part.blocks.map((b) => doc.blocks[b]!.html);
      const first = doc.blocks[part.blocks[0]!]!;
      // Paged.js counts a part's first page as a right-hand one: a part opening on a left-hand page is laid out after an empty page, dropped below.
      blocks[0] = (part.side === 'left' ? LEFT_OPENER : '') + first.html.slice(0, first.openTag) + first.carried + first.html.slice(first.openTag);
      return doc.open + doc.head + doc.body + blocks.join('') + '</body></html>';
    });
    const cached = htmls.map((html) => options.cache?.get(html));
    const todo = parts.map((_, i) => i).filter((i) => !cached[i]);
    cached.forEach((p, i) => {
      if (!p) return;
      done.pages += p.pages.length;
      done.weight += weight(parts[i]!);
    });
    report();
    const fresh = await onPages(pages, todo, (i) => weight(parts[i]!), async (i, _, { page, load, run, check }) => {
      const part = parts[i]!;
      const html = htmls[i]!;
      await load(`${url}?partie=${i + 1}`, `${label}, partie ${i + 1}`, html);
      let own = 0;
      const onPage = () => {
        own++;
        done.current++;
        report();
      };
      const layOut = () =>
        page.evaluate(async () => {
          if (!window.PagedPolyfill) throw new Error('Paged.js absent de la page');
          window.cahiersParts.watchPages(true);
          await window.PagedPolyfill.preview();
        });
      // A page may take as long as the part's largest block could need.
      const largest = Math.max(...part.blocks.map((b) => doc.blocks[b]!.weight));
      await run(`${label} : la mise en page (partie ${i + 1})`, largest, layOut, { onPage });
      check();
      const laid = await page.evaluate(() => window.cahiersParts.pagesOfPart());
      if (part.side === 'left') laid.shift();
      const head = i === 0 ? await page.evaluate(() => window.cahiersParts.pagedHead()) : '';
      done.current -= own;
      done.pages += laid.length;
      done.weight += weight(part);
      report();
      const result = { pages: laid, head };
      options.cache?.put(html, result);
      return result;
    });
    const laidOut = cached.map((p, i) => p ?? fresh[todo.indexOf(i)]!);
    return { doc, parts, laidOut, t0, laidOutCount: todo.length };
  } finally {
    await Promise.all(contexts.map((c) => c.context.close()));
  }
}

export async function renderPrintPage(browser: Browser, url: string, options: RenderOptions = {}): Promise<Rendered> {
  const started = performance.now();
  const label = options.label ?? url;
  return inContext(browser, async (context) => {
    const main = await printPage(context);
    const { doc, parts, laidOut, t0, laidOutCount } = await layOutParts(browser, url, label, options);
    const places = placeParts(
      parts,
      laidOut.map((p) => p.pages.length),
    );
    const pagesHtml = laidOut.flatMap((p, i) => {
      if (!places[i]!.blankBefore || p.pages.length === 0) return p.pages;
      return [p.pages[0]!.replace('<div ', '<div data-blanche-avant="" '), ...p.pages.slice(1)];
    });
    const assembled = doc.open + laidOut[0]!.head + doc.body + '<div class="pagedjs_pages">' + pagesHtml.join('') + '</div></body></html>';
    const bytes = Buffer.byteLength(assembled);
    // Laid out for print from the start: Chromium then prints without a second
    // layout of the screen version, which took as much memory again.
    await main.page.emulateMedia({ media: 'print' });
    await main.load(`${url}?assemble`, `${label} assemblé`, assembled);
    const { total, landscape, missing } = await main.run(`${label} : l’assemblage`, bytes, () => main.page.evaluate(() => window.cahiersParts.assemble()));
    main.check();
    if (missing.length) throw new Error(`renvoi sans cible dans le document imprimé : ${missing.slice(0, 5).join(', ')}`);
    const paginationSeconds = (performance.now() - t0) / 1000;
    options.onProgress?.({ pages: total, estimate: total, printing: true });
    const headings = await main.page.evaluate(() => [...document.querySelectorAll<HTMLElement>('h1, h2, h3, h4, h5, h6')].map((h) => h.innerText));
    const print = () => main.page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true });
    const pdf = await main.run(`${label} : l’impression`, bytes, print, { pages: total });
    return { pdf, pages: total, seconds: (performance.now() - started) / 1000, landscape, paginationSeconds, parts: parts.length, laidOut: laidOutCount, headings };
  });
}

/** Paged.js alone on the whole document, in one page, without printing: the benchmark's reference. */
export function paginateWhole(browser: Browser, url: string): Promise<{ pages: number; seconds: number }> {
  return inContext(browser, async (context) => {
    const { page, load, run, check } = await printPage(context);
    await load(url, url);
    const bytes = await page.evaluate(() => document.documentElement.outerHTML.length);
    const layOut = () =>
      page.evaluate(async () => {
        window.cahiersParts.watchPages(false);
        const t = performance.now();
        const flow = await window.PagedPolyfill!.preview();
        return { total: flow.total, ms: performance.now() - t };
      });
    // Its last pages are laid out in a DOM of all the others: a page may take as long as the whole document could need.
    const { total, ms } = await run(`${url} : la mise en page`, bytes, layOut);
    check();
    return { pages: total, seconds: ms / 1000 };
  });
}
