import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readContentFiles } from '../../../src/lib/content-files.ts';
import { buildContract, type Indicateur } from '../../../src/lib/model/index.ts';
import { yAxis, spreadLabels } from '../../../src/lib/render/chart-lines.ts';
import { contrast, QUARTIER_PALETTE, REFERENCE_GREYS } from '../../../src/lib/render/chart-style.ts';
import { formatYears, renderIndicateur } from '../../../src/lib/render/chart.ts';
import { createContext } from '../../../src/lib/render/context.ts';
import { formatValue } from '../../../src/lib/render/units.ts';
import { expectGolden } from '../../helpers/golden.ts';
import { BENCH_SIZES, generateContract } from '../../../scripts/lib/bench/generate.ts';
import { printOptions } from '../../../src/lib/print/documents.ts';

const contextOf = (dir: string) => createContext(buildContract(readContentFiles(dir)).contract!);
const autre = contextOf(join(import.meta.dirname, '../../fixtures/autre-contrat'));
const example = contextOf(join(import.meta.dirname, '../../../content'));
const indicateur = (ctx: typeof autre, id: string) => ctx.lookup.indicateur.get(id)!;

/** One tag per line, so that a golden diff points at the element that changed. */
const lines = (html: string) => html.replaceAll('><', '>\n<');

// Only ASCII whitespace collapses: values keep their narrow no-break spaces.
const decode = (s: string) =>
  s.replace(/<[^>]+>/g, ' ').replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').replace(/[ \t\n]+/g, ' ').trim();
