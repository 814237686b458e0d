/** Several years: one line per territory, named directly at its end instead of in a legend. */
import { extent, max, min, sum } from 'd3-array';
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { formatNumber } from '../format.ts';
import { AXIS, CHART_WIDTH, GRID, LINE_HEIGHT, MUTED, n, SECRET_TEXT, svgDocument, textLabel, textWidth, type ChartFrame, type Serie } from './chart-style.ts';
import { esc } from './html.ts';
import { wrapText } from './wrap.ts';

const LABEL_CHARS = 22;
const TOP = 14;
const BOTTOM = 30;
const EDGE = 4;
const MIN_PLOT = 220;
const LABEL_GAP = 3;
const NBSP = '\u00a0';

/**
 * `ruptures`: years where the series breaks (a new geography, a changed
 * definition): a dashed rule before that year, and the lines are not joined
 * across it, since the values on either side do not compare.
 */
export function renderLines(series: readonly Serie[], annees: readonly number[], frame: ChartFrame, ruptures: readonly number[] = []): string {
  const drawn = series.filter((s) => s.values.some((v) => v !== null));
  const { domain, ticks } = yAxis(drawn.flatMap((s) => s.values).filter((v): v is number => v !== null));
  const digits = decimals(ticks[1]! - ticks[0]!);
  const tickLabels = ticks.map((t) => formatNumber(t, digits));
  const left = EDGE + Math.ceil(max(tickLabels, (l) => textWidth(l)) ?? 0) + 8;

  const names = drawn.map((s) => wrapText(s.nom, LABEL_CHARS));
  const labelX = CHART_WIDTH - EDGE - Math.ceil(max(names.flat(), (l) => textWidth(l)) ?? 0);
  const xEnd = labelX - 14;
  // Tall enough for every end label to sit on its own line.
  const plotHeight = Math.max(MIN_PLOT, sum(names, (l) => l.length * LINE_HEIGHT + LABEL_GAP));
  const bottom = TOP + plotHeight;
  const y = scaleLinear().domain(domain).range([bottom, TOP]);
  const x = scaleLinear()
    .domain(extent(annees) as [number, number])
    .range([left + 16, xEnd]);

  const parts: string[] = [];
  ticks.forEach((t, i) => {
    parts.push(`<line x1="${n(left)}" x2="${n(xEnd + 6)}" y1="${n(y(t))}" y2="${n(y(t))}" stroke="${GRID}"/>`);
    parts.push(textLabel(left - 6, y(t), [tickLabels[i]!], { 'text-anchor': 'end', fill: MUTED }));
  });
  parts.push(`<line x1="${n(left)}" x2="${n(xEnd + 6)}" y1="${n(bottom)}" y2="${n(bottom)}" stroke="${AXIS}"/>`);
  for (const a of annees) {
    parts.push(`<line x1="${n(x(a))}" x2="${n(x(a))}" y1="${n(bottom)}" y2="${n(bottom + 4)}" stroke="${AXIS}"/>`);
    parts.push(textLabel(x(a), bottom + 16, [String(a)], { 'text-anchor': 'middle', fill: MUTED }));
  }

  const breaks = new Set(ruptures.map((r) => annees.indexOf(r)).filter((i) => i > 0));
  for (const i of breaks) {
    const bx = (x(annees[i - 1]!) + x(annees[i]!)) / 2;
    parts.push(`<line class="rupture" x1="${n(bx)}" x2="${n(bx)}" y1="${n(TOP - 6)}" y2="${n(bottom)}" stroke="${MUTED}" stroke-dasharray="4 3"/>`);
  }
  const path = line<number | null>()
    .defined((v) => v !== null)
    .x((_, i) => x(annees[i]!))
    .y((v) => y(v!))
    .digits(2);
  // Reference territories first, so the quartiers are drawn on top of them.
  const order = [...drawn].sort((a, b) => Number(a.quartier) - Number(b.quartier));
  for (const s of order) {
    // One path per stretch between breaks: the value before a break and the one after are not joined.
    for (const stretch of stretches(s.values, breaks))
      parts.push(`<path d="${path(stretch)}" fill="none" stroke="${s.colour}" stroke-width="${s.quartier ? 2.5 : 2}" stroke-linejoin="round"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}/>`);
    s.values.forEach((v, i) => {
      if (v !== null) parts.push(marker(s, x(annees[i]!), y(v)));
    });
  }

  const anchors = drawn.map((s) => y(lastDefined(s.values)));
  const heights = names.map((l) => l.length * LINE_HEIGHT);
  const placed = spreadLabels(anchors, heights, TOP - 8, bottom + 8);
  drawn.forEach((s, i) => {
    if (Math.abs(placed[i]! - anchors[i]!) > 2)
      parts.push(`<path d="M${n(xEnd + 4)},${n(anchors[i]!)}L${n(labelX - 3)},${n(placed[i]!)}" fill="none" stroke="${s.colour}"/>`);
    parts.push(textLabel(labelX, placed[i]!, names[i]!, { fill: s.colour }));
  });
  // A territory with no value at all has no line to label: name it under the axis.
  const hidden = series.filter((s) => !drawn.includes(s)).map((s) => s.nom);
  const note = hidden.length ? wrapText(`${SECRET_TEXT}${NBSP}: ${hidden.join(', ')}`, Math.floor((CHART_WIDTH - 2 * EDGE) / textWidth('m'))) : [];
  const noteTop = bottom + BOTTOM + 2;
  if (note.length) parts.push(textLabel(EDGE, noteTop + (note.length * LINE_HEIGHT) / 2, note, { fill: MUTED, 'font-style': 'italic' }));
  return svgDocument(frame, 'courbes', note.length ? noteTop + note.length * LINE_HEIGHT + 6 : bottom + BOTTOM, parts.join(''));
}

