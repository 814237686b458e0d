/** The check of a Markdown body reads its tree; the transforms, run after it, write on it. */
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../../src/lib/markdown/parse.ts';
import { checkBody, checkDirectives, transformBody } from '../../../src/lib/model/directives.ts';
import type { ParsedBody } from '../../../src/lib/model/parse-files.ts';
import { Registry } from '../../../src/lib/model/registry.ts';
import { LineIndex } from '../../../src/lib/model/source.ts';

const body = (text: string): ParsedBody => ({ file: 'f.md', root: parseMarkdown(text), lines: new LineIndex(text), offset: 0, text });
const registry = new Registry();
registry.add('objectif', 'emploi');
registry.add('indicateur', 'chomage');
const medias = new Set(['medias/photo.jpg']);
const TEXT = 'Voir :ref[emploi], ![x](photo.jpg).\n\n::indicateur{id=chomage}\n';

describe('checkBody', () => {
  it('finds the directive uses and images without touching the tree', () => {
    const b = body(TEXT);
    const before = structuredClone(b.root);
    expect(checkBody(b, registry, medias)).toEqual({
      issues: [],
      uses: [{ name: 'indicateur', attributes: { id: 'chomage' }, file: 'f.md' }],
      images: ['medias/photo.jpg'],
    });
    expect(b.root).toEqual(before);
  });

  it('reports names every object inherits as unknown directives, not a TypeError', () => {
    const found = checkBody(body('::constructor\n\n::toString{a=b}\n\n::indicateur{id=chomage constructor=1}\n'), registry, medias);
    expect(found.issues.map(({ line, column, path, message, rule }) => ({ line, column, path, message, rule }))).toEqual([
      { line: 1, column: 1, path: '::constructor', message: 'directive inconnue « constructor »', rule: 'directive-inconnue' },
      { line: 3, column: 1, path: '::toString', message: 'directive inconnue « toString »', rule: 'directive-inconnue' },
      { line: 5, column: 1, path: '::indicateur', message: 'attribut inconnu « constructor » pour ::indicateur', rule: 'directive-attribut' },
    ]);
  });

  it('gives every issue its rule id', () => {
    const ids = new Registry();
    ids.add('objectif', 'double');
    ids.add('fiche', 'double');
    const text = [
      ':ref[] :ref[double]{a=b} :ref[truc:double] :ref[double]',
      'Voir :indicateur{id=chomage}.',
      '::graphique',
      '::carte{taille=2}',
      '![a](https://exemple.fr/a.png) ![b](/etc/passwd) ![c](absente.png)',
    ].join('\n\n');
    const rules = checkBody(body(text), ids, medias).issues.map((i) => `${i.line} ${i.rule}`);
    expect(rules.sort()).toEqual([
      '1 ref-ambigue',
      '1 ref-ambigue',
      '1 ref-syntaxe',
      '1 ref-syntaxe',
      '1 ref-syntaxe',
      '3 directive-ligne',
      '5 directive-inconnue',
      '7 directive-attribut',
      '9 image-externe',
      '9 media-chemin',
      '9 media-introuvable',
    ]);
  });

  it('reports a :ref label over a line break, not a TypeError', () => {
    const [issue] = checkBody(body('Voir :ref[objectif:em\nploi].\n'), registry, medias).issues;
    expect(issue).toMatchObject({ line: 1, column: 6, path: ':ref', message: expect.stringMatching(/^objectif inconnu/) });
  });
});

describe('transformBody', () => {
  it('writes :ref targets and image paths', () => {
    const b = body(TEXT);
    transformBody(b, registry, medias);
    const paragraph = b.root.children[0]!;
    expect(paragraph.type === 'paragraph' && paragraph.children.map((n) => (n.type === 'textDirective' ? n.data : n.type === 'image' ? n.url : n.type))).toEqual([
      'text',
      { target: { kind: 'objectif', id: 'emploi' } },
      'text',
      'medias/photo.jpg',
      'text',
    ]);
  });
});

describe('checkDirectives', () => {
  it('is the check, then the transforms', () => {
    const checked = body(TEXT);
    const transformed = body(TEXT);
    transformBody(transformed, registry, medias);
    expect(checkDirectives(checked, registry, medias)).toEqual(checkBody(body(TEXT), registry, medias));
    expect(checked.root).toEqual(transformed.root);
  });
});
