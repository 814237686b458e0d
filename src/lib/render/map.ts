/**
 * `::carte`: the outlines of the quartiers as an SVG drawn at build time
 * (no basemap, no tiles, no network), numbered markers and an HTML legend
 * that doubles as the text equivalent.
 */
import { de } from '../french.ts';
import type { Quartier } from '../model/index.ts';
import { territoireNom } from '../queries/index.ts';
import type { RenderContext } from './context.ts';
import { attrs, domId, esc } from './html.ts';
import { collection, fitFrame, normalizeGeometry, placeMarkers, polygonsOf, scaleBar, type Frame, type Marker, type Part } from './map-geometry.ts';

const LABELS = {
  titre: 'Carte des quartiers',
  localisation: (nom: string) => `Localisation ${de(nom)}`,
  source: 'Contours : contours fournis dans le contrat (medias/)',
  sansContour: 'contour non disponible',
  aucunContour: 'Aucun contour de quartier n’est disponible : la carte ne peut pas être dessinée.',
  categorie: { prioritaire: 'quartier prioritaire', veille: 'quartier de veille active' },
  descTous: (liste: string) => `Contours des quartiers : ${liste}.`,
  descFocus: (nom: string, voisins: string) => `Contour ${de(nom)}${voisins ? `, avec les quartiers voisins : ${voisins}` : ''}.`,
  descSans: (liste: string) => ` Sans contour : ${liste}.`,
  nord: 'N',
} as const;

const PAINT = {
  prioritaire: { fill: '#8fb0dd', stroke: '#1f3f73' },
  veille: { fill: '#f2d49b', stroke: '#7a4f00', 'stroke-dasharray': '5 3' },
} as const;
const INK = '#1d2330';
const WIDTH = 560;
const STRIP = 40;
const MARKER_R = 12;
const FONT = 13;

interface Drawn {
  quartier: Quartier;
  d: string;
  parts: Part[];
}

export interface CarteOptions {
  /** The quartier shown in its neighbourhood, numbered 1. */
  focus?: string;
  /** Keeps the SVG's ids unique when a page shows two maps. */
  idSuffix?: string;
  /** Outlines, markers and legend entries link to the quartiers' pages; by default, as the context's figures. */
  links?: boolean;
}

export function renderCarte(quartiers: readonly Quartier[], ctx: RenderContext, options: CarteOptions = {}): string {
  const focus = options.focus === undefined ? undefined : quartiers.find((q) => q.id === options.focus);
  if (options.focus !== undefined && !focus) throw new Error(`::carte : quartier inconnu « ${options.focus} »`);
  const caption = focus ? LABELS.localisation(focus.nom) : LABELS.titre;
  const outlined = quartiers.filter((q) => q.contour?.length);
  const fitted = focus ? [focus] : outlined;
  const links = options.links ?? ctx.figures.links;
  const withoutMap = () => renderWithoutMap(focus ? [focus] : quartiers, ctx, links, caption);
  if (fitted.every((q) => !q.contour?.length)) return withoutMap();

  const frame = fitFrame(collection(fitted.flatMap((q) => q.contour!.map(normalizeGeometry))), {
    width: WIDTH,
    ...(focus ? { padding: 110, minHeight: 340, maxHeight: 380 } : { padding: 28, minHeight: 240, maxHeight: 480 }),
  });
  // The focus first, so that it is number 1 and its neighbours follow.
  const ordered = focus ? [focus, ...outlined.filter((q) => q !== focus)] : outlined;
  const drawn = ordered.map((q) => drawQuartier(q, frame)).filter((x): x is Drawn => x !== undefined);
  // An outline can be degenerate (all its points on a line): then it is as good as missing.
  if (drawn.length === 0 || (focus && drawn[0]!.quartier !== focus)) return withoutMap();
  const missing = focus ? [] : quartiers.filter((q) => !drawn.some((x) => x.quartier === q));

  const ids = { title: domId('carte', ...idParts(options), 'titre'), desc: domId('carte', ...idParts(options), 'desc') };
  const svg = renderSvg(drawn, frame, ctx, links, focus, caption, describe(drawn, missing, ctx, focus), ids);
  const legend = renderLegend(drawn, missing, ctx, links);
  // figcaption, map, legend, source as siblings: screen.css lays .carte out as a grid of them.
  return `<figure class="carte"><figcaption>${esc(caption)}</figcaption>${svg}${legend}<p class="source">${esc(LABELS.source)}</p></figure>`;
}

function idParts(options: CarteOptions): string[] {
  return [options.focus, options.idSuffix].filter((x): x is string => !!x);
}

