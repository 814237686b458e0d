/**
 * The causal tree (`::arbre`): why each objective exists (the AFOM constats
 * an enjeu answers) and how it is carried out (the fiches), as an SVG drawn
 * at build time, followed by the same tree as nested lists, which is what
 * screen readers and small screens use. Geometry lives in tree-layout.ts.
 */
import { linkHorizontal } from 'd3-shape';
import { fr } from '../../i18n/fr.ts';
import type { Axe, Objectif, Pilier, RefTarget } from '../model/index.ts';
import { pluralize } from '../plural.ts';
import type { RenderContext } from './context.ts';
import { attrs, domId, esc } from './html.ts';
import { entityLabel, fichesOf, labelText, objectifsOf, pilierSections } from '../queries/index.ts';
import { FONT, LINE_HEIGHT, PAD, layoutArbre, lineBaselines, type ArbreLayout, type Box, type Column, type TextLine } from './tree-layout.ts';

const TEXT = {
  titre: 'Arbre des objectifs',
  lecture: 'Lecture de gauche à droite',
  repondA: 'Répond à\u00a0:',
  suite: 'La liste qui suit en donne le détail.',
  constats: 'constats',
  ficheProjet: 'fiche projet',
} as const;

/** Light fills, dark text: every text colour is at least 4.5:1 on its fill (tested). */
export const PALETTE = {
  ink: '#1d2330',
  band: { fill: '#1f4e8c', text: '#ffffff' },
  header: '#4b5363',
  link: '#8a94a6',
  constat: { fill: '#fdf1ee', stroke: '#e0b0a2' },
  enjeu: { fill: '#fff4d6', stroke: '#d4ac3f' },
  axe: { fill: '#e4edf9', stroke: '#8fb0dc' },
  objectif: { fill: '#e6f4ea', stroke: '#86c39a' },
  fiche: { fill: '#ffffff', stroke: '#1f4e8c' },
  tone: { negative: '#9a2a10', positive: '#1c6631', muted: '#5b6270' },
  kicker: { constat: '#1d2330', enjeu: '#5e4500', axe: '#1f4e8c', objectif: '#14532d', fiche: '#1f4e8c' } satisfies Record<Column, string>,
} as const;

export interface ArbreOptions {
  /** Appended to the SVG's title and desc ids when one page shows the same tree twice. */
  idSuffix?: string;
  /**
   * On the site, the tree is a separate SVG file shown as an image (see
   * arbreSvgDocument): a whole contract's tree weighs ~80 KB, is shared by
   * several pages and is cached once. The list under it carries the links.
   */
  svgSrc?: string;
  /** Boxes and list entries link to the entities' pages; by default, as the context's figures. */
  links?: boolean;
  /** The drawing scrolls sideways in a focusable region; by default, as the context's figures. */
  scroll?: boolean;
  /** The list under the drawing (default true): a page that gives the list elsewhere leaves it out. */
  list?: boolean;
  /** The drawing's size in CSS pixels, instead of the figure's whole width (print pages scale it to the paper). */
  size?: { width: number; height: number };
  /** The layout's width in drawing units, wider than the nominal one to fill a page at a given scale (see LayoutOptions). */
  width?: number;
}

export function renderArbre(piliers: readonly Pilier[], ctx: RenderContext, options: ArbreOptions = {}): string {
  const layout = layoutArbre(piliers, ctx, options.width ? { width: options.width } : {});
  const whole = piliers.length === ctx.contract.piliers.length;
  const base = domId('arbre', ...(whole ? ['contrat'] : piliers.map((p) => p.id)), ...(options.idSuffix ? [options.idSuffix] : []));
  const links = options.links ?? ctx.figures.links;
  const media = options.svgSrc
    ? `<img${attrs({ class: 'arbre-img', src: options.svgSrc, width: layout.width, height: layout.height, alt: `${titleOf(piliers, ctx)}. ${describe(piliers, ctx)}` })}>`
    : renderSvg(layout, piliers, ctx, { titleId: `${base}-titre`, descId: `${base}-desc`, links, ...(options.size ? { size: options.size } : {}) });
  // Focusable so keyboard users can scroll the wide tree sideways on small screens.
  const scroll = (options.scroll ?? ctx.figures.scroll) ? ` tabindex="0" role="region" aria-label="${esc(titleOf(piliers, ctx))} (défilement horizontal)"` : '';
  const open = options.svgSrc ? `\n<p class="arbre-ouvrir"><a href="${esc(options.svgSrc)}">Ouvrir l’arbre en grand (image SVG)</a></p>` : '';
  const list = options.list === false ? '' : renderList(piliers, ctx, links);
  return `<figure class="arbre">\n<div class="arbre-scroll"${scroll}>${media}</div>${open}\n${list}\n</figure>`;
}

