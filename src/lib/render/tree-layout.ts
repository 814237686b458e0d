/**
 * Geometry of the causal tree (`::arbre`): one section per pilier, columns
 * left to right constats → enjeux → axes → objectifs → fiches. Every leaf
 * objectif gets a row tall enough for its wrapped label and its fiches; each
 * parent is centred on its children, inside a block that no sibling enters,
 * so boxes of one column can never overlap. Pure data, rendered by tree.ts.
 */
import { hierarchy, type HierarchyNode } from 'd3-hierarchy';
import { fr } from '../../i18n/fr.ts';
import type { Pilier } from '../model/index.ts';
import type { AfomQuadrant } from '../model/schemas/afom.ts';
import { pluralize } from '../plural.ts';
import { fichesOf, pilierSections } from '../queries/index.ts';
import type { RenderContext } from './context.ts';
import { charsPerLine, shorten, wrapText } from './wrap.ts';

export type Column = 'constat' | 'enjeu' | 'axe' | 'objectif' | 'fiche';
export const COLUMNS: readonly Column[] = ['constat', 'enjeu', 'axe', 'objectif', 'fiche'];
export const COLUMN_WIDTH: Record<Column, number> = { constat: 190, enjeu: 170, axe: 170, objectif: 230, fiche: 170 };
export const GUTTER = 28;
export const MARGIN = 8;
export const FONT = { body: 12, small: 11, header: 12, band: 14 } as const;
export const LINE_HEIGHT = 1.3;
export const PAD = { x: 8, y: 6 } as const;
/** A fiche shows its number and its title on at most this many lines, the title shortened beyond (whole in the list). */
export const FICHE_MAX_LINES = 3;
/**
 * Glyph widths for wrapping, unless the context knows its font: a little
 * above the 0.55 em average so that wide fallback faces (DejaVu Sans,
 * measured) still fit; bold runs wider still.
 */
const GLYPHS = { regular: 0.57, bold: 0.62 };
const GAP = { pilier: 0, enjeu: 20, axe: 12, objectif: 8 } as const;
const STACK_GAP = { constat: 6, fiche: 4 } as const;
const SECTION_GAP = 28;

export interface TextLine {
  text: string;
  size: number;
  bold?: boolean;
  /** Bold words drawn before `text` on the same line (an objectif's number). */
  lead?: string;
  tone?: 'negative' | 'positive' | 'muted';
}

export interface Box {
  kind: Column;
  /** Entity id; '' for the "no fiche" placeholder. */
  id: string;
  x: number; y: number; w: number; h: number;
  lines: TextLine[];
  /** Full text when the label is shortened or partial (SVG <title>). */
  tooltip?: string;
  align?: 'middle';
  quadrant?: AfomQuadrant;
}

/** From the right edge of a parent (or a constat) to the left edge of a child (or its enjeu). */
export interface Edge { kind: Column; from: [number, number]; to: [number, number] }

export interface Section {
  pilier: Pilier;
  band: { x: number; y: number; w: number; h: number; lines: string[] };
  headers: { column: Column; x: number; y: number; w: number; lines: string[] }[];
}

export interface ArbreLayout {
  width: number;
  height: number;
  columns: Column[];
  sections: Section[];
  boxes: Box[];
  edges: Edge[];
}

type Level = 'pilier' | 'enjeu' | 'axe' | 'objectif';
interface TreeNode {
  level: Level;
  box: Box | undefined;
  /** Constats beside an enjeu, fiches beside an objectif. */
  side: Box[];
  children: TreeNode[];
  /** Height reserved for the node and its descendants, its top, and the centre of its box. */
  block: number; top: number; cy: number;
}

const r1 = (n: number) => Math.round(n * 10) / 10;
const stackHeight = (boxes: readonly Box[], gap: number) => boxes.reduce((s, b, i) => s + b.h + (i ? gap : 0), 0);

