/**
 * One print document → PDF: Chromium opens the print page, Paged.js
 * paginates it (driven here, not on load), Chromium prints it tagged and
 * with bookmarks from the headings.
 */
import type { Browser } from 'playwright-core';

export interface Rendered {
  pdf: Uint8Array;
  pages: number;
  seconds: number;
  /** 0-based indexes of the pages laid out turned (the causal tree), to rotate afterwards. */
  landscape: number[];
  /** Time Paged.js itself spent paginating (its `preview()`), for the benchmark. */
  paginationSeconds: number;
}

declare global {
  interface Window {
    PagedConfig?: { auto: boolean };
    PagedPolyfill?: { preview(): Promise<{ total: number }> };
  }
}

export async function renderPrintPage(browser: Browser, url: string): Promise<Rendered> {
  const started = performance.now();
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // Before any script of the page: Paged.js must wait for us.
    await page.addInitScript(() => {
      window.PagedConfig = { auto: false };
    });
    const response = await page.goto(url, { waitUntil: 'load' });
    if (!response || response.status() !== 200) throw new Error(`page d’impression introuvable : ${url} (${response?.status()})`);
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const { total, ms } = await page.evaluate(async () => {
      if (!window.PagedPolyfill) throw new Error('Paged.js absent de la page');
      const t0 = performance.now();
      const flow = await window.PagedPolyfill.preview();
      return { total: flow.total, ms: performance.now() - t0 };
    });
    if (errors.length) throw new Error(`erreur dans la page d’impression : ${errors.join(' ; ')}`);
    const landscape = await page.evaluate(() =>
      [...document.querySelectorAll('.pagedjs_page')].flatMap((p, i) => (p.querySelector('[data-paysage]') ? [i] : [])),
    );
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true });
    return { pdf, pages: total, seconds: (performance.now() - started) / 1000, landscape, paginationSeconds: ms / 1000 };
  } finally {
    await context.close();
  }
}