const svgOf = (html: string) => /<svg[\s\S]*<\/svg>/.exec(html)![0];
/** Text of each SVG `<text>`, its lines joined by a space. */
const svgTexts = (html: string) => [...svgOf(html).matchAll(/<text[^>]*>([\s\S]*?)<\/text>/g)].map((m) => decode(m[1]!));
const cells = (html: string) => [...html.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((m) => decode(m[1]!));
const rowOf = (html: string, nom: string) => [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => m[1]!).find((r) => decode(r).startsWith(nom))!;

/** A made-up indicator over the fixture's territories, to test what the fixtures do not show. */
function synthetic(annees: number[], rows: Record<string, (number | null)[]>, unite = '%'): Indicateur {
  return {
    id: 'essai',
    titre: 'Indicateur d’essai',
    unite,
    source: 'Source d’essai',
    sens: 'neutre',
    annees,
    territoires: Object.keys(rows),
    valeurs: annees.flatMap((annee, i) => Object.entries(rows).map(([territoire, v]) => ({ annee, territoire, valeur: v[i]! }))),
  };
}

describe('renderIndicateur (golden)', () => {
  it('draws a line chart for several years, with a quartier missing a year', () => {
    expectGolden('chart-taux-chomage-jeunes', lines(renderIndicateur(indicateur(autre, 'taux-chomage-jeunes'), autre)));
  });
  it('draws bars for one year, with a secret statistique', () => {
    expectGolden('chart-revenu-disponible', lines(renderIndicateur(indicateur(autre, 'revenu-disponible'), autre)));
  });
  it('draws the example contract’s poverty rate', () => {
    expectGolden('chart-taux-pauvrete', lines(renderIndicateur(indicateur(example, 'taux-pauvrete'), example)));
  });
});

describe('renderIndicateur', () => {
  const all = [...autre.contract.indicateurs.map((i) => [autre, i] as const), ...example.contract.indicateurs.map((i) => [example, i] as const)];

  it('draws no bar for a null value, writes "s (secret statistique)" and puts "s" in the table', () => {
    const ind = indicateur(autre, 'revenu-disponible');
    const html = renderIndicateur(ind, autre);
    const defined = ind.valeurs.filter((v) => v.valeur !== null).length;
    expect(svgOf(html).match(/<rect /g)).toHaveLength(defined);
    expect(svgTexts(html)).toContain('s (secret statistique)');
    expect(rowOf(html, 'Le Clos Fleuri')).toContain('<abbr title="secret statistique ou donnée non disponible">s</abbr>');
    expect(html).not.toMatch(/width="0"/);
  });

  it('leaves a gap in a line where a value is null, never a 0', () => {
    const ind = synthetic([2020, 2021, 2022, 2023], { 'les-tilleuls-gare': [10, null, 12, 13], fr: [5, 6, 7, 8] });
    const paths = [...svgOf(renderIndicateur(ind, autre)).matchAll(/<path d="([^"]+)"[^>]*stroke-width/g)].map((m) => m[1]!);
    const tilleuls = paths.find((d) => (d.match(/M/g) ?? []).length === 2);
    expect(tilleuls, paths.join('\n')).toBeDefined();
    expect(paths.filter((d) => (d.match(/M/g) ?? []).length === 1)).toHaveLength(1);
  });

  it('names a territory with no value at all under a line chart', () => {
    const html = renderIndicateur(indicateur(example, 'demandeurs-emploi'), example);
    expect(svgTexts(html)).toContain('s (secret statistique)\u00a0: Le Breuil-Les Chapelles');
    expect(html).toMatch(/<desc [^>]*>[^<]*secret statistique ou donnée non disponible pour Le Breuil-Les Chapelles\)\.<\/desc>/);
  });

  it('writes every territory name and every non-null value as text, in the chart or the table', () => {
    for (const [ctx, ind] of all) {
      const html = renderIndicateur(ind, ctx);
      const texts = svgTexts(html).join(' | ');
      const table = cells(html);
      for (const tid of ind.territoires) {
        const nom = ctx.lookup.territoire.get(tid)!.nom;
        expect(table, `${ind.id}: ${nom}`).toContain(nom);
        expect(texts, `${ind.id}: ${nom}`).toContain(nom);
      }
      for (const v of ind.valeurs) if (v.valeur !== null) expect(table, ind.id).toContain(formatValue(v.valeur, ind.unite));
      if (ind.annees.length === 1) for (const v of ind.valeurs) if (v.valeur !== null) expect(svgTexts(html), ind.id).toContain(formatValue(v.valeur, ind.unite));
    }
  });

  it('draws lines for two years or more and bars for one', () => {
    for (const [ctx, ind] of all) {
      const svg = svgOf(renderIndicateur(ind, ctx));
      if (ind.annees.length >= 2) {
        expect(svg, ind.id).toContain('class="graphique graphique-courbes"');
        expect(svg).toMatch(/<path d="M[^"]+L/);
        for (const a of ind.annees) expect(svgTexts(svg)).toContain(String(a));
      } else {
        expect(svg, ind.id).toContain('class="graphique graphique-barres"');
        expect(svg).not.toMatch(/<path /);
      }
    }
  });

  it('uses no inline style, readable text sizes and rounded coordinates', () => {
    for (const [ctx, ind] of all) {
      const html = renderIndicateur(ind, ctx);
      expect(html).not.toMatch(/\sstyle=|<style/);
      for (const m of html.matchAll(/font-size="([\d.]+)"/g)) expect(Number(m[1])).toBeGreaterThanOrEqual(11);
      expect(html).not.toMatch(/font-family="(?!inherit")/);
      expect(svgOf(html)).not.toMatch(/\d\.\d{3}/);
    }
  });

  it('gives the same output when rendered twice', () => {
    const ind = indicateur(autre, 'taux-chomage-jeunes');
    expect(renderIndicateur(ind, autre)).toBe(renderIndicateur(ind, autre));
  });

  it('labels the SVG by its own title and desc, with ids unique per idSuffix', () => {
    const ind = indicateur(example, 'taux-pauvrete');
    const page = renderIndicateur(ind, example) + renderIndicateur(ind, example, { idSuffix: 'bis' });
    const ids = [...page.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]!);
    expect(new Set(ids).size).toBe(ids.length);
    for (const m of page.matchAll(/aria-labelledby="([^"]+)"/g)) for (const ref of m[1]!.split(' ')) expect(ids).toContain(ref);
    expect(page).toContain('<svg xmlns="http://www.w3.org/2000/svg" class="graphique graphique-barres" viewBox="0 0 640 ');
    expect(page).toMatch(/width="100%" role="img"/);
  });

  it('writes caption, source with years, table headers and definition', () => {
    const ind = indicateur(autre, 'taux-chomage-jeunes');
    const html = renderIndicateur(ind, autre, { headingLevel: 3 });
    expect(html).toMatch(/^<figure class="indicateur"[^>]*><figcaption><h3 class="indicateur-titre">Taux de chômage des 15-24 ans \(en %\)<\/h3><\/figcaption>/);
    expect(html).toContain('<p class="source">Source\u00a0: Données illustratives (illustratif), inventées pour ce jeu d&#39;essai, 2020, 2022, 2023</p>');
    expect(html).toContain('<thead><tr><th scope="col">Territoire</th><th scope="col">2020</th><th scope="col">2022</th><th scope="col">2023</th></tr></thead>');
    expect(html).toContain('<th scope="row">Les Tilleuls – Gare</th>');
    expect(html).toMatch(/<p class="definition">Part des actifs de 15 à 24 ans/);
    expect(renderIndicateur(indicateur(autre, 'revenu-disponible'), autre)).not.toContain('class="definition"');
    expect(html).not.toMatch(/Figure \d/);
  });
});

