import { describe, expect, it } from 'vitest';
import { placeParts, planParts, type PrintBlock, type PrintPart } from '../../../src/lib/print/chunks.ts';

const b = (start: PrintBlock['start'], weight = 10): PrintBlock => ({ start, weight });

describe('planParts', () => {
  it('keeps a small document in one part, right-hand pages included', () => {
    const blocks = [b('none'), b('right'), b('right'), b('page'), b('page'), b('right')];
    expect(planParts(blocks, 1000)).toEqual([{ blocks: [0, 1, 2, 3, 4, 5], side: 'right' }]);
  });

  it('starts a part at the first page break once the budget is reached, not inside the flow', () => {
    const blocks = [b('none', 60), b('none', 60), b('page', 60), b('none', 60), b('page', 10)];
    expect(planParts(blocks, 100)).toEqual([
      { blocks: [0, 1], side: 'right' },
      { blocks: [2, 3], side: null },
      { blocks: [4], side: null },
    ]);
  });

  it('ends a part begun at a mere page break before the next right-hand start, whatever its size', () => {
    // Inside such a part the side of each page is not known in advance.
    const blocks = [b('none', 100), b('page', 1), b('right', 1), b('right', 1)];
    expect(planParts(blocks, 100)).toEqual([
      { blocks: [0], side: 'right' },
      { blocks: [1], side: null },
      { blocks: [2, 3], side: 'right' },
    ]);
  });

  it('cuts a long run of flowing blocks only past twice the budget', () => {
    const blocks = [b('right', 60), b('none', 60), b('none', 60), b('none', 60), b('none', 60)];
    expect(planParts(blocks, 100)).toEqual([
      { blocks: [0, 1, 2, 3], side: 'right' },
      { blocks: [4], side: null },
    ]);
  });

  it('begins a part at a left-hand start, and may keep one inside a part whose side is known', () => {
    const blocks = [b('right', 60), b('left', 10), b('page', 60), b('left', 10), b('page', 10)];
    expect(planParts(blocks, 100)).toEqual([
      { blocks: [0, 1, 2], side: 'right' },
      { blocks: [3, 4], side: 'left' },
    ]);
    // A part begun at a mere page break ends before a left-hand start, as before a right-hand one.
    expect(planParts([b('none', 100), b('page', 1), b('left', 1), b('right', 1)], 100)).toEqual([
      { blocks: [0], side: 'right' },
      { blocks: [1], side: null },
      { blocks: [2, 3], side: 'left' },
    ]);
  });

  it('gives no part for no block', () => {
    expect(planParts([], 100)).toEqual([]);
  });
});

describe('placeParts', () => {
  it('puts a blank page before a right-hand part that would fall on a left-hand page', () => {
    const parts: PrintPart[] = [
      { blocks: [0], side: 'right' },
      { blocks: [1], side: 'right' },
      { blocks: [2], side: null },
      { blocks: [3], side: 'right' },
      { blocks: [4], side: 'right' },
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

  it('puts a blank page before a left-hand part that would fall on a right-hand page', () => {
    const parts: PrintPart[] = [
      { blocks: [0], side: 'right' },
      { blocks: [1], side: 'left' },
      { blocks: [2], side: 'left' },
    ];
    // Pages 1–3, then 4–5 and 6–7, each part opening on a left-hand page.
    expect(placeParts(parts, [3, 2, 2])).toEqual([
      { offset: 0, blankBefore: false },
      { offset: 3, blankBefore: false },
      { offset: 5, blankBefore: false },
    ]);
    // Pages 1–2, then page 3 is right-hand: a blank page 3, the part on 4.
    expect(placeParts(parts.slice(0, 2), [2, 2])).toEqual([
      { offset: 0, blankBefore: false },
      { offset: 3, blankBefore: true },
    ]);
  });

  it('never puts a blank page before a part that may start on either side', () => {
    expect(placeParts([{ blocks: [0], side: 'right' }, { blocks: [1], side: null }], [1, 4])).toEqual([
      { offset: 0, blankBefore: false },
      { offset: 1, blankBefore: false },
    ]);
  });
});
