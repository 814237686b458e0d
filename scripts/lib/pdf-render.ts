/**
 * Print documents → PDFs. Each document is cut into parts (see
 * src/lib/print/chunks.ts), each part is paginated by Paged.js in its own
 * browser page; once all are laid out, each part is numbered over the whole
 * document and printed by Chromium on its own, tagged, and pdf-merge.ts
 * joins them. The documents go through as a pipeline (renderPrintPages).
 */
import { availableParallelism } from 'node:os';
import type { Browser } from 'playwright-core';
import { placeParts, planParts, type PrintBlock, type PrintPart } from '../../src/lib/print/chunks.ts';
import type { Heading } from '../../src/lib/print/binding.ts';
import type { PrintedPart } from './pdf-merge.ts';
import { inContext, printContext, printPage, type PrintContext, type PrintPage } from './print-pages.ts';

export interface Rendered {
  /** The document's parts as printed, in order: pdf-merge.ts joins them. */
  printed: PrintedPart[];
  pages: number;
  seconds: number;
  /** 0-based indexes of the pages laid out turned (the causal tree), to rotate afterwards. */
  landscape: number[];
  /** Time from the first part's pagination to the last part laid out (no printing). */
  paginationSeconds: number;
  /** The same span, as `performance.now()` times: the benchmark adds up the spans of documents laid out side by side. */
  pagination: { from: number; to: number };
  /** How many parts the document was paginated in. */
  parts: number;
  /** How many of them were laid out in this build (the others were in the cache). */
  laidOut: number;
  /** How many were printed in this build. */
  reprinted: number;
}

interface Described {
  open: string;
  head: string;
  body: string;
  /** Each block's HTML, the length of its opening tag, and the hidden copies a part opening with it carries. */
  blocks: (PrintBlock & { html: string; openTag: number; carried: string })[];
}

/** How a part is numbered in the whole document (numberPart in pdf-parts.browser.js). */
interface Numbering {
  /** The number of its first page, the blank one before it excepted. */
  first: number;
  total: number;
  blankBefore: boolean;
  /** The page number of each target of its links that another part holds. */
  elsewhere: Record<string, number>;
  /** Its ids that other parts' links point to. */
  targets: string[];
}

declare global {
  interface Window {
    PagedConfig?: { auto: boolean };
    PagedPolyfill?: { preview(): Promise<{ total: number }> };
    cahiersParts: {
      describe(): Described;
      watchPages(hide: boolean): void;
      pagesOfPart(dropFirst: boolean): Omit<LaidOutPart, 'head'>;
      pagedHead(): string;
      numberPart(numbering: Numbering): { pages: number; landscape: number[]; missing: string[]; placeholders: string[]; headings: Heading[] };
    };
  }
}

/**
 * Characters of HTML per part, about 30 pages of a cahier: past that
 * Paged.js slows down; well under it, loading each part costs more than it
 * saves. At size M (344 pages), the two cahiers took 15.3 s to paginate
 * with 250,000, 14.7 s with 120,000 and 14.4 s with 80,000; the example
 * took the same with the three. Smaller parts also make a rebuild after an
 * edit lay out and print fewer pages.
 */
export const PART_BUDGET = 120_000;
/** An empty page (print.css) before the first block of a part that opens on a left-hand page. */
const LEFT_OPENER = '<div class="avant-page-gauche"></div>';

/** Where a document stands: pages laid out so far and the likely total once a part is done, or pages printed of the total. */
export interface Progress {
  pages: number;
  estimate?: number;
  printing?: boolean;
}

/** A part's pages as laid out, the page each id is on (0-based, in the part), the ids its links point to, and for the first part the head Paged.js left. */
export interface LaidOutPart {
  pages: string[];
  anchors: Record<string, number>;
  refs: string[];
  head: string;
}

