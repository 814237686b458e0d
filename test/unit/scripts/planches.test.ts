import { describe, expect, it } from 'vitest';
import { contactSheetHtml, spreads, wordsPerPage } from '../../../scripts/lib/planches.ts';

describe('spreads', () => {
  it('puts page 1 alone on the right, then facing pairs, as the bound book opens', () => {
    expect(spreads(0)).toEqual([]);
    expect(spreads(1)).toEqual([[undefined, 1]]);
    expect(spreads(4)).toEqual([[undefined, 1], [2, 3], [4, undefined]]);
    expect(spreads(5)).toEqual([[undefined, 1], [2, 3], [4, 5]]);
  });
});

describe('wordsPerPage', () => {
  it('counts the words of each page of pdftotext’s output, a blank page as 0', () => {
    expect(wordsPerPage('Sommaire  12\n\fL’arbre des objectifs, 2015-2020 : 3 piliers\f\f')).toEqual([2, 6, 0]);
  });
});

describe('contactSheetHtml', () => {
  const pages = [1, 2, 3].map((numero) => ({ src: `cahier/p-${numero}.png`, numero, mots: numero === 2 ? 1 : 40 }));
  const html = contactSheetHtml('cahier-1-diagnostic.pdf', pages, { spreadsPerRow: 4 });

  it('shows every page once, in order, with its number and word count', () => {
    expect([...html.matchAll(/<img src="([^"]+)"/g)].map((m) => m[1])).toEqual(['cahier/p-1.png', 'cahier/p-2.png', 'cahier/p-3.png']);
    expect([...html.matchAll(/<figcaption><b>(\d+)<\/b> · ([^<]+)<\/figcaption>/g)].map((m) => `${m[1]} ${m[2]}`)).toEqual(['1 40\u00a0mots', '2 1\u00a0mot', '3 40\u00a0mots']);
  });

  it('lays the pages out in facing pairs, page 1 on a right-hand side', () => {
    const doubles = html.split('\n').filter((line) => line.startsWith('<div class="double">'));
    expect(doubles).toHaveLength(2);
    expect(doubles[0]).toMatch(/^<div class="double"><div class="page vide"><\/div><figure class="page">.*p-1\.png[^]*<\/figure><\/div>$/);
    expect(doubles[1]).toMatch(/p-2\.png.*p-3\.png/);
    expect(html).toContain('grid-template-columns: repeat(4, max-content)');
  });

  it('is a French page named after its PDF, with what it holds escaped', () => {
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('<h1>cahier-1-diagnostic.pdf — 3 pages</h1>');
    expect(contactSheetHtml('a&b.pdf', [])).toContain('<h1>a&amp;b.pdf — 0 page</h1>');
  });
});
