/**
 * The rule of src/print/paged-breaks.js (browser code, run here in a bare
 * context): how many rows of a table stay on a page when a break falls in it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';

const window: { cahiersBreaks?: { rowsToKeep(before: number, after: number, total: number): number } } = {};
runInNewContext(readFileSync(join(import.meta.dirname, '../../../src/print/paged-breaks.js'), 'utf8'), { window });
const { rowsToKeep } = window.cahiersBreaks!;

describe('rowsToKeep', () => {
  it('moves a table of fewer than 8 rows whole, wherever the break falls', () => {
    for (let total = 1; total < 8; total++) for (let before = 0; before < total; before++) expect(rowsToKeep(before, total - before, total)).toBe(0);
  });

  it('lets a break stay when it leaves at least 3 rows on each side', () => {
    expect(rowsToKeep(3, 5, 8)).toBe(3);
    expect(rowsToKeep(40, 80, 120)).toBe(40);
  });

  it('moves the table whole when fewer than 3 of its rows would stay', () => {
    expect(rowsToKeep(2, 10, 12)).toBe(0);
    expect(rowsToKeep(0, 12, 12)).toBe(0);
  });

  it('carries rows over so that at least 3 go to the next page', () => {
    expect(rowsToKeep(10, 2, 12)).toBe(9);
    expect(rowsToKeep(12, 0, 12)).toBe(9);
    // A footer alone (no row after) takes 3 rows with it.
    expect(rowsToKeep(8, 0, 8)).toBe(5);
  });

  it('moves the table whole when carrying rows over would leave fewer than 3', () => {
    expect(rowsToKeep(4, 1, 8)).toBe(0);
  });

  it('never leaves fewer than 3 rows on a side of a split', () => {
    for (let total = 8; total < 40; total++)
      for (let before = 0; before <= total; before++) {
        const keep = rowsToKeep(before, total - before, total);
        if (keep > 0) expect([keep >= 3, total - keep >= 3, keep <= before]).toEqual([true, true, true]);
      }
  });
});
