/**
 * Cells → numbers, the way French statistics are written: `12,5`, `12.5`,
 * `1 234,5` (space or no-break space between thousands), `1.234,5`,
 * `47,2 %`. Secret-statistique marks and empty cells become null.
 */
import { cellText, type Cell } from './table.ts';

/** Marks Insee and its partners use for a value withheld or not available (compared lower-case). */
export const SECRET_MARKS: readonly string[] = ['s', 'nd', 'n.d.', 'n.d', 'n/d', 'secret', 'secret statistique', 'ns'];

/** A number, null (secret or empty), or undefined when the cell is not a number at all. */
export type ParsedValue = number | null | undefined;

export function isSecretMark(text: string): boolean {
  return text === '' || SECRET_MARKS.includes(text.toLowerCase());
}

export function parseValue(cell: Cell | undefined): ParsedValue {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : undefined;
  const text = cellText(cell);
  if (isSecretMark(text)) return null;
  return parseNumberText(text);
}

const SPACES = /[\s\u00a0\u202f\u2009]/g;
const PLAIN = /^[+-]?\d+(?:[.,]\d+)?$/;
const SPACE_GROUPED = /^[+-]?\d{1,3}(?: \d{3})+(?:[.,]\d+)?$/;
const DOT_GROUPED = /^[+-]?\d{1,3}(?:\.\d{3})+,\d+$/;
const COMMA_GROUPED = /^[+-]?\d{1,3}(?:,\d{3})+\.\d+$/;

export function parseNumberText(raw: string): number | undefined {
  let text = raw.trim().replace(/\u2212/g, '-').replace(/\s*[%€]$/, '');
  text = text.replace(SPACES, ' ').trim();
  if (text.includes(' ')) {
    if (!SPACE_GROUPED.test(text)) return undefined;
    text = text.replace(/ /g, '');
  }
  if (DOT_GROUPED.test(text)) text = text.replace(/\./g, '');
  else if (COMMA_GROUPED.test(text)) text = text.replace(/,/g, '');
  if (!PLAIN.test(text)) return undefined;
  const value = Number(text.replace(',', '.'));
  return Number.isFinite(value) ? value : undefined;
}

/** A year cell: 2013, `2013` or `2013.0` from a spreadsheet. */
export function parseYear(cell: Cell | undefined): number | undefined {
  const text = typeof cell === 'number' ? String(cell) : cellText(cell);
  if (!/^\d{4}(?:\.0+)?$/.test(text)) return undefined;
  const year = Math.trunc(Number(text));
  return isYear(year) ? year : undefined;
}

export function isYear(year: number): boolean {
  return Number.isInteger(year) && year >= 1900 && year <= 2100;
}

/** « - » is how an accounting format shows zero. */
const ZERO_MARKS = /^[-\u2013\u2014]$/;
const CURRENCY = /^(?:€|eur|euros?)\s*|\s*(?:€|eur|euros?)$/i;
/** « 16.000 »: a euro amount has no three-decimal fraction, so dots group thousands. */
const DOT_THOUSANDS = /^[+-]?\d{1,3}(?:\.\d{3})+$/;

/**
 * An amount in euros as a French spreadsheet writes it: `16 000`,
 * `30 000,50`, `16 000 €`, `€ 16000`, `16.000`; `-` is zero. Null for an
 * empty cell, undefined when the cell is no amount (a percentage included).
 */
export function parseAmount(cell: Cell | undefined): number | null | undefined {
  if (typeof cell === 'number') return Number.isFinite(cell) ? roundCents(cell) : undefined;
  const text = cellText(cell).replace(CURRENCY, '').trim();
  if (text === '') return cellText(cell) === '' ? null : undefined;
  if (ZERO_MARKS.test(text)) return 0;
  if (text.endsWith('%')) return undefined;
  const value = parseNumberText(DOT_THOUSANDS.test(text) ? text.replace(/\./g, '') : text);
  return value === undefined ? undefined : roundCents(value);
}

/** Sums of cents typed in a spreadsheet come back as 30000.499999999996. */
function roundCents(value: number): number {
  return Math.round(value * 100) / 100;
}