export function boxHeight(lines: readonly TextLine[]): number {
  return PAD.y * 2 + lines.reduce((s, l) => s + l.size * LINE_HEIGHT, 0);
}

/** Baseline of each line of a box, top to bottom, the lines centred vertically in the box. */
export function lineBaselines(box: Pick<Box, 'y' | 'h' | 'lines'>): number[] {
  let y = box.y + (box.h - boxHeight(box.lines)) / 2 + PAD.y;
  return box.lines.map((l) => {
    const baseline = y + l.size;
    y += l.size * LINE_HEIGHT;
    return r1(baseline);
  });
}

export function columnHeader(column: Column, ctx: RenderContext): string {
  const l = ctx.contract.contrat.libelles;
  return column === 'constat' ? 'Constats' : column === 'fiche' ? fr.fichesProjets : pluralize(l[column]);
}

/** The columns a pilier shows: constats and enjeux only where it has some. */
function columnsOf(p: Pilier, ctx: RenderContext): Column[] {
  const constats = p.enjeux.some((e) => e.constats.some((id) => ctx.lookup.constat.has(id)));
  return COLUMNS.filter((c) => (c === 'constat' ? constats : c === 'enjeu' ? p.enjeux.length > 0 : true));
}

/** How the columns share width beyond their nominal one: the long texts (constats, objectifs, fiche titles) take most. */
const WIDEN: Record<Column, number> = { constat: 1.25, enjeu: 0.75, axe: 0.75, objectif: 1.25, fiche: 1 };
const spanOf = (cs: readonly Column[]) => cs.reduce((s, c) => s + COLUMN_WIDTH[c], 0) + GUTTER * (cs.length - 1);
/** The default drawing width: every column at its nominal width. */
export const NOMINAL_WIDTH = spanOf(COLUMNS) + 2 * MARGIN;

/**
 * Column widths filling `width` (the drawing's, margins included): the
 * nominal ones, widened when columns are missing or the drawing is wider,
 * narrowed when it is narrower.
 * Drawn at width="100%", all trees of a page then share one scale: a tree
 * without enjeux gets roomier boxes, not bigger type.
 */
export function columnWidths(columns: readonly Column[], width = NOMINAL_WIDTH): Record<Column, number> {
  const extra = width - 2 * MARGIN - spanOf(columns);
  const weight = columns.reduce((s, c) => s + WIDEN[c], 0);
  const widths = { ...COLUMN_WIDTH };
  for (const c of columns) widths[c] += Math.floor((extra * WIDEN[c]) / weight);
  widths.objectif += extra - columns.reduce((s, c) => s + widths[c] - COLUMN_WIDTH[c], 0);
  return widths;
}

export interface LayoutOptions {
  /** The drawing's width (default NOMINAL_WIDTH); print pages widen it to fill the paper at their scale. */
  width?: number;
}

