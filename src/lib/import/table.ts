/**
 * What every input format (CSV, XLSX) is read into: rows of cells, each row
 * knowing where it sits in the input file so errors can point at it.
 */
import { issueAt, type ContentIssue, type RuleId } from '../model/issues.ts';

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

/** A header cell: where it is and what it says. */
export interface Column {
  /** 0-based index in the row's cells; the input file's column is index + 1. */
  index: number;
  /** The header as written. */
  name: string;
}

/** An issue at a cell of the input file: its line and column, the column's name, and in a workbook the cell's address. */
export function cellIssue(table: Table, file: string, rule: RuleId, row: Row, column: Column, message: string, hint?: string): ContentIssue {
  const address = table.format === 'xlsx' ? ` (cellule ${cellAddress(row.line, column.index + 1)})` : '';
  return issueAt(rule, { file, line: row.line, column: column.index + 1, path: column.name }, `${message}${address}`, hint);
}
