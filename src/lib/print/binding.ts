/**
 * How printed documents are bound into one, and how their bookmarks read:
 * pure decisions, the PDF work is in scripts/lib/pdf-bind.ts.
 */

export interface BoundPart {
  /** 0-based index of the part's first page in the bound document. */
  first: number;
  /** A blank page follows the part, so that the next one opens on a right-hand page. */
  blankAfter: boolean;
  /** Page label prefix, e.g. « I- »: a page reads « I-12 » when its folio is 12. */
  labelPrefix: string;
}

/**
 * Where each part falls in the bound document. Every part opens on a
 * right-hand (odd) page, as a cahier does on its own; its pages keep their
 * own folios, so a page's label is its part's label and its printed number
 * (the cover is page 1; the blank page after a part counts as its next one).
 */
export function bindingPlan(parts: readonly { pages: number; label: string }[]): BoundPart[] {
  let first = 0;
  return parts.map((part, i) => {
    const blankAfter = i < parts.length - 1 && part.pages % 2 === 1;
    const placed = { first, blankAfter, labelPrefix: `${part.label}-` };
    first += part.pages + (blankAfter ? 1 : 0);
    return placed;
  });
}

const squeeze = (s: string) => s.replace(/\s+/g, '');

/**
 * Chromium titles a bookmark with the heading's lines joined end to end, so
 * a heading that wraps loses the space at the break (« Contrat de ville del’agglomération »).
 * Given the headings' texts as the document holds them, a title that matches
 * one of them but for white space takes that text back.
 */
export function bookmarkTitles(titles: readonly string[], headings: readonly string[]): string[] {
  const byLetters = new Map<string, string>();
  for (const h of headings) {
    const text = h.replace(/\s+/g, ' ').trim();
    if (text && !byLetters.has(squeeze(text))) byLetters.set(squeeze(text), text);
  }
  return titles.map((t) => byLetters.get(squeeze(t)) ?? t);
}
