import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../../src/lib/markdown/parse.ts';
import { renderMarkdown } from '../../../src/lib/render/markdown.ts';
import { columnAlignments, isFigure, isFigureColumn } from '../../../src/lib/render/table-align.ts';

describe('isFigure', () => {
  it('reads figures as French texts write them', () => {
    for (const text of ['12', '6789', '−3,5', '-3.5', '+2', '12 345,6 %', '12\u202f345', '75\u00a0000\u202f€', '1,2 M€', '+2 pts', '3 ‰', '< 5', '2015'])
      expect(isFigure(text), text).toBe(true);
  });

  it('does not take words, or words around a figure, for a figure', () => {
    for (const text of ['Nord', '60 par an', 'au moins 12', '2015-2020', '12 345 habitants', 'T1', '1er', ''])
      expect(isFigure(text), text).toBe(false);
  });
});

describe('isFigureColumn', () => {
  it('takes a column of figures with gaps or dashes for figures', () => {
    expect(isFigureColumn(['12', '—', '', 'n.d.', '3,5 %'])).toBe(true);
  });

  it('takes a column with one word, or with no figure at all, for text', () => {
    expect(isFigureColumn(['12', 'beaucoup', '3'])).toBe(false);
    expect(isFigureColumn(['—', '', 'n.d.'])).toBe(false);
  });
});

describe('columnAlignments', () => {
  it('keeps the author’s alignment, else right for figures and left for text', () => {
    const rows = [
      ['Nord', 'ancien', '12', 'juin'],
      ['Sud', 'rénové', '345', 'mai'],
    ];
    expect(columnAlignments([null, null, null, 'right'], rows)).toEqual(['left', 'left', 'right', 'right']);
    expect(columnAlignments(['center', null, 'left'], rows)).toEqual(['center', 'left', 'left', 'left']);
  });
});

describe('a Markdown table rendered', () => {
  it('marks the cells of its columns of figures, header included, and leaves an aligned column as its author wrote it', () => {
    const html = renderMarkdown(parseMarkdown('| Quartier | Effectif | Part |\n|---|---|--:|\n| Nord | 12 | 5 % |\n| Sud | 6 789 | 7 % |'), { directive: () => '' });
    expect(html).toContain('<th>Quartier</th>\n<th class="num">Effectif</th>\n<th align="right">Part</th>');
    expect(html).toContain('<td>Nord</td>\n<td class="num">12</td>\n<td align="right">5 %</td>');
  });
});
