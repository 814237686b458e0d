/**
 * What every input format (CSV, XLSX) is read into: rows of cells, each row
 * knowing where it sits in the input file so errors can point at it.
 */

/** A cell as read: text, a number (XLSX), or nothing. */
export type Cell = string | number | null;

export interface Row {
  /** 1-based line (CSV) or row number (XLSX) of the row in the input file. */
  line: number;
  cells: Cell[];
}

export interface Table {
  format: 'csv' | 'xlsx';
  rows: Row[];
  /** How the file was read, for the report: « CSV Windows-1252, séparateur ; ». */
  description: string;
}

/** 1-based column number → spreadsheet letters: 1 → A, 28 → AB. */
export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** The spreadsheet address of a cell, e.g. `B7`. */
export function cellAddress(line: number, column: number): string {
  return `${columnLetters(column)}${line}`;
}

export function isBlank(cell: Cell | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

export function cellText(cell: Cell | undefined): string {
  return cell === null || cell === undefined ? '' : String(cell).trim();
}