/**
 * The outline clipped to the frame, and its visible parts that deserve a
 * marker: every part of a MultiPolygon but slivers, so that each reads as
 * belonging to its quartier.
 */
function drawQuartier(quartier: Quartier, frame: Frame): Drawn | undefined {
  const geometries = quartier.contour!.map(normalizeGeometry);
  const d = frame.path(collection(geometries));
  if (!d) return undefined;
  const parts = polygonsOf(geometries)
    .map((p) => ({ area: frame.path.area(p), bounds: frame.path.bounds(p), centre: frame.path.centroid(p) }))
    .filter((p) => p.area >= 1 && Number.isFinite(p.centre[0]));
  if (parts.length === 0) return undefined;
  const largest = Math.max(...parts.map((p) => p.area));
  return { quartier, d, parts: parts.filter((p) => p.area >= 0.15 * largest).map(({ bounds, centre }) => ({ bounds, centre })) };
}

function renderSvg(
  drawn: readonly Drawn[],
  frame: Frame,
  ctx: RenderContext,
  links: boolean,
  focus: Quartier | undefined,
  title: string,
  desc: string,
  ids: { title: string; desc: string },
): string {
  const height = frame.mapHeight + STRIP;
  // The focus is drawn last, so that no neighbour's outline covers its thicker one.
  const shapes = [...drawn.filter((x) => x.quartier !== focus), ...drawn.filter((x) => x.quartier === focus)].map((x) => {
    const dimmed = focus !== undefined && x.quartier !== focus;
    const paint = PAINT[x.quartier.categorie];
    const outline = `<path${attrs({
      d: x.d,
      ...paint,
      'fill-opacity': dimmed ? 0.35 : undefined,
      'stroke-opacity': dimmed ? 0.6 : undefined,
      'stroke-width': x.quartier === focus ? 2.5 : 1.5,
      'stroke-linejoin': 'round',
    })}/>`;
    return links ? link(x.quartier, ctx, outline) : outline;
  });
  const placed = placeMarkers(
    drawn.flatMap((x) => x.parts),
    [frame.width, frame.mapHeight],
    MARKER_R,
  );
  const markers = drawn.map((x, i) => {
    const mine = placed.splice(0, x.parts.length);
    const drawnMarkers = mine.map((m) => renderMarker(m, i + 1)).join('');
    return links ? link(x.quartier, ctx, drawnMarkers, true) : drawnMarkers;
  });
  // An image's children are presentational, so links inside one are an accessibility error:
  // with links the map is a named group whose links are named by their <title>.
  const role = links ? 'group' : 'img';
  return (
    `<svg${attrs({ xmlns: 'http://www.w3.org/2000/svg', viewBox: `0 0 ${frame.width} ${height}`, width: '100%', role, 'aria-labelledby': `${ids.title} ${ids.desc}`, class: 'carte-svg' })}>` +
    `<title${attrs({ id: ids.title })}>${esc(title)}</title><desc${attrs({ id: ids.desc })}>${esc(desc)}</desc>` +
    `<rect${attrs({ x: 0.5, y: 0.5, width: frame.width - 1, height: frame.mapHeight - 1, fill: '#f3f5f9', stroke: '#d5dae3' })}/>` +
    `<g>${shapes.join('')}</g><g>${markers.join('')}</g>${renderScaleBar(frame)}${renderNorth(frame)}</svg>`
  );
}

function renderMarker(m: Marker, n: number): string {
  const leader = m.anchor ? `<path${attrs({ d: `M${m.anchor[0]},${m.anchor[1]}L${m.x},${m.y}`, stroke: INK, 'stroke-width': 1 })}/>` : '';
  return (
    leader +
    `<circle${attrs({ cx: m.x, cy: m.y, r: MARKER_R, fill: '#ffffff', stroke: INK, 'stroke-width': 1.5 })}/>` +
    `<text${attrs({ x: m.x, y: m.y, dy: '0.35em', 'text-anchor': 'middle', 'font-size': FONT, 'font-weight': 700, fill: INK })}>${n}</text>`
  );
}

/**
 * With links, the outline and the marker lead to the quartier page, for the
 * mouse: out of the tab order, since the legend holds the same links for the
 * keyboard. Assistive technologies get one link per quartier (the outline's).
 */
function link(quartier: Quartier, ctx: RenderContext, inner: string, duplicate = false): string {
  const href = ctx.href({ kind: 'quartier', id: quartier.id });
  return `<a${attrs({ href, tabindex: '-1', 'aria-hidden': duplicate ? 'true' : undefined })}><title>${esc(quartier.nom)}</title>${inner}</a>`;
}

