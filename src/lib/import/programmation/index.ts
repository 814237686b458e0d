/**
 * An annual programmation → the fiches' `suivi`: rows matched to fiches,
 * amounts read, each fiche's front matter written, the would-be contract
 * checked. Nothing touches the disk here.
 */
import { parseDocument } from 'yaml';
import { issueAt } from '../../model/issues.ts';
import { decodeText, type SourceFile } from '../../model/source.ts';
import { checkChanges } from '../check.ts';
import type { ImportOptions, ImportOutcome } from '../index.ts';
import type { Layout } from '../layout.ts';
import { cellText, isBlank, type Table } from '../table.ts';
import type { Role } from './columns.ts';
import { AMOUNTS, extractProgrammation } from './extract.ts';
import { ficheIndex } from './fiches.ts';
import { planProgrammation } from './plan.ts';

/** Options of the indicator import that mean nothing for a programmation. */
const INDICATOR_OPTIONS = ['source', 'theme', 'titre', 'unite', 'indicateur', 'variables'] as const;

export function prepareProgrammation(file: string, table: Table, layout: Extract<Layout, { kind: 'programmation' }>, files: readonly SourceFile[], options: ImportOptions): ImportOutcome {
  const extra = INDICATOR_OPTIONS.filter((o) => options[o] !== undefined);
  if (extra.length > 0) return { status: 'usage', message: `${extra.map((o) => `--${o}`).join(', ')} : sans objet pour une programmation (colonnes ${describeColumns(layout)})` };
  const periode = contractPeriod(files);
  if (options.annee !== undefined && periode && (options.annee < periode.debut || options.annee > periode.fin))
    return { status: 'usage', message: `--annee ${options.annee} : hors de la période du contrat (${periode.debut}-${periode.fin})` };

  const { columns, headerRow } = layout;
  const extraction = extractProgrammation(table, headerRow, columns, ficheIndex(files), { file, ...(options.annee !== undefined ? { annee: options.annee } : {}) });
  if (extraction.usage) return { status: 'usage', message: extraction.usage };
  if (extraction.issues.length > 0) return { status: 'input', issues: extraction.issues };
  if (extraction.entries.length === 0) {
    const what = options.annee !== undefined ? ` pour ${options.annee}` : '';
    return { status: 'input', issues: [issueAt('import-valeur', { file, line: table.rows[headerRow]!.line, column: 1, path: '' }, `aucune ligne à importer${what}`)] };
  }
  const plan = planProgrammation(extraction.entries, files, { amounts: AMOUNTS.filter((k) => columns[k]), dossiers: columns.dossier !== undefined });
  if (!plan.ok) return { status: 'input', issues: [issueAt('import-fichier', { file, line: 1, column: 1, path: '' }, plan.message)] };
  const check = checkChanges(files, plan.changes);
  if (check.newErrors.length > 0) return { status: 'refused', errors: check.newErrors, changes: plan.changes };
  return { status: 'ready', table, layout, ignored: ignoredColumns(table, layout), skipped: extraction.skipped, changes: plan.changes, unchanged: plan.unchanged, issues: check.issues };
}

const ROLE_NAMES: Record<Role, string> = {
  fiche: 'fiche',
  titre: 'titre de la fiche',
  financeur: 'financeur',
  prevu: 'programmé',
  engage: 'engagé',
  realise: 'payé',
  dossier: 'dossiers',
  annee: 'année',
};

/** « « Action » : titre de la fiche, « Financeur » : financeur… »: how the import reads the columns, for the report. */
export function describeColumns(layout: Extract<Layout, { kind: 'programmation' }>): string {
  return Object.entries(layout.columns)
    .sort(([, a], [, b]) => a.index - b.index)
    .map(([role, column]) => `« ${column.name} » (${ROLE_NAMES[role as Role]})`)
    .join(', ');
}

/** Header cells the import does not read. */
function ignoredColumns(table: Table, layout: Extract<Layout, { kind: 'programmation' }>): string[] {
  const read = new Set(Object.values(layout.columns).map((c) => c.index));
  return table.rows[layout.headerRow]!.cells.flatMap((c, i) => (read.has(i) || isBlank(c) ? [] : [cellText(c)]));
}

/** The contract's periode, when contrat.yaml says it plainly (the checker reports it otherwise). */
function contractPeriod(files: readonly SourceFile[]): { debut: number; fin: number } | undefined {
  const contrat = files.find((f) => f.path === 'contrat.yaml');
  const decoded = contrat ? decodeText(contrat) : undefined;
  if (!decoded?.ok) return undefined;
  const periode = parseDocument(decoded.text).toJS() as { periode?: { debut?: unknown; fin?: unknown } } | null;
  const { debut, fin } = periode?.periode ?? {};
  return typeof debut === 'number' && typeof fin === 'number' ? { debut, fin } : undefined;
}
