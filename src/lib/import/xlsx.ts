/**
 * XLSX bytes → rows, from the first worksheet. A cell gives what Excel
 * shows: the cached result of a formula, the text of rich text, and for a
 * cell formatted as a percentage the percentage (0.472 shown « 47,2 % » → 47.2).
 */
import ExcelJS from 'exceljs';
import type { Cell, Row } from './table.ts';

export type XlsxResult = { ok: true; rows: Row[]; sheet: string } | { ok: false; message: string };

export async function readXlsx(bytes: Uint8Array): Promise<XlsxResult> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch (e) {
    return { ok: false, message: `classeur XLSX illisible : ${e instanceof Error ? e.message : String(e)}` };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { ok: false, message: 'classeur XLSX sans feuille' };
  const rows: Row[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: Cell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cellValue(cell.value, cell.numFmt);
    });
    for (let i = 0; i < cells.length; i++) cells[i] ??= null;
    rows.push({ line, cells });
  });
  return { ok: true, rows, sheet: sheet.name };
}

function cellValue(value: ExcelJS.CellValue, numFmt: string | undefined): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return numFmt?.includes('%') ? percent(value) : value;
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'VRAI' : 'FAUX';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('error' in value) return String(value.error);
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    // A formula saved without its result (some generators do): show the formula, reported as unreadable.
    if (result === undefined) return `=${(value as ExcelJS.CellFormulaValue).formula ?? ''}`;
    return cellValue(result, numFmt);
  }
  if ('text' in value) return String(value.text);
  return null;
}

/** Avoids 0.472 * 100 = 47.199999999999996. */
function percent(value: number): number {
  return Number((value * 100).toPrecision(12));
}