function renderScaleBar(frame: Frame): string {
  const bar = scaleBar(frame.projection, [frame.width / 2, frame.mapHeight / 2]);
  if (!bar) return '';
  const x = 12;
  const y = frame.mapHeight + 26;
  return (
    `<g aria-hidden="true"><path${attrs({ d: `M${x},${y - 6}L${x},${y}L${x + bar.px},${y}L${x + bar.px},${y - 6}`, fill: 'none', stroke: INK, 'stroke-width': 1.5 })}/>` +
    `<text${attrs({ x: x + bar.px + 8, y, 'font-size': FONT, fill: INK })}>${esc(bar.label)}</text></g>`
  );
}

/** Mercator keeps north straight up, so the arrow is fixed. */
function renderNorth(frame: Frame): string {
  const x = frame.width - 20;
  const y = frame.mapHeight + 18;
  return (
    `<g aria-hidden="true"><text${attrs({ x, y: y - 3, 'font-size': FONT, 'font-weight': 700, 'text-anchor': 'middle', fill: INK })}>${LABELS.nord}</text>` +
    `<path${attrs({ d: `M${x},${y}L${x + 6},${y + 16}L${x},${y + 12}L${x - 6},${y + 16}Z`, fill: INK })}/></g>`
  );
}

function communeOf(q: Quartier, ctx: RenderContext): string {
  return territoireNom(ctx.contract, q.commune);
}

function nameWithCommune(q: Quartier, ctx: RenderContext): string {
  return `${q.nom} (${communeOf(q, ctx)})`;
}

function describe(drawn: readonly Drawn[], missing: readonly Quartier[], ctx: RenderContext, focus: Quartier | undefined): string {
  const list = (qs: readonly Quartier[]) => qs.map((q) => nameWithCommune(q, ctx)).join(', ');
  const shown = drawn.map((x) => x.quartier);
  const main = focus ? LABELS.descFocus(nameWithCommune(focus, ctx), list(shown.filter((q) => q !== focus))) : LABELS.descTous(list(shown));
  return missing.length ? main + LABELS.descSans(list(missing)) : main;
}

/**
 * The legend and text equivalent. The list's own numbers are the markers'
 * numbers (no CSS needed for them to match); quartiers without an outline
 * follow in an unnumbered list, since they have no marker.
 */
function renderLegend(drawn: readonly Drawn[], missing: readonly Quartier[], ctx: RenderContext, links: boolean): string {
  const numbered = `<ol class="carte-legende">${drawn.map((x) => legendItem(x.quartier, ctx, links, true)).join('')}</ol>`;
  return `<div class="carte-legendes">${numbered}${missingList(missing, ctx, links)}</div>`;
}

function missingList(missing: readonly Quartier[], ctx: RenderContext, links: boolean): string {
  return missing.length ? `<ul class="carte-legende-sans-contour">${missing.map((q) => legendItem(q, ctx, links, false)).join('')}</ul>` : '';
}

function legendItem(q: Quartier, ctx: RenderContext, links: boolean, drawn: boolean): string {
  const name = links ? `<a${attrs({ href: ctx.href({ kind: 'quartier', id: q.id }) })}>${esc(q.nom)}</a>` : esc(q.nom);
  const suffix = drawn ? '' : ` — <span class="carte-sans-contour">${esc(LABELS.sansContour)}</span>`;
  return (
    `<li${attrs({ class: `carte-${q.categorie}` })}>${drawn ? `${swatch(q)} ` : ''}${name} (${esc(communeOf(q, ctx))}), ` +
    `<span class="carte-categorie">${esc(LABELS.categorie[q.categorie])}</span>${suffix}</li>`
  );
}

/** The category's fill and outline, repeated in the legend (the text says the category too). */
function swatch(q: Quartier): string {
  return (
    `<svg${attrs({ class: 'carte-pastille', width: 16, height: 16, viewBox: '0 0 16 16', 'aria-hidden': 'true', focusable: 'false' })}>` +
    `<rect${attrs({ x: 1, y: 1, width: 14, height: 14, ...PAINT[q.categorie], 'stroke-width': 1.5 })}/></svg>`
  );
}

function renderWithoutMap(quartiers: readonly Quartier[], ctx: RenderContext, links: boolean, caption: string): string {
  return `<figure class="carte carte-vide"><figcaption>${esc(caption)}</figcaption><div class="carte-legendes"><p>${esc(LABELS.aucunContour)}</p>${missingList(quartiers, ctx, links)}</div></figure>`;
}