export function layoutArbre(piliers: readonly Pilier[], ctx: RenderContext, options: LayoutOptions = {}): ArbreLayout {
  const libelles = ctx.contract.contrat.libelles;
  const columns = COLUMNS.filter((c) => piliers.some((p) => columnsOf(p, ctx).includes(c)) || c === 'axe' || c === 'objectif' || c === 'fiche');
  const W = columnWidths(columns, options.width);
  const { regular: TEXT_EM, bold: BOLD_EM } = ctx.figures.glyphs ?? GLYPHS;

  const textWidth = (c: Column) => W[c] - 2 * PAD.x;
  const kicker = (text: string, c: Column): TextLine[] =>
    wrapText(text, charsPerLine(textWidth(c), FONT.small, BOLD_EM)).map((t) => ({ text: t, size: FONT.small, bold: true }));
  const body = (text: string, c: Column, size: number): TextLine[] => wrapText(text, charsPerLine(textWidth(c), size, TEXT_EM)).map((t) => ({ text: t, size }));
  const box = (kind: Column, id: string, lines: TextLine[], extra: Partial<Box> = {}): Box => ({ kind, id, x: 0, y: 0, w: W[kind], h: boxHeight(lines), lines, ...extra });
  const node = (level: Level, b: Box | undefined, side: Box[], children: TreeNode[]): TreeNode => ({ level, box: b, side, children, block: 0, top: 0, cy: 0 });

  /** `lead` in bold, then `text`, wrapped together; `text` shortened at a word boundary to keep within `maxLines`. */
  const withLead = (lead: string, text: string, c: Column, size: number, maxLines = Infinity) => {
    const wrap = (t: string) => body(`${lead.replaceAll(' ', '\u00a0')} ${t}`, c, size);
    let shown = text;
    let lines = wrap(text);
    for (let n = text.length - 1; lines.length > maxLines && n > 1; n--) lines = wrap((shown = shorten(text, n)));
    const [first, ...rest] = lines;
    return { lines: [{ size, lead, text: first!.text.slice(lead.length).trimStart() }, ...rest], shortened: shown !== text };
  };

  const constatBoxes = (ids: readonly string[]): Box[] =>
    ids.flatMap((id) => {
      const c = ctx.lookup.constat.get(id);
      if (!c) return [];
      const quadrant = c.quadrant as AfomQuadrant;
      const tone = quadrant === 'faiblesses' || quadrant === 'menaces' ? 'negative' : 'positive';
      // Whole, never cut: a constat is the reason for the enjeu.
      const lines = [...kicker(fr.afomQuadrantOne[quadrant], 'constat').map((l) => ({ ...l, tone }) as TextLine), ...body(c.item.texte, 'constat', FONT.small)];
      return [box('constat', id, lines, { quadrant })];
    });
  const ficheBoxes = (objectifId: string): Box[] => {
    const fiches = fichesOf(ctx.contract, { objectif: objectifId });
    if (!fiches.length) return [{ ...box('fiche', '', [{ text: 'Aucune fiche', size: FONT.small, tone: 'muted' }]), align: 'middle' }];
    return fiches.map((f) => {
      const { lines, shortened } = withLead(`${fr.fiche} ${f.numero}`, f.titre, 'fiche', FONT.small, FICHE_MAX_LINES);
      return box('fiche', f.id, lines, shortened ? { tooltip: `${fr.fiche} ${f.numero} — ${f.titre}` } : {});
    });
  };
  const axeNode = (a: Pilier['axes'][number]) =>
    node('axe', box('axe', a.id, [...kicker(`${libelles.axe} ${a.numero}`, 'axe'), ...body(a.titre, 'axe', FONT.body)]), [], a.objectifs.map((o) =>
      node('objectif', box('objectif', o.id, withLead(o.numero, o.titre, 'objectif', FONT.body).lines), ficheBoxes(o.id), []),
    ));

  const trees = piliers.map((p) => {
    const children = pilierSections(p).flatMap(({ enjeu: e, axes }) =>
      e ? [node('enjeu', box('enjeu', e.id, [...kicker(`${libelles.enjeu} ${e.numero}`, 'enjeu'), ...body(e.titre, 'enjeu', FONT.body)]), constatBoxes(e.constats), axes.map(axeNode))] : axes.map(axeNode),
    );
    return { pilier: p, root: hierarchy(node('pilier', undefined, [], children), (d) => d.children) };
  });

  const x = {} as Record<Column, number>;
  let right = MARGIN;
  for (const c of columns) {
    x[c] = right;
    right += W[c] + GUTTER;
  }
  const width = right - GUTTER + MARGIN;

  const boxes: Box[] = [];
  const edges: Edge[] = [];
  const sections: Section[] = [];
  let y = MARGIN;
  for (const { pilier, root } of trees) {
    const bandLines = wrapText(`${libelles.pilier} ${pilier.numero} — ${pilier.titre}`, charsPerLine(width - 2 * MARGIN - 2 * PAD.x - 4, FONT.band, BOLD_EM));
    const band = { x: MARGIN, y, w: width - 2 * MARGIN, h: PAD.y * 2 + 4 + bandLines.length * FONT.band * LINE_HEIGHT, lines: bandLines };
    const headerTop = r1(band.y + band.h + 8);
    const headers = columnsOf(pilier, ctx).map((c) => ({ column: c, x: x[c], y: headerTop, w: W[c], lines: wrapText(columnHeader(c, ctx), charsPerLine(W[c], FONT.header, BOLD_EM)) }));
    const headerHeight = Math.max(...headers.map((h) => h.lines.length)) * FONT.header * LINE_HEIGHT;

    root.data.top = r1(headerTop + headerHeight + 6);
    place(root, x);
    emit(root, boxes, edges);
    sections.push({ pilier, band: { ...band, h: r1(band.h) }, headers });
    y = r1(root.data.top + root.data.block + SECTION_GAP);
  }
  return { width, height: r1(y - SECTION_GAP + MARGIN), columns, sections, boxes, edges };
}

