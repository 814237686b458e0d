import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readContentFiles } from '../../../src/lib/content-files.ts';
import { buildContract, type Contract } from '../../../src/lib/model/index.ts';
import { printOptions } from '../../../src/lib/print/documents.ts';
import { createContext } from '../../../src/lib/render/context.ts';
import { PALETTE, arbreSvgDocument, renderArbre, renderArbreForPilier } from '../../../src/lib/render/tree.ts';
import { FICHE_MAX_LINES, NOMINAL_WIDTH, columnWidths, layoutArbre, lineBaselines, type Box } from '../../../src/lib/render/tree-layout.ts';
import { shorten, wrapText } from '../../../src/lib/render/wrap.ts';
import { expectGolden } from '../../helpers/golden.ts';

const load = (dir: string): Contract => buildContract(readContentFiles(dir)).contract!;
const autre = load(join(import.meta.dirname, '../../fixtures/autre-contrat'));
const exemple = load(join(import.meta.dirname, '../../../content'));

/** The SVG and the text list of a rendered tree, apart. */
function parts(html: string) {
  const svg = html.slice(html.indexOf('<svg'), html.indexOf('</svg>') + 6);
  const list = html.slice(html.indexOf('<ol class="arbre-liste">'));
  return { svg, list };
}

const objectifsOf = (c: Contract) => c.piliers.flatMap((p) => p.axes.flatMap((a) => a.objectifs));

describe('renderArbre: golden files', () => {
  it('renders the whole tree of a contract without enjeux and with renamed labels', () => {
    expectGolden('tree-autre-contrat', renderArbre(autre.piliers, createContext(autre)));
  });

  it('renders one pilier of the example, with enjeux and constats', () => {
    expectGolden('tree-exemple-pilier-1', renderArbreForPilier(exemple.piliers[0]!, createContext(exemple)));
  });
});

