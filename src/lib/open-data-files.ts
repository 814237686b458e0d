/**
 * The files of dist/donnees/: every table of the open data in every format,
 * named `<table>.<format>`. The XLSX comes first: it is the one to open in a
 * spreadsheet (a comma-separated file opens in one column in French Excel).
 */
import type { Contract } from './model/index.ts';
import { OPEN_DATA_FORMATS, type OpenDataFormat } from './open-data-columns.ts';
import { OPEN_DATA_TABLES, toCsv, toJson } from './open-data.ts';
import { toXlsx, XLSX_TYPE } from './open-data-xlsx.ts';

export const MEDIA_TYPES: Record<OpenDataFormat, string> = {
  xlsx: XLSX_TYPE,
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

/** Every file name, table by table, each in the order of OPEN_DATA_FORMATS. */
export function openDataFiles(): string[] {
  return OPEN_DATA_TABLES.flatMap((t) => OPEN_DATA_FORMATS.map((f) => `${t.spec.nom}.${f}`));
}

export async function openDataFile(contract: Contract, name: string): Promise<{ body: string | Uint8Array<ArrayBuffer>; type: string }> {
  const [nom, format] = name.split('.') as [string, OpenDataFormat];
  const table = OPEN_DATA_TABLES.find((t) => t.spec.nom === nom);
  if (!table || !OPEN_DATA_FORMATS.includes(format)) throw new Error(`fichier de données inconnu : ${name}`);
  const rows = table.rows(contract);
  const body = format === 'xlsx' ? await toXlsx(table.spec, rows, contract) : format === 'csv' ? toCsv(table.spec, rows) : toJson(table.spec, rows, contract);
  return { body, type: MEDIA_TYPES[format] };
}
