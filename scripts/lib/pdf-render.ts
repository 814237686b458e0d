/**
 * Print documents → PDFs. Each document is cut into parts (see
 * src/lib/print/chunks.ts), each part is paginated by Paged.js in its own
 * browser page, the pages are put back together in one document, numbered
 * over the whole, and Chromium prints that once, tagged and with bookmarks
 * from the headings (merging separate PDFs would lose the tags). The
 * documents go through as a pipeline (renderPrintPages).
 */
import { availableParallelism } from 'node:os';
import type { Browser } from 'playwright-core';
import { planParts, placeParts, type PrintBlock, type PrintPart } from '../../src/lib/print/chunks.ts';
import { inContext, printContext, printPage, type PrintContext, type PrintPage } from './print-pages.ts';

export interface Rendered {
  pdf: Uint8Array;
  pages: number;
  seconds: number;
  /** 0-based indexes of the pages laid out turned (the causal tree), to rotate afterwards. */
  landscape: number[];
  /** Time from the first part's pagination to the assembled, numbered document (no printing). */
  paginationSeconds: number;
  /** The same span, as `performance.now()` times: the benchmark adds up the spans of documents laid out side by side. */
  pagination: { from: number; to: number };
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
 * Characters of HTML per part, about 30 pages of a cahier: past that
 * Paged.js slows down; well under it, loading each part costs more than it
 * saves. At size M (344 pages), the two cahiers took 15.3 s to paginate
 * with 250,000, 14.7 s with 120,000 and 14.4 s with 80,000; the example
 * took the same with the three. Smaller parts also make a rebuild after an
 * edit lay out fewer pages.
 */
export const PART_BUDGET = 120_000;
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

/** A print document to render: its print page, its name in messages, its cache of parts, and where its progress is told. */
export interface PrintRequest {
  url: string;
  label: string;
  cache?: PartCache;
  onProgress?: (progress: Progress) => void;
}

/** A document read and cut into parts: the HTML each part is laid out from, and the parts a previous build laid out. */
interface Plan {
  doc: Described;
  parts: PrintPart[];
  htmls: string[];
  weights: number[];
  laid: (LaidOutPart | undefined)[];
}

/**
 * Opens the whole document in `page` and cuts it into parts: each part's
 * HTML is the document's head and the part's blocks, the first of them
 * carrying the running heads of the blocks before it.
 */
async function readDocument({ page, load, run, check }: PrintPage, request: PrintRequest, budget: number): Promise<Plan> {
  await load(request.url, request.label);
  const bytes = await page.evaluate(() => document.documentElement.outerHTML.length);
  const doc = await run(`${request.label} : la mesure du document`, bytes, () => page.evaluate(() => window.cahiersParts.describe()));
  check();
  const parts = planParts(doc.blocks, budget);
  const htmls = parts.map((part) => {
    const blocks = part.blocks.map((b) => doc.blocks[b]!.html);
    const first = doc.blocks[part.blocks[0]!]!;
    // Paged.js counts a part's first page as a right-hand one: a part opening on a left-hand page is laid out after an empty page, dropped below.
    blocks[0] = (part.side === 'left' ? LEFT_OPENER : '') + first.html.slice(0, first.openTag) + first.carried + first.html.slice(first.openTag);
    // In the template Paged.js takes its content from: the blocks are parsed but not laid out on the screen
    // before Paged.js lays them out on pages (a part’s load went from 0.6 to 0.3 s at size M).
    return doc.open + doc.head + doc.body + '<template data-ref="pagedjs-content">' + blocks.join('') + '</template></body></html>';
  });
  const weights = parts.map((part) => part.blocks.reduce((sum, b) => sum + doc.blocks[b]!.weight, 0));
  return { doc, parts, htmls, weights, laid: htmls.map((html) => request.cache?.get(html)) };
}

/** Lays part `i` out with Paged.js in `page`; `onPage` hears of each page. */
async function layOutPart({ page, load, run, check }: PrintPage, request: PrintRequest, plan: Plan, i: number, onPage: () => void): Promise<LaidOutPart> {
  const part = plan.parts[i]!;
  await load(`${request.url}?partie=${i + 1}`, `${request.label}, partie ${i + 1}`, plan.htmls[i]!);
  const layOut = () =>
    page.evaluate(async () => {
      if (!window.PagedPolyfill) throw new Error('Paged.js absent de la page');
      window.cahiersParts.watchPages(true);
      await window.PagedPolyfill.preview();
    });
  // A page may take as long as the part's largest block could need.
  const largest = Math.max(...part.blocks.map((b) => plan.doc.blocks[b]!.weight));
  await run(`${request.label} : la mise en page (partie ${i + 1})`, largest, layOut, { onPage });
  check();
  const pages = await page.evaluate(() => window.cahiersParts.pagesOfPart());
  if (part.side === 'left') pages.shift();
  const head = i === 0 ? await page.evaluate(() => window.cahiersParts.pagedHead()) : '';
  return { pages, head };
}

/**
 * The laid-out parts put back together in one document, in a page of its
 * own, numbered over the whole, and printed by Chromium once, tagged and with
 * bookmarks from the headings (merging separate PDFs would lose the tags).
 */
function printDocument(browser: Browser, request: PrintRequest, plan: Plan): Promise<Omit<Rendered, 'seconds' | 'pagination' | 'paginationSeconds' | 'laidOut'> & { assembled: number }> {
  const { url, label } = request;
  return inContext(browser, async (context) => {
    const main = await printPage(context);
    const laidOut = plan.laid as LaidOutPart[];
    const places = placeParts(
      plan.parts,
      laidOut.map((p) => p.pages.length),
    );
    const pagesHtml = laidOut.flatMap((p, i) => {
      if (!places[i]!.blankBefore || p.pages.length === 0) return p.pages;
      return [p.pages[0]!.replace('<div ', '<div data-blanche-avant="" '), ...p.pages.slice(1)];
    });
    const { doc } = plan;
    const assembledHtml = doc.open + laidOut[0]!.head + doc.body + '<div class="pagedjs_pages">' + pagesHtml.join('') + '</div></body></html>';
    const bytes = Buffer.byteLength(assembledHtml);
    // Laid out for print from the start: Chromium then prints without a second
    // layout of the screen version, which took as much memory again.
    await main.page.emulateMedia({ media: 'print' });
    await main.load(`${url}?assemble`, `${label} assemblé`, assembledHtml);
    const { total, landscape, missing } = await main.run(`${label} : l’assemblage`, bytes, () => main.page.evaluate(() => window.cahiersParts.assemble()));
    main.check();
    if (missing.length) throw new Error(`renvoi sans cible dans le document imprimé : ${missing.slice(0, 5).join(', ')}`);
    const assembled = performance.now();
    request.onProgress?.({ pages: total, estimate: total, printing: true });
    const headings = await main.page.evaluate(() => [...document.querySelectorAll<HTMLElement>('h1, h2, h3, h4, h5, h6')].map((h) => h.innerText));
    const print = () => main.page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true });
    const pdf = await main.run(`${label} : l’impression`, bytes, print, { pages: total });
    return { pdf, pages: total, landscape, parts: plan.parts.length, headings, assembled };
  });
}