/** The tree as a standalone SVG file (no links: an image cannot follow them). */
export function arbreSvgDocument(piliers: readonly Pilier[], ctx: RenderContext): string {
  const svg = renderSvg(layoutArbre(piliers, ctx), piliers, ctx, { titleId: 'arbre-titre', descId: 'arbre-desc', links: false });
  return `<?xml version="1.0" encoding="UTF-8"?>\n${svg.replace('<svg ', `<svg font-family="'Source Sans 3', 'DejaVu Sans', Arial, sans-serif" `)}\n`;
}

function titleOf(piliers: readonly Pilier[], ctx: RenderContext): string {
  const l = ctx.contract.contrat.libelles;
  return piliers.length === 1 ? `${TEXT.titre} — ${l.pilier} ${piliers[0]!.numero}, ${piliers[0]!.titre}` : TEXT.titre;
}

export function renderArbreForPilier(pilier: Pilier, ctx: RenderContext, options: ArbreOptions = {}): string {
  return renderArbre([pilier], ctx, options);
}

interface SvgOptions {
  titleId: string;
  descId: string;
  links: boolean;
  size?: { width: number; height: number };
}

function renderSvg(layout: ArbreLayout, piliers: readonly Pilier[], ctx: RenderContext, { titleId, descId, links, size }: SvgOptions): string {
  const title = titleOf(piliers, ctx);
  const link = linkHorizontal<{ from: [number, number]; to: [number, number] }, [number, number]>()
    .source((e) => e.from)
    .target((e) => e.to)
    .digits(1);
  const edges = layout.edges.map((e) => `<path d="${link(e)}"/>`).join('');
  const sections = layout.sections.map(({ band, headers }) => {
    const bandText = band.lines.map((t, i) => `<tspan${attrs({ x: band.x + PAD.x + 4, y: round(band.y + PAD.y + 2 + FONT.band + i * FONT.band * LINE_HEIGHT) })}>${esc(t)}</tspan>`).join('');
    const head = headers
      .map((h) => h.lines.map((t, i) => `<text${attrs({ x: h.x, y: round(h.y + FONT.header + i * FONT.header * LINE_HEIGHT), 'font-size': FONT.header, 'font-weight': 700, fill: PALETTE.header })}>${esc(t)}</text>`).join(''))
      .join('');
    return `<rect${attrs({ x: band.x, y: band.y, width: band.w, height: band.h, rx: 4, fill: PALETTE.band.fill })}/><text${attrs({ 'font-size': FONT.band, 'font-weight': 700, fill: PALETTE.band.text })}>${bandText}</text>${head}`;
  });
  return `<svg${attrs({ xmlns: 'http://www.w3.org/2000/svg', class: 'arbre-svg', viewBox: `0 0 ${layout.width} ${layout.height}`, ...(size ?? { width: '100%' }), role: links ? 'group' : 'img', 'aria-labelledby': `${titleId} ${descId}` })}>
<title id="${esc(titleId)}">${esc(title)}</title>
<desc id="${esc(descId)}">${esc(describe(piliers, ctx))}</desc>
<g${attrs({ fill: 'none', stroke: PALETTE.link, 'stroke-width': 1.2 })}>${edges}</g>
${sections.join('\n')}
${layout.boxes.map((b) => renderBox(b, ctx, links)).join('\n')}
</svg>`;
}

function renderBox(b: Box, ctx: RenderContext, links: boolean): string {
  const colours = PALETTE[b.kind];
  const placeholder = !b.id;
  const rect = placeholder
    ? ''
    : `<rect${attrs({ x: b.x, y: b.y, width: b.w, height: b.h, rx: b.kind === 'fiche' ? 11 : 6, fill: colours.fill, stroke: colours.stroke })}/>`;
  const x = b.align === 'middle' ? round(b.x + b.w / 2) : b.x + PAD.x;
  const baselines = lineBaselines(b);
  const lines = b.lines.map((line, i) => tspan(line, x, baselines[i]!, b.kind)).join('');
  const text = `<text${attrs({ 'text-anchor': b.align === 'middle' ? 'middle' : undefined, fill: PALETTE.ink })}>${lines}</text>`;
  const tooltip = b.tooltip ? `<title>${esc(b.tooltip)}</title>` : '';
  const inner = `${tooltip}${rect}${text}`;
  if (!links || placeholder) return `<g>${inner}</g>`;
  // Out of the tab order: the list under the figure holds the same links for keyboards and screen readers.
  return `<a${attrs({ href: ctx.href({ kind: b.kind, id: b.id }), tabindex: -1 })}>${inner}</a>`;
}