describe('chart helpers', () => {
  it('formats the years of the source line', () => {
    expect(formatYears([2011])).toBe('2011');
    expect(formatYears([2011, 2012, 2013, 2014, 2015])).toBe('2011-2015');
    expect(formatYears([2011, 2013, 2015])).toBe('2011, 2013, 2015');
  });

  it('gives quartiers ≥ 6 distinct colours and every territory ≥ 3:1 contrast on white', () => {
    expect(new Set(QUARTIER_PALETTE).size).toBeGreaterThanOrEqual(6);
    for (const c of [...QUARTIER_PALETTE, ...Object.values(REFERENCE_GREYS)]) expect(contrast(c, '#ffffff'), c).toBeGreaterThanOrEqual(3);
    const order = ['commune', 'epci', 'departement', 'region', 'pays'] as const;
    for (let i = 1; i < order.length; i++) expect(contrast(REFERENCE_GREYS[order[i]!], '#ffffff')).toBeGreaterThan(contrast(REFERENCE_GREYS[order[i - 1]!], '#ffffff'));
  });

  it('has 4 to 6 y ticks, starting at 0 unless every value is far above it', () => {
    for (const values of [[38.4, 17.5], [1510, 140], [68, 88.5], [0.12, 0.97], [12480, 22400], [3, 7], [50, 50], [-4, 12], [999, 1001]]) {
      const { domain, ticks } = yAxis(values);
      expect(ticks.length, String(values)).toBeGreaterThanOrEqual(4);
      expect(ticks.length, String(values)).toBeLessThanOrEqual(6);
      expect(domain[0]).toBeLessThanOrEqual(Math.min(...values));
      expect(domain[1]).toBeGreaterThanOrEqual(Math.max(...values));
    }
    expect(yAxis([38.4, 17.5]).domain[0]).toBe(0);
    expect(yAxis([68, 88.5]).domain[0]).toBeGreaterThan(0);
  });

  it('spreads end labels so that none overlaps, within bounds', () => {
    const wanted = [50, 52, 51, 49, 200, 10, 11];
    const heights = [14, 28, 14, 14, 14, 42, 14];
    const placed = spreadLabels(wanted, heights, 0, 220);
    const boxes = placed.map((c, i) => [c - heights[i]! / 2, c + heights[i]! / 2] as const).sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < boxes.length; i++) expect(boxes[i]![0]).toBeGreaterThanOrEqual(boxes[i - 1]![1]);
    expect(boxes[0]![0]).toBeGreaterThanOrEqual(0);
    expect(boxes.at(-1)![1]).toBeLessThanOrEqual(220);
    expect(spreadLabels([30, 100], [14, 14], 0, 220)).toEqual([30, 100]);
  });
});

describe('renderIndicateur in print, past the quartiers a chart tells apart', () => {
  // The benchmark's medium contract: 20 quartiers in 4 communes, every indicator over all of them.
  const files = [...generateContract(BENCH_SIZES.find((s) => s.name === 'M')!)].map(([path, text]) => ({ path, size: text.length, bytes: new TextEncoder().encode(text) }));
  const contract = buildContract(files).contract!;
  const print = createContext(contract, printOptions());
  const ind = contract.indicateurs[0]!;

  it('gives the table alone, each commune followed by its quartiers, the wider territories last', () => {
    const html = renderIndicateur(ind, print, { headingLevel: 3 });
    expect(html).not.toContain('<svg');
    expect(html).toContain('class="indicateur indicateur-tableau"');
    const rows = [...html.matchAll(/<tr( class="[^"]+")?><th scope="row">([^<]+)<\/th>/g)].map((m) => `${m[1] ? m[1].slice(8, -1) : ''} ${m[2]}`.trim());
    const communeOf = new Map(contract.quartiers.map((q) => [q.nom, contract.territoires.find((t) => t.id === q.commune)!.nom]));
    let commune = '';
    for (const row of rows.slice(0, -2)) {
      if (row.startsWith('commune ')) commune = row.slice('commune '.length);
      else expect([row, communeOf.get(row.slice('dans-commune '.length))]).toEqual([row, commune]);
    }
    expect(rows.filter((r) => r.startsWith('dans-commune '))).toHaveLength(contract.quartiers.length);
    expect(rows.slice(-2)).toEqual(['Agglomération', 'France']);
    expect(html.match(/<tbody>/g)).toHaveLength(new Set(communeOf.values()).size + 1);
  });

  it('still draws the chart on the site, and in print up to twice the palette', () => {
    expect(renderIndicateur(ind, createContext(contract))).toContain('<svg');
    const few = createContext(contract, printOptions());
    few.figures = { ...few.figures, maxChartQuartiers: contract.quartiers.length };
    expect(renderIndicateur(ind, few)).toContain('<svg');
    expect(print.figures.maxChartQuartiers).toBe(2 * QUARTIER_PALETTE.length);
  });
});
