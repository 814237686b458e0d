import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../../src/lib/markdown/parse.ts';
import { remarkRefLabels } from '../../../src/lib/markdown/ref-labels.ts';
import { phrasing, run } from '../../helpers/markdown.ts';

describe('remarkRefLabels', () => {
  it('reads `kind:id` back from the source, where Markdown saw a directive', () => {
    expect(phrasing(run('Voir :ref[fiche:permis-solidaire].')).at(1)).toMatchObject({
      type: 'textDirective',
      children: [{ type: 'text', value: 'fiche' }, { type: 'textDirective', name: 'permis-solidaire' }],
    });
    expect(phrasing(run('Voir :ref[fiche:permis-solidaire].', remarkRefLabels))).toEqual([
      { type: 'text', value: 'Voir ' },
      { type: 'textDirective', name: 'ref', attributes: {}, children: [{ type: 'text', value: 'fiche:permis-solidaire' }] },
      { type: 'text', value: '.' },
    ]);
  });

  it('keeps emphasis markers and spaces out of the id: the label is the source, trimmed', () => {
    expect(phrasing(run(':ref[ *reussite_educative* ]', remarkRefLabels))).toEqual([
      { type: 'textDirective', name: 'ref', attributes: {}, children: [{ type: 'text', value: '*reussite_educative*' }] },
    ]);
  });

  it('gives a bare `:ref` an empty label, for the check to report', () => {
    expect(phrasing(run('Voir :ref{x=y}', remarkRefLabels)).at(1)).toMatchObject({ name: 'ref', children: [{ type: 'text', value: '' }] });
  });

  it('leaves other directives alone', () => {
    expect(phrasing(run(':abbr[a:b]', remarkRefLabels))).toEqual(phrasing(run(':abbr[a:b]')));
  });

  it('is part of the project parser', () => {
    expect(phrasing(parseMarkdown('Voir :ref[objectif:accompagner]')).at(1)).toMatchObject({ children: [{ type: 'text', value: 'objectif:accompagner' }] });
  });
});
