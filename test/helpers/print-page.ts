/**
 * A print document open in Chromium before pagination, as the PDF build
 * opens it: its fiches fitted to their pages (src/print/fit.js, fiches.js).
 */
import type { Browser } from 'playwright-core';

/** The smallest font size (pt) of a fiche's text once the fiches are fitted (labels and notes aside), and how many fiches were tightened. */
export async function fichesBodyFontSizes(browser: Browser, url: string): Promise<{ smallest: number; tightened: number; fiches: number }> {
  const context = await browser.newContext();
  try {
    await context.addInitScript(() => {
      (window as unknown as { PagedConfig: unknown }).PagedConfig = { auto: false };
    });
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    return await page.evaluate(async () => {
      await document.fonts.ready;
      const w = window as unknown as { cahiersPrint: { prepare(root: Element): void }; cahiersFit: { fit(doc: Document): void } };
      w.cahiersPrint.prepare(document.body);
      w.cahiersFit.fit(document);
      const fiches = Array.from(document.querySelectorAll('.fiche-projet'));
      // Every element holding text of its own, but the facts' labels (dt), notes (small) and what only screen readers read.
      const sizes = fiches.flatMap((f) =>
        Array.from(f.querySelectorAll('*'))
          .filter((e) => !e.closest('dt, small, .visually-hidden') && Array.from(e.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim()))
          .map((e) => (parseFloat(getComputedStyle(e).fontSize) * 72) / 96),
      );
      return { smallest: Math.min(...sizes), tightened: fiches.filter((f) => f.hasAttribute('data-serrage')).length, fiches: fiches.length };
    });
  } finally {
    await context.close();
  }
}