export interface RenderOptions {
  /** Parts laid out at once (each in its own renderer process). */
  workers?: number;
  budget?: number;
  /** Told of each document once printed, in the order of the requests. */
  onRendered?: (index: number, rendered: Rendered) => void;
}

/** One document's way through the pipeline below. */
interface InFlight {
  request: PrintRequest;
  started: number;
  plan?: Plan;
  /** Parts left to lay out, heaviest first; how many are being laid out or left; how many it had to lay out. */
  todo: number[];
  left: number;
  laidOut: number;
  /** When its first part started being laid out (or it was read, when every part was in the cache). */
  from: number;
  /** Pages of its parts done, their weight, and pages of the parts under way. */
  done: { pages: number; weight: number; current: number };
  ready: Deferred;
}

/**
 * Renders `requests` as a pipeline, so that both cores keep working: a few
 * pages (`workers`, each in its own context and renderer process) read the
 * documents and lay their parts out, the parts of an earlier document
 * first and the heaviest first; each document is printed as soon as its
 * parts are all laid out, one at a time, in its own context, while the
 * pages go on with the next ones. The pages' contexts are closed once no
 * part is left, before the last printing, so that their renderer processes
 * give their memory back. The first failure stops everything.
 */
export async function renderPrintPages(browser: Browser, requests: readonly PrintRequest[], options: RenderOptions = {}): Promise<Rendered[]> {
  const workers = options.workers ?? Math.min(2, availableParallelism());
  const budget = options.budget ?? PART_BUDGET;
  const docs: InFlight[] = requests.map((request) => ({ request, started: 0, todo: [], left: 0, laidOut: 0, from: 0, done: { pages: 0, weight: 0, current: 0 }, ready: deferred() }));
  const results: Rendered[] = [];
  let failure: unknown;
  let nextRead = 0;
  const wake = signal();
  const fail = (e: unknown) => {
    failure ??= e;
    for (const d of docs) d.ready.reject(e);
    wake.notify();
    throw e;
  };
  const report = (d: InFlight) => {
    const totalWeight = d.plan!.weights.reduce((a, b) => a + b, 0);
    d.request.onProgress?.({ pages: d.done.pages + d.done.current, ...(d.done.weight > 0 ? { estimate: Math.round((d.done.pages / d.done.weight) * totalWeight) } : {}) });
  };
  const partDone = (d: InFlight, i: number, part: LaidOutPart) => {
    d.plan!.laid[i] = part;
    d.done.pages += part.pages.length;
    d.done.weight += d.plan!.weights[i]!;
    report(d);
    if (--d.left === 0) d.ready.resolve();
  };

  const read = async (d: InFlight, page: PrintPage) => {
    d.started = performance.now();
    const plan = await readDocument(page, d.request, budget);
    d.plan = plan;
    d.todo = plan.laid.flatMap((p, i) => (p ? [] : [i])).sort((a, b) => plan.weights[b]! - plan.weights[a]! || a - b);
    d.left = d.laidOut = d.todo.length;
    if (d.left === 0) d.from = performance.now();
    plan.laid.forEach((p, i) => p && ((d.done.pages += p.pages.length), (d.done.weight += plan.weights[i]!)));
    report(d);
    if (d.left === 0) d.ready.resolve();
  };
  const layOut = async (d: InFlight, i: number, page: PrintPage) => {
    if (!d.from) d.from = performance.now();
    let own = 0;
    const onPage = () => {
      own++;
      d.done.current++;
      report(d);
    };
    const part = await layOutPart(page, d.request, d.plan!, i, onPage);
    d.done.current -= own;
    d.request.cache?.put(d.plan!.htmls[i]!, part);
    partDone(d, i, part);
  };
  type Job = { read: InFlight } | { part: number; of: InFlight };
  const nextJob = (): Job | 'wait' | 'done' => {
    if (failure) return 'done';
    const withParts = docs.find((d) => d.todo.length > 0);
    if (withParts) return { part: withParts.todo.shift()!, of: withParts };
    if (nextRead < docs.length) return { read: docs[nextRead++]! };
    // A document another page is reading may bring parts.
    return docs.some((d) => !d.plan) ? 'wait' : 'done';
  };
  const work = async (page: PrintPage) => {
    for (let job = nextJob(); job !== 'done'; job = nextJob()) {
      if (job === 'wait') await wake.next();
      else if ('read' in job) await read(job.read, page);
      else await layOut(job.of, job.part, page);
      wake.notify();
    }
  };
  const print = async () => {
    for (const [i, d] of docs.entries()) {
      await d.ready.promise;
      const { assembled, ...printed } = await printDocument(browser, d.request, d.plan!);
      const rendered: Rendered = {
        ...printed,
        seconds: (performance.now() - d.started) / 1000,
        pagination: { from: d.from, to: assembled },
        paginationSeconds: (assembled - d.from) / 1000,
        laidOut: d.laidOut,
      };
      results.push(rendered);
      options.onRendered?.(i, rendered);
    }
  };
  const contexts: PrintContext[] = [];
  const working = (async () => {
    try {
      const pages = await Promise.all(
        Array.from({ length: workers }, async () => {
          const context = await printContext(browser);
          contexts.push(context);
          return printPage(context);
        }),
      );
      await Promise.all(pages.map(work));
    } finally {
      await Promise.all(contexts.map((c) => c.context.close()));
    }
  })().catch(fail);
  await Promise.all([working, print().catch(fail)]);
  return results;
}

/** One document through the pipeline. */
export async function renderPrintPage(browser: Browser, url: string, options: RenderOptions & Omit<PrintRequest, 'url' | 'label'> & { label?: string } = {}): Promise<Rendered> {
  const { label, ...request } = options;
  const [rendered] = await renderPrintPages(browser, [{ ...request, url, label: label ?? url }], options);
  return rendered!;
}

type Deferred = PromiseWithResolvers<void>;

function deferred(): Deferred {
  const d = Promise.withResolvers<void>();
  // Rejected when another document fails: nobody may be waiting on it then.
  d.promise.catch(() => {});
  return d;
}

/** Wakes whoever waits on `next()` at each `notify()`. */
function signal(): { next(): Promise<void>; notify(): void } {
  let waiting = deferred();
  return {
    next: () => waiting.promise,
    notify() {
      const woken = waiting;
      waiting = deferred();
      woken.resolve();
    },
  };
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
