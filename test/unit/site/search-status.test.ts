/** The search page's count and batches: every result counted can be listed. */
import { describe, expect, it } from 'vitest';
import { nextBatch, SEARCH_PAGE, searchStatus } from '../../../src/lib/site/search-status.ts';

describe('search status', () => {
  it('counts what was found, and how many are listed until all are', () => {
    expect(searchStatus('eau', 0, 0)).toBe('Aucun résultat pour « eau ».');
    expect(searchStatus('eau', 1, 1)).toBe('1 résultat pour « eau ».');
    expect(searchStatus('eau', 23, 10)).toBe('23 résultats pour « eau » (10 affichés).');
    expect(searchStatus('eau', 23, 23)).toBe('23 résultats pour « eau ».');
  });

  it('lists batches that add up to every result', () => {
    for (const total of [0, 1, SEARCH_PAGE - 1, SEARCH_PAGE, SEARCH_PAGE + 1, 3 * SEARCH_PAGE + 7]) {
      let shown = 0;
      let clicks = 0;
      for (let n = nextBatch(total, shown); n > 0; n = nextBatch(total, shown)) {
        expect(n).toBeLessThanOrEqual(SEARCH_PAGE);
        shown += n;
        clicks++;
      }
      expect(shown).toBe(total);
      expect(clicks).toBe(Math.ceil(total / SEARCH_PAGE));
    }
  });
});
