/**
 * The browser pages the PDF build works in: contexts whose print pages wait
 * for us instead of paginating on load, loads and scripts watched for
 * progress (scripts/lib/stall.ts) instead of Playwright's fixed timeouts,
 * and the errors of their scripts collected.
 */
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { StallError, stallLimit, watched } from './stall.ts';

const PARTS_SCRIPT = fileURLToPath(new URL('./pdf-parts.browser.js', import.meta.url));
// Also loaded by the print pages; here too because a part's print page runs no script of its own.
const PRINT_SCRIPT = fileURLToPath(new URL('../../src/print/paged-handlers.js', import.meta.url));

/** A context of print pages; `onPage` hears of each page Paged.js lays out in it. */
export interface PrintContext {
  context: BrowserContext;
  onPage: () => void;
}

export async function printContext(browser: Browser): Promise<PrintContext> {
  const context = await browser.newContext();
  // No fixed timeout: every wait below is watched for progress instead.
  context.setDefaultTimeout(0);
  context.setDefaultNavigationTimeout(0);
  const print: PrintContext = { context, onPage: () => {} };
  await context.exposeBinding('cahiersPageDone', () => print.onPage());
  await context.addInitScript(() => {
    window.PagedConfig = { auto: false };
  });
  await context.addInitScript({ path: PRINT_SCRIPT });
  await context.addInitScript({ path: PARTS_SCRIPT });
  return print;
}

export interface PrintPage {
  page: Page;
  /** Loads `url`, or the HTML served in its place, and waits for its fonts; `what` names it in a message. */
  /**
   * Loads `url`, or `html` in its place, laid out once so that every font
   * face its text uses is asked for, then waits for them: what is measured
   * or printed next never depends on which fonts had arrived. (Loading
   * every face of the styles, used or not, relaid the whole document out
   * as each arrived: 1.4 s for a 175-page cahier, 290 s for 1,785 pages.)
   */
  load(url: string, what: string, html?: string): Promise<void>;
  /**
   * Runs `fn`, given as long as its work on `bytes` of HTML (and `more.pages`
   * pages) makes progress; each page Paged.js lays out meanwhile is progress,
   * and is told to `more.onPage`.
   */
  run<R>(what: string, bytes: number, fn: () => Promise<R>, more?: { pages?: number; onPage?: () => void }): Promise<R>;
  /** Throws the errors the page's scripts raised since it was loaded. */
  check(): void;
}

/** A page of `print` that collects the errors of its scripts. */
export async function printPage(print: PrintContext): Promise<PrintPage> {
  const page = await print.context.newPage();
  let errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const sizes = new Map<string, number>();
  const run = <R>(what: string, bytes: number, fn: () => Promise<R>, more: { pages?: number; onPage?: () => void } = {}) =>
    watched(what, stallLimit(bytes, more.pages), (progress) => {
      print.onPage = () => {
        progress();
        more.onPage?.();
      };
      return fn().finally(() => (print.onPage = () => {}));
    });
  const load = async (url: string, what: string, html?: string) => {
    errors = [];
    if (html !== undefined) await print.context.route((u) => u.href === url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }), { times: 1 });
    const bytes = html !== undefined ? Buffer.byteLength(html) : (sizes.get(url) ?? (await sizeOf(url)));
    sizes.set(url, bytes);
    await run(`${what} : le chargement de la page d’impression`, bytes, async () => {
      const response = await page.goto(url, { waitUntil: 'load' });
      if (!response || response.status() !== 200) throw new Error(`page d’impression introuvable : ${url} (${response?.status()})`);
      await page.evaluate(async () => {
        void document.body.offsetHeight;
        await document.fonts.ready;
      });
    });
  };
  const check = () => {
    if (errors.length) throw new Error(`erreur dans la page d’impression : ${errors.join(' ; ')}`);
  };
  return { page, load, run, check };
}

/** The size of the page at `url`, for its stall limit (the print server is local). */
async function sizeOf(url: string): Promise<number> {
  const response = await fetch(url);
  return response.ok ? (await response.arrayBuffer()).byteLength : 0;
}

/** Runs `task` in a new print context, closed afterwards. */
export async function inContext<R>(browser: Browser, task: (print: PrintContext) => Promise<R>): Promise<R> {
  const print = await printContext(browser);
  try {
    return await task(print);
  } finally {
    await print.context.close();
  }
}

/**
 * A failure of the print pipeline in one French line, for the build's
 * message: Playwright's own messages run over many lines (its call log).
 */
export function printFailure(e: unknown): string {
  if (e instanceof StallError) return `${e.message} : Chromium semble bloqué.`;
  const message = e instanceof Error ? e.message : String(e);
  if (/crash/i.test(message)) return 'Chromium s’est arrêté en cours de route (mémoire insuffisante ?).';
  if (/has been closed|disconnected/i.test(message)) return 'Chromium s’est fermé en cours de route.';
  const first = message.split('\n')[0]!.trim();
  return /[.!?]$/.test(first) ? first : `${first}.`;
}
