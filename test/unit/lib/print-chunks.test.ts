import { describe, expect, it } from 'vitest';
import { placeParts, planParts, type PrintBlock } from '../../../src/lib/print/chunks.ts';

const b = (start: PrintBlock['start'], weight = 10): PrintBlock => ({ start, weight });

describe('planParts', () => {
  it('keeps a small document in one part, right-hand pages included', () => {
    const blocks = [b('none'), b('right'), b('right'), b('page'), b('page'), b('right')];
    expect(planParts(blocks, 1000)).toEqual([{ blocks: [0, 1, 2, 3, 4, 5], right: true }]);
  });

  it('starts a part at the first page break once the budget is reached, never inside the flow', () => {
    const blocks = [b('none', 60), b('none', 60), b('page', 60), b('none', 60), b('page', 10)];
    expect(planParts(blocks, 100)).toEqual([
      { blocks: [0, 1], right: true },
      { blocks: [2, 3], right: false },
      { blocks: [4], right: false },
    ]);
  });

  it('ends a part begun at a mere page break before the next right-hand start, whatever its size', () => {
    // Inside such a part the side of each page is not known in advance.
    const blocks = [b('none', 100), b('page', 1), b('right', 1), b('right', 1)];
    expect(planParts(blocks, 100)).toEqual([
      { blocks: [0], right: true },
      { blocks: [1], right: false },
      { blocks: [2, 3], right: true },
    ]);
  });

  it('gives no part for no block', () => {
    expect(planParts([], 100)).toEqual([]);
  });
});

describe('placeParts', () => {
  it('puts a blank page before a right-hand part that would fall on a left-hand page', () => {
    const parts = [
      { blocks: [0], right: true },
      { blocks: [1], right: true },
      { blocks: [2], right: false },
      { blocks: [3], right: true },
      { blocks: [4], right: true },
    ];
    // Page 1 the cover, 2 blank, 3–5, 6–7, 8 blank (left-hand), 9–10, then 11, a right-hand page.
    expect(placeParts(parts, [1, 3, 2, 2, 1])).toEqual([
      { offset: 0, blankBefore: false },
      { offset: 2, blankBefore: true },
      { offset: 5, blankBefore: false },
      { offset: 8, blankBefore: true },
      { offset: 10, blankBefore: false },
    ]);
  });

  it('never puts a blank page before a part that may start on either side', () => {
    expect(placeParts([{ blocks: [0], right: true }, { blocks: [1], right: false }], [1, 4])).toEqual([
      { offset: 0, blankBefore: false },
      { offset: 1, blankBefore: false },
    ]);
  });
});