function tspan(line: TextLine, x: number, y: number, kind: Column): string {
  const fill = line.tone ? PALETTE.tone[line.tone] : line.bold ? PALETTE.kicker[kind] : undefined;
  const lead = line.lead ? `<tspan${attrs({ 'font-weight': 700, fill: PALETTE.kicker[kind] })}>${esc(line.lead)}</tspan>${line.text ? ' ' : ''}` : '';
  return `<tspan${attrs({ x, y, 'font-size': line.size, 'font-weight': line.bold ? 700 : undefined, fill })}>${lead}${esc(line.text)}</tspan>`;
}

/** "Le schéma montre 3 enjeux, 6 axes stratégiques, 14 objectifs opérationnels et 16 fiches projets." */
function describe(piliers: readonly Pilier[], ctx: RenderContext): string {
  const l = ctx.contract.contrat.libelles;
  const enjeux = piliers.flatMap((p) => p.enjeux);
  const axes = piliers.flatMap((p) => p.axes);
  const objectifs = objectifsOf(piliers);
  const fiches = new Set(objectifs.flatMap((o) => fichesOf(ctx.contract, { objectif: o.id }).map((f) => f.id)));
  const count = (n: number, label: string) => `${n} ${lowerFirst(n > 1 ? pluralize(label) : label)}`;
  const columns = [...(enjeux.some((e) => e.constats.length) ? [TEXT.constats] : []), ...(enjeux.length ? [l.enjeu] : []), l.axe, l.objectif].map((c) => lowerFirst(pluralize(c)));
  const counts = [...(enjeux.length ? [count(enjeux.length, l.enjeu)] : []), count(axes.length, l.axe), count(objectifs.length, l.objectif), count(fiches.size, TEXT.ficheProjet)];
  return `${TEXT.lecture}\u00a0: ${columns.join(', ')} et ${pluralize(TEXT.ficheProjet)} qui les mettent en œuvre. Le schéma montre ${joinFr(counts)}. ${TEXT.suite}`;
}

/** The tree as nested lists: the text equivalent of the drawing. */
function renderList(piliers: readonly Pilier[], ctx: RenderContext, links: boolean): string {
  const item = (target: RefTarget, inner = '') => `<li>${entity(target, ctx, links)}${inner}</li>`;
  const objectifs = (a: Axe) => `<ol>${a.objectifs.map((o) => item({ kind: 'objectif', id: o.id }, fichesList(o, ctx, links))).join('')}</ol>`;
  const axes = (list: readonly Axe[]) => (list.length ? `<ol>${list.map((a) => item({ kind: 'axe', id: a.id }, objectifs(a))).join('')}</ol>` : '');
  const body = piliers.map((p) => {
    const sections = pilierSections(p);
    const enjeux = sections.flatMap(({ enjeu: e, axes: list }) => {
      if (!e) return [];
      const constats = e.constats.filter((id) => ctx.lookup.constat.has(id));
      const cited = constats.length ? `<p class="arbre-constats-titre">${TEXT.repondA}</p><ul class="arbre-constats">${constats.map((id) => item({ kind: 'constat', id })).join('')}</ul>` : '';
      return [item({ kind: 'enjeu', id: e.id }, `${cited}${axes(list)}`)];
    });
    const direct = axes(sections.flatMap((s) => (s.enjeu ? [] : s.axes)));
    return item({ kind: 'pilier', id: p.id }, `${enjeux.length ? `<ol>${enjeux.join('')}</ol>` : ''}${direct}`);
  });
  return `<ol class="arbre-liste">${body.join('\n')}</ol>`;
}

function fichesList(o: Objectif, ctx: RenderContext, links: boolean): string {
  const fiches = fichesOf(ctx.contract, { objectif: o.id });
  if (!fiches.length) return `<p class="arbre-fiches-vide">${esc(fr.aucuneFiche)}</p>`;
  return `<ul class="arbre-fiches">${fiches.map((f) => `<li>${entity({ kind: 'fiche', id: f.id }, ctx, links)}</li>`).join('')}</ul>`;
}

/** Number and title; a link to the entity's page, or plain text. */
function entity(target: RefTarget, ctx: RenderContext, links: boolean): string {
  const text = esc(labelText(entityLabel(ctx.contract, target)));
  return links ? `<a href="${esc(ctx.href(target))}">${text}</a>` : `<span>${text}</span>`;
}

function joinFr(parts: readonly string[]): string {
  return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} et ${parts.at(-1)}` : (parts[0] ?? '');
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const round = (n: number) => Math.round(n * 10) / 10;
