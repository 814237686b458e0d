import { describe, expect, it } from 'vitest';
import { bindingPlan, bookmarkTitles, matchHeadings, nestByLevel } from '../../../src/lib/print/binding.ts';

describe('bindingPlan', () => {
  it('puts a blank page after a part of odd length, so the next opens on a right-hand page', () => {
    expect(bindingPlan([{ pages: 111, label: 'I' }, { pages: 132, label: 'II' }])).toEqual([
      { first: 0, blankAfter: true, labelPrefix: 'I-' },
      { first: 112, blankAfter: false, labelPrefix: 'II-' },
    ]);
  });

  it('adds nothing after a part of even length, nor after the last part', () => {
    expect(bindingPlan([{ pages: 102, label: 'I' }, { pages: 3, label: 'II' }])).toEqual([
      { first: 0, blankAfter: false, labelPrefix: 'I-' },
      { first: 102, blankAfter: false, labelPrefix: 'II-' },
    ]);
  });

  it('opens every part on an odd page of the bound document', () => {
    const plan = bindingPlan([5, 2, 7, 1].map((pages, i) => ({ pages, label: String(i) })));
    for (const p of plan) expect((p.first + 1) % 2).toBe(1);
  });
});

describe('bookmarkTitles', () => {
  it('gives back the space lost where a heading wraps', () => {
    expect(bookmarkTitles(['Contrat de ville de ClermontCommunauté', 'Sommaire'], ['Contrat de ville de Clermont Communauté', 'Sommaire'])).toEqual([
      'Contrat de ville de Clermont Communauté',
      'Sommaire',
    ]);
  });

  it('reads the heading’s text with its line breaks as spaces', () => {
    expect(bookmarkTitles(['Fiche 12Permis solidaire'], ['Fiche 12\nPermis  solidaire'])).toEqual(['Fiche 12 Permis solidaire']);
  });

  it('keeps a title that no heading matches', () => {
    expect(bookmarkTitles(['Annexe', 'Pilier 1 : emploi'], ['Pilier 1 Emploi'])).toEqual(['Annexe', 'Pilier 1 : emploi']);
  });
});

describe('matchHeadings', () => {
  const headings = [
    { level: 1, text: 'Le plan d’action' },
    { level: 3, text: 'Fiche 4 Accueil\nde jour' },
    { level: 2, text: 'Pilier 2' },
  ];

  it('gives each bookmark of a part the level and text of its heading, whatever its depth in the part', () => {
    // A part opening inside a chapter: Chromium puts its first bookmark at the top.
    expect(matchHeadings([{ title: 'Fiche 4 Accueilde jour', depth: 0 }, { title: 'Pilier 2', depth: 0 }], headings)).toEqual([
      { level: 3, text: 'Fiche 4 Accueil de jour' },
      { level: 2, text: 'Pilier 2' },
    ]);
  });

  it('matches in order, skipping headings without a bookmark, and keeps a bookmark without heading one level under its depth', () => {
    expect(matchHeadings([{ title: 'Pilier 2', depth: 0 }, { title: 'Annexe', depth: 1 }], headings)).toEqual([
      { level: 2, text: 'Pilier 2' },
      { level: 2, text: 'Annexe' },
    ]);
  });
});

describe('nestByLevel', () => {
  it('nests each item under the last one before it of a lower level', () => {
    const items = [1, 2, 3, 3, 2, 1, 3].map((level, i) => ({ level, i }));
    const shape = (nodes: ReturnType<typeof nestByLevel<(typeof items)[number]>>): unknown[] => nodes.map((n) => (n.children.length ? [n.item.i, shape(n.children)] : n.item.i));
    expect(shape(nestByLevel(items))).toEqual([[0, [[1, [2, 3]], 4]], [5, [6]]]);
  });
});
