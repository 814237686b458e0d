/**
 * `npm run import`, without the disk: input bytes and the contract's files
 * in, the files to write (or the reasons not to) out.
 *
 * bytes → table (CSV or XLSX) → layout → values (territories resolved, cells
 * parsed, every problem located in the input) → indicator files → the
 * would-be contract checked. An annual programmation takes its own road
 * from the layout on (programmation/): rows → fiches → their `suivi`.
 */
import { issueAt, type ContentIssue, type RuleId } from '../model/issues.ts';
import type { SourceFile } from '../model/source.ts';
import { checkChanges } from './check.ts';
import { detectSeparator, parseCsv } from './csv.ts';
import { decodeBytes } from './decode.ts';
import { extractValues } from './extract.ts';
import { detectLayout, type Layout } from './layout.ts';
import { groupValues, planChanges, type FileChange } from './plan.ts';
import { prepareProgrammation } from './programmation/index.ts';
import type { Table } from './table.ts';
import { territoryIndex } from './territories.ts';

export interface ImportOptions {
  annee?: number;
  source?: string;
  theme?: string;
  titre?: string;
  unite?: string;
  indicateur?: string;
  variables?: ReadonlyMap<string, string>;
}

export interface ImportRequest {
  /** The input file as the user named it. */
  file: string;
  bytes: Uint8Array;
  /** The contract's files (readContentFiles). */
  files: readonly SourceFile[];
  options: ImportOptions;
}

export type ImportOutcome =
  /** The options do not fit the file: exit 2. */
  | { status: 'usage'; message: string }
  /** Problems located in the input file: exit 1, nothing written. */
  | { status: 'input'; issues: ContentIssue[] }
  /** The import would give the contract new errors: exit 1, nothing written. */
  | { status: 'refused'; errors: ContentIssue[]; changes: FileChange[] }
  | {
      status: 'ready';
      table: Table;
      layout: Layout;
      /** Columns left out (indicator extracts). */
      ignored: string[];
      /** Lines read as no data: section titles, totals (programmation). */
      skipped?: number[];
      changes: FileChange[];
      unchanged: string[];
      issues: ContentIssue[];
    };

export async function prepareImport(request: ImportRequest): Promise<ImportOutcome> {
  const { file, options } = request;
  const read = await readTable(request.bytes);
  if (!read.ok) return { status: 'input', issues: [inputIssue('import-fichier', file, read.line, read.message)] };
  const { table } = read;
  const layout = detectLayout(table);
  if (!layout)
    return {
      status: 'input',
      issues: [
        inputIssue(
          'import-colonne',
          file,
          table.rows[0]?.line ?? 1,
          'en-tête non reconnu',
          'attendu : un extrait Insee (code_qp ou codgeo, puis une colonne par variable : pop_mun, tp60…), quatre colonnes territoire, annee, indicateur, valeur, ou une programmation (Fiche ou Action, Financeur, Montant programmé…)',
        ),
      ],
    };
  if (layout.kind === 'programmation') return prepareProgrammation(file, table, layout, request.files, options);
  const index = territoryIndex(request.files);
  const extraction = extractValues(table, layout, index, { file, ...options });
  if (extraction.usage) return { status: 'usage', message: extraction.usage };
  if (extraction.issues.length > 0) return { status: 'input', issues: extraction.issues };
  if (extraction.values.length === 0) {
    const what = options.indicateur ? ` pour l’indicateur « ${options.indicateur} »` : '';
    return { status: 'input', issues: [inputIssue('import-valeur', file, table.rows[layout.headerRow]!.line, `aucune valeur à importer${what}`)] };
  }
  const plan = planChanges(groupValues(extraction.values, index), request.files, { origin: baseName(file), ...options });
  if (!plan.ok) return plan.exitCode === 2 ? { status: 'usage', message: plan.message } : { status: 'input', issues: [inputIssue('import-fichier', file, 1, plan.message)] };
  const check = checkChanges(request.files, plan.changes);
  if (check.newErrors.length > 0) return { status: 'refused', errors: check.newErrors, changes: plan.changes };
  return { status: 'ready', table, layout, ignored: extraction.ignored, changes: plan.changes, unchanged: plan.unchanged, issues: check.issues };
}

export type ReadResult = { ok: true; table: Table } | { ok: false; line: number; message: string };

/** XLSX is recognised by its content (a zip), not its name; anything else is read as CSV text. */
export async function readTable(bytes: Uint8Array): Promise<ReadResult> {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    const { readXlsx } = await import('./xlsx.ts');
    const xlsx = await readXlsx(bytes);
    if (!xlsx.ok) return { ok: false, line: 1, message: xlsx.message };
    return { ok: true, table: { format: 'xlsx', rows: xlsx.rows, description: `XLSX, feuille « ${xlsx.sheet} »` } };
  }
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0)
    return { ok: false, line: 1, message: 'classeur Excel 97-2003 (.xls) non pris en charge : enregistrez-le en .xlsx ou en CSV' };
  const { text, encoding } = decodeBytes(bytes);
  const separator = detectSeparator(text);
  const csv = parseCsv(text, separator);
  if (!csv.ok) return { ok: false, line: csv.line, message: csv.message };
  const name = separator === '\t' ? 'tabulation' : `« ${separator} »`;
  return { ok: true, table: { format: 'csv', rows: csv.rows, description: `CSV ${encoding}, séparateur ${name}` } };
}

function inputIssue(rule: RuleId, file: string, line: number, message: string, hint?: string): ContentIssue {
  return issueAt(rule, { file, line, column: 1, path: '' }, message, hint);
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

export type { FileChange } from './plan.ts';
export type { Layout } from './layout.ts';