/** Laid-out parts kept by their HTML (the side they are laid out from included), and printed parts by their print page and numbering. */
export interface PartCache {
  get(html: string): LaidOutPart | undefined;
  put(html: string, part: LaidOutPart): void;
  getPrinted(html: string, numbering: string): PrintedPart | undefined;
  putPrinted(html: string, numbering: string, part: PrintedPart): void;
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

/** A worker page, and whether it is set for printing (print media) or for laying out. */
interface Worker extends PrintPage {
  printing: boolean;
}

async function setMedia(worker: Worker, printing: boolean): Promise<void> {
  if (worker.printing === printing) return;
  // Laid out for print from the start, Chromium prints without a second layout of the screen version.
  await worker.page.emulateMedia({ media: printing ? 'print' : null });
  worker.printing = printing;
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
  const laid = await page.evaluate((dropFirst) => window.cahiersParts.pagesOfPart(dropFirst), part.side === 'left');
  const head = i === 0 ? await page.evaluate(() => window.cahiersParts.pagedHead()) : '';
  return { ...laid, head };
}

/** Each part's print page (its laid-out pages under the head of the first part) and numbering, once every part is laid out. */
function placeAll(plan: Plan): { htmls: string[]; numberings: Numbering[]; total: number } {
  const laid = plan.laid as LaidOutPart[];
  const places = placeParts(
    plan.parts,
    laid.map((p) => p.pages.length),
  );
  const total = places.length ? places.at(-1)!.offset + laid.at(-1)!.pages.length : 0;
  // The part and page number of each id, where it first appears.
  const pageOf = new Map<string, { part: number; page: number }>();
  laid.forEach((part, i) => {
    for (const [id, page] of Object.entries(part.anchors)) if (!pageOf.has(id)) pageOf.set(id, { part: i, page: places[i]!.offset + page + 1 });
  });
  const { doc } = plan;
  const htmls = laid.map((part) => doc.open + laid[0]!.head + doc.body + '<div class="pagedjs_pages">' + part.pages.join('') + '</div></body></html>');
  const targets = laid.map((): string[] => []);
  const elsewhere = laid.map((part) => {
    const numbers: Record<string, number> = {};
    for (const id of part.refs) {
      const at = pageOf.get(id);
      if (id in part.anchors || !at) continue;
      numbers[id] = at.page;
      targets[at.part]!.push(id);
    }
    return numbers;
  });
  const numberings = laid.map((_, i): Numbering => ({ first: places[i]!.offset + 1, total, blankBefore: places[i]!.blankBefore, elsewhere: elsewhere[i]!, targets: [...new Set(targets[i])].sort() }));
  return { htmls, numberings, total };
}

/** Numbers part `i` over the whole document and prints it, tagged and with bookmarks from its headings. */
async function printPart(worker: Worker, request: PrintRequest, html: string, numbering: Numbering, i: number): Promise<PrintedPart> {
  const { page, load, run, check } = worker;
  const what = `${request.label}, partie ${i + 1}`;
  await setMedia(worker, true);
  await load(`${request.url}?impression=${i + 1}`, what, html);
  const bytes = Buffer.byteLength(html);
  const numbered = await run(`${what} : la numérotation`, bytes, () => page.evaluate((n) => window.cahiersParts.numberPart(n), numbering));
  check();
  if (numbered.missing.length) throw new Error(`renvoi sans cible dans le document imprimé : ${numbered.missing.slice(0, 5).join(', ')}`);
  const print = () => page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true });
  const pdf = await run(`${what} : l’impression`, bytes, print, { pages: numbered.pages });
  const { pages, placeholders, headings, landscape } = numbered;
  return { pdf, pages, placeholders, headings, landscape };
}

export interface RenderOptions {
  /** Parts laid out or printed at once (each in its own renderer process). */
  workers?: number;
  budget?: number;
  /** Told of each document once printed, as soon as it is. */
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
  /** When its first part started being laid out (or it was read, when every part was in the cache), and when the last was laid out. */
  from: number;
  to: number;
  /** Pages of its parts done, their weight, and pages of the parts under way. */
  done: { pages: number; weight: number; current: number };
  /** Once laid out: each part's print page and numbering, the parts left to print and how many are printing or left, the parts printed. */
  print?: ReturnType<typeof placeAll>;
  printTodo: number[];
  printLeft: number;
  reprinted: number;
  printed: (PrintedPart | undefined)[];
  finished: boolean;
}

/**
 * Renders `requests` as a pipeline, so that both cores keep working: a few
 * pages (`workers`, each in its own context and renderer process) read the
 * documents, lay their parts out, then print them; a document's parts are
 * printed as soon as they are all laid out (their page numbers depend on
 * all), before any other work, so that each document is done as early as it
 * can be. The first failure stops everything.
 */
