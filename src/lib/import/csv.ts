/**
 * CSV text → Table. The separator is guessed from the header line (`;` in
 * French exports, `,` elsewhere, tab from Excel's Unicode text); line
 * endings are normalised first so csv-parse's line count is the editor's.
 */
import { parse } from 'csv-parse/sync';
import type { Row } from './table.ts';

export type Separator = ';' | ',' | '\t';

const SEPARATORS: readonly Separator[] = [';', ',', '\t'];

/** The separator that occurs most often outside quotes on the first non-empty line (`;` wins ties). */
export function detectSeparator(text: string): Separator {
  const first = text.split(/\r\n|\r|\n/).find((line) => line.trim() !== '') ?? '';
  const counts = new Map<Separator, number>(SEPARATORS.map((s) => [s, 0]));
  let quoted = false;
  for (const ch of first) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch as Separator)) counts.set(ch as Separator, counts.get(ch as Separator)! + 1);
  }
  let best: Separator = ';';
  for (const s of SEPARATORS) if (counts.get(s)! > counts.get(best)!) best = s;
  return best;
}

export type CsvResult = { ok: true; rows: Row[] } | { ok: false; line: number; message: string };

export function parseCsv(text: string, separator: Separator): CsvResult {
  const normalised = text.replace(/\r\n?/g, '\n');
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // With `info`, each record comes as { record, info }; the typings only know the plain shape.
    records = parse(normalised, { delimiter: separator, info: true, relax_column_count: true, skip_empty_lines: true, relax_quotes: true }) as unknown as typeof records;
  } catch (e) {
    const line = typeof (e as { lines?: unknown }).lines === 'number' ? (e as { lines: number }).lines : 1;
    return { ok: false, line, message: csvErrorMessage(e) };
  }
  // info.lines is the line where a record ends; quoted fields may span lines.
  const rows = records.map(({ record, info }) => {
    const inner = record.reduce((n, field) => n + (field.match(/\n/g)?.length ?? 0), 0);
    return { line: info.lines - inner, cells: record };
  });
  return { ok: true, rows };
}

function csvErrorMessage(e: unknown): string {
  const code = (e as { code?: unknown }).code;
  if (code === 'CSV_QUOTE_NOT_CLOSED') return 'CSV illisible : guillemet ouvert jamais refermé';
  return `CSV illisible : ${e instanceof Error ? e.message : String(e)}`;
}
