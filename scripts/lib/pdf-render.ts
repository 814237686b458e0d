/**
 * One print document → PDF. The document is cut into parts (see
 * src/lib/print/chunks.ts), each part is paginated by Paged.js in its own
 * browser page, the pages are put back together in one document, numbered
 * over the whole, and Chromium prints that once, tagged and with bookmarks
 * from the headings (merging separate PDFs would lose the tags).
 */
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext } from 'playwright-core';
import { planParts, placeParts, type PrintBlock, type PrintPart } from '../../src/lib/print/chunks.ts';

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
      hideDonePages(): void;
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
const PARTS_SCRIPT = fileURLToPath(new URL('./pdf-parts.browser.js', import.meta.url));
// Also loaded by the print pages; here too because the assembled document runs no script of its own.
const PRINT_SCRIPT = fileURLToPath(new URL('../../src/print/paged-handlers.js', import.meta.url));

/** A browser context whose print pages wait for us instead of paginating on load. */
async function printContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    window.PagedConfig = { auto: false };
  });
  await context.addInitScript({ path: PRINT_SCRIPT });
  await context.addInitScript({ path: PARTS_SCRIPT });
  return context;
}

/** A page of `context` that collects the errors of its scripts. */
async function printPage(context: BrowserContext) {
  const page = await context.newPage();
  let errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  /** Loads `url`, or the HTML served in its place, and waits for its fonts. */
  const load = async (url: string, html?: string) => {
    errors = [];
    if (html !== undefined) await context.route((u) => u.href === url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }), { times: 1 });
    const response = await page.goto(url, { waitUntil: 'load' });
    if (!response || response.status() !== 200) throw new Error(`page d’impression introuvable : ${url} (${response?.status()})`);
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
  };
  const check = () => {
    if (errors.length) throw new Error(`erreur dans la page d’impression : ${errors.join(' ; ')}`);
  };
  return { page, load, check };
}

type PrintPage = Awaited<ReturnType<typeof printPage>>;

/**
 * Runs `task` over `items` on the given pages, one item at a time on each
 * page (each page has its context, its renderer process, and is reused from
 * one item to the next); results in the order of `items`. The heaviest items
 * go first, so that a long one does not run alone at the end.
 */
async function onPages<T, R>(pages: readonly PrintPage[], items: readonly T[], weight: (item: T) => number, task: (item: T, index: number, page: PrintPage) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  const order = items.map((_, i) => i).sort((a, b) => weight(items[b]!) - weight(items[a]!) || a - b);
  const worker = async (page: PrintPage) => {
    for (let i = order.shift(); i !== undefined; i = order.shift()) results[i] = await task(items[i]!, i, page);
  };
  await Promise.all(pages.map(worker));
  return results;
}

export interface RenderOptions {
  /** Parts paginated at once (each in its own renderer process). */
  workers?: number;
  budget?: number;
}

/**
 * The document read and cut into parts, each part laid out by Paged.js. The
 * pages that lay the parts out each open the whole document first, at the
 * same time: one of them reads it, and all start the parts with their
 * scripts, styles and fonts loaded. Their contexts are closed afterwards, so
 * that their renderer processes give their memory back before the printing.
 */
