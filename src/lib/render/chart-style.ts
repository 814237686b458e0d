/**
 * What the bar and line charts share: the series they draw, their colours,
 * and text measuring without a DOM (build time has no layout engine, so
 * label widths are estimated and kept on the generous side).
 */
import type { Territoire } from '../model/index.ts';
import { attrs, esc } from './html.ts';
import { AVERAGE_CHAR_EM } from './wrap.ts';

export interface Serie {
  id: string;
  nom: string;
  quartier: boolean;
  /** One value per year of the chart, null = secret statistique or missing. */
  values: (number | null)[];
  colour: string;
  /** SVG stroke-dasharray: reference territories are dashed so colour is not the only cue. */
  dash?: string;
}

export interface ChartFrame {
  titleId: string;
  descId: string;
  title: string;
  desc: string;
}

/**
 * Quartier colours: distinct hues, each at least 4.5:1 on white, so they also
 * pass as text colour for the direct labels (3:1 would do for the lines alone).
 */
export const QUARTIER_PALETTE = ['#0b57d0', '#b3261e', '#1e7b34', '#7b2cbf', '#a14a00', '#00727a', '#5c6b00', '#b0186a'];

/** Greys for the reference territories, darker as the territory grows. */
export const REFERENCE_GREYS: Record<Exclude<Territoire['type'], 'quartier'>, string> = {
  commune: '#69737d',
  epci: '#56606a',
  departement: '#454e57',
  region: '#353c44',
  pays: '#1f2328',
};

const REFERENCE_DASHES = ['6 3', '2 3', '10 3 2 3', '12 4', '1 3', '4 2 1 2'];
/** Once the palette runs out, quartiers repeat a colour with a dash of their own. */
const OVERFLOW_DASH = '8 2 2 2';

export const INK = '#1f2328';
export const MUTED = '#57606a';
export const GRID = '#e1e4e8';
export const AXIS = '#8c959f';
/** Written where a bar or a line would have been: never a 0. */
export const SECRET_TEXT = 's (secret statistique)';
export const FONT_SIZE = 12;
export const LINE_HEIGHT = 14;

/**
 * A quartier keeps the same colour in every chart when the contract has no
 * more quartiers than the palette has colours; otherwise colours follow the
 * chart's own order so that, within one chart, they stay distinct.
 */
export function styleSeries(
  territoires: readonly { id: string; nom: string; type: Territoire['type'] }[],
  allQuartiers: readonly string[],
): Pick<Serie, 'colour' | 'dash'>[] {
  const global = allQuartiers.length <= QUARTIER_PALETTE.length;
  let q = 0;
  let ref = 0;
  return territoires.map((t) => {
    if (t.type === 'quartier') {
      const i = global ? Math.max(0, allQuartiers.indexOf(t.id)) : q;
      q++;
      const colour = QUARTIER_PALETTE[i % QUARTIER_PALETTE.length]!;
      return i >= QUARTIER_PALETTE.length ? { colour, dash: OVERFLOW_DASH } : { colour };
    }
    return { colour: REFERENCE_GREYS[t.type], dash: REFERENCE_DASHES[ref++ % REFERENCE_DASHES.length]! };
  });
}

/** Rounded coordinate, so golden files do not depend on float noise. */
export function n(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** Width of a label in the page's sans-serif. */
export function textWidth(text: string, size = FONT_SIZE): number {
  return text.length * size * AVERAGE_CHAR_EM;
}

/** WCAG relative-luminance contrast ratio between two `#rrggbb` colours. */
export function contrast(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

export const CHART_WIDTH = 640;

/** The `<svg>` around a chart body: fixed-width viewBox, labelled by its own title and desc. */
export function svgDocument(frame: ChartFrame, kind: 'barres' | 'courbes', height: number, body: string): string {
  return (
    `<svg${attrs({ xmlns: 'http://www.w3.org/2000/svg', class: `graphique graphique-${kind}`, viewBox: `0 0 ${CHART_WIDTH} ${n(height)}`, width: '100%', role: 'img', 'aria-labelledby': `${frame.titleId} ${frame.descId}` })}>` +
    `<title id="${esc(frame.titleId)}">${esc(frame.title)}</title><desc id="${esc(frame.descId)}">${esc(frame.desc)}</desc>` +
    `${body}</svg>`
  );
}

/**
 * A text label, one `<tspan>` per line, vertically centred on `y`. Real text,
 * so it stays selectable and extractable in the PDF; no font-family, so it
 * inherits the page font.
 */
export function textLabel(x: number, y: number, lines: readonly string[], extra: Record<string, string | number | undefined> = {}): string {
  const first = y - ((lines.length - 1) * LINE_HEIGHT) / 2;
  const base = { 'font-size': FONT_SIZE, fill: INK, ...extra };
  if (lines.length === 1) return `<text${attrs({ x: n(x), y: n(y), dy: '0.35em', ...base })}>${esc(lines[0]!)}</text>`;
  const spans = lines.map((l, i) => `<tspan${attrs({ x: n(x), y: n(first + i * LINE_HEIGHT), dy: '0.35em' })}>${esc(l)}</tspan>`).join('');
  return `<text${attrs(base)}>${spans}</text>`;
}
