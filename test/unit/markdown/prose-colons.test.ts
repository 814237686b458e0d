import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../../src/lib/markdown/parse.ts';
import { remarkProseColons } from '../../../src/lib/markdown/prose-colons.ts';
import { renderMarkdown } from '../../../src/lib/render/markdown.ts';
import { phrasing, run } from '../../helpers/markdown.ts';

const colons = (markdown: string) => phrasing(run(markdown, [remarkProseColons, { directives: ['ref', 'indicateur'] }]));

describe('remarkProseColons', () => {
  it('gives a colon in prose back as text', () => {
    expect(colons('Rendez-vous à 10h:trente, Note:important.')).toEqual([
      { type: 'text', value: 'Rendez-vous à 10h' },
      { type: 'text', value: ':trente' },
      { type: 'text', value: ', Note' },
      { type: 'text', value: ':important' },
      { type: 'text', value: '.' },
    ]);
  });

  it('keeps the text node where the directive was', () => {
    const tree = run('a:b', [remarkProseColons, { directives: [] }]);
    const paragraph = tree.children[0];
    expect(paragraph?.type === 'paragraph' && paragraph.children[1]?.position?.start).toMatchObject({ line: 1, column: 2, offset: 1 });
  });

  it('keeps directives with a label or attributes, and bare directives of our own names, for the check', () => {
    expect(colons('Voir :abbr[x], :abbr{a=b}, :ref et :indicateur.').map((n) => (n as { type: string }).type)).toEqual([
      'text',
      'textDirective',
      'text',
      'textDirective',
      'text',
      'textDirective',
      'text',
      'textDirective',
      'text',
    ]);
  });

  it('is part of the project parser: "10:30" renders as written', () => {
    const html = renderMarkdown(parseMarkdown('Accueil de 9:30 à 12:00, Note:important.'), { directive: () => '<!-- directive -->' });
    expect(html).toBe('<p>Accueil de 9:30 à 12:00, Note:important.</p>');
  });

  it('a name inherited by every object is not a directive name (`Note:constructor`)', () => {
    expect(phrasing(parseMarkdown('Note:constructor'))).toEqual([
      { type: 'text', value: 'Note' },
      { type: 'text', value: ':constructor' },
    ]);
  });
});