export async function renderPrintPages(browser: Browser, requests: readonly PrintRequest[], options: RenderOptions = {}): Promise<Rendered[]> {
  const workers = options.workers ?? Math.min(2, availableParallelism());
  const budget = options.budget ?? PART_BUDGET;
  const docs: InFlight[] = requests.map((request) => ({ request, started: 0, todo: [], left: 0, laidOut: 0, from: 0, to: 0, done: { pages: 0, weight: 0, current: 0 }, printTodo: [], printLeft: 0, reprinted: 0, printed: [], finished: false }));
  const results: Rendered[] = [];
  let failure: unknown;
  let nextRead = 0;
  const wake = signal();
  const report = (d: InFlight) => {
    if (d.print) {
      const pages = d.printed.reduce((sum, p) => sum + (p?.pages ?? 0), 0);
      d.request.onProgress?.({ pages, estimate: d.print.total, printing: true });
      return;
    }
    const totalWeight = d.plan!.weights.reduce((a, b) => a + b, 0);
    d.request.onProgress?.({ pages: d.done.pages + d.done.current, ...(d.done.weight > 0 ? { estimate: Math.round((d.done.pages / d.done.weight) * totalWeight) } : {}) });
  };
  const finish = (d: InFlight) => {
    const printed = d.printed as PrintedPart[];
    const rendered: Rendered = {
      printed,
      pages: d.print!.total,
      landscape: printed.flatMap((p) => p.landscape),
      seconds: (performance.now() - d.started) / 1000,
      pagination: { from: d.from, to: d.to },
      paginationSeconds: (d.to - d.from) / 1000,
      parts: d.plan!.parts.length,
      laidOut: d.laidOut,
      reprinted: d.reprinted,
    };
    d.finished = true;
    // What only served the layout can go.
    d.plan = { ...d.plan!, laid: [], htmls: [] };
    d.print = { ...d.print!, htmls: [] };
    results[docs.indexOf(d)] = rendered;
    options.onRendered?.(docs.indexOf(d), rendered);
  };
  const laidOutAll = (d: InFlight) => {
    d.to = performance.now();
    const plan = d.plan!;
    d.print = placeAll(plan);
    const { htmls, numberings } = d.print;
    d.printed = htmls.map((html, i) => d.request.cache?.getPrinted(html, JSON.stringify(numberings[i])));
    d.printTodo = d.printed.flatMap((p, i) => (p ? [] : [i]));
    d.printLeft = d.reprinted = d.printTodo.length;
    report(d);
    if (d.printLeft === 0) finish(d);
  };
  const partDone = (d: InFlight, i: number, part: LaidOutPart) => {
    d.plan!.laid[i] = part;
    d.done.pages += part.pages.length;
    d.done.weight += d.plan!.weights[i]!;
    report(d);
    if (--d.left === 0) laidOutAll(d);
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
    if (d.left === 0) laidOutAll(d);
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
  const print = async (d: InFlight, i: number, worker: Worker) => {
    const { htmls, numberings } = d.print!;
    const part = await printPart(worker, d.request, htmls[i]!, numberings[i]!, i);
    d.request.cache?.putPrinted(htmls[i]!, JSON.stringify(numberings[i]), part);
    d.printed[i] = part;
    report(d);
    if (--d.printLeft === 0) finish(d);
  };
  type Job = { read: InFlight } | { part: number; of: InFlight } | { print: number; of: InFlight };
  const nextJob = (): Job | 'wait' | 'done' => {
    if (failure) return 'done';
    const printing = docs.find((d) => d.printTodo.length > 0);
    if (printing) return { print: printing.printTodo.shift()!, of: printing };
    const withParts = docs.find((d) => d.todo.length > 0);
    if (withParts) return { part: withParts.todo.shift()!, of: withParts };
    if (nextRead < docs.length) return { read: docs[nextRead++]! };
    // Another page's work may bring parts to print.
    return docs.some((d) => !d.finished) ? 'wait' : 'done';
  };
  const work = async (worker: Worker) => {
    for (let job = nextJob(); job !== 'done'; job = nextJob()) {
      if (job === 'wait') await wake.next();
      else if ('read' in job) {
        await setMedia(worker, false);
        await read(job.read, worker);
      } else if ('part' in job) {
        await setMedia(worker, false);
        await layOut(job.of, job.part, worker);
      } else await print(job.of, job.print, worker);
      wake.notify();
    }
  };
  const contexts: PrintContext[] = [];
  try {
    const pages = await Promise.all(
      Array.from({ length: workers }, async () => {
        const context = await printContext(browser);
        contexts.push(context);
        return { ...(await printPage(context)), printing: false };
      }),
    );
    await Promise.all(
      pages.map((worker) =>
        work(worker).catch((e: unknown) => {
          failure ??= e;
          wake.notify();
        }),
      ),
    );
  } finally {
    await Promise.all(contexts.map((c) => c.context.close()));
  }
  if (failure) throw failure;
  return results;
}

/** One document through the pipeline. */
export async function renderPrintPage(browser: Browser, url: string, options: RenderOptions & Omit<PrintRequest, 'url' | 'label'> & { label?: string } = {}): Promise<Rendered> {
  const { label, ...request } = options;
  const [rendered] = await renderPrintPages(browser, [{ ...request, url, label: label ?? url }], options);
  return rendered!;
}

/** Wakes whoever waits on `next()` at each `notify()`. */
function signal(): { next(): Promise<void>; notify(): void } {
  let waiting = Promise.withResolvers<void>();
  return {
    next: () => waiting.promise,
    notify() {
      const woken = waiting;
      waiting = Promise.withResolvers<void>();
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