describe('renderArbre on the site, as an image file', () => {
  it('shows the SVG file as an image with a text alternative, and keeps the linked list', () => {
    const ctx = createContext(autre, { base: '/contrat/' });
    const html = renderArbre(autre.piliers, ctx, { svgSrc: '/contrat/figures/arbre-contrat.svg' });
    expect(html).not.toContain('<svg');
    expect(html).toMatch(/<img class="arbre-img" src="\/contrat\/figures\/arbre-contrat.svg" width="\d+" height="[\d.]+" alt="Arbre des objectifs\. Lecture de gauche à droite/);
    expect(parts(html).list).toContain('<a href="/contrat/fiches/');
  });

  it('writes a standalone SVG document without links and with a font', () => {
    const doc = arbreSvgDocument(exemple.piliers, createContext(exemple));
    expect(doc.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg font-family=')).toBe(true);
    expect(doc).not.toContain('<a ');
    for (const o of objectifsOf(exemple)) expect(doc).toContain(`>${o.numero}</tspan>`);
  });
});

describe('renderArbre', () => {
  for (const [name, contract] of [['autre-contrat', autre], ['exemple', exemple]] as const) {
    it(`shows every objectif number and every fiche in both the SVG and the list (${name})`, () => {
      const { svg, list } = parts(renderArbre(contract.piliers, createContext(contract)));
      const { objectif } = contract.contrat.libelles;
      for (const o of objectifsOf(contract)) {
        expect(svg).toContain(`>${o.numero}</tspan>`);
        expect(list).toContain(`>${objectif} ${o.numero} — `);
      }
      for (const f of contract.fiches) {
        expect(svg).toContain(`>Fiche ${f.numero}</tspan>`);
        expect(list).toContain(`>Fiche ${f.numero} — `);
      }
    });
  }

  it('renders the whole example tree with its 37 objectifs', () => {
    const ctx = createContext(exemple);
    const layout = layoutArbre(exemple.piliers, ctx);
    expect(layout.boxes.filter((b) => b.kind === 'objectif')).toHaveLength(37);
    expect(layout.sections).toHaveLength(exemple.piliers.length);
    const { svg, list } = parts(renderArbre(exemple.piliers, ctx));
    expect(svg.match(/#objectif-/g)).toHaveLength(37);
    expect(list.match(/>Objectif opérationnel \d+\.\d+\.\d+ — /g)).toHaveLength(37);
    expect(svg).toContain('37 objectifs opérationnels');
  });

  it('has no Constats nor Enjeux column for a pilier without enjeux', () => {
    const { svg } = parts(renderArbre(autre.piliers, createContext(autre)));
    expect(svg).not.toContain('>Constats<');
    expect(svg).not.toContain('>Enjeux<');
    const layout = layoutArbre(autre.piliers, createContext(autre));
    for (const s of layout.sections) expect(s.headers.map((h) => h.column)).toEqual(['axe', 'objectif', 'fiche']);
    // The example has both.
    expect(parts(renderArbreForPilier(exemple.piliers[0]!, createContext(exemple))).svg).toContain('>Constats<');
  });

  it('takes the level labels from contrat.libelles', () => {
    const html = renderArbre(autre.piliers, createContext(autre));
    const { svg, list } = parts(html);
    for (const text of ['>Priorité 1 — Habiter', '>Orientations<', '>Engagements<', '>Orientation 1.1<']) expect(svg).toContain(text);
    for (const text of ['>Priorité 1 — Habiter', '>Orientation 1.1 — ', '>Engagement 1.1.1 — ']) expect(list).toContain(text);
    for (const text of ['Pilier', 'Axe stratégique', 'Objectif opérationnel', 'Axes stratégiques']) expect(html).not.toContain(text);
  });

  it('cites the constats of each enjeu whole, in the SVG as in the list', () => {
    for (const ctx of [createContext(exemple), createContext(exemple, printOptions())]) {
      const { svg, list } = parts(renderArbreForPilier(exemple.piliers[0]!, ctx));
      expect(list).toContain('Répond à\u00a0:');
      const layout = layoutArbre([exemple.piliers[0]!], ctx);
      const constats = layout.boxes.filter((b) => b.kind === 'constat');
      expect(constats).toHaveLength(exemple.piliers[0]!.enjeux.flatMap((e) => e.constats).length);
      for (const b of constats) {
        const { item, quadrant } = ctx.lookup.constat.get(b.id)!;
        expect(list).toContain(`— ${item.texte.replaceAll("'", '&#39;')}<`);
        if (ctx.figures.links) expect(svg).toContain(`#constat-${b.id}`);
        expect(b.lines[0]!.text).toBe({ atouts: 'Atout', faiblesses: 'Faiblesse', opportunites: 'Opportunité', menaces: 'Menace' }[quadrant]);
        expect(b.lines.slice(1).map((l) => l.text).join(' ')).toBe(item.texte.replace(/\s+/g, ' '));
      }
    }
  });

  for (const [name, contract] of [['autre-contrat', autre], ['exemple', exemple]] as const) {
    it(`shows each fiche's number and title, shortened at a word boundary only past ${FICHE_MAX_LINES} lines (${name})`, () => {
      const layout = layoutArbre(contract.piliers, createContext(contract));
      const fiches = layout.boxes.filter((b) => b.kind === 'fiche' && b.id);
      expect(fiches.length).toBeGreaterThanOrEqual(contract.fiches.length);
      let shortened = 0;
      for (const b of fiches) {
        const f = contract.fiches.find((f) => f.id === b.id)!;
        expect(b.lines[0]!.lead).toBe(`Fiche ${f.numero}`);
        expect(b.lines.length).toBeLessThanOrEqual(FICHE_MAX_LINES);
        const shown = b.lines.map((l) => l.text).join(' ').trim();
        expect(shown.length).toBeGreaterThan(0);
        if (shown === f.titre.replace(/\s+/g, ' ')) continue;
        shortened++;
        // Cut after a whole word, the whole title in the tooltip (and in the list under the figure).
        expect(shown.endsWith('…')).toBe(true);
        const kept = shown.slice(0, -1);
        expect(f.titre.startsWith(kept)).toBe(true);
        expect(f.titre.charAt(kept.length)).toMatch(/[\s,;:.]/);
        expect(b.tooltip).toBe(`Fiche ${f.numero} — ${f.titre}`);
      }
      expect(shortened).toBeLessThan(fiches.length / 2);
    });
  }

  it('links on the site (with the base path), not in print', () => {
    const site = renderArbre(autre.piliers, createContext(autre, { base: '/contrat/' }));
    expect(parts(site).svg).toContain('<a href="/contrat/strategie/piliers/priorite-logement/#objectif-renovation-energetique"');
    expect(parts(site).svg).toMatch(/<a href="\/contrat\/fiches\/[a-z-]+\/"/);
    expect(parts(site).list).toContain('<a href="/contrat/fiches/');
    const print = renderArbre(exemple.piliers, createContext(exemple, printOptions()));
    expect(print).not.toContain('<a ');
    expect(print).not.toContain('href=');
  });

  it('draws at a given size and leaves its list out when asked (the printed tree pages)', () => {
    const ctx = createContext(exemple, printOptions());
    const html = renderArbreForPilier(exemple.piliers[0]!, ctx, { list: false, size: { width: 700, height: 420 } });
    expect(html).not.toContain('arbre-liste');
    expect(html).toMatch(/<svg [^>]*viewBox="[^"]+" width="700" height="420" role="img"/);
    expect(html).not.toContain('width="100%"');
    expect(html).not.toContain('tabindex');
    // The same figure with its defaults: the list under the drawing, at the figure's whole width.
    const whole = renderArbreForPilier(exemple.piliers[0]!, ctx);
    expect(whole).toContain('<ol class="arbre-liste">');
    expect(whole).toContain('width="100%"');
  });

  it('takes links and scrolling from the context, unless the call says otherwise', () => {
    const site = createContext(exemple);
    expect(renderArbreForPilier(exemple.piliers[0]!, site)).toContain('tabindex="0" role="region"');
    const still = renderArbreForPilier(exemple.piliers[0]!, site, { links: false, scroll: false });
    expect(still).not.toContain('<a ');
    expect(still).not.toContain('role="region"');
  });

  it('uses no style attribute nor style element (CSP), and real text', () => {
    for (const html of [renderArbre(exemple.piliers, createContext(exemple)), renderArbre(autre.piliers, createContext(autre), { links: false, scroll: false })]) {
      expect(html).not.toMatch(/\sstyle=/);
      expect(html).not.toContain('<style');
      expect(html).not.toContain('<foreignObject');
      for (const size of html.matchAll(/font-size="([\d.]+)"/g)) expect(Number(size[1])).toBeGreaterThanOrEqual(11);
    }
  });

  it('labels the SVG by its title and desc, with ids made unique by idSuffix', () => {
    const ctx = createContext(exemple);
    const a = renderArbreForPilier(exemple.piliers[1]!, ctx, { idSuffix: 'a' });
    const b = renderArbreForPilier(exemple.piliers[1]!, ctx, { idSuffix: 'b' });
    const ids = (html: string) => [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids(a).filter((id) => ids(b).includes(id))).toEqual([]);
    const [, labelled] = a.match(/aria-labelledby="([^"]+)"/)!;
    for (const id of labelled!.split(' ')) expect(ids(a)).toContain(id);
    // With links inside, the site's inline SVG is a named group (axe: nested-interactive); in print, an image.
    expect(a).toContain('role="group"');
    expect(renderArbreForPilier(exemple.piliers[1]!, ctx, { links: false })).toContain('role="img"');
    expect(a).toMatch(/<desc[^>]*>[^<]*3 enjeux, 4 axes stratégiques, 9 objectifs opérationnels et \d+ fiches projets/);
  });

  it('is deterministic, with coordinates rounded to one decimal', () => {
    const html = renderArbre(exemple.piliers, createContext(exemple));
    expect(renderArbre(exemple.piliers, createContext(exemple))).toBe(html);
    const { svg } = parts(html);
    expect(svg).not.toMatch(/\d\.\d{2,}/);
  });

  it('keeps its text colours at 4.5:1 or more on their fills', () => {
    const fills = [PALETTE.constat.fill, PALETTE.enjeu.fill, PALETTE.axe.fill, PALETTE.objectif.fill, PALETTE.fiche.fill];
    for (const fill of fills) for (const ink of [PALETTE.ink, ...Object.values(PALETTE.kicker), PALETTE.tone.negative, PALETTE.tone.positive]) expect(contrast(ink, fill)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(PALETTE.tone.muted, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(contrast(PALETTE.header, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(contrast(PALETTE.band.text, PALETTE.band.fill)).toBeGreaterThanOrEqual(4.5);
  });
});

describe('layoutArbre', () => {
  for (const [name, contract] of [['autre-contrat', autre], ['exemple', exemple]] as const) {
    const layout = layoutArbre(contract.piliers, createContext(contract));
    const bands = layout.sections.flatMap((s) => [s.band, ...s.headers.map((h) => ({ ...h, h: h.lines.length * 16 }))]);

    it(`never lets two boxes, bands or headers overlap (${name})`, () => {
      const all: { x: number; y: number; w: number; h: number }[] = [...layout.boxes, ...bands];
      for (let i = 0; i < all.length; i++)
        for (let j = i + 1; j < all.length; j++) expect(overlaps(all[i]!, all[j]!), `${where(all[i]!)} / ${where(all[j]!)}`).toBe(false);
    });

    it(`keeps everything inside the view box, and lines inside their box (${name})`, () => {
      for (const b of layout.boxes) {
        expect(b.x).toBeGreaterThanOrEqual(0);
        expect(b.y).toBeGreaterThanOrEqual(0);
        expect(b.x + b.w).toBeLessThanOrEqual(layout.width);
        expect(b.y + b.h).toBeLessThanOrEqual(layout.height);
        const baselines = lineBaselines(b);
        expect(baselines[0]! - b.lines[0]!.size).toBeGreaterThanOrEqual(b.y);
        expect(baselines.at(-1)!).toBeLessThanOrEqual(b.y + b.h);
        // 0.55 em per character: the widest line still fits between the paddings.
        for (const l of b.lines) expect(((l.lead ? l.lead.length + 1 : 0) + l.text.length) * l.size * 0.55).toBeLessThanOrEqual(b.w - 16);
      }
    });

    it(`links parents to children edge to edge, each parent centred on its children (${name})`, () => {
      const at = (x: number, y: number, side: 'left' | 'right') =>
        layout.boxes.find((b) => (side === 'left' ? b.x : b.x + b.w) === x && b.y <= y && y <= b.y + b.h);
      const children = new Map<Box, Box[]>();
      for (const e of layout.edges) {
        const parent = at(e.from[0], e.from[1], 'right');
        const child = at(e.to[0], e.to[1], 'left');
        expect(parent && child, `edge ${e.from} → ${e.to}`).toBeTruthy();
        if (e.kind === 'axe' || e.kind === 'objectif') children.set(parent!, [...(children.get(parent!) ?? []), child!]);
      }
      expect(children.size).toBeGreaterThan(0);
      for (const [parent, kids] of children) {
        const centre = parent.y + parent.h / 2;
        expect(centre).toBeGreaterThanOrEqual(kids[0]!.y);
        expect(centre).toBeLessThanOrEqual(kids.at(-1)!.y + kids.at(-1)!.h);
      }
    });
  }

  it('gives every tree the full width, widening the columns it has', () => {
    const full = layoutArbre(exemple.piliers, createContext(exemple));
    const narrow = layoutArbre(autre.piliers, createContext(autre));
    expect(full.width).toBe(NOMINAL_WIDTH);
    expect(narrow.width).toBe(full.width);
    expect(narrow.columns).toEqual(['axe', 'objectif', 'fiche']);
    const objectif = (l: typeof full) => l.boxes.find((b) => b.kind === 'objectif')!.w;
    expect(objectif(narrow)).toBeGreaterThan(objectif(full));
  });

  it('fills a wider or narrower width when asked, the boxes within it and fewer lines when wider', () => {
    const ctx = createContext(exemple, printOptions());
    const lines = (l: ReturnType<typeof layoutArbre>) => l.boxes.reduce((n, b) => n + b.lines.length, 0);
    const nominal = layoutArbre([exemple.piliers[0]!], ctx);
    for (const width of [900, 1400]) {
      const layout = layoutArbre([exemple.piliers[0]!], ctx, { width });
      expect(layout.width).toBe(width);
      const right = Math.max(...layout.boxes.map((b) => b.x + b.w));
      expect(right).toBeLessThanOrEqual(width);
      expect(right).toBeGreaterThan(width - 20);
      expect(Math.sign(lines(nominal) - lines(layout))).toBe(width > NOMINAL_WIDTH ? 1 : -1);
    }
    const widths = columnWidths(['constat', 'enjeu', 'axe', 'objectif', 'fiche'], 1400);
    expect(Object.values(widths).reduce((s, w) => s + w, 0)).toBe(1400 - 2 * 8 - 4 * 28);
  });
});

describe('wrapText', () => {
  it('wraps greedily at word boundaries', () => {
    expect(wrapText('Prévenir le décrochage scolaire et raccrocher les jeunes', 20)).toEqual(['Prévenir le', 'décrochage scolaire', 'et raccrocher les', 'jeunes']);
    expect(wrapText('  court  ', 20)).toEqual(['court']);
    expect(wrapText('', 20)).toEqual([]);
  });

  it('cuts words longer than a line', () => {
    expect(wrapText('pluriprofessionnelle', 8)).toEqual(['pluripro', 'fessionn', 'elle']);
  });

  it('keeps French punctuation with its word and honours no-break spaces', () => {
    expect(wrapText('une spirale de dévalorisation : les ménages', 16)).toEqual(['une spirale de', 'dévalorisation :', 'les ménages']);
    expect(wrapText('aux Tilleuls – Gare', 12)).toEqual(['aux', 'Tilleuls –', 'Gare']);
    expect(wrapText('le « droit commun »', 10)).toEqual(['le « droit', 'commun »']);
    expect(wrapText('Répond à\u00a0: rien', 10)).toEqual(['Répond à\u00a0:', 'rien']);
  });

  it('shortens with an ellipsis at a word boundary', () => {
    expect(shorten('court', 90)).toBe('court');
    const long = 'Un décrochage scolaire précoce, dès le collège, et une forte proportion de jeunes sortis du système sans diplôme';
    const s = shorten(long, 60);
    expect(s.length).toBeLessThanOrEqual(60);
    expect(s).toBe('Un décrochage scolaire précoce, dès le collège, et une…');
  });
});

function overlaps(a: { x: number; y: number; w: number; h: number }, b: { x: number; y: number; w: number; h: number }): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

function where(b: { x: number; y: number } & Partial<Pick<Box, 'kind' | 'id'>>): string {
  return `${b.kind ?? 'band'}:${b.id ?? ''}@${b.x},${b.y}`;
}

function contrast(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}
