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

/** A heading of a printed document: its level (1 for h1) and its text as read. */
export interface Heading {
  level: number;
  text: string;
}

/**
 * Chromium's bookmarks of one printed part, in document order, each given
 * the heading it was made from: the first heading from there on with the
 * same letters. A part's bookmarks are nested from its own top, so only the
 * headings' levels can nest them again across parts. A bookmark matching no
 * heading keeps its title, one level under its depth in the part.
 */
export function matchHeadings(bookmarks: readonly { title: string; depth: number }[], headings: readonly Heading[]): Heading[] {
  let next = 0;
  return bookmarks.map(({ title, depth }) => {
    const letters = squeeze(title);
    const found = headings.findIndex((h, i) => i >= next && squeeze(h.text) === letters);
    if (found < 0) return { level: depth + 1, text: title };
    next = found + 1;
    return { level: headings[found]!.level, text: headings[found]!.text.replace(/\s+/g, ' ').trim() };
  });
}

export interface Nested<T> {
  item: T;
  children: Nested<T>[];
}

/** Items nested by level, as headings are: each under the last item before it of a lower level. */
export function nestByLevel<T extends { level: number }>(items: readonly T[]): Nested<T>[] {
  const top: Nested<T>[] = [];
  const open: Nested<T>[] = [];
  for (const item of items) {
    while (open.length && open[open.length - 1]!.item.level >= item.level) open.pop();
    const node = { item, children: [] };
    (open.length ? open[open.length - 1]!.children : top).push(node);
    open.push(node);
  }
  return top;
}
