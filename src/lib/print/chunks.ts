/**
 * How a print document is cut into parts paginated separately.
 *
 * Paged.js slows down as the document grows (every page is laid out in a
 * DOM holding all the previous ones), so a long cahier is paginated in
 * parts, each in its own browser page, then the pages are put back
 * together. A part begins where the document breaks the page anyway; a
 * part beginning on a given side (a chapter on a right-hand page, a fiche
 * spread on a left-hand one) gets a blank page before it when it would
 * otherwise fall on the other side.
 */

/** The side of a page: right-hand (odd) or left-hand (even). */
export type Side = 'right' | 'left';

/** One top-level block of the document, as the browser computed it. */
export interface PrintBlock {
  /** The block starts a new page (`page`), a page on the given side, or continues the flow (`none`). */
  start: 'none' | 'page' | Side;
  /** Rough size (characters of HTML): parts are filled up to a budget. */
  weight: number;
}

export interface PrintPart {
  /** Indexes of the blocks of this part, in order. */
  blocks: number[];
  /** The side the part must begin on; `null` when it may begin on either. */
  side: Side | null;
}

/**
 * A run of blocks that flow into each other is cut only once it weighs this
 * many budgets: the cut starts a page that the flow would have continued,
 * and may leave the page before it partly empty.
 */
export const FLOW_CUT = 2;

const sided = (start: PrintBlock['start']): start is Side => start === 'right' || start === 'left';

/**
 * Groups blocks into parts of about `budget`. A part starts at a block that
 * starts a page (or, in a long run of flowing blocks, at one of them).
 * Inside a part, page sides are counted from its first page, so only a
 * part whose side is known (the first, or one beginning at a `right` or
 * `left` block) may hold blocks that start on a given side; a part begun
 * anywhere else ends before the next such block.
 */
export function planParts(blocks: readonly PrintBlock[], budget: number): PrintPart[] {
  const parts: PrintPart[] = [];
  let current: PrintPart | undefined;
  let weight = 0;
  blocks.forEach((block, i) => {
    const full = weight >= (block.start === 'none' ? budget * FLOW_CUT : budget);
    const sideUnknown = current !== undefined && current.side === null && sided(block.start);
    if (!current || full || sideUnknown) {
      current = { blocks: [], side: !current ? 'right' : sided(block.start) ? block.start : null };
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
 * many pages each part laid out, and whether a blank page precedes it.
 */
export function placeParts(parts: readonly PrintPart[], pageCounts: readonly number[]): { offset: number; blankBefore: boolean }[] {
  let next = 0;
  return parts.map((part, i) => {
    // Page index `next` is a right-hand page when even (the first page is a right-hand page).
    const onSide: Side = next % 2 === 0 ? 'right' : 'left';
    const blankBefore = part.side !== null && part.side !== onSide;
    if (blankBefore) next++;
    const offset = next;
    next += pageCounts[i] ?? 0;
    return { offset, blankBefore };
  });
}
