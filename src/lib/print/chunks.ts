/**
 * How a print document is cut into parts paginated separately.
 *
 * Paged.js slows down as the document grows (every page is laid out in a
 * DOM holding all the previous ones), so a long cahier is paginated in
 * parts, each in its own browser page, then the pages are put back
 * together. A part may only begin where the document breaks the page
 * anyway; a part beginning "on a right-hand page" gets a blank page before
 * it when it would otherwise fall on a left-hand one.
 */

/** One top-level block of the document, as the browser computed it. */
export interface PrintBlock {
  /** The block starts a new page: `page`, or `right` (a right-hand page). `none` continues the flow. */
  start: 'none' | 'page' | 'right';
  /** Rough size (characters of HTML): parts are filled up to a budget. */
  weight: number;
}

export interface PrintPart {
  /** Indexes of the blocks of this part, in order. */
  blocks: number[];
  /** The part must begin on a right-hand page. */
  right: boolean;
}

/**
 * Groups blocks into parts of about `budget`. A part starts at a block that
 * starts a page. Inside a part, page sides are counted from its first page:
 * right only if the part begins on a right-hand page. So a part beginning
 * on a right-hand page (the first, or one at a `right` block) may hold more
 * `right` blocks, while a part beginning at a mere `page` block, whose side
 * depends on what came before, ends before the next `right` block.
 */
export function planParts(blocks: readonly PrintBlock[], budget: number): PrintPart[] {
  const parts: PrintPart[] = [];
  let current: PrintPart | undefined;
  let weight = 0;
  blocks.forEach((block, i) => {
    const full = weight >= budget && block.start !== 'none';
    const sideUnknown = current !== undefined && !current.right && block.start === 'right';
    if (!current || full || sideUnknown) {
      current = { blocks: [], right: !current || block.start === 'right' };
      parts.push(current);
      weight = 0;
    }
    current.blocks.push(i);
    weight += block.weight;
  });
  return parts;
}

/**
 * Where each part's pages start in the whole document (0-based), given how
 * many pages each part laid out, and how many blank pages precede it.
 */
export function placeParts(parts: readonly PrintPart[], pageCounts: readonly number[]): { offset: number; blankBefore: boolean }[] {
  let next = 0;
  return parts.map((part, i) => {
    // Page index `next` is a right-hand page when even (the first page is a right-hand page).
    const blankBefore = part.right && next % 2 === 1;
    if (blankBefore) next++;
    const offset = next;
    next += pageCounts[i] ?? 0;
    return { offset, blankBefore };
  });
}
