/**
 * Rows of a programmation → what each fiche received each year: its
 * funders with their amounts, and its subsidy files. Every row that names
 * no fiche or two, every unreadable amount, is reported at its cell, all
 * at once; a caller writes nothing while there is one.
 */
import { normalizeTitle } from '../../model/ids.ts';
import type { ContentIssue, RuleId } from '../../model/issues.ts';
import { parseAmount, parseYear } from '../numbers.ts';
import { cellIssue, cellText, isBlank, type Column, type Row, type Table } from '../table.ts';
import type { ProgrammationColumns } from './columns.ts';
import type { FicheIndex, FicheRef } from './fiches.ts';

export const AMOUNTS = ['prevu', 'engage', 'realise'] as const;
export type AmountKey = (typeof AMOUNTS)[number];

export interface FinancementLine extends Partial<Record<AmountKey, number>> {
  financeur: string;
  /** Line of the input file it came from. */
  line: number;
}

export interface FicheYear {
  fiche: FicheRef;
  annee: number;
  financements: FinancementLine[];
  dossiers: string[];
}

export interface ProgrammationExtraction {
  entries: FicheYear[];
  issues: ContentIssue[];
  /** Lines that are no action × funder row: section titles, totals. */
  skipped: number[];
  /** Set when the options do not fit the file (exit 2, not 1). */
  usage?: string;
}

export interface ProgrammationOptions {
  file: string;
  annee?: number;
}

/** Funders are the same when equal after trimming, NFC normalisation and case folding (FORMAT-SUIVI). */
export function funderKey(name: string): string {
  return cleanText(name).toLocaleLowerCase('fr');
}

export function cleanText(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

const TOTAL = /^(sous )?(total|totaux)\b/;
const AMOUNT_HINT = 'écrivez un montant en euros (16 000, 30 000,50, 16 000 €), ou laissez la cellule vide';

export function extractProgrammation(table: Table, headerRow: number, columns: ProgrammationColumns, index: FicheIndex, options: ProgrammationOptions): ProgrammationExtraction {
  if (!columns.annee && options.annee === undefined)
    return { entries: [], issues: [], skipped: [], usage: 'ce fichier n’a pas de colonne « Année » ou « Exercice » : précisez l’année de la programmation avec --annee AAAA' };
  const issues: ContentIssue[] = [];
  const error = (rule: RuleId, row: Row, column: Column, message: string, hint?: string) => issues.push(cellIssue(table, options.file, rule, row, column, message, hint));
  const entries = new Map<string, FicheYear & { lines: Map<string, number> }>();
  const skipped: number[] = [];

  for (const row of table.rows.slice(headerRow + 1)) {
    const cell = (column: Column | undefined) => (column ? row.cells[column.index] : undefined);
    const named = [columns.fiche, columns.titre].find((c) => c && !isBlank(cell(c)));
    const amounts = AMOUNTS.filter((k) => !isBlank(cell(columns[k])));
    if (amounts.length === 0 && isBlank(cell(columns.financeur)) && isBlank(cell(columns.dossier))) {
      if (!row.cells.every(isBlank)) skipped.push(row.line);
      continue;
    }
    if (named && TOTAL.test(normalizeTitle(cellText(cell(named))))) {
      skipped.push(row.line);
      continue;
    }
    let annee = options.annee;
    if (columns.annee) {
      annee = parseYear(cell(columns.annee));
      if (annee === undefined) {
        error('import-valeur', row, columns.annee, `année illisible « ${cellText(cell(columns.annee))} »`, 'une année sur quatre chiffres est attendue, ex. 2016');
        continue;
      }
      if (options.annee !== undefined && annee !== options.annee) continue;
    }
    const fiche = findFiche(row, named ?? (columns.fiche ?? columns.titre)!, named !== undefined, index, error);
    const line: FinancementLine = { financeur: cleanText(cellText(cell(columns.financeur))), line: row.line };
    for (const key of amounts) {
      const column = columns[key]!;
      const value = parseAmount(cell(column));
      if (value === undefined) error('import-valeur', row, column, `montant illisible « ${cellText(cell(column))} »`, AMOUNT_HINT);
      else if (value !== null && value < 0) error('import-valeur', row, column, `montant négatif « ${cellText(cell(column))} »`, 'un montant programmé, engagé ou payé est positif ou nul');
      else if (value !== null) line[key] = value;
    }
    if (line.financeur === '' && amounts.length > 0) error('import-valeur', row, columns.financeur!, 'financeur manquant', 'chaque montant appartient à un financeur : complétez la cellule');
    if (!fiche || annee === undefined) continue;

    const key = `${fiche.id}|${annee}`;
    const entry = entries.get(key) ?? entries.set(key, { fiche, annee, financements: [], dossiers: [], lines: new Map() }).get(key)!;
    for (const dossier of dossiersOf(cell(columns.dossier))) if (!entry.dossiers.includes(dossier)) entry.dossiers.push(dossier);
    if (line.financeur === '') continue;
    const previous = entry.lines.get(funderKey(line.financeur));
    if (previous !== undefined) {
      error('import-valeur', row, columns.financeur!, `financeur en double pour la fiche « ${fiche.id} » en ${annee} : « ${line.financeur} » (déjà ligne ${previous})`, 'additionnez les montants sur une seule ligne, ou nommez les financeurs de façon distincte');
      continue;
    }
    entry.lines.set(funderKey(line.financeur), row.line);
    entry.financements.push(line);
  }
  return { entries: [...entries.values()].map(({ lines: _lines, ...entry }) => entry), issues, skipped };
}

function findFiche(row: Row, column: Column, named: boolean, index: FicheIndex, error: (rule: RuleId, row: Row, column: Column, message: string, hint?: string) => void): FicheRef | undefined {
  if (!named) {
    error('import-fiche', row, column, 'fiche manquante', 'chaque ligne nomme sa fiche : son identifiant (nom du fichier sans « .md ») ou son titre');
    return undefined;
  }
  const text = cellText(row.cells[column.index]);
  const match = index.find(text);
  if (match.ok) return match.fiche;
  if (match.ambiguous.length > 0) {
    const ids = match.ambiguous.map((f) => f.id);
    error('import-fiche', row, column, `titre ambigu « ${text} » : ${ids.length} fiches portent ce titre (${ids.join(', ')})`, `écrivez l’identifiant de la fiche voulue (${ids.join(' ou ')}) dans une colonne « Fiche »`);
  } else
    error('import-fiche', row, column, `fiche inconnue « ${text} »`, match.suggestion ? `vouliez-vous écrire « ${match.suggestion} » ?` : 'écrivez l’identifiant d’une fiche (nom de son fichier dans cahier-2/fiches/, sans « .md ») ou son titre exact');
  return undefined;
}

/** One cell may list several files: « 2016-0042 ; 2016-0043 ». */
function dossiersOf(cell: Row['cells'][number] | undefined): string[] {
  return cellText(cell)
    .split(/[;,\n]/)
    .map(cleanText)
    .filter((d) => d !== '');
}
