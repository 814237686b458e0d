/**
 * A table of the open data as an XLSX workbook, for spreadsheets: French
 * Excel opens a comma-separated UTF-8 file in one column with mangled
 * accents, a workbook it opens right. Typed cells (numbers, integer years,
 * booleans), a header row of French labels, frozen and filterable, and a
 * second sheet describing the columns. Deterministic: the workbook's dates
 * and the zip entries' dates are the contract's date, never the clock.
 */
import ExcelJS from 'exceljs';
import type { Contract } from './model/index.ts';
import { plainDescription, TYPE_LABELS, type Column, type TableSpec } from './open-data-columns.ts';
import { joinList, type Row, type Value } from './open-data.ts';
import { frenchTypography } from './typography.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const COLUMNS_SHEET = 'Colonnes';

const EUROS = '#,##0 "€"';
const EUROS_CENTS = '#,##0.00 "€"';
const NUM_FMT: Partial<Record<Column['type'], string>> = { entier: '0', annee: '0', part: '0.0 %' };

export async function toXlsx(spec: TableSpec, rows: readonly Row[], contract: Contract): Promise<Uint8Array<ArrayBuffer>> {
  const { contrat } = contract;
  const date = new Date(`${contrat.date}T12:00:00Z`);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = contrat.maitre_ouvrage;
  workbook.lastModifiedBy = contrat.maitre_ouvrage;
  workbook.title = `${contrat.titre} — ${spec.titre}`;
  workbook.created = date;
  workbook.modified = date;

  const data = workbook.addWorksheet(spec.titre, { views: [{ state: 'frozen', ySplit: 1 }] });
  data.columns = spec.colonnes.map((c) => {
    const fmt = numFmt(c, rows);
    return { key: c.nom, header: c.libelle, width: width([c.libelle, ...rows.map((r) => display(c, r[c.nom]))]), ...(fmt ? { style: { numFmt: fmt } } : {}) };
  });
  for (const r of rows) data.addRow(spec.colonnes.map((c) => cellValue(c, r[c.nom])));
  data.getRow(1).font = { bold: true };
  data.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: spec.colonnes.length } };

  const doc = workbook.addWorksheet(COLUMNS_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  doc.columns = [
    { header: 'Libellé', key: 'libelle', width: width(spec.colonnes.map((c) => c.libelle)) },
    { header: 'Nom (CSV et JSON)', key: 'nom', width: width(spec.colonnes.map((c) => c.nom)) },
    { header: 'Type', key: 'type', width: 14 },
    { header: 'Description', key: 'description', width: 80, style: { alignment: { wrapText: true, vertical: 'top' } } },
  ];
  for (const c of spec.colonnes) doc.addRow([c.libelle, c.nom, TYPE_LABELS[c.type], frenchTypography(plainDescription(c))]);
  doc.getRow(1).font = { bold: true };
  doc.addRow([]);
  const about: [string, string][] = [
    ['Table', frenchTypography(`${spec.titre} : une ligne par ${spec.ligne}`)],
    ['Contrat', contrat.titre],
    ['Version', `${contrat.version} (${contrat.date})`],
    ['Licence', contrat.licence],
    ['Mêmes données', `${spec.nom}.csv (pour les programmes : UTF-8, virgule) et ${spec.nom}.json`],
  ];
  for (const [k, v] of about) doc.addRow([k, v]).getCell(1).font = { bold: true };

  const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
  return pinZipDates(bytes, date);
}

function cellValue(c: Column, v: Value): ExcelJS.CellValue {
  const flat = joinList(v);
  if (flat === null || flat === undefined || flat === '') return null;
  if (c.type === 'booleen') return typeof flat === 'boolean' ? flat : null;
  if (c.type === 'texte' || c.type === 'liste') return String(flat);
  return typeof flat === 'number' ? flat : null;
}

function numFmt(c: Column, rows: readonly Row[]): string | undefined {
  if (c.type !== 'euros') return NUM_FMT[c.type];
  return rows.every((r) => !Number.isFinite(r[c.nom]) || Number.isInteger(r[c.nom])) ? EUROS : EUROS_CENTS;
}

/** Roughly the text a cell shows, to size its column. */
function display(c: Column, v: Value): string {
  const flat = cellValue(c, v);
  if (typeof flat === 'number') return c.type === 'euros' ? `${flat.toLocaleString('fr-FR')} €__` : String(flat);
  return flat === null ? '' : String(flat);
}

function width(texts: readonly string[]): number {
  return Math.min(60, Math.max(8, ...texts.map((t) => t.length + 2)));
}

/**
 * Sets the date of every entry of a zip archive (the local header and the
 * central directory record: DOS time and date) to `date`. JSZip, under
 * exceljs, stamps each entry with the clock, so two builds would differ.
 */
export function pinZipDates(zip: Uint8Array, date: Date): Uint8Array<ArrayBuffer> {
  const out = zip.slice();
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  const time = (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1);
  const day = ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
  let end = out.length - 22;
  while (end >= 0 && view.getUint32(end, true) !== 0x06054b50) end--;
  if (end < 0) throw new Error('archive zip sans répertoire central');
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  for (let i = 0; i < count; i++) {
    if (view.getUint32(at, true) !== 0x02014b50) throw new Error('répertoire central zip illisible');
    view.setUint16(at + 12, time, true);
    view.setUint16(at + 14, day, true);
    const local = view.getUint32(at + 42, true);
    if (view.getUint32(local, true) !== 0x04034b50) throw new Error('en-tête local zip illisible');
    view.setUint16(local + 10, time, true);
    view.setUint16(local + 12, day, true);
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return out;
}
