/** One year: horizontal bars comparing the territories, value written at the end of each bar. */
import { max, min } from 'd3-array';
import { scaleLinear } from 'd3-scale';
import { AXIS, CHART_WIDTH, LINE_HEIGHT, MUTED, n, SECRET_TEXT, svgDocument, textLabel, textWidth, type ChartFrame, type Serie } from './chart-style.ts';
import { wrapText } from './wrap.ts';
import { formatValue } from './units.ts';

const NAME_CHARS = 30;
const BAR = 16;
const GAP = 6;
const EDGE = 4;
const PAD = 6;

export function renderBars(series: readonly Serie[], unite: string, frame: ChartFrame): string {
  const names = series.map((s) => wrapText(s.nom, NAME_CHARS));
  const values = series.map((s) => s.values[0] ?? null);
  const labels = values.map((v) => formatValue(v, unite));
  const defined = values.filter((v): v is number => v !== null);
  const lo = Math.min(0, min(defined) ?? 0);
  const hi = Math.max(0, max(defined) ?? 0);
  const labelWidth = Math.ceil(max(labels, (l, i) => (values[i] === null ? 0 : textWidth(l))) ?? 0);
  const nameWidth = Math.ceil(max(names.flat(), (l) => textWidth(l)) ?? 0);
  const nameX = EDGE + nameWidth;
  // Negative values write their label left of the bar: keep room for it after the names.
  const start = nameX + GAP + (lo < 0 ? labelWidth + GAP : 0);
  const x = scaleLinear()
    .domain(lo === hi ? [0, 1] : [lo, hi])
    .range([start, CHART_WIDTH - EDGE - labelWidth - GAP]);

  const parts: string[] = [];
  let y = PAD;
  series.forEach((s, i) => {
    const rowHeight = Math.max(BAR + 10, names[i]!.length * LINE_HEIGHT + 8);
    const cy = y + rowHeight / 2;
    parts.push(textLabel(nameX, cy, names[i]!, { 'text-anchor': 'end' }));
    const v = values[i]!;
    if (v === null) {
      parts.push(textLabel(x(0) + GAP, cy, [SECRET_TEXT], { fill: MUTED, 'font-style': 'italic' }));
    } else {
      const [x0, x1] = [x(Math.min(0, v)), x(Math.max(0, v))];
      parts.push(`<rect x="${n(x0)}" y="${n(cy - BAR / 2)}" width="${n(x1 - x0)}" height="${BAR}" fill="${s.colour}"/>`);
      parts.push(v < 0 ? textLabel(x0 - GAP, cy, [labels[i]!], { 'text-anchor': 'end' }) : textLabel(x1 + GAP, cy, [labels[i]!]));
    }
    y += rowHeight;
  });
  const height = y + PAD;
  const axis = `<line x1="${n(x(0))}" x2="${n(x(0))}" y1="${PAD - 2}" y2="${n(y + 2)}" stroke="${AXIS}"/>`;
  return svgDocument(frame, 'barres', height, axis + parts.join(''));
}