async function layOutParts(browser: Browser, url: string, workers: number, budget: number) {
  const contexts = await Promise.all(Array.from({ length: workers }, () => printContext(browser)));
  try {
    const pages = await Promise.all(
      contexts.map(async (context) => {
        const page = await printPage(context);
        await page.load(url);
        return page;
      }),
    );
    const doc = await pages[0]!.page.evaluate(() => window.cahiersParts.describe());
    pages[0]!.check();
    const parts = planParts(doc.blocks, budget);
    const t0 = performance.now();
    const weight = (part: PrintPart) => part.blocks.reduce((sum, b) => sum + doc.blocks[b]!.weight, 0);
    const laidOut = await onPages(pages, parts, weight, async (part, i, { page, load, check }) => {
      const blocks = part.blocks.map((b) => doc.blocks[b]!.html);
      const first = doc.blocks[part.blocks[0]!]!;
      // Paged.js counts a part's first page as a right-hand one: a part opening on a left-hand page is laid out after an empty page, dropped below.
      blocks[0] = (part.side === 'left' ? LEFT_OPENER : '') + first.html.slice(0, first.openTag) + first.carried + first.html.slice(first.openTag);
      const html = doc.open + doc.head + doc.body + blocks.join('') + '</body></html>';
      await load(`${url}?partie=${i + 1}`, html);
      await page.evaluate(async () => {
        if (!window.PagedPolyfill) throw new Error('Paged.js absent de la page');
        window.cahiersParts.hideDonePages();
        await window.PagedPolyfill.preview();
      });
      check();
      const laid = await page.evaluate(() => window.cahiersParts.pagesOfPart());
      if (part.side === 'left') laid.shift();
      const head = i === 0 ? await page.evaluate(() => window.cahiersParts.pagedHead()) : '';
      return { pages: laid, head };
    });
    return { doc, parts, laidOut, t0 };
  } finally {
    await Promise.all(contexts.map((c) => c.close()));
  }
}

export async function renderPrintPage(browser: Browser, url: string, options: RenderOptions = {}): Promise<Rendered> {
  const started = performance.now();
  const workers = options.workers ?? Math.min(2, availableParallelism());
  // The page that prints opens the document too while the parts are laid
  // out, then leaves it: it prints with scripts, styles and fonts at hand.
  return inContext(browser, async (context) => {
    const main = await printPage(context);
    const warm = main.load(url).then(() => main.page.goto('about:blank'));
    const { doc, parts, laidOut, t0 } = await layOutParts(browser, url, workers, options.budget ?? PART_BUDGET);
    await warm;
    const places = placeParts(
      parts,
      laidOut.map((p) => p.pages.length),
    );
    const pagesHtml = laidOut.flatMap((p, i) => {
      if (!places[i]!.blankBefore || p.pages.length === 0) return p.pages;
      return [p.pages[0]!.replace('<div ', '<div data-blanche-avant="" '), ...p.pages.slice(1)];
    });
    const assembled = doc.open + laidOut[0]!.head + doc.body + '<div class="pagedjs_pages">' + pagesHtml.join('') + '</div></body></html>';
    // Laid out for print from the start: Chromium then prints without a second
    // layout of the screen version, which took as much memory again.
    await main.page.emulateMedia({ media: 'print' });
    await main.load(`${url}?assemble`, assembled);
    const { total, landscape, missing } = await main.page.evaluate(() => window.cahiersParts.assemble());
    main.check();
    if (missing.length) throw new Error(`renvoi sans cible dans le document imprimé : ${missing.slice(0, 5).join(', ')}`);
    const paginationSeconds = (performance.now() - t0) / 1000;
    const headings = await main.page.evaluate(() => [...document.querySelectorAll<HTMLElement>('h1, h2, h3, h4, h5, h6')].map((h) => h.innerText));
    const pdf = await main.page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true });
    return { pdf, pages: total, seconds: (performance.now() - started) / 1000, landscape, paginationSeconds, parts: parts.length, headings };
  });
}

async function inContext<R>(browser: Browser, task: (context: BrowserContext) => Promise<R>): Promise<R> {
  const context = await printContext(browser);
  try {
    return await task(context);
  } finally {
    await context.close();
  }
}

/** Paged.js alone on the whole document, in one page, without printing: the benchmark's reference. */
export function paginateWhole(browser: Browser, url: string): Promise<{ pages: number; seconds: number }> {
  return inContext(browser, async (context) => {
    const { page, load, check } = await printPage(context);
    await load(url);
    const { total, ms } = await page.evaluate(async () => {
      const t = performance.now();
      const flow = await window.PagedPolyfill!.preview();
      return { total: flow.total, ms: performance.now() - t };
    });
    check();
    return { pages: total, seconds: ms / 1000 };
  });
}
