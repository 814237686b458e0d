/** Word-level excerpts of a changed text: each change with a few words either side, the rest counted. */
import { describe, expect, it } from 'vitest';
import { wordExcerpts } from '../../../src/lib/evolutions/words.ts';

const show = (r: ReturnType<typeof wordExcerpts>) => ({
  extraits: r.extraits.map((runs) => runs.map((x) => (x.kind === 'added' ? `{+${x.text}+}` : x.kind === 'removed' ? `[-${x.text}-]` : x.text)).join('')),
  autres: r.autres,
});
const words = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `m${from + i}`).join(' ');

describe('wordExcerpts', () => {
  it('keeps eight words of context either side, marking the cuts', () => {
    expect(show(wordExcerpts(`${words(1, 20)} ancien ${words(21, 40)}`, `${words(1, 20)} nouveau ${words(21, 40)}`))).toEqual({
      extraits: [`… m13 m14 m15 m16 m17 m18 m19 m20 [-ancien-]{+nouveau+} m21 m22 m23 m24 m25 m26 m27 m28 …`],
      autres: 0,
    });
  });

  it('joins changes a few words apart into one excerpt, and counts those past three', () => {
    const before = ['a1', 'a2', 'a3', 'a4', 'a5'].map((w, i) => `${w} ${words(i * 30, i * 30 + 29)}`).join(' ');
    const after = before.replace('a1', 'b1').replace('a2', 'b2').replace('a3', 'b3').replace('a4', 'b4').replace('a5', 'b5').replace('m1 ', 'x1 ');
    const r = wordExcerpts(before, after);
    expect(r.extraits).toHaveLength(3);
    expect(r.autres).toBe(2);
    // a1 and m1 are one word apart: one excerpt.
    expect(show(r).extraits[0]).toBe('[-a1-]{+b1+} m0 [-m1-]{+x1+} m2 m3 m4 m5 m6 m7 m8 m9 …');
  });

  it('reads a paragraph break as a pilcrow, a line break as a space', () => {
    expect(show(wordExcerpts('Un.\n\nDeux\ntrois.', 'Un.\n\nDeux\nquatre.')).extraits).toEqual(['Un. ¶ Deux [-trois-]{+quatre+}.']);
  });
});
