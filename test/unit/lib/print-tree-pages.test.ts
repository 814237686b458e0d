import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readContentFiles } from '../../../src/lib/content-files.ts';
import { buildContract, type Contract, type Pilier } from '../../../src/lib/model/index.ts';
import { printContext } from '../../../src/lib/print/documents.ts';
import { MIN_SCALE, TREE_PAGE, planTreePages, treePageTitle, type TreePage } from '../../../src/lib/print/tree-pages.ts';
import type { RenderContext } from '../../../src/lib/render/context.ts';
import { layoutArbre } from '../../../src/lib/render/tree-layout.ts';
import { renderArbre } from '../../../src/lib/render/tree.ts';

const load = (dir: string): Contract => buildContract(readContentFiles(dir)).contract!;
const exemple = load(join(import.meta.dirname, '../../../content'));
const autre = load(join(import.meta.dirname, '../../fixtures/autre-contrat'));

const objectifIds = (p: Pilier) => p.axes.flatMap((a) => a.objectifs.map((o) => o.id));

/** What a page draws, read from its layout, as the cahier draws it. */
function drawn(page: TreePage, ctx: RenderContext) {
  const layout = layoutArbre(page.piliers, ctx, { width: page.width });
  const svg = renderArbre(page.piliers, ctx, { list: false, size: page.size, width: page.width });
  return { layout, svgWidth: Number(svg.match(/<svg [^>]*width="(\d+)"/)![1]) };
}

function expectPagesUseThePaper(pages: TreePage[], ctx: RenderContext) {
  for (const page of pages) {
    const { layout, svgWidth } = drawn(page, ctx);
    expect(layout.width).toBe(page.width);
    expect(layout.height).toBe(page.height);
    // The drawing spans the page's width (at least 70 % of it), and stays inside the page.
    expect(svgWidth).toBe(page.size.width);
    expect(page.size.width / TREE_PAGE.width).toBeGreaterThanOrEqual(0.7);
    expect(page.size.width).toBeLessThanOrEqual(TREE_PAGE.width);
    expect(page.size.height).toBeLessThanOrEqual(TREE_PAGE.height);
  }
}

describe('planTreePages', () => {
  for (const [name, contract] of [['exemple', exemple], ['autre-contrat', autre]] as const) {
    const ctx = printContext(contract, 2, '/');
    const pages = planTreePages(contract.piliers, ctx);

    it(`draws each page as wide as the landscape page, within its height (${name})`, () => {
      expectPagesUseThePaper(pages, ctx);
    });

    it(`shows every objectif once, pilier by pilier, in order, at one legible scale (${name})`, () => {
      expect(pages.flatMap((t) => t.piliers.flatMap(objectifIds))).toEqual(contract.piliers.flatMap(objectifIds));
      for (const p of contract.piliers) {
        const own = pages.filter((t) => t.piliers.some((q) => q.id === p.id));
        if (own.length === 1) continue;
        // Several pages: this pilier alone on each, numbered.
        for (const t of own) expect(t.piliers).toHaveLength(1);
        expect(own.map((t) => `${t.part}/${t.parts}`)).toEqual(own.map((_, i) => `${i + 1}/${own.length}`));
      }
      expect(new Set(pages.map((t) => t.scale)).size).toBe(1);
      expect(pages[0]!.scale).toBeGreaterThanOrEqual(MIN_SCALE);
      expect(pages[0]!.scale).toBeLessThanOrEqual(1);
    });
  }

  it('cuts a large pilier between its enjeux, and lets small piliers share a page', () => {
    const large = planTreePages(exemple.piliers, printContext(exemple, 2, '/'));
    const first = large.filter((t) => t.piliers[0]!.id === exemple.piliers[0]!.id);
    expect(first.length).toBeGreaterThan(1);
    expect(first.flatMap((t) => t.piliers[0]!.enjeux.map((e) => e.id))).toEqual(exemple.piliers[0]!.enjeux.map((e) => e.id));
    expect(treePageTitle(first[0]!, printContext(exemple, 2, '/'))).toBe(`Arbre des objectifs — Pilier 1 : ${exemple.piliers[0]!.titre} (1/${first.length})`);
    const ctx = printContext(autre, 2, '/');
    const small = planTreePages(autre.piliers, ctx);
    expect(small.length).toBeLessThan(autre.piliers.length);
    expect(small.map((t) => treePageTitle(t, ctx))).toContain('Arbre des objectifs — Priorités 1 à 3');
    // Drawn on one page each, they would have filled less than half of it.
    for (const p of autre.piliers) expect(planTreePages([p], ctx)[0]!.size.height).toBeLessThan(TREE_PAGE.height / 2);
  });

  it('spreads an enjeu too tall for one page over several, cut between its axes', () => {
    const ctx = printContext(exemple, 2, '/');
    const first = exemple.piliers[0]!;
    const axes = exemple.piliers.flatMap((p) => p.axes);
    const huge: Pilier = { ...first, enjeux: [{ ...first.enjeux[0]!, axes }], axes };
    const pages = planTreePages([huge], ctx);
    expect(pages.length).toBeGreaterThan(2);
    expectPagesUseThePaper(pages, ctx);
    for (const t of pages) expect(t.piliers[0]!.enjeux.map((e) => e.id)).toEqual([first.enjeux[0]!.id]);
    expect(pages.flatMap((t) => t.piliers.flatMap(objectifIds))).toEqual(objectifIds(huge));
    expect(pages[0]!.scale).toBeGreaterThanOrEqual(MIN_SCALE);
  });

  it('cuts an axe between its objectifs when it alone is too tall, without enjeux', () => {
    const ctx = printContext(autre, 2, '/');
    const objectifs = autre.piliers.flatMap((p) => p.axes.flatMap((a) => a.objectifs));
    const axe = { ...autre.piliers[0]!.axes[0]!, objectifs: [...objectifs, ...objectifs, ...objectifs] };
    const long: Pilier = { ...autre.piliers[0]!, axes: [axe] };
    const pages = planTreePages([long], ctx);
    expect(pages.length).toBeGreaterThan(1);
    expectPagesUseThePaper(pages, ctx);
    expect(pages.flatMap((t) => t.piliers.flatMap(objectifIds))).toEqual(objectifIds(long));
    for (const t of pages) expect(t.piliers[0]!.axes.map((a) => a.id)).toEqual([axe.id]);
  });
});
