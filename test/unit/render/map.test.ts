import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readContentFiles } from '../../../src/lib/content-files.ts';
import { buildContract, type Contract, type Position, type Quartier } from '../../../src/lib/model/index.ts';
import { printOptions } from '../../../src/lib/print/documents.ts';
import { createContext } from '../../../src/lib/render/context.ts';
import { renderCarte } from '../../../src/lib/render/map.ts';
import { expectGolden } from '../../helpers/golden.ts';

function load(dir: string): Contract {
  const result = buildContract(readContentFiles(dir));
  if (!result.contract) throw new Error(`contrat invalide : ${dir}`);
  return result.contract;
}

const example = load(join(import.meta.dirname, '../../../content'));
const autre = load(join(import.meta.dirname, '../../fixtures/autre-contrat'));

/** One tag per line, so that a golden diff points at the element that changed. */
const lines = (html: string) => html.replaceAll('><', '>\n<');

function viewBox(html: string): { width: number; height: number } {
  const m = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(html);
  if (!m) throw new Error('pas de viewBox');
  return { width: Number(m[1]), height: Number(m[2]) };
}

interface DrawnPath {
  points: [number, number][];
  subpaths: number;
  attributes: string;
}

function paths(html: string): DrawnPath[] {
  return [...html.matchAll(/<path d="([^"]+)"([^>]*)>/g)].map(([, d, attributes]) => {
    const numbers = d!.match(/-?\d+(?:\.\d+)?(?:e-?\d+)?/g)!.map(Number);
    const points: [number, number][] = [];
    for (let i = 0; i < numbers.length; i += 2) points.push([numbers[i]!, numbers[i + 1]!]);
    return { points, subpaths: d!.split('M').length - 1, attributes: attributes! };
  });
}

function quartier(id: string, rings: Position[][], extra: Partial<Quartier> = {}): Quartier {
  return {
    ...example.quartiers[0]!,
    id,
    nom: id,
    categorie: 'prioritaire',
    contour: [{ type: 'Polygon', coordinates: rings }],
    ...extra,
  };
}

const square: Position[] = [
  [3.08, 45.78],
  [3.09, 45.78],
  [3.09, 45.79],
  [3.08, 45.79],
  [3.08, 45.78],
];