const sideGap = (level: Level) => (level === 'enjeu' ? STACK_GAP.constat : STACK_GAP.fiche);

/** Block heights bottom-up, block tops top-down, then box centres bottom-up (a parent on its children). */
function place(root: HierarchyNode<TreeNode>, x: Record<Column, number>): void {
  root.eachAfter(({ data: d, children = [] }) => {
    const own = Math.max(d.box?.h ?? 0, stackHeight(d.side, sideGap(d.level)));
    d.block = Math.max(own, children.reduce((s, c) => s + c.data.block, 0)) + GAP[d.level];
  });
  root.eachBefore(({ data: d, children = [] }) => {
    let top = d.top + (d.block - children.reduce((s, c) => s + c.data.block, 0)) / 2;
    for (const c of children) {
      c.data.top = top;
      top += c.data.block;
    }
  });
  root.eachAfter(({ data: d, children }) => {
    const half = GAP[d.level] / 2;
    // Within its own block, so that no box can reach into a sibling's.
    const clamp = (v: number, h: number) => Math.min(Math.max(v, d.top + half + h / 2), d.top + d.block - half - h / 2);
    const first = children?.[0]?.data;
    const last = children?.at(-1)?.data;
    const centre = first?.box && last?.box ? (first.cy - first.box.h / 2 + last.cy + last.box.h / 2) / 2 : d.top + d.block / 2;
    d.cy = clamp(centre, d.box?.h ?? 0);
    if (!d.box) return;
    Object.assign(d.box, { x: x[d.box.kind], y: r1(d.cy - d.box.h / 2), h: r1(d.box.h) });
    const stack = stackHeight(d.side, sideGap(d.level));
    let sy = clamp(d.cy, stack) - stack / 2;
    for (const s of d.side) {
      Object.assign(s, { x: x[s.kind], y: r1(sy), h: r1(s.h) });
      sy += s.h + sideGap(d.level);
    }
  });
}

/** Boxes and edges in tree order, so that the SVG (and the PDF's text) reads top-down. */
function emit(root: HierarchyNode<TreeNode>, boxes: Box[], edges: Edge[]): void {
  const right = (b: Box, y: number): [number, number] => [b.x + b.w, r1(y)];
  const left = (b: Box, y: number): [number, number] => [b.x, r1(y)];
  root.eachBefore(({ data: d, children = [] }) => {
    if (!d.box) return;
    const b = d.box;
    for (const s of d.side.filter((s) => s.kind === 'constat')) {
      boxes.push(s);
      edges.push({ kind: 'constat', from: right(s, s.y + s.h / 2), to: left(b, d.cy) });
    }
    boxes.push(b);
    for (const s of d.side.filter((s) => s.kind === 'fiche')) {
      boxes.push(s);
      if (s.id) edges.push({ kind: 'fiche', from: right(b, d.cy), to: left(s, s.y + s.h / 2) });
    }
    for (const c of children) if (c.data.box) edges.push({ kind: c.data.box.kind, from: right(b, d.cy), to: left(c.data.box, c.data.cy) });
  });
}
