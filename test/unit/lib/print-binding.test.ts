import { describe, expect, it } from 'vitest';
import { bindingPlan, bookmarkTitles } from '../../../src/lib/print/binding.ts';

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