/** The values split at the breaks: each stretch keeps its own values, the others null. */
function stretches(values: readonly (number | null)[], breaks: ReadonlySet<number>): (number | null)[][] {
  const starts = [0, ...[...breaks].sort((a, b) => a - b)];
  return starts.map((start, k) => {
    const end = starts[k + 1] ?? values.length;
    return values.map((v, i) => (i >= start && i < end ? v : null));
  });
}

/**
 * The lines' names as a list, for a chart that scrolls sideways on a phone:
 * its end labels are then out of sight, the list stays in view (screen.css
 * shows it only while the chart is narrower than its drawing). Hidden from
 * assistive technologies, which have the chart's description and table.
 */
export function renderLinesLegend(series: readonly Serie[]): string {
  const items = series
    .filter((s) => s.values.some((v) => v !== null))
    .map((s) => {
      const stroke = `<line x1="1" x2="27" y1="6" y2="6" stroke="${s.colour}" stroke-width="${s.quartier ? 2.5 : 2}"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}/>`;
      return `<li><svg width="28" height="12" viewBox="0 0 28 12" focusable="false">${stroke}${marker(s, 14, 6)}</svg>${esc(s.nom)}</li>`;
    });
  return `<ul class="graphique-legende" aria-hidden="true">${items.join('')}</ul>`;
}

/** Quartiers get round markers, reference territories square ones: shape as a second cue. */
function marker(s: Serie, cx: number, cy: number): string {
  return s.quartier
    ? `<circle cx="${n(cx)}" cy="${n(cy)}" r="4" fill="${s.colour}" stroke="#fff"/>`
    : `<rect x="${n(cx - 3.5)}" y="${n(cy - 3.5)}" width="7" height="7" fill="${s.colour}" stroke="#fff"/>`;
}

function lastDefined(values: readonly (number | null)[]): number {
  return values.findLast((v) => v !== null)!;
}

/**
 * Y domain from 0, unless every value is far above 0 (min > 60 % of max),
 * where a zero baseline would flatten the lines; niced so that it has 4 to 6 ticks.
 */
export function yAxis(values: readonly number[]): { domain: [number, number]; ticks: number[] } {
  const lo = min(values) ?? 0;
  const hi = max(values) ?? 0;
  const raw: [number, number] = lo < 0 ? [lo, Math.max(0, hi)] : lo > 0.6 * hi && lo < hi ? [lo, hi] : [0, hi || 1];
  for (const count of [5, 4, 6, 3, 7]) {
    const scale = scaleLinear().domain(raw).nice(count);
    const ticks = scale.ticks(count);
    if (ticks.length >= 4 && ticks.length <= 6) return { domain: scale.domain() as [number, number], ticks };
  }
  const scale = scaleLinear().domain(raw).nice(5);
  return { domain: scale.domain() as [number, number], ticks: scale.ticks(5) };
}

function decimals(step: number): number {
  for (let d = 0; d < 2; d++) if (Math.abs(step * 10 ** d - Math.round(step * 10 ** d)) < 1e-9) return d;
  return 2;
}

/**
 * Label centres as close as possible to `wanted` without overlapping: labels
 * that would collide form a block centred on their mean wanted position
 * (merging with the block above while they still collide), kept within [lo, hi].
 */
export function spreadLabels(wanted: readonly number[], heights: readonly number[], lo: number, hi: number): number[] {
  const order = wanted.map((_, i) => i).sort((a, b) => wanted[a]! - wanted[b]! || a - b);
  interface Block { items: number[]; top: number; height: number }
  const blocks: Block[] = [];
  const settle = (b: Block) => {
    let offset = 0;
    let ideal = 0;
    for (const i of b.items) {
      ideal += wanted[i]! - heights[i]! / 2 - offset;
      offset += heights[i]! + LABEL_GAP;
    }
    b.top = Math.min(Math.max(ideal / b.items.length, lo), hi - b.height);
  };
  for (const i of order) {
    const block: Block = { items: [i], top: 0, height: heights[i]! };
    settle(block);
    blocks.push(block);
    for (let prev = blocks.at(-2); prev && prev.top + prev.height + LABEL_GAP > blocks.at(-1)!.top; prev = blocks.at(-2)) {
      const last = blocks.pop()!;
      prev.items.push(...last.items);
      prev.height += LABEL_GAP + last.height;
      settle(prev);
    }
  }
  const centres: number[] = [];
  for (const b of blocks) {
    let top = b.top;
    for (const i of b.items) {
      centres[i] = top + heights[i]! / 2;
      top += heights[i]! + LABEL_GAP;
    }
  }
  return centres;
}