describe('renderCarte', () => {
  it('draws the example contract (golden)', () => {
    expectGolden('map-content', lines(renderCarte(example.quartiers, createContext(example))));
  });

  it('draws the other contract, with a MultiPolygon and a quartier without outline (golden)', () => {
    expectGolden('map-autre-contrat', lines(renderCarte(autre.quartiers, createContext(autre))));
  });

  it('focuses on one quartier (golden, print)', () => {
    const html = renderCarte(example.quartiers, createContext(example), { focus: 'saint-jacques', links: false });
    expectGolden('map-focus-saint-jacques', lines(html));
    expect(html).toContain('<figcaption>Localisation de Saint-Jacques</figcaption>');
    // The legend's own numbering is the markers' numbering: the focus first.
    expect(html).toMatch(/<ol class="carte-legende"><li class="carte-prioritaire"><svg [^]*?<\/svg> Saint-Jacques \(Clermont-Ferrand\)/);
    expect(html).toContain('role="img"');
  });

  it.each([
    ['content', example],
    ['autre-contrat', autre],
  ])('draws every outline of %s whole and inside the viewBox, whatever the winding of the files', (_name, contract) => {
    for (const focus of [undefined, ...contract.quartiers.filter((q) => q.contour).map((q) => q.id)]) {
      const html = renderCarte(contract.quartiers, createContext(contract), focus ? { focus } : {});
      const { width, height } = viewBox(html);
      const drawn = paths(html);
      for (const [x, y] of drawn.flatMap((p) => p.points)) {
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(width);
        expect(y).toBeGreaterThanOrEqual(0);
        expect(y).toBeLessThanOrEqual(height);
      }
      // The outlines the map is fitted to are drawn whole, vertex for vertex. Drawn with the
      // wrong winding, an outline is the rest of the globe: a speck plus the frame's edges.
      const fitted = drawn.filter((p) => p.attributes.includes('stroke-linejoin') && (!focus || p.attributes.includes('stroke-width="2.5"')));
      const sources = focus ? contract.quartiers.filter((q) => q.id === focus) : contract.quartiers.filter((q) => q.contour);
      expect(fitted.map((p) => [p.subpaths, p.points.length])).toEqual(
        sources.map((q) => {
          const rings = q.contour!.flatMap((g) => (g.type === 'Polygon' ? g.coordinates : g.coordinates.flat()));
          return [rings.length, rings.reduce((n, ring) => n + ring.length - 1, 0)];
        }),
      );
      const xs = fitted.flatMap((p) => p.points.map(([x]) => x));
      expect(Math.max(...xs) - Math.min(...xs)).toBeGreaterThan(width / 4);
    }
  });

  it('draws clockwise and counter-clockwise rings the same', () => {
    const ctx = createContext(example);
    const cw = renderCarte([quartier('q', [[...square].reverse()])], ctx);
    const ccw = renderCarte([quartier('q', [square])], ctx);
    expect(cw).toBe(ccw);
    expect(/<path d="([^"]+)"/.exec(cw)![1]).toMatch(/^M[\d.]+,[\d.]+(L[\d.]+,[\d.]+){3}Z$/);
  });

  it('keeps holes as holes, whichever way their rings turn', () => {
    const hole: Position[] = [
      [3.083, 45.783],
      [3.087, 45.783],
      [3.087, 45.787],
      [3.083, 45.787],
      [3.083, 45.783],
    ];
    const ctx = createContext(example);
    const a = renderCarte([quartier('q', [square, hole])], ctx);
    const b = renderCarte([quartier('q', [[...square].reverse(), [...hole].reverse()])], ctx);
    const c = renderCarte([quartier('q', [square, [...hole].reverse()])], ctx);
    expect(b).toBe(a);
    expect(c).toBe(a);
    expect(/<path d="([^"]+)"/.exec(a)![1]!.match(/M/g)).toHaveLength(2);
  });

  it('lists a quartier without outline in the legend', () => {
    const html = renderCarte(autre.quartiers, createContext(autre));
    expect(html).toMatch(
      /<ul class="carte-legende-sans-contour"><li class="carte-veille"><a [^>]+>Le Clos Fleuri<\/a> \(Brévennes-sur-Loirac\), <span class="carte-categorie">quartier de veille active<\/span> — <span class="carte-sans-contour">contour non disponible<\/span><\/li><\/ul>/,
    );
    expect(html).toContain('Sans contour : Le Clos Fleuri (Brévennes-sur-Loirac).');
    expect(html.match(/<ol class="carte-legende">.*?<\/ol>/)![0].match(/<li /g)).toHaveLength(2);
  });

  it('numbers every part of a MultiPolygon, so that each reads as its quartier', () => {
    const html = renderCarte(autre.quartiers, createContext(autre), { links: false });
    const numbers = [...html.matchAll(/<circle [^>]+\/><text [^>]+>(\d+)<\/text>/g)].map((m) => m[1]);
    expect(numbers).toEqual(['1', '2', '2']);
  });

  it('treats a degenerate outline as missing', () => {
    const flat: Position[] = [
      [3.08, 45.78],
      [3.09, 45.78],
      [3.1, 45.78],
      [3.08, 45.78],
    ];
    const ctx = createContext(example, printOptions());
    const html = renderCarte([quartier('plat', [flat]), quartier('carre', [square])], ctx);
    expect(html).toContain('<li class="carte-prioritaire">plat (Clermont-Ferrand), <span class="carte-categorie">quartier prioritaire</span> — <span class="carte-sans-contour">contour non disponible</span></li>');
    expect(html.match(/<circle /g)).toHaveLength(1);
    expect(renderCarte([quartier('plat', [flat])], ctx)).toContain('Aucun contour de quartier');
    expect(renderCarte([quartier('plat', [flat]), quartier('carre', [square])], ctx, { focus: 'plat' })).toContain('Aucun contour de quartier');
  });

  it('renders only the legend when no quartier has an outline', () => {
    const bare = example.quartiers.map(({ contour: _, ...q }) => q);
    const html = renderCarte(bare, createContext(example));
    expect(html).not.toContain('<svg xmlns');
    expect(html).toContain('Aucun contour de quartier n’est disponible');
    expect(html.match(/<li /g)).toHaveLength(bare.length);
    expect(html.match(/contour non disponible/g)).toHaveLength(bare.length);
  });

  it('links outlines and legend entries when asked (the site), not in print', () => {
    const site = renderCarte(example.quartiers, createContext(example, { base: '/cv/' }));
    const print = renderCarte(example.quartiers, createContext(example, printOptions()));
    const drawn = example.quartiers.filter((q) => q.contour).length;
    // Outline, marker and legend entry for each drawn quartier; legend only for the others.
    expect(site.match(/<a href="\/cv\/quartiers\/[^"]+\/"/g)).toHaveLength(3 * drawn + (example.quartiers.length - drawn));
    expect(print).not.toContain('<a ');
    expect(print).not.toContain('href');
    // Links inside role="img" would be hidden from assistive technologies (axe: nested-interactive).
    expect(site).toContain('role="group"');
    expect(print).toContain('role="img"');
  });

  it('uses attributes only, readable text and stable ids', () => {
    const html = renderCarte(example.quartiers, createContext(example), { focus: 'saint-jacques', idSuffix: '2' });
    expect(html).not.toMatch(/style[=>]/);
    for (const [, size] of html.matchAll(/font-size="([\d.]+)"/g)) expect(Number(size)).toBeGreaterThanOrEqual(11);
    expect(html).toContain('aria-labelledby="carte-saint-jacques-2-titre carte-saint-jacques-2-desc"');
    expect(html).toContain('<title id="carte-saint-jacques-2-titre">Localisation de Saint-Jacques</title>');
    expect(html).toMatch(/<desc id="carte-saint-jacques-2-desc">Contour de Saint-Jacques \(Clermont-Ferrand\)/);
    expect(html).toMatch(/<text [^>]*>\d[\d ,]*\u00a0(m|km)<\/text>/);
    expect(renderCarte(example.quartiers, createContext(example))).toBe(renderCarte(example.quartiers, createContext(example)));
  });

  it('names a quartier with an article as French does: « Localisation des Vignes », « du Patural »', () => {
    const ctx = createContext(example, printOptions());
    const names: [string, string][] = [
      ['Les Vignes', 'des Vignes'],
      ['Le Patural-Les Pègues', 'du Patural-Les Pègues'],
      ['La Gauthière', 'de La Gauthière'],
      ['L’Oradou', 'de L’Oradou'],
      ['Saint-Jacques', 'de Saint-Jacques'],
    ];
    for (const [nom, written] of names) {
      const html = renderCarte([quartier('q', [square], { nom })], ctx, { focus: 'q' });
      expect(html).toContain(`<figcaption>Localisation ${written}</figcaption>`);
      expect(html).toContain(`>Contour ${written} (`);
    }
  });

  it('marks the category by more than colour', () => {
    const html = renderCarte(example.quartiers, createContext(example));
    expect(html).toMatch(/<path d="[^"]+" fill="#f2d49b" stroke="#7a4f00" stroke-dasharray="5 3"/);
    expect(html).toContain('quartier de veille active');
    expect(html).toContain('quartier prioritaire');
  });

  it('refuses an unknown focus', () => {
    expect(() => renderCarte(example.quartiers, createContext(example), { focus: 'nulle-part' })).toThrow(/nulle-part/);
  });
});
