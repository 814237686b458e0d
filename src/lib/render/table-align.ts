/**
 * How the columns of a Markdown table align: as its author wrote (`|--:|`),
 * or else right for a column of figures and left for text, as a reader
 * compares figures by their last digits and reads words from their first
 * letter. The print documents follow it; the site's tables stay left-aligned.
 */
export type Align = 'left' | 'right' | 'center';

/** A figure as a French text writes it: « 12 », « −3,5 », « 12 345,6 % », « 75 000 € », « +2 pts », « < 5 ». */
const FIGURE = /^(?:[<>≤≥≈~]\s?)?[+\-−±]?\d+(?:[\s\u00a0\u202f]\d{3})*(?:[,.]\d+)?(?:\s?(?:%|‰|€|k€|M€|Md€|pts?|points?))?$/u;

/** What a column of figures may hold in place of one: nothing, a dash, « n.d. », « s.o. », « ns »… */
const NO_FIGURE = /^(?:|[-–—…?*]|n\.?\s?[dc]\.?|s\.?\s?o\.?|ns)$/iu;

export function isFigure(text: string): boolean {
  return FIGURE.test(text.trim());
}

/** A column of figures: at least one, and nothing else than figures or their stand-ins. */
export function isFigureColumn(cells: readonly string[]): boolean {
  const filled = cells.map((c) => c.trim()).filter((c) => !NO_FIGURE.test(c));
  return filled.length > 0 && filled.every(isFigure);
}

/**
 * Each column's alignment, from the author's (one per column, null where
 * none was written) and the body rows' cell texts.
 */
export function columnAlignments(authored: readonly (Align | null | undefined)[], rows: readonly (readonly string[])[]): Align[] {
  const columns = Math.max(authored.length, ...rows.map((r) => r.length));
  return Array.from({ length: columns }, (_, i) => authored[i] ?? (isFigureColumn(rows.map((r) => r[i] ?? '')) ? 'right' : 'left'));
}
